package e2e

import (
	"context"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/edgecam/edgecam/internal/testkit"
	"github.com/edgecam/edgecam/kafka"
)

// avStream is oneTestStream with a sound track: audiotestsrc encoded as
// codec (aac or opus).
func avStream(codec string) string {
	return oneTestStream + "    audio: {source: test, codec: " + codec + "}\n"
}

// tracks reads every record of key back with kafka.Tail, the video and the
// audio track apart.
func tracks(t *testing.T, brokers, key string) (video, audio []*kafka.Record) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	err := kafka.Tail(ctx, kafka.Config{Brokers: strings.Split(brokers, ","), Topic: topic}, key,
		kafka.TailOptions{From: kafka.FromStart, StopAtEnd: true, Audio: func(r *kafka.Record) error {
			audio = append(audio, r)
			return nil
		}}, func(r *kafka.Record) error {
			video = append(video, r)
			return nil
		})
	if err != nil {
		t.Fatal(err)
	}
	return video, audio
}

// TestTailAudio: the real agent with audiotestsrc + videotestsrc (AAC and
// Opus) into the real Kafka; `edgecam tail -o` into .mp4, .mkv and .ts,
// stopped 30 frames before the end of what Kafka holds: ffprobe finds both
// streams, ffmpeg decodes the whole file without an error, and the tracks
// start and end within one video frame of each other. The summary counts
// each track on its own, with no gap and no duplicate.
func TestTailAudio(t *testing.T) {
	brokers, bin := env(t)
	for _, codec := range []string{"aac", "opus"} {
		t.Run(codec, func(t *testing.T) {
			cfg, device := writeConfig(t, brokers, avStream(codec))
			runAgent(t, bin, cfg, 6*time.Second)
			video, audio := tracks(t, brokers, device+"/cam0")
			if len(video) < 60 || len(audio) < 100 {
				t.Fatalf("Kafka holds %d video and %d audio records of %s; want seconds of each", len(video), len(audio), device)
			}
			n := len(video) - 30
			for _, ext := range []string{".mp4", ".mkv", ".ts"} {
				out := filepath.Join(t.TempDir(), "x"+ext)
				msg, err := exec.Command(bin, "tail", "--config", cfg, "--stream", "cam0", "--from-start", "--frames", strconv.Itoa(n), "-o", out).CombinedOutput()
				if err != nil {
					t.Fatalf("edgecam tail: %v\n%s", err, msg)
				}
				if !strings.Contains(string(msg), fmt.Sprintf("tail: %d frames", n)) || strings.Count(string(msg), "0 gaps, 0 duplicates") != 2 ||
					!strings.Contains(string(msg), "tail: audio: ") || !strings.Contains(string(msg), "("+codec+")") {
					t.Fatalf("tail summary: want %d video frames and an %s audio line, each with no gap and no duplicate:\n%s", n, codec, msg)
				}
				v, a, errs := testkit.ProbeAV(t, out)
				if errs != "" {
					t.Errorf("%s: ffmpeg decoding errors: %s", ext, errs)
				}
				if v.Codec != "h264" || a.Codec != codec || v.Packets != n {
					t.Fatalf("%s: video %q (%d packets of %d), audio %q; want h264 and %s", ext, v.Codec, v.Packets, n, a.Codec, codec)
				}
				const frame = 1.0 / 30
				if d := a.Start - v.Start; math.Abs(d) > frame {
					t.Errorf("%s: audio starts at %.3f s, video at %.3f s: more than a frame apart", ext, a.Start, v.Start)
				}
				if d := a.End - v.End; math.Abs(d) > frame {
					t.Errorf("%s: audio ends at %.3f s, video at %.3f s: more than a frame apart", ext, a.End, v.End)
				}
				t.Logf("%s %s: video %.3f..%.3f s (%d), audio %.3f..%.3f s (%d); %s", codec, ext, v.Start, v.End, v.Packets, a.Start, a.End, a.Packets,
					strings.TrimSpace(string(msg)))
			}
		})
	}
}

