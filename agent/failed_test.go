package agent

import (
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/twmb/franz-go/pkg/kerr"
	"github.com/twmb/franz-go/pkg/kfake"
	"github.com/twmb/franz-go/pkg/kmsg"

	"github.com/edgecam/edgecam/config"
	"github.com/edgecam/edgecam/internal/testkit"
	"github.com/edgecam/edgecam/spool"
)

// TestFailedFramesAreSentAgain: Kafka rejects the stream's produce requests
// for a while with a non-retriable error (as after a reconnect whose SASL
// login or certificate is refused, or a revoked ACL: the client then fails
// the buffered records instead of retrying them), then accepts again. The
// failed frames are neither lost nor acknowledged in the spool by the
// frames after them: they are sent again, in order, and Kafka ends up with
// every captured frame once.
func TestFailedFramesAreSentAgain(t *testing.T) {
	c := testkit.Kfake(t, topic, 3)
	var refuse atomic.Bool
	c.ControlKey(int16(kmsg.Produce), func(req kmsg.Request) (kmsg.Response, error, bool) {
		c.KeepControl()
		if !refuse.Load() {
			return nil, nil, false
		}
		preq := req.(*kmsg.ProduceRequest)
		resp := preq.ResponseKind().(*kmsg.ProduceResponse)
		for _, rt := range preq.Topics {
			st := kmsg.NewProduceResponseTopic()
			st.Topic, st.TopicID = rt.Topic, rt.TopicID
			for _, rp := range rt.Partitions {
				sp := kmsg.NewProduceResponseTopicPartition()
				sp.Partition = rp.Partition
				sp.ErrorCode = kerr.TopicAuthorizationFailed.Code
				st.Partitions = append(st.Partitions, sp)
			}
			resp.Topics = append(resp.Topics, st)
		}
		return resp, nil, true
	})
	brokers := c.ListenAddrs()
	cfg := testConfig(t, brokers, testStream("cam"))
	const key = "agent-test/cam"
	logs := &testkit.LogBuf{}
	phase, before := 0, 0
	var refusedAt time.Time
	runAgent(t, cfg, logs, func() bool {
		switch phase {
		case 0: // streaming
			if n := len(records(t, brokers, key)); n >= 15 {
				refuse.Store(true)
				phase, refusedAt = 1, time.Now()
			}
		case 1: // refused: frames fail for a couple of seconds
			if len(logs.Lines("Kafka did not take a frame")) > 0 && time.Since(refusedAt) > 2*time.Second {
				refuse.Store(false)
				before, phase = len(records(t, brokers, key)), 2
			}
		case 2: // accepted again: the failed frames and a few new ones arrive
			return len(records(t, brokers, key)) >= before+60
		}
		return false
	})
	rs := records(t, brokers, key)
	checkContiguous(t, rs, key)
	if want := finalFrames(t, logs); len(rs) != want {
		t.Fatalf("Kafka has %d frames, the agent captured %d\n%s", len(rs), want, logs)
	}
	failed := logs.Lines("Kafka did not take a frame")
	if !strings.Contains(failed[0], "TOPIC_AUTHORIZATION_FAILED") {
		t.Fatalf("the failure line does not say why: %s", failed[0])
	}
	t.Logf("%d frames, seq 0..%d, none lost or repeated after the rejected ones were sent again; %s", len(rs), len(rs)-1, failed[0])
}

