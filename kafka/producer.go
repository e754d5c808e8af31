package kafka

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math"
	"regexp"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/twmb/franz-go/pkg/kbin"
	"github.com/twmb/franz-go/pkg/kerr"
	"github.com/twmb/franz-go/pkg/kgo"
	"github.com/twmb/franz-go/pkg/kmsg"
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
// (max.message.bytes) on its own: kgo refused it before sending, or Kafka
// refused a batch that held only it. The frame is not truncated or split.
var ErrTooLarge = errors.New("record larger than the topic's max.message.bytes")

// ErrBatchTooLarge fails the records of a batch Kafka refused as larger
// than the topic's max.message.bytes when the batch held more than the one
// record: each may fit on its own, so none is too large (send them again
// in smaller batches; a record refused alone is ErrTooLarge). kgo builds
// batches up to the limit it took from ProducerBatchMaxBytesFn when it
// first saw the partition (it caches it there), so a topic whose limit is
// below that, or was lowered since, gets batches Kafka refuses; kgo then
// fails every buffered record of the partition with MESSAGE_TOO_LARGE.
var ErrBatchTooLarge = errors.New("batch of records refused by Kafka as larger than the topic's max.message.bytes")

// BatchTooLargeError is the error of a record of a refused batch
// (errors.Is(err, ErrBatchTooLarge)); Batch is the size of the batch's
// records as kgo reported it: Kafka's limit is below it.
type BatchTooLargeError struct {
	Record, Batch int // bytes: the record's value; the refused batch's records
	err           error
}

func (e *BatchTooLargeError) Error() string {
	return fmt.Sprintf("%v (%d bytes, in a batch of %d): %v", ErrBatchTooLarge, e.Record, e.Batch, e.err)
}

func (e *BatchTooLargeError) Is(target error) bool { return target == ErrBatchTooLarge }

func (e *BatchTooLargeError) Unwrap() error { return e.err }

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
	rd       *reader         // Resume's reading client
	ctx      context.Context // cancelled by Close: unblocks a full buffer
	cancel   context.CancelFunc
	maxBatch atomic.Int32 // ProducerBatchMaxBytes, learned from the topic
	learned  atomic.Bool  // maxBatch holds the topic's setting
	// tsBefore is the topic's message.timestamp.before.max.ms as a
	// duration (0: no limit, or not known yet): how old a timestamp the
	// broker accepts, relative to its clock.
	tsBefore atomic.Int64
	conns    brokerState    // for Connected
	pending  sync.WaitGroup // Produce calls whose done has not returned: Close waits for them
	out      sync.Pool      // *outgoing: records kgo has finished with
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
	opts, err := p.cfg.clientOpts()
	if err != nil {
		return nil, err
	}
	opts = append(opts,
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
		// retried) and with it frames that were small enough. kgo asks
		// once per partition, when it first sees it, and keeps the
		// answer: what Resume learned before the first frame, never a
		// change after it. A batch refused anyway fails its records
		// with ErrBatchTooLarge, not ErrTooLarge (see finish).
		kgo.ProducerBatchMaxBytesFn(func(string) int32 { return p.maxBatch.Load() }),
	)
	cl, err := kgo.NewClient(opts...)
	if err != nil {
		return nil, fmt.Errorf("kafka: %w", err)
	}
	// The reader shares p.cfg's refusals (one ERROR line per refusal,
	// whichever client met it) and reports to Connected too: with no
	// frame to produce, Resume's requests are the agent's only contact.
	rd, err := newReader(&p.cfg, &p.conns)
	if err != nil {
		cl.Close()
		return nil, err
	}
	p.cl, p.rd = cl, rd
	p.ctx, p.cancel = context.WithCancel(context.Background())
	return p, nil
}

