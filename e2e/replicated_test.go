package e2e

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/edgecam/edgecam/kafka/kafkatest"
)

// replicatedOffset puts the three-node cluster of these tests beside the
// one-node cluster of make test-e2e (and the secure one at +1000).
const replicatedOffset = 2000

// TestReplicated: the cluster users run — three nodes, replication factor
// 3, min.insync.replicas 2 — fails over under a streaming agent (acks=all,
// idempotent producer). After each fault every captured frame is in Kafka
// once, in seq order, and decodes (kcat and ffprobe, checkDelivery), and
// the agent's own accounting adds up. Three of the faults run again with
// audio on (a test tone beside the video): per track, the same.
func TestReplicated(t *testing.T) {
	_, bin := env(t)
	c := kafkatest.Start(t, kafkatest.Options{Script: kafkaScript, Nodes: 3, PortOffset: replicatedOffset, Topics: topic + ":3"})
	brokers := strings.Join(c.Brokers(), ",")
	type scenario struct {
		name    string
		spools  bool // the fault must make the stream spool
		proxied bool // the agent reaches each node through its proxy
		fault   func(t *testing.T, key string, more func(n int))
	}
	scenarios := []scenario{
		{"leader killed twice", false, false, func(t *testing.T, key string, more func(int)) {
			for range 2 {
				n := c.LeaderOf(t, topic, key)
				t.Logf("kill -9 node %d, the leader of the stream's partition", n)
				c.Kill(t, n)
				more(30) // the stream goes on with the other two
				c.Restart(t, n)
				c.WaitInSync(t, topic)
			}
		}},
		{"controller killed", false, false, func(t *testing.T, key string, more func(int)) {
			n := c.Controller(t)
			t.Logf("kill -9 node %d, the active controller", n)
			c.Kill(t, n)
			more(30)
			c.Restart(t, n)
			c.WaitInSync(t, topic)
		}},
		{"two of three down", true, false, func(t *testing.T, key string, more func(int)) {
			// Below min.insync.replicas the leader refuses acks=all
			// (NOT_ENOUGH_REPLICAS): the stream spools.
			down := c.Others(c.LeaderOf(t, topic, key))
			t.Logf("kill -9 nodes %v for 20 s: the leader is left alone, below min.insync.replicas", down)
			for _, n := range down {
				c.Kill(t, n)
			}
			time.Sleep(20 * time.Second) // the outage itself
			c.Restart(t, down[0])
			more(30) // drains and goes on with two in sync
			c.Restart(t, down[1])
			c.WaitInSync(t, topic)
		}},
		{"rolling restart", false, false, func(t *testing.T, key string, more func(int)) {
			for n := 1; n <= 3; n++ {
				t.Logf("rolling restart: node %d", n)
				c.Stop(t, n)
				more(15)
				c.Restart(t, n)
				c.WaitInSync(t, topic)
			}
		}},
		{"leader frozen", false, false, func(t *testing.T, key string, more func(int)) {
			n := c.LeaderOf(t, topic, key)
			t.Logf("SIGSTOP node %d, the leader, for 15 s", n)
			c.Freeze(t, n)
			time.Sleep(15 * time.Second) // the freeze itself
			c.Thaw(t, n)
			c.WaitInSync(t, topic)
			more(30)
		}},
		{"leader cut off from the agent", true, true, func(t *testing.T, key string, more func(int)) {
			// The brokers still see each other: the leader stays the
			// leader, only the agent cannot reach it.
			n := c.LeaderOf(t, topic, key)
			t.Logf("cut node %d, the leader, off the agent's network for 15 s", n)
			c.CutOff(t, n)
			time.Sleep(15 * time.Second) // the cut itself
			c.Reconnect(t, n)
			more(30)
		}},
	}
	// The faults that hit a leader or make the stream spool, again with
	// audio on: per track, nothing lost, nothing twice.
	type run struct {
		scenario
		audio bool // the stream has a sound track (oneAudioStream)
	}
	var runs []run
	for _, sc := range scenarios {
		runs = append(runs, run{sc, false})
	}
	for _, sc := range scenarios {
		switch sc.name {
		case "leader killed twice", "two of three down", "leader cut off from the agent":
			sc.name += " with audio"
			runs = append(runs, run{sc, true})
		}
	}
	for _, sc := range runs {
		t.Run(sc.name, func(t *testing.T) {
			bootstrap := c.Brokers()
			if sc.proxied {
				bootstrap = c.ProxiedBrokers()
			}
			streams := oneTestStream
			if sc.audio {
				streams = oneAudioStream
			}
			cfg, device := replicatedConfig(t, bootstrap, streams)
			key := device + "/" + faultStream
			a := startAgent(t, bin, cfg)
			a.waitLog(t, "stream started")
			more := func(n int) { c.WaitRecords(t, topic, c.Records(t, topic), int64(n), frameTimeout) }
			more(30)
			sc.fault(t, key, more)
			more(30) // and it goes on after the fault
			logs := a.stop(t)
			recs, audio := splitTracks(readKey(t, brokers, key))
			checkDelivery(t, recs, nil, 0)
			if sc.audio {
				checkAudioDelivery(t, audio)
				ast := finalAudioStats(t, logs)
				if ast["acked"] != int64(len(audio)) || ast["in_spool"] != 0 {
					t.Fatalf("audio: the agent counted %d acknowledged and %d still spooled; Kafka holds %d", ast["acked"], ast["in_spool"], len(audio))
				}
				t.Logf("audio: %d frames once, in order, decoding", len(audio))
			} else if len(audio) > 0 {
				t.Fatalf("%d audio records from a stream without audio", len(audio))
			}
			st := checkAccounting(t, logs, faultStream)
			if st["acked"] != int64(len(recs)) || st["in_spool"] != 0 {
				t.Fatalf("the agent counted %d acknowledged and %d still spooled; Kafka holds %d", st["acked"], st["in_spool"], len(recs))
			}
			touched := st["spooled"] > 0
			if sc.spools && !touched {
				t.Fatalf("the stream never spooled through the fault\n%s", lastLines(logs, 20))
			}
			t.Logf("%s: %d frames once, in order, decoding; longest capture→ack %d ms; spool touched: %v (%d frames written to it, %d spills)",
				sc.name, len(recs), st["max_latency_ms"], touched, st["spooled"], st["spills"])
		})
	}
}

// replicatedConfig is a config of streams (oneTestStream, oneAudioStream)
// for a fresh device on the three nodes.
func replicatedConfig(t *testing.T, brokers []string, streams string) (path, device string) {
	t.Helper()
	device = fmt.Sprintf("e2e-replicated-%d", rand.IntN(1e9))
	dir := t.TempDir()
	path = filepath.Join(dir, "edgecam.yaml")
	var list []string
	for _, b := range brokers {
		list = append(list, fmt.Sprintf("%q", b))
	}
	cfg := fmt.Sprintf("device:\n  id: %s\nkafka:\n  brokers: [%s]\n  topic: %s\nspool:\n  dir: %s\n%s",
		device, strings.Join(list, ", "), topic, filepath.Join(dir, "spool"), streams)
	if err := os.WriteFile(path, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, device
}
