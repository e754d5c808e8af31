package kafka

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/twmb/franz-go/pkg/kfake"
)

// TestStatusProduceAndCatchUp: status records of several devices over
// three partitions; CatchUp returns all of them, then only the new ones,
// then none.
func TestStatusProduceAndCatchUp(t *testing.T) {
	c := newCluster(t, kfake.SeedTopics(3, "st"))
	p, cfg := newProducer(t, c)
	sp, err := p.NewStatusProducer("st")
	if err != nil {
		t.Fatal(err)
	}
	defer sp.Close()
	send := func(from, n int) {
		for i := from; i < from+n; i++ {
			sp.Send(fmt.Sprintf("dev-%d", i%5), []byte(fmt.Sprintf(`{"n":%d}`, i)), time.Now())
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := sp.Flush(ctx); err != nil {
			t.Fatal(err)
		}
	}
	send(0, 12) // fewer than the buffer holds at once
	if got := sp.Counts(); got.Sent != 12 || got.Dropped != 0 || got.Failed != 0 || got.Bytes == 0 {
		t.Fatalf("counts %+v", got)
	}
	r, err := NewStatusReader(cfg, "st")
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	recs, err := r.CatchUp(ctx)
	if err != nil || len(recs) != 12 {
		t.Fatalf("first CatchUp: %d records, %v", len(recs), err)
	}
	send(12, 3)
	recs, err = r.CatchUp(ctx)
	if err != nil || len(recs) != 3 {
		t.Fatalf("second CatchUp: %d records, %v", len(recs), err)
	}
	if recs[0].Timestamp.IsZero() || recs[0].Key == "" {
		t.Errorf("record %+v", recs[0])
	}
	if recs, err = r.CatchUp(ctx); err != nil || len(recs) != 0 {
		t.Fatalf("third CatchUp: %d records, %v", len(recs), err)
	}
}

func TestStatusReaderNoTopic(t *testing.T) {
	c := newCluster(t)
	r, err := NewStatusReader(Config{Brokers: c.ListenAddrs()}, "nope")
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if _, err := r.CatchUp(ctx); err == nil {
		t.Fatal("no error for a missing status topic")
	} else {
		t.Log(err)
	}
}
