package agent

import (
	"bytes"
	"context"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/twmb/franz-go/pkg/kfake"
	"github.com/twmb/franz-go/pkg/kmsg"

	"github.com/edgecam/edgecam/config"
	fleetpkg "github.com/edgecam/edgecam/fleet"
	"github.com/edgecam/edgecam/internal/hostinfo"
	"github.com/edgecam/edgecam/internal/testkit"
	"github.com/edgecam/edgecam/kafka"
)

const statusTopic = "edgecam.status"

// statusRecords reads the status topic from the start.
func statusRecords(t *testing.T, brokers []string) []kafka.StatusRecord {
	t.Helper()
	r, err := kafka.NewStatusReader(kafka.Config{Brokers: brokers}, statusTopic)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	recs, err := r.CatchUp(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

// TestStatusRecords: the agent reports its device into the status topic —
// every record valid against the schema, the stream seen running with a
// frame rate, and a last record with state stopped.
func TestStatusRecords(t *testing.T) {
	c := testkit.Kfake(t, topic, 3, kfake.SeedTopics(1, statusTopic))
	brokers := c.ListenAddrs()
	cfg := testConfig(t, brokers, testStream("cam"))
	cfg.Fleet = config.Fleet{StatusTopic: statusTopic, StatusInterval: config.Duration(200 * time.Millisecond)}
	logs := &testkit.LogBuf{}
	var seenRunning bool
	runAgentOpts(t, cfg, logs, Options{Version: "1.2.3", Commit: "abc1234"}, func() bool {
		for _, r := range statusRecords(t, brokers) {
			s, err := fleetpkg.Parse(r.Value)
			if err == nil && s.State == fleetpkg.StateRunning && len(s.Streams) == 1 && s.Streams[0].FPS > 0 && s.Streams[0].Acked > 0 {
				seenRunning = true
			}
		}
		return seenRunning
	})
	recs := statusRecords(t, brokers)
	sch := testkit.JSONSchema(t, "status.schema.json", fleetpkg.Schema)
	for i, r := range recs {
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(r.Value))
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(inst); err != nil {
			t.Fatalf("record %d does not validate: %v\n%s", i, err, r.Value)
		}
		if r.Key != "agent-test" {
			t.Fatalf("record %d: key %q", i, r.Key)
		}
	}
	last, err := fleetpkg.Parse(recs[len(recs)-1].Value)
	if err != nil {
		t.Fatal(err)
	}
	if last.State != fleetpkg.StateStopped || last.Agent.Version != "1.2.3" || last.Agent.Commit != "abc1234" ||
		!regexp.MustCompile(`^sha256:[0-9a-f]{64}$`).MatchString(last.Agent.ConfigDigest) || last.Streams[0].State != "stopped" {
		t.Errorf("last record: %s", recs[len(recs)-1].Value)
	}
	if last.Streams[0].Encoder == "" || last.Streams[0].Captured == 0 || last.Streams[0].Acked != last.Streams[0].Captured {
		t.Errorf("last record's stream: %+v", last.Streams[0])
	}
	if last.Host.MemTotalBytes == 0 || last.Host.SpoolDiskTotalBytes == 0 {
		t.Errorf("host facts missing: %+v", last.Host)
	}
	if len(logs.Lines("fleet status", "sent=")) != 1 {
		t.Errorf("no final fleet status line:\n%s", logs)
	}
	t.Logf("%d status records, last %d bytes:\n%s", len(recs), len(recs[len(recs)-1].Value), recs[len(recs)-1].Value)
}

// TestStatusStallLosesNoFrame: Kafka never answers the status path's
// produce requests (they are held), while the video is acknowledged as
// usual. The status buffer fills and status records are dropped and
// counted; no frame is lost, none waits long enough to spill to the spool,
// and every frame is in Kafka once, in order.
func TestStatusStallLosesNoFrame(t *testing.T) {
	c, err := kfake.NewCluster(kfake.NumBrokers(1), kfake.SeedTopics(3, topic), kfake.SeedTopics(1, statusTopic))
	if err != nil {
		t.Fatal(err)
	}
	release := make(chan struct{})
	var once sync.Once
	defer c.Close()
	defer once.Do(func() { close(release) })
	var held sync.Map
	c.ControlKey(int16(kmsg.Produce), func(req kmsg.Request) (kmsg.Response, error, bool) {
		c.KeepControl()
		// The status path is the producer without idempotence: its
		// batches carry no producer id. Those requests are held.
		for _, rt := range req.(*kmsg.ProduceRequest).Topics {
			for _, rp := range rt.Partitions {
				var b kmsg.RecordBatch
				if b.ReadFrom(rp.Records) == nil && b.ProducerID < 0 {
					if _, again := held.LoadOrStore(req, true); !again {
						c.SleepControl(func() { <-release })
					}
					return nil, nil, false
				}
			}
		}
		return nil, nil, false
	})
	brokers := c.ListenAddrs()
	cfg := testConfig(t, brokers, testStream("cam"))
	// A record every 20 ms: the 16-record buffer is full within a second.
	cfg.Fleet = config.Fleet{StatusTopic: statusTopic, StatusInterval: config.Duration(20 * time.Millisecond)}
	logs := &testkit.LogBuf{}
	mon := newMonitor(slogFor(logs), time.Minute)
	runAgentOpts(t, cfg, logs, Options{monitor: mon}, func() bool {
		ss := mon.list()
		return len(ss) == 1 && ss[0].acked.Load() >= 60 && len(logs.Lines("status record dropped")) >= 20
	})
	s := mon.list()[0]
	if s.spooled.Load() != 0 || s.spills.Load() != 0 {
		t.Errorf("frames went to the spool while only the status path stalled: spooled %d, spills %d", s.spooled.Load(), s.spills.Load())
	}
	if s.captured.Load() != s.acked.Load() || s.lost.Load() != 0 {
		t.Errorf("captured %d, acked %d, lost %d", s.captured.Load(), s.acked.Load(), s.lost.Load())
	}
	rs := records(t, brokers, "agent-test/cam")
	checkContiguous(t, rs, "agent-test/cam")
	if int64(len(rs)) != s.acked.Load() {
		t.Errorf("%d records in Kafka, %d acked", len(rs), s.acked.Load())
	}
	m := regexp.MustCompile(`msg="fleet status" component=status sent=(\d+) bytes=\d+ dropped=(\d+)`).FindStringSubmatch(logs.String())
	if m == nil {
		t.Fatalf("no final fleet status line:\n%s", logs)
	}
	sent, _ := strconv.Atoi(m[1])
	dropped, _ := strconv.Atoi(m[2])
	if sent != 0 || dropped < 20 {
		t.Errorf("status records sent %d, dropped %d; want none delivered and the drops counted", sent, dropped)
	}
	t.Logf("status path held: %d status records dropped; %d frames, all acknowledged, none spooled", dropped, len(rs))
}

// TestClockSyncedMetric: edgecam_clock_synced says what adjtimex says.
func TestClockSyncedMetric(t *testing.T) {
	mon := newMonitor(slogFor(&testkit.LogBuf{}), time.Minute)
	fams, err := mon.reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	want := -1.0
	if ok, err := hostinfo.ClockSynced(); err == nil {
		want = 0
		if ok {
			want = 1
		}
	}
	for _, f := range fams {
		if f.GetName() == "edgecam_clock_synced" {
			if got := f.GetMetric()[0].GetGauge().GetValue(); got != want {
				t.Fatalf("edgecam_clock_synced = %v, adjtimex says %v", got, want)
			}
			return
		}
	}
	t.Fatal("no edgecam_clock_synced")
}

// TestStatusTopicMissing: a status topic nobody created costs one warning
// that says what to do; the video is not affected.
func TestStatusTopicMissing(t *testing.T) {
	c := testkit.Kfake(t, topic, 3)
	brokers := c.ListenAddrs()
	cfg := testConfig(t, brokers, testStream("cam"))
	cfg.Fleet = config.Fleet{StatusTopic: "no.such.topic", StatusInterval: config.Duration(100 * time.Millisecond)}
	logs := &testkit.LogBuf{}
	mon := newMonitor(slogFor(logs), time.Minute)
	runAgentOpts(t, cfg, logs, Options{monitor: mon}, func() bool {
		ss := mon.list()
		return len(ss) == 1 && ss[0].acked.Load() >= 30 && len(logs.Lines("status record not delivered")) > 0
	})
	warn := logs.Lines("status record not delivered")
	if len(warn) != 1 || !strings.Contains(warn[0], "create it compacted") {
		t.Errorf("want one warning naming the fix, got %q", warn)
	}
	s := mon.list()[0]
	if s.spooled.Load() != 0 || s.captured.Load() != s.acked.Load() {
		t.Errorf("video affected: captured %d acked %d spooled %d", s.captured.Load(), s.acked.Load(), s.spooled.Load())
	}
	checkContiguous(t, records(t, brokers, "agent-test/cam"), "agent-test/cam")
}
