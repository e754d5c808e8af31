package kafka

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/twmb/franz-go/pkg/kadm"
	"github.com/twmb/franz-go/pkg/kerr"
	"github.com/twmb/franz-go/pkg/kgo"
)

// Config says where records go.
type Config struct {
	// Brokers are the bootstrap brokers, host:port.
	Brokers []string
	// Topic receives the records. It must exist: edgecam never relies on
	// auto-creation, so a typo fails loudly instead of creating a topic.
	Topic string
	// Logger receives the client's warnings and errors (debug: its info
	// lines too). Nil discards them.
	Logger *slog.Logger
	// MaxBufferedBytes bounds the memory held by frames handed to the
	// producer and not yet acknowledged; when it is reached Produce
	// blocks, which backs pressure up into the pipelines. Default 64 MiB.
	MaxBufferedBytes int
	// TLS, when set, encrypts the connections (and with a client
	// certificate authenticates this device). Nil: plaintext.
	TLS *TLS
	// SASL, when set, authenticates with a user name and password.
	SASL *SASL

	// refusals logs TLS/SASL refusals; shared by the clients of one
	// producer (set by clientOpts).
	refusals *refusals
}

// ErrTooLarge fails a record larger than the topic accepts
// (max.message.bytes). The frame is not truncated or split.
var ErrTooLarge = errors.New("record larger than the topic's max.message.bytes")

// defaultMaxBatch is Kafka's default max.message.bytes; Resume replaces it
// with the topic's own setting.
const defaultMaxBatch = 1000012

