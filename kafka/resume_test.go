package kafka

import (
	"context"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/twmb/franz-go/pkg/kfake"
	"github.com/twmb/franz-go/pkg/kgo"
	"github.com/twmb/franz-go/pkg/kmsg"

	"github.com/edgecam/edgecam/internal/secret"
	"github.com/edgecam/edgecam/internal/testkit"
)

// handshakes counts, at the broker, the connections opened (every kgo
// connection starts with ApiVersions) and the SASL handshakes made.
type handshakes struct{ conns, sasl atomic.Int64 }

func countHandshakes(c *kfake.Cluster) *handshakes {
	h := &handshakes{}
	for key, n := range map[kmsg.Key]*atomic.Int64{kmsg.ApiVersions: &h.conns, kmsg.SASLHandshake: &h.sasl} {
		c.ControlKey(int16(key), func(kmsg.Request) (kmsg.Response, error, bool) {
			c.KeepControl()
			n.Add(1)
			return nil, nil, false
		})
	}
	return h
}

// TestResumeReusesClient: after the first Resume, further Resumes of the
// same producer (the conflict checks, every 30 s per stream) open no
// connection and make no TLS or SASL handshake, also when many streams
// ask at once.
func TestResumeReusesClient(t *testing.T) {
	p := newSecurePKI(t)
	c := tlsCluster(t, p)
	cfg := Config{
		Brokers: c.ListenAddrs(), Topic: topic,
		TLS:  &TLS{CAFile: p.ca.File, CertFile: p.cert, KeyFile: p.key},
		SASL: &SASL{Mechanism: SASLScramSHA512, User: "cam", Password: secret.New("s3cret-Pa55")},
	}
	prod, err := NewProducer(cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer prod.Close()
	keys := []string{"dev/a", "dev/b", "dev/c", "dev/d", "dev/e", "dev/f"}
	for _, k := range keys {
		produceAll(t, prod, k, 0, 20)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	h := countHandshakes(c)
	if _, _, err := prod.Resume(ctx, keys[0]); err != nil {
		t.Fatal(err)
	}
	t.Logf("first Resume: %d connections, %d SASL handshakes", h.conns.Load(), h.sasl.Load())
	h.conns.Store(0)
	h.sasl.Store(0)

	const rounds = 5
	for range rounds {
		var wg sync.WaitGroup
		for _, k := range keys {
			wg.Go(func() {
				last, found, err := prod.Resume(ctx, k)
				if err != nil || !found || last != 19 {
					t.Errorf("Resume(%s) = %d, %v, %v; want 19, true, nil", k, last, found, err)
				}
			})
		}
		wg.Wait()
	}
	t.Logf("%d rounds of %d concurrent Resumes: %d connections, %d SASL handshakes", rounds, len(keys), h.conns.Load(), h.sasl.Load())
	if n, s := h.conns.Load(), h.sasl.Load(); n != 0 || s != 0 {
		t.Errorf("%d connections and %d SASL handshakes for %d Resumes, want 0: the reading client is not reused", n, s, rounds*len(keys))
	}
}

// TestReadRangeSkipsDeleted: records deleted below a read's start (by
// retention, while a window was being read) are skipped, not an error.
func TestReadRangeSkipsDeleted(t *testing.T) {
	c := newCluster(t)
	p, _ := newProducer(t, c)
	const key = "pi-6/old"
	produceAll(t, p, key, 0, 100)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	w, err := p.rd.partitionOf(ctx, key)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.DeleteRecords(topic, w.part, 60); err != nil {
		t.Fatal(err)
	}
	var seqs []int64
	err = p.rd.readRange(ctx, w, 0, 100, false, func(kr *kgo.Record) error {
		seq, _, _ := seqOf(kr)
		seqs = append(seqs, seq)
		return nil
	})
	if err != nil || len(seqs) != 40 || seqs[0] != 60 || seqs[39] != 99 {
		t.Fatalf("read %d records %v, err %v; want seqs 60..99", len(seqs), seqs, err)
	}
	if last, found, err := p.Resume(ctx, key); err != nil || !found || last != 99 {
		t.Fatalf("Resume = %d, %v, %v; want 99, true, nil", last, found, err)
	}
}

// TestResumeAfterLeaderMove: the reader sends its fetches to the
// partition's leader; when the leader moves, the first fetch goes to the
// old one, which refuses it, and the reader asks again.
func TestResumeAfterLeaderMove(t *testing.T) {
	c := newCluster(t, kfake.NumBrokers(3))
	var logs testkit.LogBuf
	p, err := NewProducer(Config{Brokers: c.ListenAddrs(), Topic: topic,
		Logger: slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	const key = "pi-7/moving"
	produceAll(t, p, key, 0, 20)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	w, err := p.rd.partitionOf(ctx, key)
	if err != nil {
		t.Fatal(err)
	}
	for move := range 3 {
		if last, found, err := p.Resume(ctx, key); err != nil || !found || last != 19 {
			t.Fatalf("Resume after %d moves = %d, %v, %v; want 19, true, nil", move, last, found, err)
		}
		to := (c.LeaderFor(topic, w.part) + 1) % 3
		if err := c.MoveTopicPartition(topic, w.part, to); err != nil {
			t.Fatal(err)
		}
	}
	if n := strings.Count(logs.String(), "NOT_LEADER_FOR_PARTITION"); n == 0 {
		t.Fatalf("no fetch went to a former leader: the test did not test the retry\n%s", logs.String())
	}
}

// TestResumeReadsCompressedBatches: other clients may write compressed
// batches into the partition; the reader decompresses them.
func TestResumeReadsCompressedBatches(t *testing.T) {
	c := newCluster(t)
	p, cfg := newProducer(t, c)
	const key = "pi-8/cam"
	produceAll(t, p, key, 0, 10)
	other := sameShard(t, key, 3)
	for _, codec := range []kgo.CompressionCodec{kgo.SnappyCompression(), kgo.ZstdCompression(), kgo.Lz4Compression(), kgo.GzipCompression()} {
		cl, err := kgo.NewClient(kgo.SeedBrokers(cfg.Brokers...), kgo.DefaultProduceTopic(topic),
			kgo.RecordPartitioner(kgo.StickyKeyPartitioner(nil)), kgo.ProducerBatchCompression(codec))
		if err != nil {
			t.Fatal(err)
		}
		var recs []*kgo.Record
		for s := range int64(50) {
			recs = append(recs, frame(other, s, 500).toKgo())
		}
		err = cl.ProduceSync(context.Background(), recs...).FirstErr()
		cl.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
	produceAll(t, p, key, 10, 1)
	produceAll(t, p, other, 50, 300) // the backwards window has to grow past the compressed batches
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if last, found, err := p.Resume(ctx, key); err != nil || !found || last != 10 {
		t.Fatalf("Resume = %d, %v, %v; want 10, true, nil", last, found, err)
	}
	if last, found, err := p.Resume(ctx, other); err != nil || !found || last != 349 {
		t.Fatalf("Resume(%s) = %d, %v, %v; want 349, true, nil", other, last, found, err)
	}
	if got := readAll(t, cfg, other); len(got) != 500 {
		t.Fatalf("Tail read %d records of %s, want 500", len(got), other)
	}
}
