package agent

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/time/rate"

	"github.com/edgecam/edgecam/config"
	"github.com/edgecam/edgecam/encode"
	"github.com/edgecam/edgecam/kafka"
	"github.com/edgecam/edgecam/spool"
)

// deliverer owns the path of one stream's frames from the encoder to Kafka:
// it numbers them (edgecam-seq: it is the only writer of the seq), keeps
// the ones Kafka has not acknowledged either in memory or in the stream's
// store (the spool), and removes a frame from the store only after Kafka
// acknowledged it. One goroutine (run) owns all of its state but the result
// queue; it lives as long as the stream, so the spool drains even while the
// camera is missing.
//
// Modes (spool.mode):
//   - outage: frames go straight to the producer while Kafka keeps up. When
//     the frames in flight exceed the memory bound, or the oldest of them is
//     unacknowledged for spillAfter, the unacknowledged ones are written to
//     the store and every new frame follows them there; the backlog is then
//     produced from the store, in order, and the stream returns to the
//     direct path once the store has caught up and Kafka answers again.
//   - always: every frame is appended to the store before it is produced.
//
// Acknowledgements. The producer's results may arrive in any order: kgo
// fails an oversize record at once inside Produce, ahead of the results of
// the records produced before it, and a caller must not rely on the order
// of the others either. So every frame handed to the producer stays in the
// window, in seq order, until it is settled — acknowledged by Kafka, or
// dropped for a counted reason (too large) — and the store is acknowledged
// (a cumulative Ack) only through the settled prefix of the window. A frame
// the client failed (a non-retriable error) is sent again from the store
// once every frame in flight has its answer; the frames after it that Kafka
// did take are not sent again.
//
// Sequence numbers never repeat: at start the stream continues after the
// highest of Kafka's last seq, the store's last seq and, when Kafka cannot
// be asked, the persisted high-water mark (a reservation made ahead, so a
// crash never reuses a number that may be in Kafka). When the reservation
// cannot be persisted (disk full, read-only file system) the deliverer
// halts the stream: no frame is numbered past the last persisted mark.
type deliverer struct {
	key           string
	session       string
	sessionPath   string      // the stream's sessionLog file
	sessions      *sessionLog // which run captured which seqs
	holesPath     string      // the stream's holeLog file
	holes         *holeLog    // seqs Kafka failed while it took later ones
	always        bool
	memory        int64         // outage: bytes in flight before spilling
	window        int64         // bytes of stored frames handed to the producer at once
	limiter       *rate.Limiter // drain cap (spool.drain_rate); nil = none
	spillAfter    time.Duration // outage: an unacknowledged frame this old means Kafka is away
	reserveAhead  int64         // seqs reserved beyond the current one
	conflictEvery time.Duration
	prod          producer
	st            store
	log           *slog.Logger
	stats         *deliveryStats
	now           func() time.Time
	beat          func()      // the watchdog heartbeat of the deliver loop
	unsynced      func() bool // the box's clock is not synchronised now (edgecam-clock)
	onSpooling    func(bool)  // whether a backlog is held (stream state "spooling")
	stop          func()      // ends the stream (fatal errors)

	in       chan encode.Frame
	resumed  chan resumeResult
	conflict chan error      // from conflictLoop: another writer of our key
	halted   chan error      // to the supervisor: stop the pipeline, the stream cannot number frames
	retry    chan chan error // from the supervisor: may the pipeline start again?

	mu      sync.Mutex
	results []result
	// lazy (under mu, set by settle): on the direct path a success need
	// not wake run; it collects the results at its next event (the next
	// frame, at most a frame interval later, or the 100 ms tick). Cleared
	// while spilling, draining, resending or stopping, where an answer
	// moves the window. A success costs no wake-up of the deliverer then
	// (16 RTSP streams: 480 fewer a second, B9).
	lazy bool
	wake chan struct{}

	// Owned by run.
	next          int64     // seq of the next frame
	firstSeq      int64     // first seq of this session
	reserved      int64     // persisted high-water mark: no seq above it is handed out
	isResumed     bool      // Kafka's last seq is known and the store trimmed to it
	kafkaThrough  int64     // Kafka holds every seq <= this, but holes (from the resume)
	flights       []*flight // handed to the producer and not yet settled-and-trimmed, by seq
	inFlightBytes int64     // bytes of the flights with no answer yet
	skip          map[int64]outcome
	spilling      bool
	resend        bool      // a frame failed: see resendFailed
	resent        bool      // frames were sent again and none is acknowledged yet
	batchCap      int64     // Kafka refused a batch as too large: bytes handed to the producer at once, half the smallest batch refused (0: none)
	capCut        bool      // batchCap was cut in this resend cycle
	pumpAt        time.Time // drain cap: no stored frame is produced before
	halt          error     // the high-water mark could not be persisted
	maxSeq        atomic.Int64
	fatal         error // stops the stream (another agent writes our key)
}

