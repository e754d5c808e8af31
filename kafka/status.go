package kafka

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/twmb/franz-go/pkg/kadm"
	"github.com/twmb/franz-go/pkg/kerr"
	"github.com/twmb/franz-go/pkg/kgo"
)

// The status path's bounds. A status record is a couple of kilobytes and
// one is made every interval (10 s by default): 16 records are minutes of
// outage, and the newest ones are what matters once Kafka is back.
const (
	statusMaxRecords = 16
	statusMaxBytes   = 1 << 20
	// statusTimeout fails a status record that could not be delivered for
	// this long: after an outage a stale status is worth nothing, the next
	// one says more.
	statusTimeout = 2 * time.Minute
	// statusZstdLevel is klauspost/compress/zstd's SpeedFastest (kgo
	// takes zstd's level as an int; a literal spares the kafka package a
	// direct import of zstd for one constant).
	statusZstdLevel = 1
)

// StatusProducer sends the agent's status records (package fleet) to the
// status topic. It is a kgo client of its own, apart from the video
// Producer's: its own connections and its own small buffer
// (statusMaxRecords), so a status record never waits behind a frame and a
// frame never waits behind a status record. Send never blocks: when the
// buffer is full (Kafka away for a long time) the record is dropped and
// counted; status is dropped before a frame ever is, since frames have
// their spool and unlimited retries, status has neither.
//
// Status records are not idempotent-produced: a duplicate of a status
// record is harmless (the compacted topic keeps the last one per device),
// and without idempotence a record that waited too long can be expired
// (statusTimeout) without disturbing the records after it.
type StatusProducer struct {
	cl      *kgo.Client
	topic   string
	log     *slog.Logger
	dropped atomic.Int64 // buffer full
	failed  atomic.Int64 // Kafka did not take it (timeout, topic missing, refused)
	sent    atomic.Int64 // acknowledged
	bytes   atomic.Int64 // bytes of the values acknowledged
	warned  atomic.Bool  // the first failure is logged, the rest counted
}

// NewStatusProducer creates the status path for topic; it shares p's
// brokers, TLS and SASL (and its one ERROR line per refusal), not its
// client. It does not contact Kafka.
func (p *Producer) NewStatusProducer(topic string) (*StatusProducer, error) {
	if topic == "" {
		return nil, errors.New("kafka: status topic is required")
	}
	base, err := p.cfg.clientOpts()
	if err != nil {
		return nil, err
	}
	cl, err := kgo.NewClient(append(base,
		kgo.DefaultProduceTopic(topic),
		kgo.DisableIdempotentWrite(),
		kgo.RequiredAcks(kgo.AllISRAcks()),
		kgo.MaxBufferedRecords(statusMaxRecords),
		kgo.MaxBufferedBytes(statusMaxBytes),
		kgo.RecordDeliveryTimeout(statusTimeout),
		kgo.ProducerLinger(0),
		// JSON compresses well (about 4x) and costs little at one record
		// per interval: the bytes per device per day are what a fleet on
		// LTE pays. zstd's fastest level: the default level's encoder
		// holds 2 MB of tables (measured, heap profile of `edgecam run`:
		// the largest thing in the agent's heap), the fastest about 0.8
		// MB, for a record that compresses the same (a 908-byte status
		// record: 554 bytes at level 1, 547 at level 3, zstd(1)).
		kgo.ProducerBatchCompression(kgo.ZstdCompression().WithLevel(statusZstdLevel), kgo.NoCompression()),
		kgo.RecordPartitioner(kgo.StickyKeyPartitioner(nil)),
	)...)
	if err != nil {
		return nil, fmt.Errorf("kafka: %w", err)
	}
	log := p.cfg.logger()
	return &StatusProducer{cl: cl, topic: topic, log: log}, nil
}

// Send hands the status record of device to the client and returns at
// once. A record the full buffer cannot take is dropped, counted and
// logged at debug level.
func (s *StatusProducer) Send(device string, value []byte, at time.Time) {
	r := &kgo.Record{Key: []byte(device), Value: value, Timestamp: at}
	n := int64(len(value))
	s.cl.TryProduce(context.Background(), r, func(_ *kgo.Record, err error) {
		switch {
		case err == nil:
			s.sent.Add(1)
			s.bytes.Add(n)
		case errors.Is(err, kgo.ErrMaxBuffered):
			s.dropped.Add(1)
			s.log.Debug("status record dropped: the status buffer is full (Kafka away?)", "topic", s.topic)
		case errors.Is(err, kgo.ErrClientClosed):
			s.failed.Add(1) // Close: the agent is stopping
		default:
			s.failed.Add(1)
			if !s.warned.Swap(true) {
				hint := ""
				if errors.Is(err, kerr.UnknownTopicOrPartition) {
					hint = " (create it compacted: cleanup.policy=compact; or set fleet.status_topic)"
				}
				s.log.Warn("status record not delivered; later failures are only counted", "topic", s.topic+hint, "err", err)
			}
		}
	})
}

// StatusCounts are what happened to the records given to Send.
type StatusCounts struct {
	Sent, Bytes, Dropped, Failed int64
}

// Counts returns the counters so far.
func (s *StatusProducer) Counts() StatusCounts {
	return StatusCounts{Sent: s.sent.Load(), Bytes: s.bytes.Load(), Dropped: s.dropped.Load(), Failed: s.failed.Load()}
}

// Flush waits until every record sent has its outcome, or ctx ends.
func (s *StatusProducer) Flush(ctx context.Context) error { return s.cl.Flush(ctx) }