// TestTooLargeInAlwaysMode: records over 1300 bytes cannot be written
// (the stream's keyframes, about 1.4-1.6 KB; its other frames are about
// 0.5-0.7 KB). Each Produce is held 150 ms, so several frames are in
// flight in always mode, every one of them in the spool. Each frame too
// large on its own is counted and logged as dropped; every other frame
// reaches Kafka once, and what Kafka had not acknowledged at the stop is
// in the spool.
//   - topic: the topic's max.message.bytes says 1300, the producer learns
//     it, and kgo fails the keyframes inside Produce, ahead of the results
//     of the frames before them.
//   - broker: only the broker's message.max.bytes says so. The topic
//     reports Kafka's default, so kgo's batches may be up to 1 MB and
//     Kafka refuses batches of frames that each fit: the stream sends
//     them again in smaller and smaller batches, and drops only the
//     frames Kafka refused alone.
func TestTooLargeInAlwaysMode(t *testing.T) {
	const limit = 1300
	for _, tc := range []struct {
		name    string
		cluster func(t *testing.T) *kfake.Cluster
		refuses bool // Kafka refuses batches (kgo does not know the limit)
	}{
		{"topic", func(t *testing.T) *kfake.Cluster {
			c, err := kfake.NewCluster(kfake.NumBrokers(1))
			if err != nil {
				t.Fatal(err)
			}
			if err := c.CreateTopic(topic, 3, map[string]string{"max.message.bytes": strconv.Itoa(limit)}); err != nil {
				t.Fatal(err)
			}
			return c
		}, false},
		{"broker", func(t *testing.T) *kfake.Cluster {
			c, err := kfake.NewCluster(kfake.NumBrokers(1), kfake.SeedTopics(3, topic),
				kfake.BrokerConfigs(map[string]string{"message.max.bytes": strconv.Itoa(limit)}))
			if err != nil {
				t.Fatal(err)
			}
			return c
		}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := tc.cluster(t)
			defer c.Close()
			// Each Produce is held 150 ms by sleeping in the control
			// function, which holds kfake's request loop too. Not
			// c.SleepControl: kfake's sleep queue races (go test -race,
			// in CI) when a request that waited behind a sleeping one
			// sleeps in its turn, which KeepControl on every Produce does.
			c.ControlKey(int16(kmsg.Produce), func(kmsg.Request) (kmsg.Response, error, bool) {
				c.KeepControl()
				time.Sleep(150 * time.Millisecond)
				return nil, nil, false
			})
			brokers := c.ListenAddrs()
			sc := testStream("cam")
			sc.BitrateKbps = 600
			cfg := testConfig(t, brokers, sc)
			cfg.Spool.Mode = config.SpoolAlways
			const key = "agent-test/cam"
			const dropLine = "frame dropped: larger than the topic's max.message.bytes"
			logs := &testkit.LogBuf{}
			runAgent(t, cfg, logs, func() bool { return len(logs.Lines(dropLine)) >= 3 })
			dropped := map[int64]bool{}
			for _, l := range logs.Lines(dropLine) {
				seq, err := strconv.ParseInt(logField(l, "seq"), 10, 64)
				if err != nil {
					t.Fatalf("no seq in %q", l)
				}
				// A frame this small fits in a record of 1300 bytes
				// (its key and headers are under 250): dropping it
				// loses a frame Kafka would take.
				if n, _ := strconv.Atoi(logField(l, "bytes")); n < limit-400 {
					t.Fatalf("a frame of %d bytes was dropped as too large: %s", n, l)
				}
				dropped[seq] = true
			}
			refusals := logs.Lines("Kafka refused a batch of frames")
			if tc.refuses != (len(refusals) > 0) {
				t.Fatalf("%d refused batches; want some: %v", len(refusals), tc.refuses)
			}
			final := logs.Lines("stream stopped", "stream=cam")
			if len(final) != 1 {
				t.Fatalf("final stats lines: %q", final)
			}
			frames, _ := strconv.Atoi(logField(final[0], "frames"))
			tooLarge, _ := strconv.Atoi(logField(final[0], "too_large"))
			if tooLarge != len(dropped) {
				t.Fatalf("too_large=%d but %d frames logged as dropped", tooLarge, len(dropped))
			}
			got := map[int64]int{}
			for _, r := range records(t, brokers, key) {
				got[r.Seq]++
				if dropped[r.Seq] {
					t.Fatalf("dropped seq %d reached Kafka", r.Seq)
				}
			}
			// What Kafka had not acknowledged at the stop is in the spool,
			// for the next run.
			sp, err := spool.Open(filepath.Join(cfg.Spool.Dir, "cam"), spool.Options{})
			if err != nil {
				t.Fatal(err)
			}
			spooled := map[int64]bool{}
			for {
				r, ok, err := sp.Next()
				if err != nil || !ok {
					break
				}
				spooled[r.Seq] = true
			}
			sp.Close()
			left := 0
			for seq := int64(0); seq < int64(frames); seq++ {
				switch {
				case dropped[seq]:
				case got[seq] == 1:
				case got[seq] == 0 && spooled[seq]:
					left++
				default:
					t.Fatalf("seq %d is in Kafka %d times, spooled %v (frames %d, dropped %v)", seq, got[seq], spooled[seq], frames, dropped)
				}
			}
			if len(got)+len(dropped)+left != frames {
				t.Fatalf("Kafka holds %d seqs, %d dropped, %d left in the spool, %d captured", len(got), len(dropped), left, frames)
			}
			t.Logf("%d frames: %d in Kafka once each, %d too large (seqs %v), %d left in the spool for the next run; %d refused batches",
				frames, len(got), len(dropped), dropped, left, len(refusals))
		})
	}
}

// logField returns the value of key=value in a text-handler log line.
func logField(line, key string) string {
	for _, f := range strings.Fields(line) {
		if v, ok := strings.CutPrefix(f, key+"="); ok {
			return strings.Trim(v, `"`)
		}
	}
	return ""
}