// producer is what the deliverer needs of Kafka (kafka.Producer): produce
// with a completion, called once per record in any order, and the last seq
// of a key.
type producer interface {
	Produce(r *kafka.Record, done func(*kafka.Record, error))
	Resume(ctx context.Context, key string) (last int64, found bool, err error)
}

// store is what the deliverer needs of the spool (spool.Spool).
type store interface {
	Append(spool.Record) error
	AppendSent(spool.Record) error
	Next() (spool.Record, bool, error)
	Ack(seq int64)
	Rewind()
	Settled(seq int64)
	DiscardThrough(seq int64)
	LastSeq() (int64, bool)
	Len() (frames, bytes int64)
	Stats() spool.Stats
	HighWater() int64
	Reserve(upTo int64) error
	Close() error
}

// deliveryStats are the deliverer's counters, written by the deliverer
// only and read by the stream's metrics, health and stats line. Every frame
// handed to the deliverer ends up under exactly one of acked, too_large,
// lost, the spool's evicted count, or still in the spool or in flight:
// captured = acked + spooled now + evicted + too_large + lost.
type deliveryStats struct {
	// next is the edgecam-seq of the next frame; -1 until the deliverer
	// started.
	next                     atomic.Int64
	frames, keyframes, bytes atomic.Int64 // numbered
	produced                 atomic.Int64 // records handed to the producer (resends included)
	acked, failed, tooLarge  atomic.Int64 // producer outcomes; acked counts each frame once
	spooled, drained, spills atomic.Int64 // frames written to / produced from the store; switches to it
	resends                  atomic.Int64 // rewinds of the store to send failed frames again
	lost                     atomic.Int64 // frames neither Kafka nor the store took
	lastLatency              atomic.Int64 // capture → ack of the last acknowledged frame, ns
	maxLatency               atomic.Int64 // the longest capture → ack of this run, ns
	drainedBytes, drainRate  atomic.Int64 // bytes produced from the store; their rate over the last second, bytes/s
	latency                  observer     // capture → ack histogram; set before the deliverer starts
	// rateAt/rateBytes: the last drain rate sample (deliverer goroutine).
	rateAt    time.Time
	rateBytes int64
}

type outcome uint8

const (
	inFlight outcome = iota // handed to the producer, no answer yet
	acked                   // Kafka has it
	dropped                 // counted under a reason (too large, lost); never sent again
	failed                  // the client gave up on it: sent again from the store
)

func (o outcome) settled() bool { return o == acked || o == dropped }

type flight struct {
	rec     *kafka.Record
	at      time.Time // handed to the producer
	inStore bool
	state   outcome
}

type result struct {
	f   *flight
	err error
	at  time.Time // when the answer came (capture → ack latency)
}

type resumeResult struct {
	last  int64
	found bool
}

// Delivery tuning. spillAfter is short enough that a stalled link costs
// little memory and long enough that a broker's leader election (about a
// second) does not touch the disk.
const (
	spillAfter       = 2 * time.Second
	resumeRetryEvery = 2 * time.Second
	conflictEvery    = 30 * time.Second
	// stalledWindow is what a stream hands the producer from its store
	// while Kafka does not acknowledge: enough to notice it is back.
	stalledWindow = 256 << 10
)

// deliveryOptions are what a deliverer takes from its stream.
type deliveryOptions struct {
	key, session  string
	sessionPath   string // the session log; the hole log sits beside it
	spool         config.Spool
	fps           int
	conflictEvery time.Duration
	log           *slog.Logger
	stats         *deliveryStats
	beat          func()
	onSpooling    func(bool)
	unsynced      func() bool      // nil: never marked
	now           func() time.Time // nil: time.Now
}

