package agent

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/edgecam/edgecam/config"
	"github.com/edgecam/edgecam/encode"
	"github.com/edgecam/edgecam/kafka"
	"github.com/edgecam/edgecam/spool"
)

// deliverer owns the path of one stream's frames from the encoder to Kafka:
// it numbers them (edgecam-seq), keeps the ones Kafka has not acknowledged
// either in memory or in the stream's spool, and removes a frame from the
// spool only after Kafka acknowledged it. One goroutine (run) owns all of
// its state but the result queue; it lives as long as the stream, so the
// spool drains even while the camera is missing.
//
// Modes (spool.mode):
//   - outage: frames go straight to the producer while Kafka keeps up. When
//     the frames in flight exceed the memory bound, or the oldest of them is
//     unacknowledged for spillAfter, the unacknowledged ones are written to
//     the spool and every new frame follows them there; the backlog is then
//     produced from the spool, in order, and the stream returns to the
//     direct path once the spool has caught up and Kafka answers again.
//   - always: every frame is appended to the spool before it is produced.
//
// Sequence numbers never repeat: at start the stream continues after the
// highest of Kafka's last seq, the spool's last seq and, when Kafka cannot
// be asked, the persisted high-water mark (a reservation made ahead, so a
// crash never reuses a number that may be in Kafka).
type deliverer struct {
	key          string
	session      string
	sessionPath  string      // the stream's sessionLog file
	sessions     *sessionLog // which run captured which seqs
	always       bool
	memory       int64         // outage: bytes in flight before spilling
	window       int64         // bytes of spooled frames handed to the producer at once
	rate         int64         // drain cap, bytes/s; 0 = none
	spillAfter   time.Duration // outage: an unacknowledged frame this old means Kafka is away
	reserveAhead int64         // seqs reserved beyond the current one
	prod         *kafka.Producer
	sp           *spool.Spool
	log          *slog.Logger
	st           *stream // counters
	stop         func()  // ends the stream (fatal errors)

	in       chan encode.Frame
	resumed  chan resumeResult
	conflict chan error // from conflictLoop: another writer of our key

	mu      sync.Mutex
	results []result
	wake    chan struct{}

	// Owned by run.
	next       int64 // seq of the next frame
	firstSeq   int64 // first seq of this session
	reserved   int64 // persisted high-water mark
	isResumed  bool  // Kafka's last seq is known and the spool trimmed to it
	flight     []*flight
	flightSize int64
	spilling   bool
	resend     bool    // a frame failed: see resendFailed
	resent     bool    // frames were sent again and none is acknowledged yet
	tokens     float64 // drain rate bucket, bytes
	lastRefill time.Time
	maxSeq     atomic.Int64 // highest seq handed out, for the conflict check
	fatal      error        // stops the stream (another agent writes our key)
}

type flight struct {
	rec     *kafka.Record
	at      time.Time
	inSpool bool
	done    bool
	failed  bool // the client failed it: sent again by resendFailed
}

type result struct {
	f   *flight
	err error
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
	// stalledWindow is what a stream hands the producer from its spool
	// while Kafka does not acknowledge: enough to notice it is back.
	stalledWindow = 256 << 10
)

func newDeliverer(st *stream, sc config.Spool, session string, prod *kafka.Producer, sp *spool.Spool, fps int) *deliverer {
	d := &deliverer{
		key:          st.key,
		session:      session,
		always:       sc.Mode == config.SpoolAlways,
		memory:       int64(sc.Memory),
		window:       max(int64(sc.Memory)/2, 1<<20),
		rate:         int64(sc.DrainRate),
		spillAfter:   spillAfter,
		reserveAhead: int64(max(fps, 1)) * 60, // a minute of frames
		prod:         prod,
		sp:           sp,
		log:          st.log,
		st:           st,
		in:           make(chan encode.Frame, 16),
		resumed:      make(chan resumeResult, 1),
		conflict:     make(chan error, 1),
		wake:         make(chan struct{}, 1),
	}
	d.maxSeq.Store(-1)
	return d
}

