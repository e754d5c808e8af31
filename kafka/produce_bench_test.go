package kafka

import (
	"context"
	"testing"
	"time"

	"github.com/edgecam/edgecam/internal/testkit"
)

// BenchmarkProduceFrame is a frame's way through the producer at a
// camera's pace: one 20 kB frame (2 Mbit/s at 30 fps; a keyframe every
// 30th) handed to Produce and acknowledged before the next, against an
// in-process kfake broker. allocs/op is per frame and includes what kfake
// allocates to take the record (it runs in this process); BenchmarkToKgo
// is our part of it alone.
func BenchmarkProduceFrame(b *testing.B) {
	c := testkit.Kfake(b, topic, 3)
	p, err := NewProducer(Config{Brokers: c.ListenAddrs(), Topic: topic})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(p.Close)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if _, _, err := p.Resume(ctx, "dev/cam"); err != nil {
		b.Fatal(err)
	}
	frames := make([]*Record, 30)
	for i := range frames {
		frames[i] = frame("dev/cam", int64(i), 20000)
		frames[i].Session = "0123456789abcdef"
	}
	acked := make(chan error, 1)
	done := func(_ *Record, err error) { acked <- err }
	b.ReportAllocs()
	b.ResetTimer()
	seq := int64(0)
	for b.Loop() {
		r := frames[seq%30]
		r.Seq = seq
		p.Produce(r, done)
		if err := <-acked; err != nil {
			b.Fatalf("frame %d: %v", seq, err)
		}
		seq++
	}
}