func newDeliverer(o deliveryOptions, prod producer, st store) *deliverer {
	d := &deliverer{
		key:           o.key,
		session:       o.session,
		sessionPath:   o.sessionPath,
		holesPath:     o.sessionPath + ".holes",
		always:        o.spool.Mode == config.SpoolAlways,
		memory:        int64(o.spool.Memory),
		window:        max(int64(o.spool.Memory)/2, 1<<20),
		spillAfter:    spillAfter,
		reserveAhead:  int64(max(o.fps, 1)) * 60, // a minute of frames
		conflictEvery: o.conflictEvery,
		prod:          prod,
		st:            st,
		log:           o.log,
		stats:         o.stats,
		now:           time.Now,
		beat:          o.beat,
		onSpooling:    o.onSpooling,
		unsynced:      o.unsynced,
		stop:          func() {},
		in:            make(chan encode.Frame, 16),
		resumed:       make(chan resumeResult, 1),
		conflict:      make(chan error, 1),
		halted:        make(chan error, 1),
		retry:         make(chan chan error),
		wake:          make(chan struct{}, 1),
		kafkaThrough:  -1,
	}
	if r := int64(o.spool.DrainRate); r > 0 {
		// A second of burst: a frame larger than that waits its turn
		// like the others (reserve, below).
		d.limiter = rate.NewLimiter(rate.Limit(r), int(r))
	}
	if d.stats == nil {
		d.stats = &deliveryStats{}
	}
	if d.stats.latency == nil {
		d.stats.latency = noObserver{}
	}
	if o.now != nil {
		d.now = o.now
	}
	if d.beat == nil {
		d.beat = func() {}
	}
	if d.unsynced == nil {
		d.unsynced = func() bool { return false }
	}
	if d.onSpooling == nil {
		d.onSpooling = func(bool) {}
	}
	if d.conflictEvery <= 0 {
		d.conflictEvery = conflictEvery
	}
	d.maxSeq.Store(-1)
	return d
}

// start fixes the first seq of this session. It asks Kafka for the last
// seq of the key for at most wait; if Kafka does not answer, the stream
// starts anyway after the store's last seq and the reserved high-water
// mark, and keeps asking in the background (run) before it produces
// anything from the store.
func (d *deliverer) start(ctx context.Context, wait time.Duration) error {
	spLast, hasSp := d.st.LastSeq()
	if !hasSp {
		spLast = -1
	}
	holes, err := openHoleLog(d.holesPath)
	if err != nil {
		return err
	}
	d.holes = holes
	hwm := d.st.HighWater()
	rctx, cancel := context.WithTimeout(ctx, wait)
	last, found, err := d.prod.Resume(rctx, d.key)
	cancel()
	switch {
	case err == nil:
		kLast := int64(-1)
		if found {
			kLast = last
		}
		if hwm >= 0 && kLast > hwm {
			d.log.Warn("Kafka holds seqs above this spool's high-water mark: the spool directory was reset, or another agent uses this device id", "kafka_last_seq", kLast, "high_water", hwm)
		}
		d.trimToKafka(kLast)
		// kafkaThrough, not kLast: after a resend of holes, Kafka's last
		// record can be a resent hole below seqs it holds.
		d.next = max(d.kafkaThrough, spLast) + 1
		d.isResumed = true
		if found {
			d.log.Info("resuming sequence after the last record in Kafka", "last_seq", kLast, "spool_last_seq", spLast, "next_seq", d.next)
		} else {
			d.log.Info("no earlier record of this stream in Kafka; sequence starts at 0", "key", d.key, "spool_last_seq", spLast, "next_seq", d.next)
		}
	case ctx.Err() != nil:
		return ctx.Err()
	default:
		d.next = max(spLast, hwm) + 1
		d.log.Warn("Kafka did not answer at start: spooling, and continuing after the reserved seq high-water mark so no seq is reused", "err", err, "high_water", hwm, "spool_last_seq", spLast, "next_seq", d.next)
	}
	d.firstSeq = d.next
	d.stats.next.Store(d.next)
	oldest := d.next
	if st := d.st.Stats(); st.OldestSeq >= 0 && st.OldestSeq < oldest {
		oldest = st.OldestSeq
	}
	sl, err := openSessionLog(d.sessionPath, oldest, d.firstSeq, d.session)
	if err != nil {
		return err
	}
	d.sessions = sl
	d.reserved = hwm
	if err := d.reserve(); err != nil {
		return err
	}
	if frames, _ := d.st.Len(); frames > 0 || d.always || !d.isResumed {
		d.spilling = true
		if frames > 0 {
			d.log.Info("spool holds frames from an earlier run; delivering them first", "frames", frames)
		}
	}
	return nil
}

// trimToKafka drops from the store what Kafka already holds: every seq up
// to its last one, but the holes (frames Kafka failed while it took later
// ones), which stay and are sent again; the stored frames between them that
// Kafka has are skipped by pump.
func (d *deliverer) trimToKafka(kLast int64) {
	if kLast < 0 {
		return
	}
	cut := kLast
	if h, ok := d.holes.first(); ok && h <= kLast {
		cut = h - 1
		d.log.Info("Kafka failed frames of an earlier run while it took later ones: sending them again", "first_seq", h, "frames", d.holes.len())
	}
	if cut >= 0 {
		d.st.DiscardThrough(cut)
	}
	through, err := d.holes.knownThrough(kLast)
	if err != nil {
		d.log.Error("cannot persist the spool's resend list", "err", err)
	}
	d.kafkaThrough = through
}

