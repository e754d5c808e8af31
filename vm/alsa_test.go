//go:build v4l2vm

package vm

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/edgecam/edgecam/internal/testkit"
	"github.com/edgecam/edgecam/kafka"
)

// The ALSA checks run in the vivid VM of `make test-v4l2`, where vm.mk
// loads snd-aloop too: the kernel's loopback sound card (card id
// Loopback), whose every playback substream hw:Loopback,0,N comes out of
// the capture substream hw:Loopback,1,N, a microphone that hears what the
// test plays. The tone's frequency is checked in what comes out.

const (
	// toneHz is the tone played into the loopback. Not a round number a
	// resampling or timer artefact could land on.
	toneHz = 1234
	// The loopback's two sides must agree on format, rate and channels
	// (snd-aloop makes the second opener take the first one's): both use
	// these.
	loopbackCaps = "audio/x-raw,format=S16LE,rate=48000,channels=2"
	loopPlay     = "hw:Loopback,0,0"
	loopCapture  = "hw:Loopback,1,0"
)

// playTone plays toneHz into the loopback's playback side until the test
// ends (gst-launch-1.0, alsasink), the loudspeaker of the test.
func playTone(t *testing.T) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	// At a high priority (the guest runs as root): a real-time player
	// starved of CPU underruns, and the loopback then passes a gap.
	cmd := exec.CommandContext(ctx, "nice", "-n", "-15", "gst-launch-1.0", "-q", "audiotestsrc", "is-live=true", "wave=sine",
		"freq="+strconv.Itoa(toneHz), "volume=0.5", "!", "audioconvert", "!", loopbackCaps, "!", "alsasink", "device="+loopPlay)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatalf("playing the tone: %v", err)
	}
	t.Cleanup(func() {
		cancel()
		_ = cmd.Wait() // killed: reports the kill
	})
}

// checkTone decodes path and wants toneHz in it: in a quarter or more of
// its 0.1 s windows after the first half second (the encoder's priming,
// the player starting after the capture). Not in all: under emulation on
// a loaded machine (load 48 on 2 cores measured) the real-time player
// underruns and the capture overruns, and each gap smears its window's
// spectrum: 52-84% of the windows held the tone in the runs so far. Noise,
// silence or another tone put next to none there (one bin of 10 Hz among
// 2400).
func checkTone(t *testing.T, what, path string) {
	t.Helper()
	samples, errs := testkit.DecodeAudio(t, path, 48000)
	if errs != "" {
		t.Errorf("%s: decoding errors: %s", what, errs)
	}
	if len(samples) < 72000 {
		t.Fatalf("%s: %d samples decoded, want 1.5 s or more of 48 kHz", what, len(samples))
	}
	tail := samples[24000:]
	share := testkit.ToneShare(tail, 48000, 4800, toneHz)
	hz, purity := testkit.DominantFrequency(tail, 48000)
	rms := testkit.RMS(tail)
	t.Logf("check: %s: %.0f%% of 0.1 s windows at the %d Hz tone; overall peak %.0f Hz, purity %.2f, RMS %.3f; %.1f s decoded",
		what, 100*share, toneHz, hz, purity, rms, float64(len(samples))/48000)
	if share < 0.25 || rms < 0.01 {
		t.Errorf("%s: the %d Hz tone played into %s is in %.0f%% of the windows (want 25%% or more), RMS %.3f", what, toneHz, loopPlay, 100*share, rms)
	}
}

// checkALSAProbe: `edgecam probe --json` (raw, TestProbe's run: one probe
// under emulation is 15-20 s) lists the loopback's capture devices, by
// number and by the card's id, with the rates and channels snd-aloop
// offers.
func checkALSAProbe(t *testing.T, raw []byte, took time.Duration) {
	t.Helper()
	cards, err := os.ReadFile("/proc/asound/cards")
	if err != nil || !strings.Contains(string(cards), "Loopback") {
		t.Errorf("no Loopback card in /proc/asound/cards (snd-aloop not loaded?): %v\n%s", err, cards)
		return
	}
	var r struct {
		Audio struct {
			Devices []struct {
				Device       string   `json:"device"`
				StableDevice string   `json:"stable_device"`
				Name         string   `json:"name"`
				CardID       string   `json:"card_id"`
				RateMin      int      `json:"rate_min"`
				RateMax      int      `json:"rate_max"`
				ChannelsMin  int      `json:"channels_min"`
				ChannelsMax  int      `json:"channels_max"`
				Formats      []string `json:"formats"`
			} `json:"devices"`
			Error string `json:"error"`
		} `json:"audio"`
	}
	if err := json.Unmarshal(raw, &r); err != nil {
		t.Errorf("probe --json is not JSON: %v", err)
		return
	}
	if r.Audio.Error != "" {
		t.Errorf("probe: audio error %s", r.Audio.Error)
		return
	}
	var found []string
	for _, d := range r.Audio.Devices {
		if d.CardID != "Loopback" {
			continue
		}
		found = append(found, d.StableDevice)
		// snd-aloop: 8-192 kHz, 1 channel and more, S16LE among its formats.
		if d.RateMin > 8000 || d.RateMax < 48000 || d.ChannelsMin > 1 || d.ChannelsMax < 2 || !strings.Contains(strings.Join(d.Formats, ","), "S16LE") {
			t.Errorf("%+v: want 8000..192000 Hz, 1..8 channels, S16LE", d)
		}
		if !strings.HasPrefix(d.Device, "hw:") || d.Name == "" {
			t.Errorf("%+v: want a name and a device hw:CARD,DEV", d)
		}
	}
	if strings.Join(found, " ") != "hw:Loopback,0 hw:Loopback,1" {
		t.Errorf("loopback capture devices %v, want hw:Loopback,0 and hw:Loopback,1 (both sides capture); all: %+v", found, r.Audio.Devices)
		return
	}
	d := r.Audio.Devices[0]
	t.Logf("check: probe lists the ALSA loopback (probe %.1f s): %s, %d-%d Hz, %d-%d channels", took.Seconds(),
		strings.Join(found, ", "), d.RateMin, d.RateMax, d.ChannelsMin, d.ChannelsMax)
}

