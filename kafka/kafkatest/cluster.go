// Package kafkatest runs a real Apache Kafka cluster of N nodes on
// 127.0.0.1 for tests, through scripts/kafka/kafka.sh (KRaft, every node a
// combined broker and controller, replication factor min(N, 3) and
// min.insync.replicas 2 from three nodes on), and does to it what happens
// to clusters in real deployments: a node killed (-9), stopped cleanly and
// restarted, frozen (SIGSTOP: it keeps its connections and answers
// nothing), or cut off the network (a toxiproxy in front of each node's
// PROXIED listener). It asks the cluster itself, with kadm, whether it is
// ready, which node leads a key's partition and which is the active
// controller — never by matching a tool's text.
//
// It lives under kafka/ because it speaks kgo, which only kafka/ imports.
// It is for tests only: no program of edgecam may import it.
package kafkatest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	toxiproxy "github.com/Shopify/toxiproxy/v2"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/rs/zerolog"
	"github.com/twmb/franz-go/pkg/kadm"
	"github.com/twmb/franz-go/pkg/kgo"
	"github.com/twmb/franz-go/pkg/kmsg"
)

// Options configure Start.
type Options struct {
	// Script is the path of scripts/kafka/kafka.sh.
	Script string
	// Nodes is the number of nodes, 1 or 3.
	Nodes int
	// PortOffset is KAFKA_PORT_OFFSET: node n's client port is
	// 9091+PortOffset+n. Pick one no other cluster of the test run uses.
	PortOffset int
	// Topics is KAFKA_TOPICS ("NAME:PARTITIONS ..."); empty: the script's
	// default.
	Topics string
}

// Cluster is a running cluster; Start stops it when the test ends.
type Cluster struct {
	opts    Options
	env     []string
	cl      *kgo.Client
	adm     *kadm.Client
	proxies map[int]*toxiproxy.Proxy
}

