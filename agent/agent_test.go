package agent

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/edgecam/edgecam/config"
	"github.com/edgecam/edgecam/encode"
	"github.com/edgecam/edgecam/internal/testkit"
	"github.com/edgecam/edgecam/kafka"
)

const topic = "edgecam.video"

func testConfig(t *testing.T, brokers []string, streams ...config.Stream) *config.Config {
	return &config.Config{
		Device:  config.Device{ID: "agent-test"},
		Kafka:   config.Kafka{Brokers: brokers, Topic: topic},
		Spool:   config.Spool{Dir: t.TempDir()}.WithDefaults(),
		Streams: streams,
	}
}

func testStream(name string) config.Stream {
	return config.Stream{
		Name: name, Source: config.Source{Type: config.SourceTest, Pattern: "ball"},
		Width: 320, Height: 240, FPS: 15, BitrateKbps: 300,
		KeyframeInterval: config.Duration(time.Second), Encoder: config.EncoderAuto,
	}
}

// records reads every record of key back from Kafka.
func records(t *testing.T, brokers []string, key string) []*kafka.Record {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	var out []*kafka.Record
	// Both tracks, in partition order (byTrack splits them).
	add := func(r *kafka.Record) error { out = append(out, r); return nil }
	err := kafka.Tail(ctx, kafka.Config{Brokers: brokers, Topic: topic}, key, kafka.TailOptions{From: kafka.FromStart, StopAtEnd: true, Audio: add}, add)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// runAgent runs the agent until until() holds (checked every 200 ms, at
// most a minute), then stops it like SIGTERM does.
func runAgent(t *testing.T, cfg *config.Config, logs *testkit.LogBuf, until func() bool) {
	t.Helper()
	runAgentOpts(t, cfg, logs, Options{}, until)
}

// runAgentOpts is runAgent with options (the test's backoffs, and no stats
// lines unless set).
func runAgentOpts(t *testing.T, cfg *config.Config, logs *testkit.LogBuf, opts Options, until func() bool) {
	t.Helper()
	if opts.StatsInterval == 0 {
		opts.StatsInterval = -1
	}
	opts.MinBackoff, opts.MaxBackoff = 50*time.Millisecond, 400*time.Millisecond
	if opts.StopBudget <= 0 {
		// As startAgent's: not a timing test (a run that drained its
		// spool just before the stop once took longer than the
		// production budget, then 4.5 s, to stop, under the race
		// detector beside two other test lanes).
		opts.StopBudget = 2 * time.Minute
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Run(ctx, cfg, slogFor(logs), opts) }()
	held := testkit.Until(time.Minute, 200*time.Millisecond, func() bool {
		if until() {
			return true
		}
		select {
		case err := <-done:
			t.Fatalf("agent returned early: %v\n%s", err, logs)
		default:
		}
		return false
	})
	if !held {
		cancel()
		<-done
		t.Fatalf("condition not reached within a minute; log:\n%s", logs)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("agent: %v\n%s", err, logs)
	}
}

func slogFor(logs *testkit.LogBuf) *slog.Logger {
	return slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

func checkContiguous(t *testing.T, rs []*kafka.Record, key string) {
	t.Helper()
	checkContiguousCodec(t, rs, key, "h264")
}

// checkContiguousCodec is checkContiguous for a stream of codec.
func checkContiguousCodec(t *testing.T, rs []*kafka.Record, key, codec string) {
	t.Helper()
	if len(rs) == 0 {
		t.Fatalf("%s: no records", key)
	}
	if !rs[0].Keyframe {
		t.Errorf("%s: first record is not a keyframe", key)
	}
	for i, r := range rs {
		if r.Seq != int64(i) {
			t.Fatalf("%s: seq %d at index %d (gap or repeat)", key, r.Seq, i)
		}
		if r.Codec != codec || !testkit.AnnexB(r.Value) {
			t.Fatalf("%s: seq %d: codec %q, value not Annex-B", key, r.Seq, r.Codec)
		}
	}
}

// TestMissingCameraRetriesWhileOthersRun: a stream whose camera does not
// exist keeps retrying with backoff and logs why, while a healthy stream
// of the same agent produces.
func TestMissingCameraRetriesWhileOthersRun(t *testing.T) {
	c := testkit.Kfake(t, topic, 3)
	brokers := c.ListenAddrs()
	gone := testStream("gone")
	gone.Source = config.Source{Type: config.SourceV4L2, Device: "/dev/video99"}
	cfg := testConfig(t, brokers, testStream("good"), gone)
	logs := &testkit.LogBuf{}
	runAgent(t, cfg, logs, func() bool {
		return len(logs.Lines("stream=gone", "stream failed; retrying")) >= 4 &&
			len(records(t, brokers, "agent-test/good")) >= 30
	})

	fails := logs.Lines("stream=gone", "stream failed; retrying")
	if !strings.Contains(fails[0], "level=WARN") || !strings.Contains(fails[0], "/dev/video99") {
		t.Errorf("first failure should be a warning naming the device: %s", fails[0])
	}
	// Backoff grows: 50ms, 100ms, 200ms, then capped at 400ms.
	var delays []string
	for _, l := range fails {
		if i := strings.Index(l, "retry_in="); i >= 0 {
			delays = append(delays, strings.Fields(l[i:])[0])
		}
	}
	if !slices.Equal(delays[:4], []string{"retry_in=50ms", "retry_in=100ms", "retry_in=200ms", "retry_in=400ms"}) {
		t.Errorf("backoff delays %v", delays)
	}
	checkContiguous(t, records(t, brokers, "agent-test/good"), "agent-test/good")
	if rs := records(t, brokers, "agent-test/gone"); len(rs) != 0 {
		t.Errorf("the missing camera produced %d records", len(rs))
	}
	if len(logs.Lines("msg=stopped")) != 1 || len(logs.Lines("did not acknowledge")) != 0 {
		t.Errorf("no clean stop in the log:\n%s", logs)
	}
}

// TestSequenceContinuesAcrossRuns: a second run resumes after the last seq
// the first run delivered, giving one gapless sequence.
func TestSequenceContinuesAcrossRuns(t *testing.T) {
	c := testkit.Kfake(t, topic, 3)
	brokers := c.ListenAddrs()
	cfg := testConfig(t, brokers, testStream("cam"))
	const key = "agent-test/cam"

	first := &testkit.LogBuf{}
	runAgent(t, cfg, first, func() bool { return len(records(t, brokers, key)) >= 20 })
	n1 := len(records(t, brokers, key))
	if len(first.Lines("sequence starts at 0")) != 1 {
		t.Errorf("first run did not start at 0:\n%s", first)
	}

	second := &testkit.LogBuf{}
	runAgent(t, cfg, second, func() bool { return len(records(t, brokers, key)) >= n1+20 })
	if len(second.Lines("resuming sequence", fmt.Sprintf("last_seq=%d", n1-1))) != 1 {
		t.Errorf("second run did not resume after seq %d:\n%s", n1-1, second)
	}
	rs := records(t, brokers, key)
	checkContiguous(t, rs, key)
	// The second run starts with a keyframe too.
	if !rs[n1].Keyframe {
		t.Errorf("first frame of the second run (seq %d) is not a keyframe", n1)
	}
}

// TestEncoderNamesAgree: the config accepts exactly the encoders package
// encode knows (plus none: passthrough), in the same preference order.
func TestEncoderNamesAgree(t *testing.T) {
	want := append([]string{encode.Auto, string(config.EncoderNone)}, encode.Names()...)
	if !slices.Equal(config.Encoders, want) {
		t.Errorf("config.Encoders = %v, encode knows %v", config.Encoders, want)
	}
}

// TestOutageSpillsAndDrains: the only broker goes away while a stream
// produces; frames spill to the spool and, once the broker is back, arrive
// in order with no gap and no repeat.
func TestOutageSpillsAndDrains(t *testing.T) {
	c, restart := testkit.RestartableKfake(t, topic, 3)
	brokers := c.ListenAddrs()
	cfg := testConfig(t, brokers, testStream("cam"))
	const key = "agent-test/cam"
	logs := &testkit.LogBuf{}
	phase := 0
	outageStart := time.Time{}
	runAgent(t, cfg, logs, func() bool {
		switch phase {
		case 0: // streaming
			if len(records(t, brokers, key)) >= 15 {
				c.Close()
				phase, outageStart = 1, time.Now()
			}
		case 1: // outage: wait until the stream spilled and kept spooling a while
			if len(logs.Lines("spilling to the spool")) > 0 && time.Since(outageStart) > 4*time.Second {
				restart()
				phase = 2
			}
		case 2: // back: wait for the drain
			return len(logs.Lines("spool drained; back to the direct path")) > 0
		}
		return false
	})
	rs := records(t, brokers, key)
	checkContiguous(t, rs, key)
	stopped := logs.Lines("msg=\"stream stopped\"", "stream=cam")
	if len(stopped) != 1 || !strings.Contains(stopped[0], fmt.Sprintf("frames=%d ", len(rs))) {
		t.Fatalf("Kafka has %d frames; the agent's final count: %v\n%s", len(rs), stopped, logs)
	}
	sessions := map[string]bool{}
	for _, r := range rs {
		sessions[r.Session] = true
	}
	if len(sessions) != 1 || sessions[""] {
		t.Errorf("sessions %v, want one non-empty", sessions)
	}
	t.Logf("outage: %d frames delivered in order; %s", len(rs), stopped[0])
}

// TestStopDuringOutage: SIGTERM while the broker is away: the agent still
// stops within its budget, the frames Kafka did not acknowledge go to the
// spool, and the next run delivers them first: one gapless sequence.
func TestStopDuringOutage(t *testing.T) {
	c, restart := testkit.RestartableKfake(t, topic, 3)
	brokers := c.ListenAddrs()
	cfg := testConfig(t, brokers, testStream("cam"))
	const key = "agent-test/cam"

	// The frames must still be in memory at the stop, not spilled: the
	// deliverer's clock stops when the broker goes away, so however long
	// this test takes, no frame ever looks unacknowledged for the 2 s that
	// make a stream spill on its own.
	var clock stoppableClock
	a := startAgent(t, cfg, Options{now: clock.now})
	a.waitFor(t, "15 frames in Kafka", func() bool { return len(records(t, brokers, key)) >= 15 })
	clock.stop()
	c.Close()
	produced := func() float64 { return a.scrape(t).Must(t, "edgecam_frames_produced_total", "stream=cam") }
	atCut := produced()
	a.waitFor(t, "15 frames handed to the producer with the broker away", func() bool { return produced() >= atCut+15 })
	a.stop(t)
	first := a.logs
	if len(first.Lines("the rest is in the spool")) != 1 || len(first.Lines("spilling to the spool")) != 0 {
		t.Fatalf("want the frames in memory spooled at the stop, none spilled before:\n%s", first)
	}
	restart()
	second := &testkit.LogBuf{}
	runAgent(t, cfg, second, func() bool { return len(second.Lines("spool drained; back to the direct path")) > 0 })
	rs := records(t, brokers, key)
	checkContiguous(t, rs, key)
	n1 := finalFrames(t, first)
	n2 := finalFrames(t, second)
	if len(rs) != n1+n2 {
		t.Fatalf("Kafka has %d frames; the runs encoded %d + %d", len(rs), n1, n2)
	}
}

// TestAnotherAgentStopsStream: records of our key with a seq this agent
// never handed out (another agent with the same device id) stop the stream
// with an error that says so.
func TestAnotherAgentStopsStream(t *testing.T) {
	c := testkit.Kfake(t, topic, 3)
	brokers := c.ListenAddrs()
	cfg := testConfig(t, brokers, testStream("cam"))
	const key = "agent-test/cam"
	a := startAgent(t, cfg, Options{ConflictCheck: 300 * time.Millisecond})
	a.waitFor(t, "10 frames in Kafka", func() bool { return len(records(t, brokers, key)) >= 10 })
	// The other agent.
	p, err := kafka.NewProducer(kafka.Config{Brokers: brokers, Topic: topic})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	p.Produce(&kafka.Record{Key: key, Seq: 1 << 40, Codec: "h264", Value: []byte{0, 0, 0, 1, 0x65}, CaptureTime: time.Now()}, func(*kafka.Record, error) {})
	if err := p.Flush(context.Background()); err != nil {
		t.Fatal(err)
	}
	a.waitFor(t, "the stream stopped for good", func() bool {
		return len(a.logs.Lines("stream stopped for good", "another agent is using device id")) > 0
	})
	a.stop(t)
}

// stoppableClock is time.Now until stop, then the moment it was stopped.
type stoppableClock struct{ stopped atomic.Pointer[time.Time] }

func (c *stoppableClock) now() time.Time {
	if at := c.stopped.Load(); at != nil {
		return *at
	}
	return time.Now()
}

func (c *stoppableClock) stop() {
	now := time.Now()
	c.stopped.Store(&now)
}

// finalFrames is the frames counter of the stream's "stream stopped" line.
func finalFrames(t *testing.T, logs *testkit.LogBuf) int {
	t.Helper()
	l := logs.Lines(`msg="stream stopped"`, "stream=cam ")
	if len(l) != 1 {
		t.Fatalf("final stream line: %v\n%s", l, logs)
	}
	i := strings.Index(l[0], " frames=")
	var n int
	_, _ = fmt.Sscanf(l[0][i+len(" frames="):], "%d", &n) // no number: 0, which the callers' checks report
	return n
}
