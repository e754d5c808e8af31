package testkit

import (
	"context"
	"testing"
	"time"

	"github.com/edgecam/edgecam/kafka"
)

// TestRestartableKfake: a record produced before the broker went away is
// there when it comes back, on the same address.
func TestRestartableKfake(t *testing.T) {
	const topic = "testkit"
	c, restart := RestartableKfake(t, topic, 1)
	cfg := kafka.Config{Brokers: c.ListenAddrs(), Topic: topic}
	p, err := kafka.NewProducer(cfg)
	if err != nil {
		t.Fatal(err)
	}
	var produced error
	p.Produce(&kafka.Record{Key: "dev/cam", Seq: 7, Codec: "h264", Value: []byte{0, 0, 0, 1, 0x65}, CaptureTime: time.Now()},
		func(_ *kafka.Record, err error) { produced = err })
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := p.Flush(ctx); err != nil || produced != nil {
		t.Fatalf("produce: %v %v", err, produced)
	}
	p.Close()
	c.Close()

	c2 := restart()
	if got := c2.ListenAddrs(); len(got) != 1 || got[0] != cfg.Brokers[0] {
		t.Fatalf("restarted on %v, want %v", got, cfg.Brokers)
	}
	var seqs []int64
	err = kafka.Tail(ctx, cfg, "dev/cam", kafka.TailOptions{From: kafka.FromStart, StopAtEnd: true},
		func(r *kafka.Record) error { seqs = append(seqs, r.Seq); return nil })
	if err != nil || len(seqs) != 1 || seqs[0] != 7 {
		t.Fatalf("after the restart: seqs %v, err %v; want [7]", seqs, err)
	}
}
