package spool_test

import (
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/edgecam/edgecam/spool"
)

func Example() {
	dir, _ := os.MkdirTemp("", "spool-example-")
	defer os.RemoveAll(dir)
	s, err := spool.Open(filepath.Join(dir, "front"), spool.Options{})
	if err != nil {
		log.Fatal(err) // e.g. "spool: …/front is locked by pid 812 (another edgecam running?)"
	}
	// Kafka is away: the capture side appends.
	for seq := int64(0); seq < 3; seq++ {
		err := s.Append(spool.Record{Seq: seq, Keyframe: seq == 0, Capture: time.Now(), Payload: []byte("access unit")})
		if err != nil {
			log.Fatal(err)
		}
	}
	// Kafka is back: the producer drains in order and acks what Kafka acked.
	for {
		r, ok, err := s.Next()
		if err != nil {
			log.Fatal(err)
		}
		if !ok {
			break // caught up: wait on s.Ready() for more
		}
		fmt.Println("produce", r.Seq, "evicted before it:", r.Evicted)
		s.Ack(r.Seq)
	}
	frames, _ := s.Len()
	fmt.Println("left:", frames)
	if err := s.Close(); err != nil {
		log.Fatal(err)
	}
	// Output:
	// produce 0 evicted before it: 0
	// produce 1 evicted before it: 0
	// produce 2 evicted before it: 0
	// left: 0
}
