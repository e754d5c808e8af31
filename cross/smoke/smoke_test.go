package smoke

import (
	"bytes"
	"context"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/twmb/franz-go/pkg/kfake"

	"github.com/edgecam/edgecam/agent"
	"github.com/edgecam/edgecam/config"
	"github.com/edgecam/edgecam/encode"
	"github.com/edgecam/edgecam/kafka"
)

const (
	topic    = "edgecam.video"
	key      = "smoke/cam0"
	runFor   = 3 * time.Second
	fps      = 15
	minFrame = fps // at least one second of the three must come through, even emulated
)

// TestStreamDecodes runs the agent for three seconds on a live test pattern
// with encoder auto-selection, into an in-process Kafka (kfake), then reads
// the stream back and checks what a consumer relies on: seq 0..n-1 with no
// gap, a keyframe first and about one a second, and a concatenation that
// ffprobe decodes frame for frame without an error. Under qemu-user this
// proves the cross-built cgo, the target's GStreamer and its plugins work.
func TestStreamDecodes(t *testing.T) {
	t.Logf("%s/%s, %s", runtime.GOOS, runtime.GOARCH, encode.Version())
	c, err := kfake.NewCluster(kfake.NumBrokers(1), kfake.SeedTopics(1, topic))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	brokers := c.ListenAddrs()

	yaml := "device: {id: smoke}\n" +
		"kafka: {brokers: [\"" + brokers[0] + "\"], topic: " + topic + "}\n" +
		"spool: {dir: \"" + filepath.Join(t.TempDir(), "spool") + "\"}\n" +
		"streams:\n" +
		"  - name: cam0\n" +
		"    source: {type: test, pattern: ball}\n" +
		"    width: 320\n    height: 240\n    fps: " + strconv.Itoa(fps) + "\n" +
		"    bitrate_kbps: 300\n    keyframe_interval: 1s\n    encoder: auto\n"
	cfg, err := config.Parse("smoke.yaml", []byte(yaml))
	if err != nil {
		t.Fatal(err)
	}

	logs := &logBuf{}
	log := slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelInfo}))
	// Encoder probing under emulation takes a few seconds: count the three
	// seconds of streaming from the first "stream started".
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- agent.Run(ctx, cfg, log, agent.Options{StatsInterval: -1}) }()
	deadline := time.Now().Add(2 * time.Minute)
	for !strings.Contains(logs.String(), "stream started") {
		if time.Now().After(deadline) {
			cancel()
			<-done
			t.Fatalf("stream did not start within 2 minutes; log:\n%s", logs.String())
		}
		select {
		case err := <-done:
			t.Fatalf("agent returned early: %v\n%s", err, logs.String())
		case <-time.After(100 * time.Millisecond):
		}
	}
	time.Sleep(runFor)
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("agent: %v\n%s", err, logs.String())
	}

	rctx, rcancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer rcancel()
	var recs []*kafka.Record
	err = kafka.Tail(rctx, kafka.Config{Brokers: brokers, Topic: topic}, key, kafka.TailOptions{From: kafka.FromStart, StopAtEnd: true},
		func(r *kafka.Record) error { recs = append(recs, r); return nil })
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) < minFrame {
		t.Fatalf("%d records in %s, want at least %d; log:\n%s", len(recs), runFor, minFrame, logs.String())
	}
	var stream []byte
	keyframes := 0
	for i, r := range recs {
		if r.Seq != int64(i) {
			t.Fatalf("seq %d at index %d (gap or repeat)", r.Seq, i)
		}
		if r.Keyframe {
			keyframes++
		}
		stream = append(stream, r.Value...)
	}
	if !recs[0].Keyframe {
		t.Error("first record is not a keyframe")
	}
	// One keyframe a second: at least the first and one more in three seconds.
	if keyframes < 2 {
		t.Errorf("%d keyframes in %d records over %s, want one a second", keyframes, len(recs), runFor)
	}

	path := filepath.Join(t.TempDir(), "smoke.h264")
	if err := os.WriteFile(path, stream, 0o644); err != nil {
		t.Fatal(err)
	}
	decoded, stderr := ffprobeFrames(t, path)
	if decoded != len(recs) || stderr != "" {
		t.Fatalf("ffprobe decoded %d frames of %d records; errors: %q", decoded, len(recs), stderr)
	}
	t.Logf("%d records, %d keyframes, %d bytes, all decoded; %s", len(recs), keyframes, len(stream), chosen(logs.String()))
}

// ffprobeFrames decodes a raw H.264 file and returns the number of frames
// decoded and whatever ffprobe reported as errors. Under qemu-user the
// host's (native) ffprobe runs: the check is of the bytes, not of the host.
func ffprobeFrames(t *testing.T, path string) (int, string) {
	t.Helper()
	if _, err := exec.LookPath("ffprobe"); err != nil {
		t.Fatal("ffprobe not installed (make deps installs ffmpeg)")
	}
	cmd := exec.Command("ffprobe", "-v", "error", "-f", "h264", "-count_frames", "-select_streams", "v:0",
		"-show_entries", "stream=nb_read_frames", "-of", "csv=p=0", path)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("ffprobe: %v: %s", err, stderr.String())
	}
	n, err := strconv.Atoi(strings.TrimSpace(string(out)))
	if err != nil {
		t.Fatalf("ffprobe output %q: %v", out, err)
	}
	return n, stderr.String()
}

// logBuf collects the agent's log lines; the agent writes from its
// goroutines while the test reads.
type logBuf struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *logBuf) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *logBuf) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// chosen returns the encoder line of the log, for the test's summary.
func chosen(logs string) string {
	for _, l := range strings.Split(logs, "\n") {
		if strings.Contains(l, "encoder chosen") {
			if i := strings.Index(l, "encoder="); i >= 0 {
				return strings.Fields(l[i:])[0]
			}
		}
	}
	return "encoder unknown"
}