// reserve persists a high-water mark ahead of the next seq.
func (d *deliverer) reserve() error {
	if d.next+d.reserveAhead/6 <= d.reserved {
		return nil
	}
	upTo := d.next + d.reserveAhead
	if err := d.st.Reserve(upTo); err != nil {
		return fmt.Errorf("cannot persist the seq high-water mark up to %d in the spool directory (disk full or read-only file system? free space or fix the mount; frames stay unnumbered until then): %w", upTo, err)
	}
	d.reserved = upTo
	return nil
}

// run delivers until in is closed; then it waits, at most stopBudget after
// ctx ended, for the acknowledgement of frames produced straight from
// memory, writes the ones still unacknowledged to the store and closes it.
// It returns the reason the stream must stop for good, if any.
func (d *deliverer) run(ctx context.Context, stopBudget time.Duration) error {
	var stopAt time.Time
	var stopping bool
	done := ctx.Done()
	if !d.isResumed {
		go d.resumeLoop(ctx)
	}
	go d.conflictLoop(ctx)
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	pumpTimer := time.NewTimer(time.Hour)
	defer pumpTimer.Stop()
	in := d.in
	for in != nil {
		select {
		case f, ok := <-in:
			if !ok {
				in = nil
				break
			}
			d.frame(f)
		case <-d.wake:
		case <-pumpTimer.C:
		case r := <-d.resumed:
			d.onResumed(r)
		case reply := <-d.retry:
			reply <- d.resumeNumbering()
		case err := <-d.conflict:
			if d.fatal == nil {
				d.fatal = err
				d.log.Error("stream stopped", "err", err)
			}
		case <-done:
			stopAt, done = time.Now(), nil
		case now := <-tick.C:
			d.beat()
			d.sampleDrainRate(now)
		}
		d.settle()
		if wait := d.pumpAt.Sub(d.now()); wait > 0 {
			pumpTimer.Reset(wait)
		}
		if d.fatal != nil && !stopping {
			// Stop the stream: its pipeline ends and in is closed.
			d.stop()
			stopping = true
		}
	}
	budget := stopBudget
	if !stopAt.IsZero() {
		budget = time.Until(stopAt.Add(stopBudget))
	}
	d.finish(budget)
	return d.fatal
}

// settle is the work after every event: apply the producer's results,
// spill when Kafka does not keep up, produce from the store.
func (d *deliverer) settle() {
	d.collect()
	d.checkSpill()
	d.pump()
	d.onSpooling(d.backlogged())
	d.setLazy(!d.spilling && !d.resend && d.fatal == nil)
}

// setLazy sets lazy. Under mu, as the producer's callback appends its
// result and reads lazy: a result appended before lazy was cleared is
// seen by the collect that follows the clearing, one appended after it
// wakes run.
func (d *deliverer) setLazy(lazy bool) {
	d.mu.Lock()
	d.lazy = lazy
	d.mu.Unlock()
}

// frame numbers one encoded frame and sends it on its way.
func (d *deliverer) frame(f encode.Frame) {
	if d.fatal != nil || d.next > d.reserved {
		// Stopping for good, or no seq can be handed out safely: the
		// frame has nowhere to go.
		if n := d.stats.lost.Add(1); n == 1 || n%100 == 0 {
			reason := "the stream is stopping"
			if d.fatal == nil {
				reason = "the seq high-water mark cannot be persisted"
			}
			d.log.Error("frame lost: "+reason, "lost_total", n)
		}
		return
	}
	seq := d.next
	d.next++
	d.stats.next.Store(d.next)
	d.maxSeq.Store(seq)
	d.stats.frames.Add(1)
	d.stats.bytes.Add(int64(len(f.Data)))
	if f.Keyframe {
		d.stats.keyframes.Add(1)
	}
	rec := &kafka.Record{
		Key: d.key, Seq: seq, PTS: f.PTS, DTS: f.DTS, CaptureTime: f.CaptureTime,
		Keyframe: f.Keyframe, Codec: recordCodec(f.Codec), Value: f.Data, Session: d.session,
		ClockUnsynced: d.unsynced(), Track: f.Track,
	}
	if d.spilling {
		if d.toStore(rec, false) {
			d.stats.spooled.Add(1)
		} else {
			d.stats.lost.Add(1)
		}
	} else {
		d.produce(rec, false)
	}
	if err := d.reserve(); err != nil && d.halt == nil {
		// The seqs already reserved are safe; stop the pipeline before
		// they run out. The supervisor retries with backoff (retry).
		d.halt = err
		d.log.Error("stream halted", "err", err, "next_seq", d.next, "reserved_through", d.reserved)
		select {
		case d.halted <- err:
		default: // the supervisor has not taken the previous one yet
		}
	}
}

