package smoke

import (
	"context"
	"log/slog"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/edgecam/edgecam/agent"
	"github.com/edgecam/edgecam/config"
	"github.com/edgecam/edgecam/encode"
	"github.com/edgecam/edgecam/internal/testkit"
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
	c := testkit.Kfake(t, topic, 1)
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

	logs := &testkit.LogBuf{}
	log := slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelInfo}))
	// Encoder probing under emulation takes a few seconds: count the three
	// seconds of streaming from the first "stream started".
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- agent.Run(ctx, cfg, log, agent.Options{StatsInterval: -1}) }()
	started := testkit.Until(2*time.Minute, 100*time.Millisecond, func() bool {
		if len(logs.Lines("stream started")) > 0 {
			return true
		}
		select {
		case err := <-done:
			t.Fatalf("agent returned early: %v\n%s", err, logs.String())
		default:
		}
		return false
	})
	if !started {
		cancel()
		<-done
		t.Fatalf("stream did not start within 2 minutes; log:\n%s", logs.String())
	}
	time.Sleep(runFor) // the run: three seconds of streaming
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

	// Under qemu-user the host's (native) ffprobe runs: the check is of
	// the bytes, not of the host.
	decoded, stderr := testkit.ProbeH264(t, stream)
	if decoded != len(recs) || stderr != "" {
		t.Fatalf("ffprobe decoded %d frames of %d records; errors: %q", decoded, len(recs), stderr)
	}
	t.Logf("%d records, %d keyframes, %d bytes, all decoded; %s", len(recs), keyframes, len(stream), chosen(logs.String()))
}

// chosen returns the encoder line of the log, for the test's summary.
func chosen(logs string) string {
	for _, l := range testkit.Lines(logs, "encoder chosen") {
		if i := strings.Index(l, "encoder="); i >= 0 {
			return strings.Fields(l[i:])[0]
		}
	}
	return "encoder unknown"
}
