package agent

import (
	"log/slog"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/edgecam/edgecam/config"
	"github.com/edgecam/edgecam/internal/secret"
	"github.com/edgecam/edgecam/internal/testkit"
	"github.com/twmb/franz-go/pkg/kfake"
)

func TestDiff(t *testing.T) {
	base := func() *config.Config {
		return &config.Config{
			Device: config.Device{ID: "pi-1"},
			Kafka:  config.Kafka{Brokers: []string{"k:9092"}, Topic: "edgecam.video"},
			Spool:  config.Spool{Dir: "/var/lib/edgecam/spool"}.WithDefaults(),
			Streams: []config.Stream{
				{Name: "front", Source: config.Source{Type: config.SourceTest, Pattern: "smpte"}, Width: 640, Height: 360, FPS: 30, BitrateKbps: 800},
				{Name: "back", Source: config.Source{Type: config.SourceV4L2, Device: "/dev/video0"}, Width: 640, Height: 360, FPS: 30, BitrateKbps: 800},
			},
		}
	}
	for _, tc := range []struct {
		name   string
		change func(c *config.Config)
		want   plan
	}{
		{"nothing", func(*config.Config) {}, plan{}},
		{"bitrate of one stream", func(c *config.Config) { c.Streams[1].BitrateKbps = 1200 }, plan{restart: []string{"back"}}},
		{"source of one stream", func(c *config.Config) { c.Streams[0].Source.Pattern = "ball" }, plan{restart: []string{"front"}}},
		{"stream added", func(c *config.Config) {
			c.Streams = append(c.Streams, config.Stream{Name: "side", Source: config.Source{Type: config.SourceTest}})
		}, plan{add: []string{"side"}}},
		{"stream removed", func(c *config.Config) { c.Streams = c.Streams[:1] }, plan{remove: []string{"back"}}},
		{"streams reordered", func(c *config.Config) { c.Streams[0], c.Streams[1] = c.Streams[1], c.Streams[0] }, plan{}},
		{"broker list", func(c *config.Config) { c.Kafka.Brokers = append(c.Kafka.Brokers, "k2:9092") }, plan{global: true, restart: []string{"front", "back"}}},
		{"TLS added", func(c *config.Config) { c.Kafka.TLS = &config.TLS{CAFile: "/etc/ca.pem"} }, plan{global: true, restart: []string{"front", "back"}}},
		{"SASL password", func(c *config.Config) {
			c.Kafka.SASL = &config.SASL{Mechanism: config.SASLScramSHA512, Username: "u", Password: secret.New("p2")}
		}, plan{global: true, restart: []string{"front", "back"}}},
		{"device id", func(c *config.Config) { c.Device.ID = "pi-2" }, plan{global: true, restart: []string{"front", "back"}}},
		{"spool size", func(c *config.Config) { c.Spool.MaxSize *= 2 }, plan{global: true, restart: []string{"front", "back"}}},
		{"metrics and log only", func(c *config.Config) {
			c.Metrics.Listen = "127.0.0.1:9999"
			c.Log.Level = "debug"
		}, plan{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			next := base()
			tc.change(next)
			got := diff(base(), next)
			if got.global != tc.want.global || !slices.Equal(got.add, tc.want.add) ||
				!slices.Equal(got.remove, tc.want.remove) || !slices.Equal(got.restart, tc.want.restart) {
				t.Errorf("diff = %+v, want %+v", got, tc.want)
			}
			if got.empty() != (tc.name == "nothing" || tc.name == "streams reordered" || tc.name == "metrics and log only") {
				t.Errorf("empty() = %v", got.empty())
			}
		})
	}
}

// TestDiffSASLPasswordChangeDetected: a changed password (a Secret) counts
// as a change although it prints the same ([redacted]).
func TestDiffSASLPasswordChangeDetected(t *testing.T) {
	a := &config.Config{Kafka: config.Kafka{SASL: &config.SASL{Mechanism: config.SASLPlain, Username: "u", Password: secret.New("one")}}}
	b := &config.Config{Kafka: config.Kafka{SASL: &config.SASL{Mechanism: config.SASLPlain, Username: "u", Password: secret.New("two")}}}
	if !diff(a, b).global {
		t.Error("a new SASL password did not make the reload reconnect")
	}
}

// TestReloadReconnectsAndResizes: a reload that changes the Kafka settings
// moves every stream to a new producer, and one that removes and adds
// streams touches only those; across both, every key's seq stays
// contiguous with no repeat (nothing lost or written twice by the switch).
func TestReloadReconnectsAndResizes(t *testing.T) {
	c := testkit.Kfake(t, topic, 3, kfake.NumBrokers(2))
	addrs := c.ListenAddrs()
	cfg := testConfig(t, addrs[:1], testStream("a"), testStream("b"))
	reloads := make(chan *config.Config)
	a := startAgent(t, cfg, Options{Reload: reloads})
	count := func(key string) int { return len(records(t, addrs, key)) }
	a.waitFor(t, "frames of a and b", func() bool { return count("agent-test/a") >= 20 && count("agent-test/b") >= 20 })

	// The other broker as bootstrap: a Kafka setting, so every stream
	// restarts on a new producer.
	next := *cfg
	next.Kafka.Brokers = addrs[1:]
	reloads <- &next
	a.waitFor(t, "reload 1", func() bool { return len(a.logs.Lines("config reloaded", "kafka_reconnected=true")) == 1 })
	before := count("agent-test/a")
	a.waitFor(t, "frames after reload 1", func() bool { return count("agent-test/a") >= before+20 })

	// b removed, c added; a keeps running.
	third := next
	third.Streams = []config.Stream{testStream("a"), testStream("c")}
	reloads <- &third
	a.waitFor(t, "reload 2", func() bool { return len(a.logs.Lines("config reloaded", "added=[c]", "removed=[b]")) == 1 })
	a.waitFor(t, "frames of c", func() bool { return count("agent-test/c") >= 20 })
	a.stop(t)
	if n := len(a.logs.Lines("stream started", "stream=a")); n != 2 {
		t.Errorf("a started %d times, want 2 (at start and on the Kafka change only)", n)
	}
	for _, s := range []string{"a", "b", "c"} {
		checkContiguous(t, records(t, addrs, "agent-test/"+s), "agent-test/"+s)
	}
}

// TestFleetStopping: a stop that overran its budget names the streams that
// have not ended, with how long each of their loops has been silent; the
// ones that ended are left out.
func TestFleetStopping(t *testing.T) {
	f := newFleet(nil, "s", slog.New(slog.DiscardHandler), Options{}, nil)
	epoch := time.Now().Add(-time.Minute)
	stuck := &stream{epoch: epoch}
	stuck.loopBeat.at.Store(int64(50 * time.Second)) // 10 s ago
	stuck.deliverBeat.at.Store(int64(time.Minute))   // now
	ended := &stream{epoch: epoch}
	done := make(chan struct{})
	close(done)
	f.running["cam1"] = &runningStream{s: stuck, done: make(chan struct{})}
	f.running["cam0"] = &runningStream{s: ended, done: done}
	got := f.stopping()
	if !strings.HasPrefix(got, "still running: cam1 (supervise loop silent 10") || !strings.Contains(got, "deliver loop silent 0") || strings.Contains(got, "cam0") {
		t.Errorf("stopping() = %q, want cam1 alone, its supervise loop silent 10 s and its deliverer 0 s", got)
	}
}
