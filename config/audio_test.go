package config

import (
	"strings"
	"testing"
)

// TestAudioRules: the audio key's checks, each at its exact position.
func TestAudioRules(t *testing.T) {
	dir := testFiles(t)
	audio := func(src, body string) string { // source line 6, audio line 7, its keys from 8
		return kafkaBase + "streams:\n  - name: a\n    source: " + src + "\n    audio:\n" + body
	}
	const test = "{type: test}"
	const rtsp = "{type: rtsp, url: \"rtsp://cam/live\"}"
	checkErrors(t, dir, []errCase{
		{name: "no source", yaml: audio(test, "      codec: aac\n"),
			want: []string{`8:7: streams[0].audio.source: missing: one of [test alsa camera]`}},
		{name: "unknown source", yaml: audio(test, "      source: pulse\n"),
			want: []string{`8:15: streams[0].audio.source: "pulse": want one of [test alsa camera]`}},
		{name: "alsa without device", yaml: audio(test, "      source: alsa\n"),
			want: []string{`8:15: streams[0].audio.device: missing: source alsa needs the capture device`}},
		{name: "device without alsa", yaml: audio(test, "      source: test\n      device: hw:1,0\n"),
			want: []string{`9:7: streams[0].audio.device: only source alsa takes a device (source is test)`}},
		{name: "bad device", yaml: audio(test, "      source: alsa\n      device: \"hw:1, 0\"\n"),
			want: []string{`9:15: streams[0].audio.device: "hw:1, 0": an ALSA device is written like hw:1,0`}},
		{name: "camera on a test source", yaml: audio(test, "      source: camera\n"),
			want: []string{`8:15: streams[0].audio.source: camera takes the audio track of an rtsp camera, and this stream's source is test`}},
		{name: "opus rate", yaml: audio(test, "      source: test\n      codec: opus\n      rate: 44100\n"),
			want: []string{`10:13: streams[0].audio.rate: opus codes 8000, 12000, 16000, 24000 or 48000 Hz, not 44100`}},
		{name: "opus default rate ok, bad codec", yaml: audio(test, "      source: test\n      codec: mp3\n"),
			want: []string{`9:14: streams[0].audio.codec: "mp3": want one of [aac opus]`}},
		{name: "channels", yaml: audio(test, "      source: test\n      channels: 6\n"),
			want: []string{`9:17: streams[0].audio.channels: 6 is out of range`}},
		{name: "bitrate", yaml: audio(test, "      source: test\n      bitrate_kbps: 2000\n"),
			want: []string{`9:21: streams[0].audio.bitrate_kbps: 2000 is out of range`}},
		{name: "unknown key", yaml: audio(test, "      source: test\n      volume: 3\n"),
			want: []string{`9:7: streams[0].audio: unknown key "volume"`}},
		{name: "not a mapping", yaml: audio(test, "      yes\n"),
			want: []string{`8:7: streams[0].audio: want a mapping of keys`}},
		{name: "camera audio with rtsp is fine, bad rate", yaml: audio(rtsp, "      source: camera\n      rate: 4000\n"),
			want: []string{`9:13: streams[0].audio.rate: 4000 is out of range`}},
	})
}

// TestAudioDefaults: the defaults of each codec, and config show.
func TestAudioDefaults(t *testing.T) {
	for _, c := range []struct {
		body      string
		codec     string
		kbps      int
		show      string
		rate, chn int
	}{
		{"      source: test\n", AudioAAC, DefaultAACBitrateKbps, "audio:\n      source: test\n      codec: aac\n      bitrate_kbps: 64\n      rate: 48000\n      channels: 1\n", 48000, 1},
		{"      source: alsa\n      device: hw:1,0\n      codec: opus\n      rate: 16000\n      channels: 2\n", AudioOpus, DefaultOpusBitrateKbps,
			"audio:\n      source: alsa\n      device: hw:1,0\n      codec: opus\n      bitrate_kbps: 32\n      rate: 16000\n      channels: 2\n", 16000, 2},
	} {
		cfg, err := Parse("cam.yaml", []byte(kafkaBase+"streams:\n  - name: a\n    source: {type: test}\n    audio:\n"+c.body))
		if err != nil {
			t.Fatal(err)
		}
		a := cfg.Streams[0].Audio
		if a == nil || a.Codec != c.codec || a.BitrateKbps != c.kbps || a.Rate != c.rate || a.Channels != c.chn {
			t.Fatalf("audio = %+v; want codec %s, %d kbit/s, %d Hz, %d channels", a, c.codec, c.kbps, c.rate, c.chn)
		}
		out, err := cfg.YAML()
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(out), c.show) {
			t.Errorf("config show:\n%s\nwant it to hold:\n%s", out, c.show)
		}
	}
	cfg, err := Parse("cam.yaml", []byte(kafkaBase+okStream))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Streams[0].Audio != nil {
		t.Errorf("a stream without audio: key has audio %+v", cfg.Streams[0].Audio)
	}
}
