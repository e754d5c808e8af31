// Command kfake runs franz-go's in-process Kafka (kfake) as a standalone
// broker, for tests that need a Kafka where the real one cannot run: the
// systemd VM test (vm/systemd-guest.sh) starts it inside the guest, on the
// guest's own loopback, so the packaged agent really produces there.
// It is test tooling: it keeps everything in memory and is not a Kafka. It
// is never packaged (the .deb's only program is edgecam) and imports no
// edgecam package.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/twmb/franz-go/pkg/kfake"
)

func main() {
	port := flag.Int("port", 9092, "TCP port on 127.0.0.1")
	topics := flag.String("topics", "edgecam.video", "comma-separated topics to create")
	partitions := flag.Int("partitions", 3, "partitions per topic")
	flag.Parse()

	c, err := kfake.NewCluster(kfake.NumBrokers(1), kfake.Ports(*port),
		kfake.SeedTopics(int32(*partitions), strings.Split(*topics, ",")...))
	if err != nil {
		fmt.Fprintln(os.Stderr, "kfake:", err)
		os.Exit(1)
	}
	fmt.Println("kfake: listening on", strings.Join(c.ListenAddrs(), ","))
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	<-sig
	c.Close()
}
