package agent

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	"github.com/edgecam/edgecam/capture"
	"github.com/edgecam/edgecam/encode"
)

// state is where a stream is in its life, as /healthz and the
// edgecam_stream_state gauge show it.
type state int32

const (
	// stateStarting: opening the spool, checking the camera, choosing the
	// encoder, waiting for the pipeline's first frame.
	stateStarting state = iota
	// stateRunning: frames flow and Kafka keeps up.
	stateRunning
	// stateSpooling: frames flow into the spool because Kafka is away or
	// slow (derived: running while the deliverer holds a backlog).
	stateSpooling
	// stateWaiting: the camera is missing or not accessible; the stream
	// checks again with backoff.
	stateWaiting
	// stateRestarting: the pipeline failed or stalled; it restarts after
	// a backoff.
	stateRestarting
	// stateStopped: the agent is stopping, or the stream stopped for good
	// (another agent writes its key).
	stateStopped
	numStates
)

var stateNames = [numStates]string{"starting", "running", "spooling", "waiting_for_device", "restarting", "stopped"}

func (s state) String() string { return stateNames[s] }

// healthy: frames reach Kafka or the spool.
func (s state) healthy() bool { return s == stateRunning || s == stateSpooling }

// errKind classifies what went wrong, the kind label of
// edgecam_errors_total.
type errKind int

const (
	errDeviceMissing errKind = iota // the camera's device node is gone
	errDevice                       // the camera is there but cannot be opened (permissions, not a device)
	errStall                        // the pipeline stopped delivering frames without an error
	errPipeline                     // GStreamer reported an error or the source ended
	errEncoder                      // no usable encoder
	errPanic                        // a recovered panic in the stream's goroutines
	errConflict                     // another agent writes this stream's key
	errKafka                        // Kafka did not take a frame (counted from stream.failed)
	errTooLarge                     // a frame above the topic's max.message.bytes (stream.tooLarge)
	errSpool                        // a frame neither Kafka nor the spool took (stream.lost), or the seq high-water mark cannot be persisted
	numErrKinds
)

var errKindNames = [numErrKinds]string{"device_missing", "device", "stall", "pipeline", "encoder", "panic", "conflict", "kafka", "too_large", "spool"}

func (k errKind) String() string { return errKindNames[k] }

// fault is an attempt's failure with its kind, so supervise can put the
// stream in the right state and count it.
type fault struct {
	kind errKind
	err  error
}

func (f *fault) Error() string { return f.err.Error() }
func (f *fault) Unwrap() error { return f.err }

// kindOf classifies an attempt's error; unclassified errors are pipeline
// errors.
func kindOf(err error) errKind {
	if f, ok := errors.AsType[*fault](err); ok {
		return f.kind
	}
	if errors.Is(err, capture.ErrNoDevice) {
		return errDeviceMissing
	}
	return errPipeline
}

// status is a stream's state as the supervisor set it. Transitions are
// rare (start, failure, recovery), so a mutex is fine; the frame path
// never takes it.
type status struct {
	mu     sync.Mutex
	phase  state // starting, running, waiting, restarting or stopped
	reason string
	since  time.Time
	// spooling is the deliverer's "Kafka is not keeping up", kept apart
	// from phase so the supervisor and the deliverer never overwrite each
	// other; it turns a running stream into a spooling one.
	spooling      atomic.Bool
	spoolingSince time.Time
}

// snapshot is a stream's state for /healthz.
type snapshot struct {
	State  string    `json:"state"`
	Reason string    `json:"reason,omitempty"`
	Since  time.Time `json:"since"`
	// Audio is the stream's sound track (config audio:); absent without.
	Audio *audioHealth `json:"audio,omitempty"`
	state state
}