// resumeNumbering answers the supervisor before a pipeline (re)starts:
// nil once the high-water mark is persisted again.
func (d *deliverer) resumeNumbering() error {
	if d.halt == nil {
		return nil
	}
	if err := d.reserve(); err != nil {
		return err
	}
	d.log.Info("seq high-water mark persisted again: the stream resumes", "reserved_through", d.reserved)
	d.halt = nil
	return nil
}

// toStore appends rec to the store (sent: as already handed to the
// producer); false when the store refused it, which is logged.
func (d *deliverer) toStore(rec *kafka.Record, sent bool) bool {
	r := spool.Record{Seq: rec.Seq, Keyframe: rec.Keyframe, PTS: rec.PTS, DTS: rec.DTS,
		Capture: rec.CaptureTime, Payload: rec.Value, ClockUnsynced: rec.ClockUnsynced, H265: rec.Codec == encode.H265,
		Audio: rec.Track == kafka.TrackAudio, Opus: rec.Codec == encode.Opus}
	var err error
	if sent {
		err = d.st.AppendSent(r)
	} else {
		err = d.st.Append(r)
	}
	if err != nil {
		d.log.Error("the spool refused a frame", "seq", rec.Seq, "err", err)
		return false
	}
	return true
}

func (d *deliverer) produce(rec *kafka.Record, inStore bool) {
	f := &flight{rec: rec, at: d.now(), inStore: inStore}
	d.flights = append(d.flights, f)
	d.stats.produced.Add(1)
	d.inFlightBytes += int64(len(rec.Value))
	d.prod.Produce(rec, func(_ *kafka.Record, err error) {
		if err != nil && !errors.Is(err, kafka.ErrTooLarge) {
			// Durable before the result is: see holeLog.
			if herr := d.holes.add(rec.Seq); herr != nil {
				d.log.Error("cannot persist the spool's resend list: after a crash this frame may not be sent again", "seq", rec.Seq, "err", herr)
			}
		}
		at := d.now()
		d.mu.Lock()
		d.results = append(d.results, result{f, err, at})
		wake := err != nil || !d.lazy
		d.mu.Unlock()
		if wake {
			select {
			case d.wake <- struct{}{}:
			default:
			}
		}
	})
}

// collect applies the producer's results, whatever their order, and
// acknowledges the store through the settled prefix of the window.
func (d *deliverer) collect() {
	d.mu.Lock()
	rs := d.results
	d.results = nil
	d.mu.Unlock()
	if len(rs) == 0 {
		return
	}
	topAcked := int64(-1)
	refused := false         // Kafka refused a batch of these frames as too large
	refusedBatch := int64(0) // the smallest of those batches that said its size (0: none did)
	var be *kafka.BatchTooLargeError
	for _, r := range rs {
		f := r.f
		if f.state != inFlight {
			continue // answered already (the client calls back once: not reached)
		}
		d.inFlightBytes -= int64(len(f.rec.Value))
		switch {
		case r.err == nil:
			f.state = acked
			topAcked = max(topAcked, f.rec.Seq)
			d.stats.acked.Add(1)
			d.resent = false
			lat := max(r.at.Sub(f.rec.CaptureTime), 0)
			d.stats.lastLatency.Store(int64(lat))
			if int64(lat) > d.stats.maxLatency.Load() { // the deliverer is the only writer
				d.stats.maxLatency.Store(int64(lat))
			}
			d.stats.latency.Observe(lat.Seconds())
		case errors.Is(r.err, kafka.ErrTooLarge):
			f.state = dropped
			d.stats.tooLarge.Add(1)
			d.log.Error("frame dropped: larger than the topic's max.message.bytes (lower bitrate_kbps or raise it)", "seq", f.rec.Seq, "bytes", len(f.rec.Value))
		case errors.Is(r.err, kafka.ErrBatchTooLarge):
			// Perhaps not too large itself: sent again under a cap (below).
			f.state = failed
			d.resend = true
			d.stats.failed.Add(1)
			refused = true
			if errors.As(r.err, &be) && be.Batch > 0 && (refusedBatch == 0 || int64(be.Batch) < refusedBatch) {
				refusedBatch = int64(be.Batch)
			}
		default:
			// The client gave up on it: a non-retriable error (see
			// resendFailed) or closing. A stored frame is still in the
			// store; one from memory is written there by resendFailed
			// or, at the stop, by finish.
			f.state = failed
			d.resend = true
			if n := d.stats.failed.Add(1); n == 1 || n%100 == 0 {
				d.log.Error("Kafka did not take a frame", "seq", f.rec.Seq, "err", r.err, "failed_total", n)
			}
		}
	}
	if refused && !d.capCut {
		// kgo builds batches up to the limit it cached for the partition
		// (see kafka.ErrBatchTooLarge); Kafka's is lower. The failed
		// frames go again from the store (resendFailed), and from now on
		// the stream hands the producer at most batchCap bytes at once:
		// half the smallest batch Kafka refused, and half the cap again
		// at each later refusal (the window admits a frame while less
		// than the cap is in flight, so a batch may reach the cap plus a
		// frame). kgo's batches shrink under Kafka's limit within a few
		// refusals and stay there for the rest of the run, at worst one
		// frame at a time. A frame larger than the cap goes alone, and
		// is dropped only if Kafka refused it alone (ErrTooLarge): no
		// frame that fits is dropped. Once a resend cycle: the results
		// of one refusal may come over several collects.
		d.capCut = true
		c := d.window
		if d.batchCap > 0 {
			c = d.batchCap
		}
		if refusedBatch > 0 {
			c = min(c, refusedBatch)
		}
		d.batchCap = max(c/2, 1)
		d.log.Warn("Kafka refused a batch of frames as larger than the topic's max.message.bytes: sending them again, at most batch_cap bytes at once. "+
			"The topic's max.message.bytes is below what the agent read at start: restart the agent once it is set as wanted (the limit is read only at start; the cap stays until then)",
			"refused_bytes", refusedBatch, "batch_cap", d.batchCap)
	}
	if topAcked > d.kafkaThrough && d.holes.len() > 0 {
		// Kafka took a frame above a hole (in a partition, in produce
		// order: everything before it, but the holes): a restart must
		// know, since Kafka's last record may be a resent hole below it.
		through, err := d.holes.knownThrough(topAcked)
		if err != nil {
			d.log.Error("cannot persist the spool's resend list", "err", err)
		}
		d.kafkaThrough = through
	}
	d.trim()
	d.resendFailed()
}

