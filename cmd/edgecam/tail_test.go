package main

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/edgecam/edgecam/encode"
	"github.com/edgecam/edgecam/internal/testkit"
	"github.com/edgecam/edgecam/kafka/kafkatest"
)

// videoFrames encodes 5 s of videotestsrc with x264enc through the agent's
// own pipeline (encode.Start).
func videoFrames(t *testing.T) []encode.Frame {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	p, err := encode.Start(ctx, encode.Spec{Name: "t",
		Source: "videotestsrc is-live=true num-buffers=150 pattern=ball ! video/x-raw,width=320,height=240,framerate=30/1",
		Width:  320, Height: 240, FPS: 30, BitrateKbps: 500, KeyframeInterval: time.Second, Encoder: "x264enc"})
	if err != nil {
		t.Fatal(err)
	}
	var fs []encode.Frame
	for f := range p.Frames() {
		fs = append(fs, f)
	}
	// The leaky queue after the live source may drop a raw frame when
	// the machine is loaded (149 of 150 once, beside make test's other
	// lanes); the read stops at the 120th video frame anyway. p.Err()
	// says "source ended": num-buffers ran out.
	if len(fs) < 130 {
		t.Fatalf("video pipeline: %d frames of 150, %v", len(fs), p.Err())
	}
	return fs
}

// aacFrames encodes seconds of a 440 Hz tone with avenc_aac (one of the
// agent's AAC encoders) into ADTS and splits it at the ADTS headers into
// frames of 1024 samples at 48 kHz, timestamped from 0 as the agent's
// pipeline clock would.
func aacFrames(t *testing.T, seconds int) [][]byte {
	t.Helper()
	n := seconds * 48000 / 1024
	cmd := exec.Command("gst-launch-1.0", "-q", "audiotestsrc", fmt.Sprintf("num-buffers=%d", n), "samplesperbuffer=1024", "wave=sine", "freq=440",
		"!", "audio/x-raw,rate=48000,channels=1", "!", "avenc_aac", "!", "aacparse", "!", "audio/mpeg,mpegversion=4,stream-format=adts", "!", "fdsink", "fd=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("gst-launch-1.0 audiotestsrc ! avenc_aac: %v: %s", err, stderr.String())
	}
	var frames [][]byte
	for len(out) >= 7 {
		if out[0] != 0xff || out[1]&0xf0 != 0xf0 {
			t.Fatalf("no ADTS sync word after %d frames", len(frames))
		}
		size := int(out[3]&0x03)<<11 | int(out[4])<<3 | int(out[5])>>5
		if size < 7 || size > len(out) {
			t.Fatalf("ADTS frame %d: length %d of %d bytes left", len(frames), size, len(out))
		}
		frames = append(frames, out[:size])
		out = out[size:]
	}
	if len(frames) < n {
		t.Fatalf("%d AAC frames, want %d", len(frames), n)
	}
	return frames
}