func (st *status) get() snapshot {
	st.mu.Lock()
	defer st.mu.Unlock()
	s := snapshot{state: st.phase, Reason: st.reason, Since: st.since}
	if st.phase == stateRunning && st.spooling.Load() {
		s.state = stateSpooling
		s.Reason = "Kafka is not keeping up: frames go to the spool"
		if st.spoolingSince.After(s.Since) {
			s.Since = st.spoolingSince
		}
	}
	s.State = s.state.String()
	return s
}

// set moves the stream to phase p and logs the transition at level (a
// stream retrying every few seconds logs its repeats at debug). It
// reports whether the phase or the reason changed.
func (s *stream) set(p state, reason string, level slog.Level) bool {
	st := &s.status
	st.mu.Lock()
	from, fromReason := st.phase, st.reason
	changed := from != p
	if changed || reason != fromReason {
		st.phase, st.reason = p, reason
		if changed {
			st.since = time.Now()
		}
	}
	st.mu.Unlock()
	if changed {
		args := []any{"from", from.String(), "to", p.String()}
		if reason != "" {
			args = append(args, "reason", reason)
		}
		s.log.Log(context.Background(), level, "stream state", args...)
		s.notifyChange()
	}
	return changed || reason != fromReason
}

// notifyChange tells the fleet status a state changed.
func (s *stream) notifyChange() {
	if s.changed != nil {
		s.changed()
	}
}

// setSpooling records whether the deliverer holds a backlog; called by the
// deliverer on every loop turn, it costs one atomic load unless the value
// changes.
func (s *stream) setSpooling(on bool) {
	st := &s.status
	if st.spooling.Load() == on {
		return
	}
	st.mu.Lock()
	st.spooling.Store(on)
	st.spoolingSince = time.Now()
	st.mu.Unlock()
	s.notifyChange()
	if on {
		s.log.Info("stream state", "to", stateSpooling.String(), "reason", "Kafka is not keeping up")
	} else {
		s.log.Info("stream state", "from", stateSpooling.String(), "reason", "spool caught up")
	}
}

// heartbeat is when a loop last proved it is not stuck, in nanoseconds
// since the stream's epoch (monotonic: a wall-clock jump at the first NTP
// sync of a Pi without RTC must not look like a stuck loop).
type heartbeat struct{ at atomic.Int64 }

func (s *stream) beat(h *heartbeat) { h.at.Store(int64(time.Since(s.epoch))) }

func (s *stream) age(h *heartbeat) time.Duration {
	return time.Since(s.epoch) - time.Duration(h.at.Load())
}

// stuck says which of the stream's loops has not beaten for longer than
// limit: the supervise loop (capture, pipeline, backoff) or the deliverer
// (spool, Kafka). Every wait in those loops is bounded and beats at least
// once a second, so only a loop blocked where it must not be (a driver
// call that never returns, a hung disk) goes silent. A missing camera is
// not stuck: the loop is alive, waiting for it. A stopped stream has no
// loops.
func (s *stream) stuck(limit time.Duration) (loop string, silent time.Duration) {
	if s.status.get().state == stateStopped {
		return "", 0
	}
	if a := s.age(&s.loopBeat); a > limit {
		return "supervise", a
	}
	if a := s.age(&s.deliverBeat); a > limit {
		return "deliver", a
	}
	return "", 0
}

// stallWatch decides when a running pipeline has stalled: no frame for 5
// frame intervals (at least Options.MinStall), or no first frame within
// Options.FirstFrameTimeout. A camera that stops delivering without an
// error (a USB camera whose firmware hung, an IP camera that went silent)
// is otherwise never noticed: GStreamer waits for it forever.
type stallWatch struct {
	after, first time.Duration // silence that is a stall; before the first frame
	every        time.Duration // how often to look (and beat the heartbeat)
	last         int           // frames seen at the last change
	lastAt       time.Time
}

