package testkit

import (
	"strconv"
	"strings"
	"testing"

	"github.com/twmb/franz-go/pkg/kfake"
)

// Kfake starts an in-process Kafka (franz-go's kfake) of one broker with
// topic seeded in partitions partitions, and closes it when the test ends
// (after the test's deferred calls and later cleanups, so an agent the
// test started stops while its broker is still there). opts come after
// those and may override them (kfake.NumBrokers(3)). Closing it earlier,
// for an outage, is fine.
func Kfake(t testing.TB, topic string, partitions int32, opts ...kfake.Opt) *kfake.Cluster {
	t.Helper()
	c, err := kfake.NewCluster(append([]kfake.Opt{kfake.NumBrokers(1), kfake.SeedTopics(partitions, topic)}, opts...)...)
	if err != nil {
		t.Fatalf("kfake: %v", err)
	}
	t.Cleanup(c.Close)
	return c
}

// RestartableKfake is a one-broker Kfake that keeps its data in a
// directory of the test: after the test closed it (a broker going away),
// restart brings it back on the same address with the records it had, as
// a restarted broker comes back (kfake comes back empty without a data
// directory). Each cluster restart returns is closed when the test ends.
func RestartableKfake(t testing.TB, topic string, partitions int32) (c *kfake.Cluster, restart func() *kfake.Cluster) {
	t.Helper()
	dir := t.TempDir()
	c = Kfake(t, topic, partitions, kfake.DataDir(dir), kfake.Ports(0))
	addr := c.ListenAddrs()[0]
	port, err := strconv.Atoi(addr[strings.LastIndex(addr, ":")+1:])
	if err != nil {
		t.Fatalf("kfake listens on %s: %v", addr, err)
	}
	return c, func() *kfake.Cluster {
		t.Helper()
		c2, err := kfake.NewCluster(kfake.NumBrokers(1), kfake.DataDir(dir), kfake.Ports(port))
		if err != nil {
			t.Fatalf("kfake restart on port %d: %v", port, err)
		}
		t.Cleanup(c2.Close)
		return c2
	}
}
