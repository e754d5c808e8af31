package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/edgecam/edgecam/internal/rtsptest"
	"github.com/edgecam/edgecam/internal/testkit"
)

// checkH265Records checks what kcat read of an H.265 stream: the record
// format (checkCodecStream: seq 0..N-1, edgecam-codec h265 on every
// record, a keyframe first), every keyframe an IRAP with VPS/SPS/PPS
// before it and every IRAP flagged, and ffprobe decoding every frame of
// the concatenation as hevc. It returns the number of keyframes.
func checkH265Records(t *testing.T, recs []record, key string) (keyframes int) {
	t.Helper()
	stream := checkCodecStream(t, recs, key, "h265")
	for i, r := range recs {
		kf := r.headers["edgecam-keyframe"] == "1"
		if err := testkit.CheckHEVCKeyframe(r.value, kf); err != nil {
			t.Fatalf("record %d, edgecam-keyframe %v: %v", i, kf, err)
		}
		if kf {
			keyframes++
		}
	}
	n, errs := testkit.ProbeH265(t, stream)
	if n != len(recs) || errs != "" {
		t.Fatalf("ffprobe decoded %d frames of %d records; errors: %q", n, len(recs), errs)
	}
	return keyframes
}

// tailH265 runs `edgecam tail --from-start --to-end` into each of exts and
// checks that ffprobe decodes every record's frame from it, as hevc.
func tailH265(t *testing.T, bin, cfg, stream string, records int, exts ...string) {
	t.Helper()
	for _, ext := range exts {
		t.Run("tail"+ext, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out"+ext)
			msg, err := exec.Command(bin, "tail", "--config", cfg, "--stream", stream, "--from-start", "--to-end", "-o", out).CombinedOutput()
			if err != nil {
				t.Fatalf("edgecam tail: %v\n%s", err, msg)
			}
			if !strings.Contains(string(msg), fmt.Sprintf("%d frames", records)) || !strings.Contains(string(msg), "0 gaps, 0 duplicates") {
				t.Fatalf("tail summary does not report %d frames, no gaps, no duplicates:\n%s", records, msg)
			}
			n, errs := testkit.ProbeFrames(t, out)
			if n != records || errs != "" {
				t.Fatalf("ffprobe decoded %d frames of %d from %s; errors %q", n, records, ext, errs)
			}
			if c := testkit.ProbeCodec(t, out); c != "hevc" {
				t.Fatalf("%s: ffprobe says codec %q, want hevc", ext, c)
			}
			if ext == ".mp4" {
				// hvc1 (parameter sets in the sample entry) is what
				// Apple's players need; hev1 plays elsewhere.
				tag, _ := testkit.Probe(t, out, "-select_streams", "v:0", "-show_entries", "stream=codec_tag_string", "-of", "csv=p=0")
				t.Logf("%s: sample entry %s", ext, tag)
			}
		})
	}
}

// TestH265ToKafka: the test camera encoded as H.265 (codec: h265, encoder
// auto: x265enc, the only H.265 encoder here) into real Kafka until 60
// frames are there.
// kcat finds seq 0..N-1 with edgecam-codec h265 on every record, a
// keyframe (IRAP with VPS/SPS/PPS) every second and only there, and
// ffprobe decodes every frame as hevc; `edgecam tail` writes .h265, .mp4,
// .mkv and .ts files that decode frame for frame, and refuses .h264.
func TestH265ToKafka(t *testing.T) {
	brokers, bin := env(t)
	cfg, device := writeConfig(t, brokers, `streams:
  - name: hevc
    source: {type: test, pattern: ball}
    codec: h265
    width: 640
    height: 360
    fps: 30
    bitrate_kbps: 800
    keyframe_interval: 1s
`)
	logs := runAgentFrames(t, brokers, bin, cfg, 60)
	if !strings.Contains(logs, "encoder chosen") || !strings.Contains(logs, "encoder=x265enc") {
		t.Fatalf("the agent did not choose x265enc:\n%s", logs)
	}
	key := device + "/hevc"
	recs := readKey(t, brokers, key)
	if len(recs) < 60 {
		t.Fatalf("only %d frames under the stream's key, 60 were produced\n%s", len(recs), logs)
	}
	keyframes := checkH265Records(t, recs, key)
	// One a second at 30 fps: at least every 30 frames.
	flags := make([]bool, len(recs))
	for i, r := range recs {
		flags[i] = r.headers["edgecam-keyframe"] == "1"
	}
	if err := testkit.CheckKeyframeInterval(flags, 30); err != nil {
		t.Fatalf("%d keyframes in %d frames: %v", keyframes, len(recs), err)
	}
	tailH265(t, bin, cfg, "hevc", len(recs), ".h265", ".mp4", ".mkv", ".ts")

	msg, err := exec.Command(bin, "tail", "--config", cfg, "--stream", "hevc", "--from-start", "--to-end", "-o", filepath.Join(t.TempDir(), "x.h264")).CombinedOutput()
	if err == nil || !strings.Contains(string(msg), "the stream is H.265") || !strings.Contains(string(msg), ".h265") {
		t.Fatalf("tail of an H.265 stream into .h264: %v\n%s", err, msg)
	}
	t.Logf("h265 e2e: %d frames, %d keyframes, ffprobe decoded every frame as hevc", len(recs), keyframes)
}

// TestRTSPPassthroughH265: an IP camera sending H.265 (rtsptest --codec
// h265), passed through (codec: h265, encoder none by default for rtsp)
// into real Kafka. kcat finds seq 0..N-1 from a keyframe, edgecam-codec
// h265 on every record, VPS/SPS/PPS before every IRAP, keyframes at
// IRAPs only; ffprobe decodes every frame as hevc at the camera's own
// size (nothing was re-encoded); `edgecam tail` writes .mp4 and .mkv that
// decode frame for frame.
func TestRTSPPassthroughH265(t *testing.T) {
	brokers, bin := env(t)
	cam := rtsptest.Start(t, "--codec", "h265", "--width", "480", "--height", "272", "--gop", "30")
	cfg, device := rtspConfig(t, brokers, cam.URL(), "", "    codec: h265\n")
	from := topicEnd(t, brokers)
	a := startAgent(t, bin, cfg)
	a.waitLog(t, "stream started", "door")
	waitProduced(t, brokers, from, 90)
	logs := a.stop(t)
	if !strings.Contains(logs, "encoder=none") {
		t.Fatalf("the stream was not passed through:\n%s", logs)
	}
	key := device + "/door"
	recs := readKey(t, brokers, key)
	if len(recs) < 90 {
		t.Fatalf("only %d frames under the stream's key, 90 were produced\n%s", len(recs), logs)
	}
	keyframes := checkH265Records(t, recs, key)
	var stream []byte
	for _, r := range recs {
		stream = append(stream, r.value...)
	}
	path := filepath.Join(t.TempDir(), "door.h265")
	if err := os.WriteFile(path, stream, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, _ := testkit.Probe(t, path, "-f", "hevc", "-select_streams", "v:0", "-show_entries", "stream=width,height", "-of", "csv=p=0"); out != "480,272" {
		t.Fatalf("decoded size %s, want the camera's 480,272", out)
	}
	tailH265(t, bin, cfg, "door", len(recs), ".mp4", ".mkv")
	t.Logf("rtsp h265 passthrough: %d frames, %d keyframes, ffprobe decoded every frame as hevc 480x272", len(recs), keyframes)
}