func (s *stream) newStallWatch() *stallWatch {
	after := s.opts.MinStall
	if s.fps > 0 {
		after = max(after, 5*time.Second/time.Duration(s.fps))
	}
	return &stallWatch{
		after:  after,
		first:  max(s.opts.FirstFrameTimeout, after),
		every:  max(min(after/4, 500*time.Millisecond), 10*time.Millisecond),
		lastAt: time.Now(),
	}
}

// check is called every w.every with the number of frames the pipeline
// delivered so far; it reports how long the pipeline has been silent and
// whether that is a stall. A frame handed to a slow deliverer counts when
// the hand-over completes, so back-pressure never looks like a stall.
func (w *stallWatch) check(frames int, now time.Time) (time.Duration, bool) {
	if frames != w.last {
		w.last, w.lastAt = frames, now
		return 0, false
	}
	limit := w.after
	if frames == 0 {
		limit = w.first
	}
	silent := now.Sub(w.lastAt)
	return silent, silent >= limit
}

// checkCamera is capture.Check as a fault: device_missing when the device
// node is gone, device when it cannot be used.
func (s *stream) checkCamera() error {
	err := capture.Check(s.src)
	if err == nil {
		return nil
	}
	kind := errDevice
	if errors.Is(err, capture.ErrNoDevice) {
		kind = errDeviceMissing
	}
	return &fault{kind, err}
}

// starting marks a new attempt; the camera coming back is worth an info
// line, a retry of a failing pipeline only a debug one.
func (s *stream) starting() {
	level := slog.LevelDebug
	if s.status.get().state == stateWaiting {
		level = slog.LevelInfo
	}
	s.set(stateStarting, "", level)
}

// onFailure records why an attempt failed: the state (waiting for the device,
// or restarting) and the error count. A missing camera counts once per
// disappearance (or change of cause), not once per retry; every other
// failure counts.
func (s *stream) onFailure(err error, level slog.Level) {
	level = min(level, slog.LevelInfo) // the "stream failed" line that follows warns
	kind := kindOf(err)
	if kind == errDeviceMissing || kind == errDevice {
		if s.set(stateWaiting, err.Error(), level) {
			s.errs[kind].Add(1)
		}
		return
	}
	s.errs[kind].Add(1)
	s.set(stateRestarting, err.Error(), level)
}

// setEncoder records the stream's encoder for edgecam_encoder_info.
func (s *stream) setEncoder(name string) {
	if e := s.encoder.Load(); e != nil && e.name == name {
		return
	}
	s.encoder.Store(&encoderInfo{name: name, hardware: encode.IsHardware(name)})
}

// wait sleeps d or until ctx ends, beating the given heartbeats every
// second so the watchdog check sees the loop alive; it reports whether ctx
// is still live.
func (s *stream) wait(ctx context.Context, d time.Duration, hbs ...*heartbeat) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	beat := time.NewTicker(time.Second)
	defer beat.Stop()
	for {
		for _, h := range hbs {
			s.beat(h)
		}
		select {
		case <-ctx.Done():
			return false
		case <-t.C:
			return true
		case <-beat.C:
		}
	}
}

// deliver runs the deliverer until the stream stops. A panic in it is
// recovered here so the other streams keep running: this stream stops
// (state stopped, edgecam_errors_total{kind="panic"}), since the
// deliverer's state — what is in flight, what is spooled — is unknown
// after it. Frames the pipeline still hands over are dropped so the
// supervise loop can end; the spool on disk is delivered by the next run.
func (s *stream) deliver(ctx context.Context, d *deliverer) (err error) {
	defer func() {
		if r := recover(); r != nil {
			s.errs[errPanic].Add(1)
			err = &fault{errPanic, fmt.Errorf("deliverer panic: %v; frames it held in memory may be lost, the spool is kept for the next run (restart edgecam)", r)}
			s.log.Error("deliverer panicked: stopping the stream", "panic", r, "stack", string(debug.Stack()))
			d.stop()
			for range d.in {
				s.lost.Add(1)
			}
		}
	}()
	return d.run(ctx, deliverBudget)
}