// trim drops the settled prefix of the window and acknowledges the store
// through it: every stored frame up to there is in Kafka, or was dropped
// and counted. Nothing later is acknowledged, whatever Kafka answered
// for it.
func (d *deliverer) trim() {
	i := 0
	for i < len(d.flights) && d.flights[i].state.settled() {
		i++
	}
	if i == 0 {
		return
	}
	through := d.flights[i-1].rec.Seq
	n := copy(d.flights, d.flights[i:])
	clear(d.flights[n:])
	d.flights = d.flights[:n]
	d.st.Ack(through)
	for seq := range d.skip {
		if seq <= through {
			delete(d.skip, seq)
		}
	}
	if err := d.holes.settle(through); err != nil {
		d.log.Error("cannot update the spool's resend list", "err", err)
	}
}

// resendFailed sends the frames the client failed again, from the store and
// in order. kgo fails every buffered record of a partition when a reconnect
// meets a non-retriable error before the batch was written (a refused SASL
// login or broker certificate, a revoked ACL; measured with kfake), and may
// take records produced after them once Kafka accepts again. So a failure
// switches the stream to the store (nothing more goes straight to the
// producer, and pump stops), and once every frame in flight has its answer
// the store's cursor goes back to the first frame not acknowledged; pump
// produces the failed ones again and skips those Kafka took meanwhile.
func (d *deliverer) resendFailed() {
	if !d.resend {
		return
	}
	if !d.spilling {
		d.spill("Kafka failed frames: spilling to the spool to send them again")
	}
	for _, f := range d.flights {
		if f.state == inFlight {
			return // the rest of the window has not been answered yet
		}
	}
	for _, f := range d.flights {
		switch {
		case f.state.settled():
			if d.skip == nil {
				d.skip = map[int64]outcome{}
			}
			d.skip[f.rec.Seq] = f.state
			d.st.Settled(f.rec.Seq) // not evicted, if it was meanwhile
		case !f.inStore:
			// Failed, and the store refused it when it was spilled.
			d.stats.lost.Add(1)
			d.log.Error("frame lost: Kafka failed it and the spool refused it", "seq", f.rec.Seq)
		}
	}
	d.st.Rewind()
	clear(d.flights)
	d.flights = d.flights[:0]
	d.inFlightBytes, d.resend, d.resent, d.capCut = 0, false, true, false
	d.stats.resends.Add(1)
	d.log.Debug("sending the frames Kafka failed again, from the spool")
}