// TestAVSync runs the agent with sound for EDGECAM_E2E_AV_SECONDS (default
// 60; `make bench-av` runs 600, the 10 minutes) and checks, at the
// consumer, that the tracks stay within 40 ms of each other over the whole
// run, two ways:
//   - the offset between the tracks: at every audio record, the video
//     record nearest by edgecam-pts, and the difference between what the
//     two say about their distance in stream time (pts) and in wall-clock
//     capture time (edgecam-capture-ns);
//   - the audio's drift from its own content: its edgecam-pts against
//     the samples it carries (1024 per AAC frame at 48 kHz, per-track seq
//     with no gap), so a player that plays the samples at their rate stays
//     on the video's timeline.
//
// It also muxes the whole run with tail into .mkv: the tracks start and
// end within a frame.
func TestAVSync(t *testing.T) {
	brokers, bin := env(t)
	seconds := 60
	if s := os.Getenv("EDGECAM_E2E_AV_SECONDS"); s != "" {
		var err error
		if seconds, err = strconv.Atoi(s); err != nil || seconds < 10 {
			t.Fatalf("EDGECAM_E2E_AV_SECONDS=%q: want a number of seconds, at least 10", s)
		}
	}
	cfg, device := writeConfig(t, brokers, avStream("aac"))
	runAgent(t, bin, cfg, time.Duration(seconds)*time.Second)
	video, audio := tracks(t, brokers, device+"/cam0")
	if len(video) < 10*seconds || len(audio) < 20*seconds {
		t.Fatalf("%d video and %d audio records in %d s", len(video), len(audio), seconds)
	}
	var maxOff, maxDrift time.Duration
	var at time.Duration
	j := 0
	for i, a := range audio {
		if a.Seq != int64(i) {
			t.Fatalf("audio seq %d at index %d: a gap or a repeat", a.Seq, i)
		}
		for j+1 < len(video) && absDur(video[j+1].PTS-a.PTS) < absDur(video[j].PTS-a.PTS) {
			j++
		}
		v := video[j]
		off := (a.PTS - v.PTS) - a.CaptureTime.Sub(v.CaptureTime)
		if absDur(off) > absDur(maxOff) {
			maxOff, at = off, a.PTS-audio[0].PTS
		}
		drift := (a.PTS - audio[0].PTS) - time.Duration(i)*1024*time.Second/48000
		if absDur(drift) > absDur(maxDrift) {
			maxDrift = drift
		}
	}
	const limit = 40 * time.Millisecond
	if absDur(maxOff) > limit || absDur(maxDrift) > limit {
		t.Errorf("over %d s: largest offset between the tracks %v (at %v), largest drift of the audio from its samples %v; want both within %v",
			seconds, maxOff, at.Round(time.Millisecond), maxDrift, limit)
	}
	out := filepath.Join(t.TempDir(), "av.mkv")
	if msg, err := exec.Command(bin, "tail", "--config", cfg, "--stream", "cam0", "--from-start", "--frames", strconv.Itoa(len(video)-30), "-o", out).CombinedOutput(); err != nil {
		t.Fatalf("edgecam tail: %v\n%s", err, msg)
	}
	v, a, errs := testkit.ProbeAV(t, out)
	if errs != "" {
		t.Errorf("ffmpeg decoding errors: %s", errs)
	}
	if math.Abs(a.Start-v.Start) > 1.0/30 || math.Abs(a.End-v.End) > 1.0/30 {
		t.Errorf("tail of %d s: video %.3f..%.3f s, audio %.3f..%.3f s: more than a frame apart", seconds, v.Start, v.End, a.Start, a.End)
	}
	t.Logf("A/V over %d s: %d video, %d audio records; largest offset between the tracks %v (at %v), largest audio drift from its samples %v; tail .mkv video %.3f..%.3f s, audio %.3f..%.3f s",
		seconds, len(video), len(audio), maxOff, at.Round(time.Millisecond), maxDrift, v.Start, v.End, a.Start, a.End)
}

func absDur(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}
