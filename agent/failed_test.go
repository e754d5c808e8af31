package agent

import (
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/twmb/franz-go/pkg/kerr"
	"github.com/twmb/franz-go/pkg/kfake"
	"github.com/twmb/franz-go/pkg/kmsg"
)

// TestFailedFramesAreSentAgain: Kafka rejects the stream's produce requests
// for a while with a non-retriable error (as after a reconnect whose SASL
// login or certificate is refused, or a revoked ACL: the client then fails
// the buffered records instead of retrying them), then accepts again. The
// failed frames are neither lost nor acknowledged in the spool by the
// frames after them: they are sent again, in order, and Kafka ends up with
// every captured frame once.
func TestFailedFramesAreSentAgain(t *testing.T) {
	c, err := kfake.NewCluster(kfake.NumBrokers(1), kfake.SeedTopics(3, topic))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
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
	logs := &logBuf{}
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
			if len(logs.lines("Kafka did not take a frame")) > 0 && time.Since(refusedAt) > 2*time.Second {
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
	failed := logs.lines("Kafka did not take a frame")
	if !strings.Contains(failed[0], "TOPIC_AUTHORIZATION_FAILED") {
		t.Fatalf("the failure line does not say why: %s", failed[0])
	}
	t.Logf("%d frames, seq 0..%d, none lost or repeated after the rejected ones were sent again; %s", len(rs), len(rs)-1, failed[0])
}