// checkSpill switches an outage-mode stream to the store when Kafka stops
// keeping up: the frames in flight from memory are written to the store
// first (they stay in flight; AppendSent moves the read cursor past them),
// so from here on everything Kafka has not acknowledged is on disk.
func (d *deliverer) checkSpill() {
	if d.spilling || len(d.flights) == 0 {
		return
	}
	if d.inFlightBytes <= d.memory && !d.stalled() {
		return
	}
	d.spill("Kafka is not keeping up: spilling to the spool", "in_flight_bytes", d.inFlightBytes, "oldest_unacked", d.oldestWait().Round(time.Millisecond))
}

func (d *deliverer) spill(msg string, args ...any) {
	moved, _ := d.storeFlights(true) // a refused one stays in flight
	d.spilling = true
	d.stats.spills.Add(1)
	d.log.Warn(msg, append(args, "moved_to_spool", moved)...)
}

// storeFlights writes the frames in flight that are neither settled nor
// in the store yet to the store (sent: as already handed to the
// producer), and counts those it moved and those the store refused.
func (d *deliverer) storeFlights(sent bool) (moved, refused int) {
	for _, f := range d.flights {
		if f.inStore || f.state.settled() {
			continue
		}
		if !d.toStore(f.rec, sent) {
			refused++
			continue
		}
		f.inStore = true
		d.stats.spooled.Add(1)
		moved++
	}
	return moved, refused
}

// oldestWait is how long the oldest frame in flight has waited for its
// answer (0 when none waits).
func (d *deliverer) oldestWait() time.Duration {
	for _, f := range d.flights {
		if f.state == inFlight {
			return d.now().Sub(f.at)
		}
	}
	return 0
}

// stalled reports whether a frame in flight has waited for its answer
// longer than spillAfter.
func (d *deliverer) stalled() bool { return d.oldestWait() >= d.spillAfter }

// healthy reports whether Kafka is taking frames promptly.
func (d *deliverer) healthy() bool { return !d.stalled() && d.inFlightBytes < d.window }

// backlogged is the deliverer's "Kafka is not keeping up": outage mode is
// spilling to the store; always mode (which stores every frame) has not
// heard from Kafka or waits for an acknowledgement too long.
func (d *deliverer) backlogged() bool {
	if !d.always {
		return d.spilling
	}
	return !d.isResumed || d.stalled()
}

// pump produces stored frames, in order, while the window and the drain
// cap allow.
func (d *deliverer) pump() {
	if !d.spilling || !d.isResumed || d.fatal != nil || d.resend {
		return
	}
	// While Kafka does not acknowledge, hand the client only a little:
	// frames wait on disk (where eviction can account for them), not in
	// the client's memory.
	window := d.window
	if d.stalled() || d.resent {
		window = min(window, stalledWindow)
	}
	if d.batchCap > 0 {
		window = min(window, d.batchCap)
	}
	for d.inFlightBytes < window {
		if d.limiter != nil && d.now().Before(d.pumpAt) {
			return // run's timer wakes the loop at pumpAt
		}
		r, ok, err := d.st.Next()
		if err != nil {
			d.log.Error("reading the spool", "err", err)
			return
		}
		if !ok {
			if !d.always && d.healthy() {
				frames, _ := d.st.Len()
				d.log.Info("spool drained; back to the direct path", "in_flight", frames)
				d.spilling = false
			}
			return
		}
		if o, ok := d.known(r.Seq); ok {
			// Kafka took it already (before a resend, or in an earlier
			// run): it only holds its place in the window.
			d.flights = append(d.flights, &flight{rec: &kafka.Record{Seq: r.Seq}, inStore: true, state: o})
			d.trim()
			continue
		}
		d.stats.drained.Add(1)
		d.stats.drainedBytes.Add(int64(len(r.Payload)))
		session := d.sessions.of(r.Seq)
		if session == "" {
			session = d.session
		}
		d.produce(&kafka.Record{
			Key: d.key, Seq: r.Seq, PTS: r.PTS, DTS: r.DTS, CaptureTime: r.Capture, Keyframe: r.Keyframe,
			Codec: spooledCodec(r), Track: spooledTrack(r), Value: r.Payload, Session: session, Evicted: r.Evicted,
			ClockUnsynced: r.ClockUnsynced,
		}, true)
		if d.limiter != nil {
			now := d.now()
			n := min(len(r.Payload), d.limiter.Burst())
			d.pumpAt = now.Add(d.limiter.ReserveN(now, n).DelayFrom(now))
		}
	}
}

// known reports what became of a stored frame that must not be sent again:
// settled in this run before a resend, or in Kafka from an earlier run.
func (d *deliverer) known(seq int64) (outcome, bool) {
	if o, ok := d.skip[seq]; ok {
		return o, true
	}
	if seq <= d.kafkaThrough && !d.holes.has(seq) {
		return acked, true
	}
	return 0, false
}

