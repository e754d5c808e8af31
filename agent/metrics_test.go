package agent

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/edgecam/edgecam/config"
	"github.com/edgecam/edgecam/internal/testkit"
)

// testAgent is Run in the background with its metrics endpoint on a free
// loopback port.
type testAgent struct {
	url    string
	logs   *testkit.LogBuf
	mon    *monitor
	cancel context.CancelFunc
	done   chan error
}

// startAgent runs cfg with opts (fast backoff, no stats lines, a metrics
// listener) until stop.
func startAgent(t *testing.T, cfg *config.Config, opts Options) *testAgent {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	a := &testAgent{url: "http://" + ln.Addr().String(), logs: &testkit.LogBuf{}, done: make(chan error, 1)}
	log := slog.New(slog.NewTextHandler(a.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	opts.StatsInterval = -1
	opts.MinBackoff, opts.MaxBackoff = 50*time.Millisecond, 400*time.Millisecond
	opts.Metrics = ln
	if opts.StuckAfter <= 0 {
		opts.StuckAfter = 2 * time.Minute
	}
	if opts.StopBudget <= 0 {
		// Not a timing test: the race detector on a loaded 2-core
		// machine once took longer than the production budget (then 4.5 s) to stop.
		opts.StopBudget = 2 * time.Minute
	}
	a.mon = newMonitor(log, opts.StuckAfter)
	opts.monitor = a.mon
	ctx, cancel := context.WithCancel(context.Background())
	a.cancel = cancel
	go func() { a.done <- Run(ctx, cfg, log, opts) }()
	t.Cleanup(func() {
		cancel()
		<-a.done
		if t.Failed() {
			t.Logf("agent log:\n%s", a.logs)
		}
	})
	return a
}

// stop stops the agent like SIGTERM and checks it stopped cleanly.
func (a *testAgent) stop(t *testing.T) {
	t.Helper()
	a.cancel()
	err := <-a.done
	a.done <- err // for the cleanup, which waits for it (also after Fatalf)
	if err != nil {
		t.Fatalf("agent: %v\n%s", err, a.logs)
	}
}

// waitFor polls cond every 100 ms for at most a minute; the failure shows
// the agent's log.
func (a *testAgent) waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	testkit.Wait(t, what, time.Minute, 100*time.Millisecond, cond, a.logs.String)
}

// scrape reads /metrics over HTTP, as Prometheus would.
func (a *testAgent) scrape(t *testing.T) testkit.Metrics {
	t.Helper()
	resp, err := http.Get(a.url + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	return testkit.ParseMetrics(t, resp.Body)
}

// final reads the monitor once the agent has stopped (its endpoint is
// closed by then): the streams' final counters.
func (a *testAgent) final(t *testing.T) testkit.Metrics {
	t.Helper()
	rec := httptest.NewRecorder()
	a.mon.handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	return testkit.ParseMetrics(t, rec.Body)
}

// health reads /healthz.
func (a *testAgent) health(t *testing.T) (int, healthReport, string) {
	t.Helper()
	resp, err := http.Get(a.url + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	var r healthReport
	if err := json.Unmarshal(body, &r); err != nil {
		t.Fatalf("/healthz body %q: %v", body, err)
	}
	return resp.StatusCode, r, string(body)
}

// TestMetricsMatchRecords: two agents in one process (each with its own
// registry): every counter of /metrics moves while they run, and at the
// end edgecam_frames_acked_total, the keyframe and byte counters and the
// latency histogram agree with the records Kafka holds. The agent with a
// missing camera answers /healthz with 503 naming the device; the healthy
// one with 200.
func TestMetricsMatchRecords(t *testing.T) {
	c := testkit.Kfake(t, topic, 3)
	brokers := c.ListenAddrs()
	gone := testStream("gone")
	gone.Source = config.Source{Type: config.SourceV4L2, Device: "/dev/video99"}
	a := startAgent(t, testConfig(t, brokers, testStream("good"), gone), Options{})
	cfgB := testConfig(t, brokers, testStream("good"))
	cfgB.Device.ID = "agent-test-b"
	b := startAgent(t, cfgB, Options{})

	acked := func(ag *testAgent) float64 {
		v, _ := ag.scrape(t).Get("edgecam_frames_acked_total", "stream=good")
		return v
	}
	a.waitFor(t, "30 frames acknowledged", func() bool { return acked(a) >= 30 && acked(b) >= 30 })
	m := a.scrape(t)
	for _, name := range []string{"edgecam_frames_captured_total", "edgecam_frames_encoded_total", "edgecam_frames_produced_total",
		"edgecam_frames_acked_total", "edgecam_bytes_encoded_total", "edgecam_keyframes_total", "edgecam_capture_to_ack_seconds"} {
		if v := m.Must(t, name, "stream=good"); v <= 0 {
			t.Errorf("%s{stream=good} = %v while streaming", name, v)
		}
	}
	for _, want := range []struct {
		name   string
		labels []string
		v      float64
	}{
		{"edgecam_stream_state", []string{"stream=good", "state=running"}, 1},
		{"edgecam_stream_state", []string{"stream=good", "state=starting"}, 0},
		{"edgecam_stream_state", []string{"stream=gone", "state=waiting_for_device"}, 1},
		{"edgecam_stream_state", []string{"stream=gone", "state=running"}, 0},
		{"edgecam_errors_total", []string{"stream=gone", "kind=device_missing"}, 1},
		{"edgecam_errors_total", []string{"stream=good", "kind=stall"}, 0},
		{"edgecam_pipeline_restarts_total", []string{"stream=good"}, 0},
		{"edgecam_pipeline_restarts_total", []string{"stream=gone"}, 0},
		{"edgecam_encoder_info", []string{"stream=good", "hardware=false"}, 1},
		{"edgecam_kafka_connected", nil, 1},
	} {
		if v := m.Must(t, want.name, want.labels...); v != want.v {
			t.Errorf("%s%v = %v, want %v", want.name, want.labels, v, want.v)
		}
	}
	for _, name := range []string{"edgecam_spool_bytes", "edgecam_spool_frames", "edgecam_spool_segments", "edgecam_spool_oldest_frame_age_seconds",
		"edgecam_spool_written_frames_total", "edgecam_spool_drained_frames_total", "edgecam_spool_drained_bytes_total",
		"edgecam_spool_drain_rate_bytes", "edgecam_spool_evicted_frames_total", "edgecam_spool_corrupt_records_total"} {
		m.Must(t, name, "stream=good")
	}
	for _, name := range []string{"go_goroutines", "process_resident_memory_bytes"} {
		if _, ok := m[name]; !ok {
			t.Errorf("no %s: Go and process collectors missing", name)
		}
	}
	if _, ok := m.Get("edgecam_encoder_info", "stream=gone"); ok {
		t.Errorf("encoder_info for a stream that never chose one")
	}

	code, h, body := a.health(t)
	if code != http.StatusServiceUnavailable || h.Status != "unhealthy" {
		t.Errorf("/healthz with a missing camera: %d %s", code, body)
	}
	if g := h.Streams["gone"]; g.State != "waiting_for_device" || !strings.Contains(g.Reason, "/dev/video99") || g.Since.IsZero() {
		t.Errorf("/healthz gone = %+v, want waiting_for_device naming /dev/video99", g)
	}
	if g := h.Streams["good"]; g.State != "running" {
		t.Errorf("/healthz good = %+v, want running", g)
	}
	if code, h, body := b.health(t); code != http.StatusOK || h.Status != "ok" || h.Streams["good"].State != "running" {
		t.Errorf("/healthz of a healthy agent: %d %s", code, body)
	}

	a.stop(t)
	b.stop(t)
	for _, ag := range []struct {
		a      *testAgent
		device string
	}{{a, "agent-test"}, {b, "agent-test-b"}} {
		rs := records(t, brokers, ag.device+"/good")
		checkContiguous(t, rs, ag.device+"/good")
		var keyframes, bytes int
		for _, r := range rs {
			bytes += len(r.Value)
			if r.Keyframe {
				keyframes++
			}
		}
		f := ag.a.final(t)
		for _, want := range []struct {
			name string
			v    int
		}{
			{"edgecam_frames_acked_total", len(rs)},
			{"edgecam_frames_encoded_total", len(rs)},
			{"edgecam_frames_captured_total", len(rs)},
			{"edgecam_frames_produced_total", len(rs)},
			{"edgecam_capture_to_ack_seconds", len(rs)},
			{"edgecam_keyframes_total", keyframes},
			{"edgecam_bytes_encoded_total", bytes},
			{"edgecam_stream_state", 1}, // stopped
		} {
			labels := []string{"stream=good"}
			if want.name == "edgecam_stream_state" {
				labels = append(labels, "state=stopped")
			}
			if v := f.Must(t, want.name, labels...); v != float64(want.v) {
				t.Errorf("%s: %s = %v, Kafka says %d", ag.device, want.name, v, want.v)
			}
		}
		t.Logf("%s: %d records, %d keyframes, %d bytes: counters agree", ag.device, len(rs), keyframes, bytes)
	}
}

// TestCounterOverhead measures what the metrics cost a frame: the
// counters the frame path updates and one histogram observation. It is a
// measurement, not a check (printed with -v).
func TestCounterOverhead(t *testing.T) {
	m := newMonitor(slog.New(slog.DiscardHandler), time.Minute)
	s := &stream{name: "cam"}
	m.add(s)
	res := testing.Benchmark(func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			s.captured.Add(1)
			s.produced.Add(1)
			s.latency.Observe(0.012)
		}
	})
	t.Logf("per frame: %s, %d allocs", time.Duration(res.NsPerOp()), res.AllocsPerOp())
	if res.AllocsPerOp() != 0 {
		t.Errorf("%d allocations per frame, want none", res.AllocsPerOp())
	}
}