// TestTailAudio: a stream with real H.264 and AAC frames in Kafka (kfake),
// in capture order, the audio with a repeated and two missing frames;
// `edgecam tail -o` into .mp4, .mkv and .ts gives a file in which ffprobe
// finds both streams, ffmpeg decodes both without an error, and the tracks
// start and end within one video frame of each other (the read stops at
// the 120th video frame, --frames). The seq accounting is per track: the
// video line says 0 gaps, 0 duplicates, the audio line the audio's. A raw
// .h264 output keeps the video alone, and --audio-out writes the audio
// into an .aac that decodes.
func TestTailAudio(t *testing.T) {
	c := testkit.Kfake(t, "edgecam.video", 1)
	video, audio := videoFrames(t), aacFrames(t, 6)
	base := time.Now().Add(-time.Hour)
	var recs []kafkatest.Frame
	for i, f := range video {
		recs = append(recs, kafkatest.Frame{Key: "box/front", Track: "video", Codec: "h264", Seq: int64(i), PTS: f.PTS, DTS: f.DTS,
			Capture: base.Add(f.PTS), Keyframe: f.Keyframe, Value: f.Data})
	}
	for i, a := range audio {
		if i == 20 || i == 21 {
			continue // lost: a gap of 2 in the audio's seq
		}
		pts := time.Duration(i) * 1024 * time.Second / 48000
		f := kafkatest.Frame{Key: "box/front", Track: "audio", Codec: "aac", Seq: int64(i), PTS: pts, DTS: pts,
			Capture: base.Add(pts), Keyframe: true, Value: a}
		recs = append(recs, f)
		if i == 10 {
			recs = append(recs, f) // twice
		}
	}
	slices.SortStableFunc(recs, func(a, b kafkatest.Frame) int { return cmp.Compare(a.PTS, b.PTS) })
	kafkatest.ProduceFrames(t, c.ListenAddrs(), "edgecam.video", recs)
	cfg := writeConfig(t, fmt.Sprintf("device: {id: box}\nkafka: {brokers: [%q]}\nstreams:\n  - {name: front, source: {type: test}}\n", c.ListenAddrs()[0]))

	tail := func(args ...string) string {
		t.Helper()
		var stderr strings.Builder
		if err := cmdTail(append([]string{"--config", cfg, "--stream", "front", "--from-start", "--frames", "120"}, args...), &stderr); err != nil {
			t.Fatalf("tail %v: %v\n%s", args, err, stderr.String())
		}
		msg := stderr.String()
		if !strings.Contains(msg, "tail: 120 frames") || !strings.Contains(msg, "0 gaps, 0 duplicates") {
			t.Fatalf("tail %v: the video line does not say 120 frames, 0 gaps, 0 duplicates:\n%s", args, msg)
		}
		if !strings.Contains(msg, "tail: audio gap: seq 20..21 missing (2 frames)") || !strings.Contains(msg, "tail: audio duplicate: seq 10 again") ||
			!strings.Contains(msg, "(aac)") || !strings.Contains(msg, "1 gaps (2 frames missing), 1 duplicates") {
			t.Fatalf("tail %v: the audio's gap and duplicate are not reported as the audio's:\n%s", args, msg)
		}
		return msg
	}
	dir := t.TempDir()
	for _, ext := range []string{".mp4", ".mkv", ".ts"} {
		path := filepath.Join(dir, "x"+ext)
		msg := tail("-o", path)
		v, a, errs := testkit.ProbeAV(t, path)
		if errs != "" {
			t.Errorf("%s: ffmpeg decoding errors: %s", ext, errs)
		}
		if v.Codec != "h264" || a.Codec != "aac" || v.Packets != 120 {
			t.Fatalf("%s: video %q (%d packets), audio %q; want h264 (120) and aac\n%s", ext, v.Codec, v.Packets, a.Codec, msg)
		}
		const frame = 1.0 / 30
		if d := a.Start - v.Start; d > frame || d < -frame {
			t.Errorf("%s: audio starts at %.3f s, video at %.3f s: more than a frame apart", ext, a.Start, v.Start)
		}
		if d := a.End - v.End; d > frame || d < -frame {
			t.Errorf("%s: audio ends at %.3f s, video at %.3f s: more than a frame apart", ext, a.End, v.End)
		}
		t.Logf("%s: video %.3f..%.3f s, audio %.3f..%.3f s (%d frames)", ext, v.Start, v.End, a.Start, a.End, a.Packets)
	}

	raw, aac := filepath.Join(dir, "x.h264"), filepath.Join(dir, "x.aac")
	msg := tail("-o", raw, "--audio-out", aac)
	if n, errs := testkit.ProbeFrames(t, raw); n != 120 || errs != "" {
		t.Fatalf(".h264: %d frames, errors %q", n, errs)
	}
	if c := testkit.ProbeCodec(t, raw); c != "h264" {
		t.Fatalf(".h264 holds %q", c)
	}
	out, errs := testkit.Probe(t, aac, "-count_frames", "-show_entries", "stream=codec_name,nb_read_frames", "-of", "csv=p=0")
	if errs != "" || !strings.HasPrefix(out, "aac,") {
		t.Fatalf("--audio-out .aac: ffprobe %q, errors %q\n%s", out, errs, msg)
	}
	// Without --audio-out a raw file says where the audio went.
	if msg := tail("-o", raw); !strings.Contains(msg, "holds video only") {
		t.Fatalf("raw output without --audio-out does not say the audio was not written:\n%s", msg)
	}
	var stderr strings.Builder
	if err := cmdTail([]string{"--config", cfg, "--stream", "front", "-o", raw, "--audio-out", filepath.Join(dir, "x.opus")}, &stderr); err == nil || !strings.Contains(err.Error(), "want a .aac file") {
		t.Fatalf("--audio-out x.opus: %v", err)
	}
}