// TestALSACaptureGst: the harness itself: a tone played into the
// loopback, captured from its other side by alsasrc (gst-launch-1.0) into
// a WAV file (no encoder in the real-time path: TestALSAAgent has the
// agent's), holds the tone.
func TestALSACaptureGst(t *testing.T) {
	_, out := env(t)
	playTone(t)
	path := filepath.Join(out, "alsa-gst.wav")
	// 300 buffers of alsasrc's 10 ms: 3 s; the bound only
	// catches a hang.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "gst-launch-1.0", "-q", "alsasrc", "device="+loopCapture, "num-buffers=300", "!", loopbackCaps,
		"!", "wavenc", "!", "filesink", "location="+path)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("capturing %s: %v\n%s", loopCapture, err, b)
	}
	checkTone(t, "alsasrc "+loopCapture+" -> wav", path)
}

// audioRecords reads the audio track of key from the Kafka at broker.
func audioRecords(t *testing.T, broker, key string) []*kafka.Record {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	var out []*kafka.Record
	// The audio records come to TailOptions.Audio only; the video's are
	// skipped.
	err := kafka.Tail(ctx, kafka.Config{Brokers: []string{broker}, Topic: "edgecam.video"}, key,
		kafka.TailOptions{From: kafka.FromStart, StopAtEnd: true, Audio: func(r *kafka.Record) error {
			out = append(out, r)
			return nil
		}},
		func(*kafka.Record) error { return nil })
	if err != nil {
		t.Fatalf("reading %s back: %v", key, err)
	}
	return out
}

// TestALSAAgent: `edgecam run` with a stream whose audio is
// {source: alsa, device: hw:Loopback,1,0} delivers the tone played into
// the loopback's other side: the audio records (AAC in ADTS, seq from 0
// without a gap) concatenated decode to toneHz.
func TestALSAAgent(t *testing.T) {
	bin, out := env(t)
	playTone(t)
	c := testkit.Kfake(t, "edgecam.video", 1)
	broker := c.ListenAddrs()[0]
	cfg := filepath.Join(out, "edgecam-alsa.yaml")
	// A small test picture beside the microphone: the audio is what is
	// checked, the video only has to run.
	if err := os.WriteFile(cfg, []byte(`device: {id: vm}
kafka: {brokers: [`+strconv.Quote(broker)+`], topic: edgecam.video}
spool: {dir: /tmp/spool-alsa}
streams:
  - name: mic
    source: {type: test}
    width: 320
    height: 240
    fps: 10
    bitrate_kbps: 200
    encoder: x264enc
    audio: {source: alsa, device: "`+loopCapture+`", codec: aac}
`), 0o644); err != nil {
		t.Fatal(err)
	}
	if b, err := exec.Command(bin, "config", "check", "--config", cfg).CombinedOutput(); err != nil {
		t.Fatalf("config check: %v\n%s", err, b)
	}
	stop := sync.OnceFunc(runAgent(t, bin, cfg, filepath.Join(out, "agent-alsa.log")))
	defer stop()
	const key = "vm/mic"
	// 150 AAC frames of 1024 samples: 3.2 s of sound. The bound only
	// catches a hang (the emulator may be slow).
	var rs []*kafka.Record
	testkit.Wait(t, "150 audio records of "+key, 5*time.Minute, time.Second, func() bool {
		rs = audioRecords(t, broker, key)
		return len(rs) >= 150
	}, func() string { b, _ := os.ReadFile(filepath.Join(out, "agent-alsa.log")); return string(b) })
	stop()
	var adts []byte
	for i, r := range rs {
		if r.Seq != int64(i) || r.Codec != "aac" {
			t.Fatalf("audio record %d: seq %d codec %q; want seq %d, aac", i, r.Seq, r.Codec, i)
		}
		adts = append(adts, r.Value...)
	}
	path := filepath.Join(out, "alsa-agent.aac")
	if err := os.WriteFile(path, adts, 0o644); err != nil {
		t.Fatal(err)
	}
	checkTone(t, "edgecam run, audio alsa "+loopCapture+" -> kfake", path)
}