// start fixes the first seq of this session. It asks Kafka for the last
// seq of the key for at most wait; if Kafka does not answer, the stream
// starts anyway after the spool's last seq and the reserved high-water
// mark, and keeps asking in the background (run) before it produces
// anything from the spool.
func (d *deliverer) start(ctx context.Context, wait time.Duration) error {
	spLast, hasSp := d.sp.LastSeq()
	if !hasSp {
		spLast = -1
	}
	hwm := d.sp.HighWater()
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
		if found {
			d.sp.DiscardThrough(kLast)
		}
		d.next = max(kLast, spLast) + 1
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
	d.st.next.Store(d.next)
	oldest := d.next
	if st := d.sp.Stats(); st.OldestSeq >= 0 && st.OldestSeq < oldest {
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
	if frames, _ := d.sp.Len(); frames > 0 || d.always || !d.isResumed {
		d.spilling = true
		if frames > 0 {
			d.log.Info("spool holds frames from an earlier run; delivering them first", "frames", frames)
		}
	}
	return nil
}

// reserve persists a high-water mark ahead of the next seq.
func (d *deliverer) reserve() error {
	if d.next+d.reserveAhead/6 <= d.reserved {
		return nil
	}
	upTo := d.next + d.reserveAhead
	if err := d.sp.Reserve(upTo); err != nil {
		return fmt.Errorf("spool: reserving seqs up to %d: %w", upTo, err)
	}
	d.reserved = upTo
	return nil
}

// run delivers until in is closed; then it waits, at most stopBudget after
// ctx ended, for the acknowledgement of frames produced straight from
// memory, writes the ones still unacknowledged to the spool and closes it.
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
	in := d.in
	d.lastRefill = time.Now()
	for in != nil {
		select {
		case f, ok := <-in:
			if !ok {
				in = nil
				break
			}
			d.frame(f)
		case <-d.wake:
		case r := <-d.resumed:
			d.onResumed(r)
		case err := <-d.conflict:
			if d.fatal == nil {
				d.fatal = err
				d.log.Error("stream stopped", "err", err)
			}
		case <-done:
			stopAt, done = time.Now(), nil
		case now := <-tick.C:
			d.st.beat(&d.st.deliverBeat)
			d.st.sampleDrainRate(now)
		}
		d.collect()
		d.checkSpill()
		d.pump()
		d.st.setSpooling(d.backlogged())
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

// frame numbers one encoded frame and sends it on its way.
func (d *deliverer) frame(f encode.Frame) {
	if d.fatal != nil {
		return
	}
	seq := d.next
	d.next++
	d.st.next.Store(d.next)
	d.maxSeq.Store(seq)
	if err := d.reserve(); err != nil {
		d.log.Error("could not persist the seq high-water mark", "err", err)
	}
	d.st.frames.Add(1)
	d.st.bytes.Add(int64(len(f.Data)))
	if f.Keyframe {
		d.st.keyframes.Add(1)
	}
	rec := &kafka.Record{
		Key: d.key, Seq: seq, PTS: f.PTS, DTS: f.DTS, CaptureTime: f.CaptureTime,
		Keyframe: f.Keyframe, Codec: "h264", Value: f.Data, Session: d.session,
	}
	if d.spilling {
		d.toSpool(rec)
		return
	}
	d.produce(rec, false)
}

func (d *deliverer) toSpool(rec *kafka.Record) {
	err := d.sp.Append(spool.Record{Seq: rec.Seq, Keyframe: rec.Keyframe, PTS: rec.PTS, DTS: rec.DTS,
		Capture: rec.CaptureTime, Payload: rec.Value})
	if err != nil {
		// Nothing else can hold it: count it as lost, loudly.
		d.st.lost.Add(1)
		d.log.Error("frame lost: the spool refused it", "seq", rec.Seq, "err", err)
		return
	}
	d.st.spooled.Add(1)
}

func (d *deliverer) produce(rec *kafka.Record, inSpool bool) {
	f := &flight{rec: rec, at: time.Now(), inSpool: inSpool}
	d.flight = append(d.flight, f)
	d.st.produced.Add(1)
	d.flightSize += int64(len(rec.Value))
	d.prod.Produce(rec, func(_ *kafka.Record, err error) {
		d.mu.Lock()
		d.results = append(d.results, result{f, err})
		d.mu.Unlock()
		select {
		case d.wake <- struct{}{}:
		default:
		}
	})
}

// collect applies the producer's results, in the order Kafka gave them.
func (d *deliverer) collect() {
	d.mu.Lock()
	rs := d.results
	d.results = nil
	d.mu.Unlock()
	for _, r := range rs {
		f := r.f
		f.done = true
		switch {
		case r.err == nil:
			d.st.acked.Add(1)
			d.resent = false
			// Ack is cumulative: not past a failed frame.
			if f.inSpool && !d.resend {
				d.sp.Ack(f.rec.Seq)
			}
			lat := max(time.Since(f.rec.CaptureTime), 0)
			d.st.lastLatency.Store(int64(lat))
			d.st.latency.Observe(lat.Seconds())
		case errors.Is(r.err, kafka.ErrTooLarge):
			d.st.tooLarge.Add(1)
			d.log.Error("frame dropped: larger than the topic's max.message.bytes (lower bitrate_kbps or raise it)", "seq", f.rec.Seq, "bytes", len(f.rec.Value))
			if f.inSpool {
				d.sp.Ack(f.rec.Seq) // resending cannot help
			}
		default:
			// The client gave up on it: a non-retriable error (see
			// resendFailed) or closing. A spooled frame is still on
			// disk; one from memory is written there by resendFailed
			// or, at the stop, by finish.
			f.done = false
			f.at = time.Time{}
			f.failed, d.resend = true, true
			if n := d.st.failed.Add(1); n == 1 || n%100 == 0 {
				d.log.Error("Kafka did not take a frame", "seq", f.rec.Seq, "err", r.err, "failed_total", n)
			}
		}
	}
	d.resendFailed()
	// Drop the acknowledged head of the window.
	i := 0
	for ; i < len(d.flight) && d.flight[i].done; i++ {
		d.flightSize -= int64(len(d.flight[i].rec.Value))
	}
	d.flight = d.flight[i:]
}

// resendFailed sends the frames the client failed again, from the spool and
// in order. kgo fails every buffered record of a partition when a reconnect
// meets a non-retriable error before the batch was written (a refused SASL
// login or broker certificate, a revoked ACL; measured with kfake), and
// takes the frames after them once Kafka accepts again. So a failure
// switches the stream to the spool (nothing more goes straight to the
// producer), acks stop (Ack is cumulative and would drop the failed
// frames), and once nothing else is in flight the spool's cursor goes back
// to the first unacknowledged frame for pump to produce again. A frame
// handed to the producer just before the failure was noticed and taken by
// Kafka is then sent twice (a narrow race; a duplicate, never a loss).
func (d *deliverer) resendFailed() {
	if !d.resend {
		return
	}
	if !d.spilling {
		d.spill("Kafka failed frames: spilling to the spool to send them again")
	}
	for _, f := range d.flight {
		if !f.done && !f.failed {
			return // the rest of the window has not been answered yet
		}
	}
	d.sp.Rewind()
	d.flight, d.flightSize, d.resend, d.resent = nil, 0, false, true
	d.log.Debug("sending the frames Kafka failed again, from the spool")
}

// checkSpill switches an outage-mode stream to the spool when Kafka stops
// keeping up: the frames in flight from memory are written to the spool
// first (they stay in flight; the spool's read cursor moves past them), so
// from here on everything Kafka has not acknowledged is on disk.
func (d *deliverer) checkSpill() {
	if d.spilling || len(d.flight) == 0 {
		return
	}
	oldest := d.flight[0].at
	if d.flightSize <= d.memory && (oldest.IsZero() || time.Since(oldest) < d.spillAfter) {
		return
	}
	d.spill("Kafka is not keeping up: spilling to the spool", "in_flight_bytes", d.flightSize, "oldest_unacked", time.Since(oldest).Round(time.Millisecond))
}

func (d *deliverer) spill(msg string, args ...any) {
	moved := 0
	for _, f := range d.flight {
		if f.done || f.inSpool {
			continue
		}
		d.toSpool(f.rec)
		f.inSpool = true
		moved++
		// These are already in flight: move the read cursor past them.
		if r, ok, err := d.sp.Next(); err != nil || !ok || r.Seq != f.rec.Seq {
			d.log.Error("spool read cursor out of step while spilling", "want_seq", f.rec.Seq, "got_seq", r.Seq, "ok", ok, "err", err)
		}
	}
	d.spilling = true
	d.st.spills.Add(1)
	d.log.Warn(msg, append(args, "moved_to_spool", moved)...)
}

// stalled reports whether the oldest frame in flight has waited for its
// acknowledgement longer than spillAfter.
func (d *deliverer) stalled() bool {
	return len(d.flight) > 0 && (d.flight[0].at.IsZero() || time.Since(d.flight[0].at) >= d.spillAfter)
}

// healthy reports whether Kafka is taking frames promptly.
func (d *deliverer) healthy() bool {
	return len(d.flight) == 0 || (!d.flight[0].at.IsZero() && time.Since(d.flight[0].at) < d.spillAfter && d.flightSize < d.window)
}

// pump produces spooled frames, in order, while the window allows.
func (d *deliverer) pump() {
	if !d.spilling || !d.isResumed || d.fatal != nil || d.resend {
		return
	}
	if d.rate > 0 {
		now := time.Now()
		d.tokens = min(d.tokens+float64(d.rate)*now.Sub(d.lastRefill).Seconds(), float64(d.rate))
		d.lastRefill = now
	}
	// While Kafka does not acknowledge, hand the client only a little:
	// frames wait on disk (where eviction can account for them), not in
	// the client's memory.
	window := d.window
	if d.stalled() || d.resent {
		window = min(window, stalledWindow)
	}
	for d.flightSize < window {
		if d.rate > 0 && d.tokens <= 0 {
			return
		}
		r, ok, err := d.sp.Next()
		if err != nil {
			d.log.Error("reading the spool", "err", err)
			return
		}
		if !ok {
			if !d.always && d.healthy() {
				frames, _ := d.sp.Len()
				d.log.Info("spool drained; back to the direct path", "in_flight", frames)
				d.spilling = false
			}
			return
		}
		d.tokens -= float64(len(r.Payload))
		d.st.drained.Add(1)
		d.st.drainedBytes.Add(int64(len(r.Payload)))
		session := d.sessions.of(r.Seq)
		if session == "" {
			session = d.session
		}
		d.produce(&kafka.Record{
			Key: d.key, Seq: r.Seq, PTS: r.PTS, DTS: r.DTS, CaptureTime: r.Capture, Keyframe: r.Keyframe,
			Codec: "h264", Value: r.Payload, Session: session, Evicted: r.Evicted,
		}, true)
	}
}

// onResumed trims the spool to what Kafka already has, once Kafka answered
// after a start without it.
func (d *deliverer) onResumed(r resumeResult) {
	if !r.found {
		r.last = -1
	}
	if r.last >= d.firstSeq {
		d.fatal = fmt.Errorf("Kafka already holds seq %d of %s, at or above this run's first seq %d: another agent is using device id %q (or this box's spool directory was reset while Kafka was away); stopping the stream", r.last, d.key, d.firstSeq, d.key)
		d.log.Error("stream stopped", "err", d.fatal)
		return
	}
	if r.found {
		d.sp.DiscardThrough(r.last)
	}
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
	for sleep(ctx, d.st.opts.ConflictCheck) {
		rctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		last, found, err := d.prod.Resume(rctx, d.key)
		cancel()
		// Read after the answer: every seq Kafka could hold by then was
		// handed out by then.
		mine := d.maxSeq.Load()
		if err != nil || !found || last <= mine {
			continue
		}
		d.conflict <- fmt.Errorf("Kafka holds seq %d of %s but this agent has handed out seqs only up to %d: another agent is using device id %q; give each box its own device.id. Stopping the stream", last, d.key, mine, d.key)
		return
	}
}

// finish is the stop: wait for the frames produced from memory until the
// budget runs out, spool the ones Kafka has not acknowledged, close the
// spool.
func (d *deliverer) finish(budget time.Duration) {
	deadline := time.Now().Add(budget)
	for time.Now().Before(deadline) {
		d.collect()
		pending := false
		for _, f := range d.flight {
			if !f.inSpool && !f.done {
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
	moved := 0
	for _, f := range d.flight {
		if !f.inSpool && !f.done {
			d.toSpool(f.rec)
			f.inSpool = true
			moved++
		}
	}
	if moved > 0 {
		d.log.Warn("Kafka did not acknowledge every frame before the stop: the rest is in the spool for the next start", "frames", moved)
	}
	if err := d.sp.Close(); err != nil {
		d.log.Error("closing the spool", "err", err)
	}
}