// Produce hands r to the client; done is called exactly once with r and
// nil when every in-sync replica has it (r.Partition and r.Offset are then
// set), or the reason it failed (ErrTooLarge for an oversize frame).
// Produce blocks while MaxBufferedBytes are in flight; Close unblocks it
// (the record then fails). r.Value must not change until done is called.
//
// done runs on the client's one promise goroutine, never two at once, and
// possibly before Produce returns: keep it short, never block in it, and
// have whatever it touches ready before calling Produce.
//
// What a caller may assume about the order of the results:
//   - Successes of one key (one partition) are reported in the order the
//     records were produced, and that is their order in Kafka (offsets
//     increase).
//   - A record that was never sent comes in the order it failed, not in the
//     order it was produced. kgo fails a record that cannot fit in a batch
//     on its own (larger than the topic's max.message.bytes, learned by
//     Resume, or than MaxBufferedBytes) with kerr.MessageTooLarge, here
//     ErrTooLarge, as soon as it is handed over (inside Produce once the
//     topic's metadata is known), so its done can run before the done of
//     records produced before it and still in flight. The same holds for a
//     Produce blocked on a full buffer when Close cancels it. franz-go
//     documents this exception to its ordering: kgo.Client.Produce says
//     "Records are produced in order per partition if the record is
//     produced successfully" and "If the record is too large to fit in a
//     batch on its own in a produce request, the record will be failed
//     immediately with kerr.MessageTooLarge" (pkg/kgo/producer.go,
//     v1.22.3); the reordering of the promise is discussed in
//     https://github.com/twmb/franz-go/issues/852.
//
// So a caller may not treat a result as "every earlier record of this key
// is settled": an ErrTooLarge for seq n says nothing about seqs below n,
// which may still succeed or fail. A cumulative acknowledgement (a spool's
// Ack(seq)) taken on it would also drop those; it may only move over
// records whose own done has come. The frames around an oversize one are
// still delivered (a gap in seq, not in offsets).
func (p *Producer) Produce(r *Record, done func(*Record, error)) {
	p.pending.Add(1)
	o, _ := p.out.Get().(*outgoing)
	if o == nil {
		o = &outgoing{p: p}
		o.promise = o.finish
	}
	o.r, o.done = r, done
	o.buf = r.render(&o.kr, o.hdrs[:0], o.buf)
	o.kr.Timestamp = p.timestamp(r.CaptureTime, time.Now())
	p.cl.Produce(p.ctx, &o.kr, o.promise)
}

// outgoing is one record in the client's hands: the kgo record, its
// headers and the bytes of its key and header values, taken from p.out
// and put back when kgo calls the promise, so producing a frame costs no
// allocation of ours (before: 4 a frame, BenchmarkProduceFrame). Reuse is
// safe because kgo reads nothing of a record once its promise returned:
// kgo.(*Client).finishRecordPromise takes the record's size before calling
// the promise and only counters after it (franz-go v1.22.3,
// pkg/kgo/producer.go); no hook of ours keeps records. Check this again
// when upgrading franz-go.
type outgoing struct {
	kr      kgo.Record
	hdrs    [maxHeaders]kgo.RecordHeader
	buf     []byte
	p       *Producer
	r       *Record
	done    func(*Record, error)
	promise func(*kgo.Record, error) // o.finish, bound once
}

func (o *outgoing) finish(kr *kgo.Record, err error) {
	p, r, done := o.p, o.r, o.done
	defer p.pending.Done()
	switch {
	case err == nil:
		r.Partition, r.Offset = kr.Partition, kr.Offset
	case errors.Is(err, kerr.MessageTooLarge):
		switch batch, alone := refusedAlone(kr, err); {
		case !alone:
			err = &BatchTooLargeError{Record: len(r.Value), Batch: batch, err: err}
		case batch > 0:
			err = fmt.Errorf("%w (%d bytes, refused by Kafka on its own): %w", ErrTooLarge, len(r.Value), err)
		default:
			err = fmt.Errorf("%w (%d bytes, limit %d): %w", ErrTooLarge, len(r.Value), p.maxBatch.Load(), err)
		}
	default:
		err = p.cfg.Explain(err)
	}
	// kr is o.kr: read above, not touched again by kgo or by us.
	o.r, o.done = nil, nil
	o.kr = kgo.Record{}
	p.out.Put(o)
	done(r, err)
}

