package kafka

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/edgecam/edgecam/internal/testkit"
	"github.com/edgecam/edgecam/kafka/kafkatest"
)

// avFrames is 20 s of one stream with audio, in capture order: video at
// 10 fps with a keyframe a second (the first half without edgecam-track,
// as agents wrote before audio, the second with "video"), audio frames
// every 20 ms (each a keyframe, as audio records are), records of another
// stream and of a track this reader does not know between them.
func avFrames(base time.Time) []kafkatest.Frame {
	var fs []kafkatest.Frame
	var aseq int64
	for i := range 200 {
		at := time.Duration(i) * 100 * time.Millisecond
		track := ""
		if i >= 100 {
			track = "video"
		}
		fs = append(fs, kafkatest.Frame{Key: "d/cam", Track: track, Codec: "h264", Seq: int64(i), PTS: at, DTS: at,
			Capture: base.Add(at), Keyframe: i%10 == 0, Value: []byte{0, 0, 0, 1, 0x65, byte(i)}},
			kafkatest.Frame{Key: "other/cam", Codec: "h264", Seq: int64(i), PTS: at, DTS: at,
				Capture: base.Add(at), Keyframe: i%10 == 0, Value: []byte{0, 0, 0, 1, 0x65}},
			kafkatest.Frame{Key: "d/cam", Track: "subtitles", Codec: "text", Seq: int64(i), PTS: at, DTS: at,
				Capture: base.Add(at), Keyframe: true, Value: []byte("hello")})
		for a := at; a < at+100*time.Millisecond; a += 20 * time.Millisecond {
			fs = append(fs, kafkatest.Frame{Key: "d/cam", Track: "audio", Codec: "aac", Seq: aseq, PTS: a, DTS: a,
				Capture: base.Add(a), Keyframe: true, Value: []byte{0xff, 0xf1, byte(aseq)}})
			aseq++
		}
	}
	return fs
}

// TestTailAudio: Tail gives the video alone unless TailOptions.Audio takes
// the audio, each track with its own seq from 0 and no gap, in partition
// order; FromTime starts at a video keyframe (every audio record is marked
// a keyframe too) and the audio from there; Viewer.Read routes the tracks
// the same way. A track of a later format is skipped.
func TestTailAudio(t *testing.T) {
	c := testkit.Kfake(t, "av", 1)
	cfg := Config{Brokers: c.ListenAddrs(), Topic: "av"}
	base := time.Now().Add(-time.Hour).Truncate(time.Second)
	kafkatest.ProduceFrames(t, cfg.Brokers, cfg.Topic, avFrames(base))
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()

	type got struct {
		track string
		r     *Record
	}
	read := func(opts TailOptions, audio bool) []got {
		t.Helper()
		var out []got
		if audio {
			opts.Audio = func(r *Record) error { out = append(out, got{"audio", r}); return nil }
		}
		opts.StopAtEnd = true
		if err := Tail(ctx, cfg, "d/cam", opts, func(r *Record) error { out = append(out, got{"video", r}); return nil }); err != nil {
			t.Fatal(err)
		}
		return out
	}
	seqs := func(gs []got, track string) []int64 {
		var s []int64
		for _, g := range gs {
			if g.track == track {
				s = append(s, g.r.Seq)
			}
		}
		return s
	}
	want := func(first, n int64) []int64 {
		var s []int64
		for i := first; i < first+n; i++ {
			s = append(s, i)
		}
		return s
	}

	videoOnly := read(TailOptions{From: FromStart}, false)
	if s := seqs(videoOnly, "video"); !slices.Equal(s, want(0, 200)) || len(videoOnly) != 200 {
		t.Fatalf("video alone: %d records, video seqs %v", len(videoOnly), s)
	}
	both := read(TailOptions{From: FromStart}, true)
	if s := seqs(both, "video"); !slices.Equal(s, want(0, 200)) {
		t.Fatalf("with audio: video seqs %v", s)
	}
	if s := seqs(both, "audio"); !slices.Equal(s, want(0, 1000)) {
		t.Fatalf("with audio: audio seqs %v", s)
	}
	for i, g := range both {
		if i > 0 && g.r.Offset <= both[i-1].r.Offset {
			t.Fatalf("record %d at offset %d after offset %d: not in partition order", i, g.r.Offset, both[i-1].r.Offset)
		}
		if (g.track == "audio") != (g.r.Codec == "aac") {
			t.Fatalf("a %s record of codec %s", g.track, g.r.Codec)
		}
	}

	// 12.55 s: the video keyframe of 12 s, though audio records captured
	// later than 12 s and before 12.55 s are "keyframes" too.
	from := read(TailOptions{From: FromTime, At: base.Add(12550 * time.Millisecond)}, true)
	if len(from) == 0 || from[0].track != "video" || !from[0].r.Keyframe || !from[0].r.CaptureTime.Equal(base.Add(12*time.Second)) {
		t.Fatalf("--from 12.55 s starts with %+v, want the video keyframe of 12 s", from[0])
	}
	if s := seqs(from, "audio"); len(s) == 0 || s[0] != 600 {
		t.Fatalf("--from 12.55 s: audio from seq %v, want 600 (captured at 12 s)", s[:min(len(s), 3)])
	}

	v, err := NewViewer(cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	kf, err := v.KeyframeAt(ctx, "d/cam", base.Add(3050*time.Millisecond))
	if err != nil || kf.Seq != 30 || kf.Codec != "h264" {
		t.Fatalf("KeyframeAt(3.05 s) = %+v, %v; want video seq 30", kf, err)
	}
	_, end, err := v.Bounds(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	var vn, an int
	err = v.Read(ctx, 0, 0, ReadOptions{To: end, Key: "d/cam", Audio: func(*Record) error { an++; return nil }}, func(*Record) error { vn++; return nil }, nil)
	if err != nil || vn != 200 || an != 1000 {
		t.Fatalf("Read with Audio: %d video, %d audio, %v; want 200 and 1000", vn, an, err)
	}
	vn = 0
	if err := v.Read(ctx, 0, 0, ReadOptions{To: end, Key: "d/cam"}, func(*Record) error { vn++; return nil }, nil); err != nil || vn != 200 {
		t.Fatalf("Read: %d video, %v; want 200", vn, err)
	}
}