func (c Config) logger() *slog.Logger {
	if c.Logger == nil {
		return slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	return c.Logger
}

// clientOpts are the options every client of ours shares, TLS and SASL
// included; the error is a TLS or SASL file that cannot be used.
func (c *Config) clientOpts() ([]kgo.Opt, error) {
	sec, err := c.securityOpts()
	if err != nil {
		return nil, fmt.Errorf("kafka: %w", err)
	}
	if c.refusals == nil {
		c.refusals = &refusals{log: c.logger(), cfg: *c}
	}
	return append(sec,
		kgo.WithHooks(c.refusals),
		kgo.SeedBrokers(c.Brokers...),
		kgo.WithLogger(slogger{l: c.logger(), secret: c.password(), refused: c.refused}),
		// Notice a broker that came back, or a moved partition leader,
		// within a fraction of a second instead of kgo's 5 s default
		// (measured: ~0.1 s to resume after a link returns).
		kgo.MetadataMinAge(250*time.Millisecond),
		kgo.RetryBackoffFn(func(tries int) time.Duration {
			return min(50*time.Millisecond<<min(tries, 5), time.Second)
		}),
	), nil
}

// Producer delivers records with the idempotent producer: acks from every
// in-sync replica, unlimited retries, per-partition ordering kept across
// retries, no duplicates within the producer session.
type Producer struct {
	cfg      Config
	cl       *kgo.Client
	adm      *kadm.Client
	ctx      context.Context // cancelled by Close: unblocks a full buffer
	cancel   context.CancelFunc
	maxBatch atomic.Int32 // ProducerBatchMaxBytes, learned from the topic
	learned  atomic.Bool  // maxBatch holds the topic's setting
	conns    brokerState  // for Connected
}

// NewProducer creates the producer. It does not contact Kafka: a broker
// that is down now is retried until it answers.
func NewProducer(cfg Config) (*Producer, error) {
	if len(cfg.Brokers) == 0 || cfg.Topic == "" {
		return nil, errors.New("kafka: brokers and topic are required")
	}
	maxBuf := cfg.MaxBufferedBytes
	if maxBuf <= 0 {
		maxBuf = 64 << 20
	}
	p := &Producer{cfg: cfg}
	p.maxBatch.Store(defaultMaxBatch)
	base, err := p.cfg.clientOpts()
	if err != nil {
		return nil, err
	}
	opts := append(base,
		kgo.WithHooks(&p.conns),
		kgo.DefaultProduceTopic(cfg.Topic),
		// Idempotence is kgo's default and requires acks=all; stated here
		// because delivery depends on them.
		kgo.RequiredAcks(kgo.AllISRAcks()),
		kgo.RecordRetries(math.MaxInt),
		// The topic was checked by Resume; if it disappears later, keep
		// the frames and retry rather than failing them.
		kgo.UnknownTopicRetries(-1),
		// Murmur2 of the key, as the Java client does: every client
		// agrees which partition holds a stream.
		kgo.RecordPartitioner(kgo.StickyKeyPartitioner(nil)),
		// No linger: a frame is sent as soon as it is handed over.
		// Batches still form from whatever is buffered while a request
		// is in flight (several streams, a drain). Measured (make bench,
		// B3): the agent's own latency p50 went from 5.6 ms (5 ms
		// linger) to 0.3 ms at the same CPU.
		kgo.ProducerLinger(0),
		// H.264 does not compress: kgo's default (snappy) would only
		// spend CPU and a copy of every batch to find that out.
		kgo.ProducerBatchCompression(kgo.NoCompression()),
		kgo.MaxBufferedBytes(maxBuf),
		// A batch may not exceed what the topic accepts, or the broker
		// would reject the whole batch (MESSAGE_TOO_LARGE is not
		// retried) and with it frames that were small enough.
		kgo.ProducerBatchMaxBytesFn(func(string) int32 { return p.maxBatch.Load() }),
	)
	cl, err := kgo.NewClient(opts...)
	if err != nil {
		return nil, fmt.Errorf("kafka: %w", err)
	}
	p.cl = cl
	p.adm = kadm.NewClient(cl)
	p.ctx, p.cancel = context.WithCancel(context.Background())
	return p, nil
}

// Produce hands r to the client; done is called exactly once with r and
// nil when every in-sync replica has it, or the reason it failed
// (ErrTooLarge for an oversize frame). done runs on the client's goroutine,
// in order per partition: keep it short. Produce blocks while the buffer is
// full. r.Value must not change until done is called.
func (p *Producer) Produce(r *Record, done func(*Record, error)) {
	p.cl.Produce(p.ctx, r.toKgo(), func(kr *kgo.Record, err error) {
		if err == nil {
			r.Partition, r.Offset = kr.Partition, kr.Offset
		} else if errors.Is(err, kerr.MessageTooLarge) {
			err = fmt.Errorf("%w (%d bytes, limit %d): %v", ErrTooLarge, len(r.Value), p.maxBatch.Load(), err)
		} else {
			err = p.cfg.Explain(err)
		}
		done(r, err)
	})
}

// Flush waits until every record handed to Produce has its outcome, or ctx
// ends.
func (p *Producer) Flush(ctx context.Context) error {
	return p.cl.Flush(ctx)
}

// Close releases the client. Records not yet acknowledged fail: Flush
// first.
func (p *Producer) Close() {
	p.cancel()
	p.cl.Close()
}

// Resume finds the last records of key in the topic and returns the
// highest seq among the newest ones (with one writer: the last record's
// seq); found is false when Kafka holds no record of key. It also checks that the
// topic exists and learns its max.message.bytes.
func (p *Producer) Resume(ctx context.Context, key string) (last int64, found bool, err error) {
	part, err := partitionOf(ctx, p.adm, p.cfg.Topic, key)
	if err != nil {
		return 0, false, p.cfg.Explain(err)
	}
	if !p.learned.Load() {
		p.learnMaxBatch(ctx) // once: Resume also serves periodic checks
	}
	last, found, err = lastSeq(ctx, p.cfg, p.adm, part, key)
	return last, found, p.cfg.Explain(err)
}

// learnMaxBatch sets the batch limit to the topic's max.message.bytes, so
// frames up to what the broker accepts are produced. Errors keep the
// default.
func (p *Producer) learnMaxBatch(ctx context.Context) {
	rcs, err := p.adm.DescribeTopicConfigs(ctx, p.cfg.Topic)
	if err != nil {
		p.cfg.logger().Debug("could not read the topic's max.message.bytes; keeping Kafka's default", "err", err)
		return
	}
	for _, rc := range rcs {
		for _, c := range rc.Configs {
			if c.Key != "max.message.bytes" || c.Value == nil {
				continue
			}
			if v, err := strconv.ParseInt(*c.Value, 10, 32); err == nil && v > 1024 {
				p.maxBatch.Store(int32(min(v, 256<<20)))
				p.learned.Store(true)
			}
		}
	}
}

// partitionOf checks the topic and returns the partition that holds key.
func partitionOf(ctx context.Context, adm *kadm.Client, topic, key string) (int32, error) {
	tds, err := adm.ListTopics(ctx, topic)
	if err != nil {
		return 0, fmt.Errorf("kafka: reading metadata of topic %s: %w", topic, err)
	}
	td, ok := tds[topic]
	if !ok || errors.Is(td.Err, kerr.UnknownTopicOrPartition) {
		return 0, fmt.Errorf("kafka: topic %s does not exist: create it with as many partitions as you like (edgecam does not rely on auto-creation)", topic)
	}
	if td.Err != nil {
		return 0, fmt.Errorf("kafka: topic %s: %w", topic, td.Err)
	}
	n := len(td.Partitions)
	if n == 0 {
		return 0, fmt.Errorf("kafka: topic %s has no partitions", topic)
	}
	part := kgo.StickyKeyPartitioner(nil).ForTopic(topic).Partition(&kgo.Record{Key: []byte(key)}, n)
	return int32(part), nil
}

// offsets returns the first and the next offset of a partition.
func offsets(ctx context.Context, adm *kadm.Client, topic string, part int32) (start, end int64, err error) {
	so, err := adm.ListStartOffsets(ctx, topic)
	if err != nil {
		return 0, 0, fmt.Errorf("kafka: start offsets of %s: %w", topic, err)
	}
	eo, err := adm.ListEndOffsets(ctx, topic)
	if err != nil {
		return 0, 0, fmt.Errorf("kafka: end offsets of %s: %w", topic, err)
	}
	s, ok1 := so.Lookup(topic, part)
	e, ok2 := eo.Lookup(topic, part)
	if !ok1 || !ok2 {
		return 0, 0, fmt.Errorf("kafka: no offsets for %s/%d", topic, part)
	}
	if s.Err != nil {
		return 0, 0, fmt.Errorf("kafka: start offset of %s/%d: %w", topic, part, s.Err)
	}
	if e.Err != nil {
		return 0, 0, fmt.Errorf("kafka: end offset of %s/%d: %w", topic, part, e.Err)
	}
	return s.Offset, e.Offset, nil
}

// lastSeq reads the partition backwards in growing windows until it finds
// a record of key. Other streams may share the partition, so the last
// record of the partition is not necessarily ours.
func lastSeq(ctx context.Context, cfg Config, adm *kadm.Client, part int32, key string) (int64, bool, error) {
	start, end, err := offsets(ctx, adm, cfg.Topic, part)
	if err != nil {
		return 0, false, err
	}
	window := int64(64)
	for hi := end; hi > start; {
		lo := max(start, hi-window)
		var last int64
		var found bool
		err := readRange(ctx, cfg, part, lo, hi, false, func(kr *kgo.Record) error {
			if string(kr.Key) != key {
				return nil
			}
			seq, ok := seqOf(kr)
			if !ok {
				return fmt.Errorf("kafka: %s/%d offset %d: record of %s without a valid %s header", cfg.Topic, part, kr.Offset, key, HeaderSeq)
			}
			// Offset order is seq order for one writer; the highest
			// also exposes a second writer of the same key.
			if !found || seq > last {
				last = seq
			}
			found = true
			return nil
		})
		if err != nil {
			return 0, false, err
		}
		if found {
			return last, true, nil
		}
		hi = lo
		window *= 4
	}
	return 0, false, nil
}

// errDone ends a read early.
var errDone = errors.New("done")

// readRange calls fn for every record at offsets [from, to) of the
// partition, in order, with a consumer of its own. Unless follow is set, a
// partition whose end lies below to (records deleted by retention while we
// read) ends the range early; a follower waits for new records instead.
func readRange(ctx context.Context, cfg Config, part int32, from, to int64, follow bool, fn func(*kgo.Record) error) error {
	base, err := cfg.clientOpts()
	if err != nil {
		return err
	}
	cl, err := kgo.NewClient(append(base,
		kgo.ConsumePartitions(map[string]map[int32]kgo.Offset{cfg.Topic: {part: kgo.NewOffset().At(from)}}),
		kgo.FetchMaxWait(500*time.Millisecond),
		// A fetch returns whole batches; leave room for large keyframes.
		kgo.FetchMaxBytes(64<<20),
		kgo.FetchMaxPartitionBytes(32<<20),
	)...)
	if err != nil {
		return fmt.Errorf("kafka: %w", err)
	}
	defer cl.Close()
	for next := from; next < to; {
		fs := cl.PollFetches(ctx)
		if err := fetchErr(ctx, fs); err != nil {
			return err
		}
		var ferr error
		fs.EachRecord(func(kr *kgo.Record) {
			if ferr != nil || kr.Offset >= to {
				return
			}
			next = kr.Offset + 1
			ferr = fn(kr)
		})
		if ferr != nil {
			return ferr
		}
		if follow {
			continue
		}
		fs.EachPartition(func(fp kgo.FetchTopicPartition) {
			if fp.HighWatermark >= 0 && fp.HighWatermark <= next && len(fp.Records) == 0 && fp.Err == nil {
				to = min(to, fp.HighWatermark)
			}
		})
	}
	return nil
}

// fetchErr returns the first error of a poll that is not transient.
func fetchErr(ctx context.Context, fs kgo.Fetches) error {
	if fs.IsClientClosed() {
		return errors.New("kafka: client closed")
	}
	var err error
	fs.EachError(func(t string, p int32, e error) {
		if err != nil {
			return
		}
		switch {
		case errors.Is(e, context.Canceled), errors.Is(e, context.DeadlineExceeded):
			err = ctx.Err()
			if err == nil {
				err = e
			}
		case kerr.IsRetriable(e):
			// kgo retries these itself.
		default:
			err = fmt.Errorf("kafka: fetching %s/%d: %w", t, p, e)
		}
	})
	if err == nil && ctx.Err() != nil {
		err = ctx.Err()
	}
	return err
}