// timestamp is a record's Kafka timestamp (CreateTime): its capture time,
// so Kafka's time index finds a moment even for frames delivered late from
// the spool. Two cases move it, so that the broker never refuses a frame
// for its timestamp (INVALID_TIMESTAMP, which no retry cures): a capture
// time after now (the box's clock stepped back since) becomes now, and one
// older than the topic's message.timestamp.before.max.ms allows becomes the
// oldest it allows, less a minute. The edgecam-capture-ns header keeps the
// capture time either way. A box whose clock runs ahead of the brokers' by
// more than message.timestamp.after.max.ms (1 hour by default) is refused
// by any client: the README says what the topic needs.
func (p *Producer) timestamp(capture, now time.Time) time.Time {
	if capture.IsZero() {
		return now
	}
	ts := capture
	if ts.After(now) {
		ts = now
	}
	if before := time.Duration(p.tsBefore.Load()); before > 0 {
		oldest := now.Add(-before + min(before/10, time.Minute))
		if ts.Before(oldest) {
			ts = oldest
		}
	}
	return ts
}

// Flush waits until every record handed to Produce has its outcome, or ctx
// ends.
func (p *Producer) Flush(ctx context.Context) error {
	return p.cl.Flush(ctx)
}

// Close releases the clients. Records not yet acknowledged fail: Flush
// first. A Resume running meanwhile fails. Close returns after the done of
// every record handed to Produce has returned, so nothing a done does (the
// agent records failed frames on disk) happens after the program said it
// stopped.
func (p *Producer) Close() {
	p.cancel()
	p.cl.Close()
	p.pending.Wait()
	p.rd.close()
}

// brokerBatchSize finds the size of the records of a batch Kafka refused
// in kgo's error: "(uncompressed_bytes=U, compressed_bytes=C)", added by
// kgo's sink to a broker's MESSAGE_TOO_LARGE (franz-go v1.22.3,
// pkg/kgo/sink.go). kgo's own refusal of a record before sending carries
// "(uncompressed_bytes=N)" alone (kgoRefused). TestBatchTooLarge pins both
// forms.
var (
	brokerBatchSize = regexp.MustCompile(`uncompressed_bytes=(\d+), compressed_bytes=\d+`)
	kgoRefused      = regexp.MustCompile(`\(uncompressed_bytes=\d+\)`)
)

// refusedAlone reports whether a MESSAGE_TOO_LARGE says kr cannot be
// written on its own: kgo refused it before sending (it exceeds the batch
// limit alone), or Kafka refused a batch whose records section is no
// longer than kr's own encoding as a batch's only record (kmsg.Record,
// deltas 0), so kr's own batch would be refused too. kgo hands the error
// of a refused batch to every buffered record of the partition, in the
// batch or not; the test holds for each (records are produced
// uncompressed, so the size Kafka measures is this one plus the batch
// header). A record shorter than the refused batch may fit: it is not
// too large, and is sent again. When kgo's error is in neither form,
// nothing is taken as too large. batch is the refused batch's size
// (0: kgo refused kr before sending, or the size is unknown).
func refusedAlone(kr *kgo.Record, err error) (batch int, alone bool) {
	msg := err.Error()
	m := brokerBatchSize.FindStringSubmatch(msg)
	if m == nil {
		return 0, kgoRefused.MatchString(msg)
	}
	batch, perr := strconv.Atoi(m[1])
	if perr != nil {
		return 0, false
	}
	rec := kmsg.Record{Key: kr.Key, Value: kr.Value, Headers: make([]kmsg.Header, len(kr.Headers))}
	for i, h := range kr.Headers {
		rec.Headers[i] = kmsg.Header{Key: h.Key, Value: h.Value}
	}
	body := len(rec.AppendTo(nil)) - 1 // encoded with Length 0: one byte of varint
	return batch, batch <= kbin.VarintLen(int32(body))+body
}