// Close releases the client; records not yet delivered fail.
func (s *StatusProducer) Close() { s.cl.Close() }

// StatusRecord is a record of the status topic as read back.
type StatusRecord struct {
	Key       string
	Value     []byte // nil: a tombstone
	Timestamp time.Time
}

// StatusReader reads the status topic from its start and then follows it:
// every CatchUp returns the records added since the last one, up to the
// end of the topic at the time of the call. One client, no consumer group.
type StatusReader struct {
	cfg   Config
	topic string
	cl    *kgo.Client
	adm   *kadm.Client

	mu   sync.Mutex
	next map[int32]int64 // per partition: the offset after the last record seen
}

// NewStatusReader creates the reader of topic (cfg.Topic is not used).
// It does not contact Kafka.
func NewStatusReader(cfg Config, topic string) (*StatusReader, error) {
	base, err := cfg.clientOpts()
	if err != nil {
		return nil, err
	}
	cl, err := kgo.NewClient(append(base,
		kgo.ConsumeTopics(topic),
		kgo.ConsumeResetOffset(kgo.NewOffset().AtStart()),
		kgo.FetchMaxWait(500*time.Millisecond),
	)...)
	if err != nil {
		return nil, fmt.Errorf("kafka: %w", err)
	}
	return &StatusReader{cfg: cfg, topic: topic, cl: cl, adm: kadm.NewClient(cl), next: map[int32]int64{}}, nil
}

// Close releases the client.
func (r *StatusReader) Close() { r.cl.Close() }

// idleEnd: a partition whose end is not reached after this long without a
// record is taken as read (the records before its end offset were removed
// by compaction, or are transaction markers).
const idleEnd = 3 * time.Second

// CatchUp reads until every partition's end offset as of now, and returns
// the records read, in partition order.
func (r *StatusReader) CatchUp(ctx context.Context) ([]StatusRecord, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	tds, err := r.adm.ListTopics(ctx, r.topic)
	if err != nil {
		return nil, r.cfg.Explain(fmt.Errorf("kafka: reading metadata of topic %s: %w", r.topic, err))
	}
	if td, ok := tds[r.topic]; !ok || errors.Is(td.Err, kerr.UnknownTopicOrPartition) {
		return nil, fmt.Errorf("kafka: status topic %s does not exist: create it compacted (cleanup.policy=compact), or set fleet.status_topic", r.topic)
	} else if td.Err != nil {
		return nil, fmt.Errorf("kafka: topic %s: %w", r.topic, td.Err)
	}
	so, err := r.adm.ListStartOffsets(ctx, r.topic)
	if err != nil {
		return nil, r.cfg.Explain(fmt.Errorf("kafka: start offsets of %s: %w", r.topic, err))
	}
	eo, err := r.adm.ListEndOffsets(ctx, r.topic)
	if err != nil {
		return nil, r.cfg.Explain(fmt.Errorf("kafka: end offsets of %s: %w", r.topic, err))
	}
	todo := map[int32]int64{} // partition → end offset still to reach
	eo.Each(func(o kadm.ListedOffset) {
		if o.Err != nil {
			return
		}
		from := r.next[o.Partition]
		if s, ok := so.Lookup(r.topic, o.Partition); ok && s.Err == nil {
			from = max(from, s.Offset)
		}
		if from < o.Offset {
			todo[o.Partition] = o.Offset
		}
	})
	var out []StatusRecord
	lastProgress := time.Now()
	for len(todo) > 0 {
		if time.Since(lastProgress) > idleEnd {
			break
		}
		pctx, cancel := context.WithTimeout(ctx, time.Second)
		fs := r.cl.PollFetches(pctx)
		cancel()
		if ctx.Err() != nil {
			return out, ctx.Err()
		}
		var ferr error
		fs.EachError(func(_ string, _ int32, err error) {
			if !errors.Is(err, context.DeadlineExceeded) && !errors.Is(err, context.Canceled) {
				ferr = err
			}
		})
		if ferr != nil {
			return out, r.cfg.Explain(fmt.Errorf("kafka: reading %s: %w", r.topic, ferr))
		}
		fs.EachRecord(func(kr *kgo.Record) {
			lastProgress = time.Now()
			out = append(out, StatusRecord{Key: string(kr.Key), Value: kr.Value, Timestamp: kr.Timestamp})
			r.next[kr.Partition] = kr.Offset + 1
			if end, ok := todo[kr.Partition]; ok && kr.Offset+1 >= end {
				delete(todo, kr.Partition)
			}
		})
		fs.EachPartition(func(p kgo.FetchTopicPartition) {
			if end, ok := todo[p.Partition]; ok && p.HighWatermark >= end && len(p.Records) == 0 && r.next[p.Partition] >= end {
				delete(todo, p.Partition)
			}
		})
	}
	return out, nil
}

// Forget writes a tombstone (a record with no value) for key to the status
// topic: readers drop the device, and compaction removes its records. A
// device that reports again comes back.
func Forget(ctx context.Context, cfg Config, topic, key string) error {
	base, err := cfg.clientOpts()
	if err != nil {
		return err
	}
	cl, err := kgo.NewClient(append(base, kgo.DefaultProduceTopic(topic), kgo.RecordPartitioner(kgo.StickyKeyPartitioner(nil)))...)
	if err != nil {
		return fmt.Errorf("kafka: %w", err)
	}
	defer cl.Close()
	if err := cl.ProduceSync(ctx, &kgo.Record{Key: []byte(key)}).FirstErr(); err != nil {
		return cfg.Explain(fmt.Errorf("kafka: tombstone for %s in %s: %w", key, topic, err))
	}
	return nil
}