// Start brings a fresh cluster up (kafka.sh up) with its state in a
// directory of the test, and waits until every partition of every topic has
// a leader and all its replicas in sync.
func Start(t testing.TB, o Options) *Cluster {
	t.Helper()
	if o.Nodes < 1 {
		o.Nodes = 1
	}
	c := &Cluster{opts: o, proxies: map[int]*toxiproxy.Proxy{}}
	c.env = append(os.Environ(),
		"KAFKA_STATE="+filepath.Join(t.TempDir(), "kafka"),
		"KAFKA_PORT_OFFSET="+strconv.Itoa(o.PortOffset))
	if o.Topics != "" {
		c.env = append(c.env, "KAFKA_TOPICS="+o.Topics)
	}
	t.Cleanup(func() {
		for _, p := range c.proxies {
			p.Stop()
		}
		if c.cl != nil {
			c.cl.Close()
		}
		for n := 1; n <= o.Nodes; n++ {
			c.Thaw(t, n) // a frozen node would not stop
		}
		if out, err := c.script("down"); err != nil {
			t.Logf("kafka.sh down: %v\n%s", err, out)
		}
	})
	if out, err := c.script("up", "--brokers", strconv.Itoa(o.Nodes)); err != nil {
		t.Fatalf("kafka.sh up --brokers %d: %v\n%s", o.Nodes, err, out)
	}
	cl, err := kgo.NewClient(kgo.SeedBrokers(c.Brokers()...), kgo.MetadataMinAge(250*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	c.cl, c.adm = cl, kadm.NewClient(cl)
	for n := 1; n <= o.Nodes; n++ {
		p := toxiproxy.NewProxy(toxiproxy.NewServer(toxiproxy.NewMetricsContainer(prometheus.NewRegistry()), zerolog.Nop()),
			fmt.Sprintf("node-%d", n), c.addr(9391, n), c.addr(9291, n))
		if err := p.Start(); err != nil {
			t.Fatalf("toxiproxy for node %d on %s: %v", n, c.addr(9391, n), err)
		}
		c.proxies[n] = p
	}
	c.WaitInSync(t, "")
	return c
}

func (c *Cluster) script(args ...string) ([]byte, error) {
	cmd := exec.Command(c.opts.Script, args...)
	cmd.Env = c.env
	return cmd.CombinedOutput()
}

func (c *Cluster) addr(base, n int) string {
	return "127.0.0.1:" + strconv.Itoa(base+c.opts.PortOffset+n)
}

// Brokers are the nodes' client addresses.
func (c *Cluster) Brokers() []string {
	var out []string
	for n := 1; n <= c.opts.Nodes; n++ {
		out = append(out, c.addr(9091, n))
	}
	return out
}

// ProxiedBrokers are the nodes' addresses through their proxies: a client
// bootstrapped here talks to node n only through node n's proxy (CutOff).
func (c *Cluster) ProxiedBrokers() []string {
	var out []string
	for n := 1; n <= c.opts.Nodes; n++ {
		out = append(out, c.addr(9391, n))
	}
	return out
}

// WaitInSync waits until every partition of topic (every topic: "") has a
// leader and every replica in its ISR, as the cluster reports it; at most
// five minutes, a bound only a broken cluster reaches.
func (c *Cluster) WaitInSync(t testing.TB, topic string) {
	t.Helper()
	var last string
	deadline := time.Now().Add(5 * time.Minute)
	for {
		ok, why := c.inSync(topic)
		if ok {
			return
		}
		last = why
		if time.Now().After(deadline) {
			t.Fatalf("kafka: partitions not back in sync within 5 minutes: %s", last)
		}
		time.Sleep(250 * time.Millisecond)
	}
}

func (c *Cluster) inSync(topic string) (bool, string) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	var topics []string
	if topic != "" {
		topics = []string{topic}
	}
	md, err := c.adm.Metadata(ctx, topics...)
	if err != nil {
		return false, err.Error()
	}
	if len(md.Topics) == 0 {
		return false, "no topics"
	}
	for _, td := range md.Topics {
		if td.Err != nil {
			return false, fmt.Sprintf("%s: %v", td.Topic, td.Err)
		}
		for _, p := range td.Partitions {
			if p.Err != nil || p.Leader < 0 || len(p.ISR) < len(p.Replicas) {
				return false, fmt.Sprintf("%s/%d: leader %d, replicas %v, isr %v, err %v", td.Topic, p.Partition, p.Leader, p.Replicas, p.ISR, p.Err)
			}
		}
	}
	return true, ""
}

// PartitionOf is the partition a key's records go to (kgo's default
// partitioner: murmur2 of the key, as edgecam's producer and Kafka's Java
// client use).
func (c *Cluster) PartitionOf(t testing.TB, topic, key string) int32 {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	md, err := c.adm.Metadata(ctx, topic)
	if err != nil || md.Topics[topic].Err != nil {
		t.Fatalf("kafka: metadata of %s: %v %v", topic, err, md.Topics[topic].Err)
	}
	n := len(md.Topics[topic].Partitions)
	return int32(kgo.StickyKeyPartitioner(nil).ForTopic(topic).Partition(&kgo.Record{Key: []byte(key)}, n))
}

// LeaderOf is the node that leads the partition of key, waiting (up to a
// minute) while the partition has no leader.
func (c *Cluster) LeaderOf(t testing.TB, topic, key string) int {
	t.Helper()
	part := c.PartitionOf(t, topic, key)
	deadline := time.Now().Add(time.Minute)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		md, err := c.adm.Metadata(ctx, topic)
		cancel()
		if err == nil {
			if p, ok := md.Topics[topic].Partitions[part]; ok && p.Err == nil && p.Leader >= 0 {
				return int(p.Leader)
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("kafka: %s/%d has no leader after a minute (err %v)", topic, part, err)
		}
		time.Sleep(250 * time.Millisecond)
	}
}

// Controller is the node that is the active controller (the leader of the
// KRaft metadata quorum), from DescribeQuorum.
func (c *Cluster) Controller(t testing.TB) int {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for {
		id, err := c.controller()
		if err == nil {
			return id
		}
		if time.Now().After(deadline) {
			t.Fatalf("kafka: no active controller after a minute: %v", err)
		}
		time.Sleep(250 * time.Millisecond)
	}
}

func (c *Cluster) controller() (int, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req := kmsg.NewPtrDescribeQuorumRequest()
	rt := kmsg.NewDescribeQuorumRequestTopic()
	rt.Topic = "__cluster_metadata"
	rp := kmsg.NewDescribeQuorumRequestTopicPartition()
	rt.Partitions = append(rt.Partitions, rp)
	req.Topics = append(req.Topics, rt)
	resp, err := req.RequestWith(ctx, c.cl)
	if err != nil {
		return 0, err
	}
	if len(resp.Topics) != 1 || len(resp.Topics[0].Partitions) != 1 {
		return 0, fmt.Errorf("DescribeQuorum: unexpected answer %+v", resp)
	}
	p := resp.Topics[0].Partitions[0]
	if p.ErrorCode != 0 || p.LeaderID < 0 {
		return 0, fmt.Errorf("DescribeQuorum: error code %d, leader %d", p.ErrorCode, p.LeaderID)
	}
	return int(p.LeaderID), nil
}

// Kill crashes node n (SIGKILL), keeping its data.
func (c *Cluster) Kill(t testing.TB, n int) { c.run(t, "kill", n) }

// Stop shuts node n down cleanly (SIGTERM), keeping its data.
func (c *Cluster) Stop(t testing.TB, n int) { c.run(t, "stop", n) }

// Restart starts node n again on its data and waits until it serves.
func (c *Cluster) Restart(t testing.TB, n int) { c.run(t, "start", n) }

func (c *Cluster) run(t testing.TB, cmd string, n int) {
	t.Helper()
	if out, err := c.script(cmd, strconv.Itoa(n)); err != nil {
		t.Fatalf("kafka.sh %s %d: %v\n%s", cmd, n, err, out)
	}
}

// Freeze stops node n with SIGSTOP: its sockets stay open and it answers
// nothing, as a broker in a long GC pause or on a hung disk.
func (c *Cluster) Freeze(t testing.TB, n int) { c.signal(t, n, syscall.SIGSTOP) }

// Thaw resumes a frozen node (SIGCONT); harmless on a running one.
func (c *Cluster) Thaw(t testing.TB, n int) { c.signal(t, n, syscall.SIGCONT) }

func (c *Cluster) signal(t testing.TB, n int, sig syscall.Signal) {
	t.Helper()
	out, err := c.script("pid", strconv.Itoa(n))
	if err != nil {
		if sig == syscall.SIGCONT {
			return // not running: nothing to thaw
		}
		t.Fatalf("kafka.sh pid %d: %v\n%s", n, err, out)
	}
	lines := strings.Fields(string(out))
	pid, err := strconv.Atoi(lines[len(lines)-1])
	if err != nil {
		t.Fatalf("kafka.sh pid %d: %q", n, out)
	}
	if err := syscall.Kill(pid, sig); err != nil {
		t.Fatalf("signal %v to node %d (pid %d): %v", sig, n, pid, err)
	}
}

// CutOff cuts node n off the network for clients that reach it through
// ProxiedBrokers (its proxy closes every connection and refuses new ones).
func (c *Cluster) CutOff(t testing.TB, n int) { c.proxies[n].Stop() }

// Reconnect undoes CutOff.
func (c *Cluster) Reconnect(t testing.TB, n int) {
	t.Helper()
	if err := c.proxies[n].Start(); err != nil {
		t.Fatalf("toxiproxy for node %d: %v", n, err)
	}
}

// Others are the nodes but the given ones, in order.
func (c *Cluster) Others(but ...int) []int {
	var out []int
	for n := 1; n <= c.opts.Nodes; n++ {
		if !slices.Contains(but, n) {
			out = append(out, n)
		}
	}
	return out
}

// Records is the number of records in topic (the sum of its partitions'
// end offsets), retried while a partition is between leaders (up to a
// minute).
func (c *Cluster) Records(t testing.TB, topic string) int64 {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		ends, err := c.adm.ListEndOffsets(ctx, topic)
		cancel()
		if err == nil && ends.Error() == nil {
			var sum int64
			ends.Each(func(o kadm.ListedOffset) { sum += o.Offset })
			return sum
		}
		if err == nil {
			err = ends.Error()
		}
		if time.Now().After(deadline) {
			t.Fatalf("kafka: end offsets of %s: %v", topic, err)
		}
		time.Sleep(250 * time.Millisecond)
	}
}

// WaitRecords waits until topic holds n records more than from, at most
// bound (a generous outer limit: only a stream that stopped reaches it).
func (c *Cluster) WaitRecords(t testing.TB, topic string, from, n int64, bound time.Duration) {
	t.Helper()
	deadline := time.Now().Add(bound)
	for {
		got := c.Records(t, topic) - from
		if got >= n {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("kafka: %d records in %s after %s, want %d", got, topic, bound, n)
		}
		time.Sleep(300 * time.Millisecond)
	}
}