// onResumed trims the store to what Kafka already has, once Kafka answered
// after a start without it.
func (d *deliverer) onResumed(r resumeResult) {
	if !r.found {
		r.last = -1
	}
	if through, _ := d.holes.knownThrough(-1); max(r.last, through) >= d.firstSeq {
		d.fatal = fmt.Errorf("seq %d of %s is already in Kafka, at or above this run's first seq %d: another agent is using device id %q (or this box's spool directory was reset while Kafka was away); stopping the stream", r.last, d.key, d.firstSeq, d.key)
		d.log.Error("stream stopped", "err", d.fatal)
		return
	}
	d.trimToKafka(r.last)
	d.isResumed = true
	d.log.Info("Kafka answered: delivering the spool after its last record", "kafka_last_seq", r.last)
}

// resumeLoop asks Kafka for the key's last seq until it answers.
func (d *deliverer) resumeLoop(ctx context.Context) {
	for {
		rctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		last, found, err := d.prod.Resume(rctx, d.key)
		cancel()
		if err == nil {
			d.resumed <- resumeResult{last, found}
			return
		}
		if !sleep(ctx, resumeRetryEvery) {
			return
		}
	}
}

// conflictLoop checks now and then that nobody else writes our key: a seq
// in Kafka above every seq this agent handed out.
func (d *deliverer) conflictLoop(ctx context.Context) {
	for sleep(ctx, d.conflictEvery) {
		rctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		last, found, err := d.prod.Resume(rctx, d.key)
		cancel()
		// Read after the answer: every seq Kafka could hold by then was
		// handed out by then.
		mine := d.maxSeq.Load()
		if err != nil || !found || last <= mine {
			continue
		}
		d.conflict <- fmt.Errorf("seq %d of %s is in Kafka but this agent has handed out seqs only up to %d: another agent is using device id %q; give each box its own device.id. Stopping the stream", last, d.key, mine, d.key)
		return
	}
}

// finish is the stop: wait for the frames produced from memory until the
// budget runs out, store the ones Kafka has not acknowledged, close the
// store.
func (d *deliverer) finish(budget time.Duration) {
	d.setLazy(false) // every answer wakes the wait below
	deadline := time.Now().Add(budget)
	for time.Now().Before(deadline) {
		d.collect()
		pending := false
		for _, f := range d.flights {
			if !f.inStore && f.state == inFlight {
				pending = true
				break
			}
		}
		if !pending {
			break
		}
		select {
		case <-d.wake:
		case <-time.After(time.Until(deadline)):
		}
	}
	d.collect()
	moved, refused := d.storeFlights(false)
	d.stats.lost.Add(int64(refused)) // nowhere else to go
	if moved > 0 {
		d.log.Warn("Kafka did not acknowledge every frame before the stop: the rest is in the spool for the next start", "frames", moved)
	}
	if err := d.st.Close(); err != nil {
		d.log.Error("closing the spool", "err", err)
	}
}

// sampleDrainRate updates edgecam_spool_drain_rate_bytes about once a
// second; called by the deliverer's loop only.
func (d *deliverer) sampleDrainRate(now time.Time) {
	s := d.stats
	el := now.Sub(s.rateAt)
	if el < time.Second {
		return
	}
	b := s.drainedBytes.Load()
	if !s.rateAt.IsZero() {
		s.drainRate.Store(int64(float64(b-s.rateBytes) / el.Seconds()))
	}
	s.rateAt, s.rateBytes = now, b
}

// ready asks the deliverer, before a pipeline starts, whether it can
// number frames: after a halt it tries to persist the high-water mark
// again. The error says what to fix.
func (d *deliverer) ready(ctx context.Context) error {
	reply := make(chan error, 1)
	select {
	case d.retry <- reply:
	case <-ctx.Done():
		return ctx.Err()
	}
	select {
	case err := <-reply:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// recordCodec is the edgecam-codec of a frame: its encoder's codec, H.264
// when the frame does not say.
func recordCodec(codec string) string {
	if codec == "" {
		return encode.H264
	}
	return codec
}

// spooledCodec is the edgecam-codec of a frame read back from the spool.
func spooledCodec(r spool.Record) string {
	switch {
	case r.Audio && r.Opus:
		return encode.Opus
	case r.Audio:
		return encode.AAC
	case r.H265:
		return encode.H265
	}
	return encode.H264
}

// spooledTrack is the edgecam-track of a frame read back from the spool.
func spooledTrack(r spool.Record) string {
	if r.Audio {
		return kafka.TrackAudio
	}
	return kafka.TrackVideo
}
