package agent

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"github.com/edgecam/edgecam/capture"
	"github.com/edgecam/edgecam/config"
	"github.com/edgecam/edgecam/encode"
	"github.com/edgecam/edgecam/kafka"
	"github.com/edgecam/edgecam/spool"
)

// stream is one camera: its pipeline, its sequence numbers, its counters.
type stream struct {
	name    string
	key     string
	src     capture.Source
	spec    encode.Spec
	prod    *kafka.Producer
	spool   config.Spool
	session string
	fps     int
	log     *slog.Logger
	opts    Options

	// next is the edgecam-seq of the next frame; -1 until resumed from
	// Kafka. Only the supervise goroutine writes it (atomic for the stats
	// logger).
	next atomic.Int64

	frames, keyframes, bytes atomic.Int64 // encoded
	acked, failed, tooLarge  atomic.Int64 // producer outcomes
	spooled, drained, spills atomic.Int64 // frames written to / produced from the spool; switches to it
	lost                     atomic.Int64 // frames neither Kafka nor the spool took
	lastLatency              atomic.Int64 // capture → ack of the last acknowledged frame, ns
	restarts                 atomic.Int64

	// up receives this stream's first outcome ("NAME running" or "NAME
	// retrying"), once; nil outside Run.
	up     chan<- string
	upOnce sync.Once
}

// reportUp tells Run (and through it systemd) the stream's first outcome.
func (s *stream) reportUp(state string) {
	if s.up != nil {
		s.upOnce.Do(func() { s.up <- s.name + " " + state })
	}
}

func newStream(cfg *config.Config, sc config.Stream, prod *kafka.Producer, session string, log *slog.Logger, opts Options) *stream {
	key := cfg.Device.ID + "/" + sc.Name
	s := &stream{
		name: sc.Name,
		key:  key,
		src: capture.Source{
			Kind:    capture.Kind(sc.Source.Type),
			Device:  sc.Source.Device,
			Pattern: sc.Source.Pattern,
		},
		spec: encode.Spec{
			Name:             sc.Name,
			Width:            sc.Width,
			Height:           sc.Height,
			FPS:              sc.FPS,
			BitrateKbps:      sc.BitrateKbps,
			KeyframeInterval: time.Duration(sc.KeyframeInterval),
			Encoder:          string(sc.Encoder),
		},
		prod:    prod,
		spool:   cfg.Spool,
		session: session,
		fps:     sc.FPS,
		log:     log.With("stream", sc.Name),
		opts:    opts,
	}
	s.next.Store(-1)
	return s
}

// supervise runs the stream until ctx is done: it opens the stream's
// spool, fixes its first seq, starts its deliverer, and runs the pipeline,
// restarting it with capped exponential backoff after every failure. A
// panic inside one attempt is recovered and treated as a failure, so it
// never takes other streams down.
func (s *stream) supervise(ctx context.Context) {
	bo := backoff{min: s.opts.MinBackoff, max: s.opts.MaxBackoff}
	var statsC <-chan time.Time
	if s.opts.StatsInterval > 0 {
		t := time.NewTicker(s.opts.StatsInterval)
		defer t.Stop()
		statsC = t.C
	}
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case <-statsC:
				s.logStats("stream stats")
			}
		}
	}()
	defer s.logStats("stream stopped")

	sctx, cancel := context.WithCancel(ctx)
	defer cancel()
	d, err := s.openDelivery(sctx, &bo)
	if err != nil {
		return // ctx ended
	}
	d.stop = cancel
	delivered := make(chan error, 1)
	go func() { delivered <- d.run(ctx, deliverBudget) }()
	defer func() {
		close(d.in)
		if err := <-delivered; err != nil {
			s.log.Error("stream stopped for good", "err", err)
		}
	}()

	bo.reset()
	var lastWarn time.Time
	var failures int
	for sctx.Err() == nil {
		ok, err := s.attempt(sctx, d.in)
		if sctx.Err() != nil {
			return
		}
		if ok {
			bo.reset()
			failures = 0
		}
		failures++
		s.reportUp("retrying")
		s.restarts.Add(1)
		delay := bo.next()
		// A missing camera is retried every few seconds for as long as it
		// is missing: warn on the first failure and then once a minute.
		if failures == 1 || time.Since(lastWarn) >= time.Minute {
			s.log.Warn("stream failed; retrying", "err", err, "failures", failures, "retry_in", delay)
			lastWarn = time.Now()
		} else {
			s.log.Debug("stream failed; retrying", "err", err, "failures", failures, "retry_in", delay)
		}
		if !sleep(sctx, delay) {
			return
		}
	}
}

// openDelivery opens the stream's spool (retrying while, e.g., another
// agent holds its lock) and fixes the first seq. It fails only when ctx
// ends.
func (s *stream) openDelivery(ctx context.Context, bo *backoff) (*deliverer, error) {
	dir := filepath.Join(s.spool.Dir, s.name)
	opts := spool.Options{
		SegmentSize:   int64(s.spool.SegmentSize),
		MaxSize:       int64(s.spool.MaxSize),
		MaxAge:        time.Duration(s.spool.MaxAge),
		FsyncInterval: time.Duration(s.spool.FsyncInterval),
		Logger:        s.log.With("component", "spool"),
	}
	switch s.spool.Fsync {
	case config.FsyncKeyframe:
		opts.Fsync = spool.FsyncKeyframe
	case config.FsyncAlways:
		opts.Fsync = spool.FsyncAlways
	}
	for {
		sp, err := spool.Open(dir, opts)
		if err == nil {
			d := newDeliverer(s, s.spool, s.session, s.prod, sp, s.fps)
			d.sessionPath = dir + ".sessions"
			if err = d.start(ctx, resumeWait); err == nil {
				return d, nil
			}
			sp.Close()
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		delay := bo.next()
		s.reportUp("retrying")
		s.log.Warn("cannot open the stream's spool; retrying", "dir", dir, "err", err, "retry_in", delay)
		if !sleep(ctx, delay) {
			return nil, ctx.Err()
		}
	}
}

// attempt runs the stream once: resume the sequence from Kafka (first time
// only), check the camera, choose the encoder, run the pipeline until it
// ends. It reports whether any frame was delivered, and why it ended.
func (s *stream) attempt(ctx context.Context, out chan<- encode.Frame) (delivered bool, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	if err := capture.Check(s.src); err != nil {
		return false, err
	}
	frag, err := capture.Fragment(s.src, capture.Format{Width: s.spec.Width, Height: s.spec.Height, FPS: s.spec.FPS})
	if err != nil {
		return false, err
	}
	s.spec.Source = frag
	if s.spec.Encoder == encode.Auto || s.spec.Encoder == "" {
		name, cands, err := encode.Choose(ctx, s.spec)
		for _, c := range cands {
			if c.Name != name {
				s.log.Info("encoder passed over", "encoder", c.Name, "hardware", c.Hardware, "reason", c.Reason)
			}
		}
		if err != nil {
			return false, err
		}
		s.log.Info("encoder chosen", "encoder", name, "hardware", isHardware(cands, name), "why", "first usable in preference order")
		// Keep the choice across restarts of this stream.
		s.spec.Encoder = name
	}
	p, err := encode.Start(ctx, s.spec)
	if err != nil {
		return false, err
	}
	s.log.Info("stream started", "source", s.src.String(), "encoder", s.spec.Encoder,
		"size", fmt.Sprintf("%dx%d@%d", s.spec.Width, s.spec.Height, s.spec.FPS), "bitrate_kbps", s.spec.BitrateKbps, "key", s.key, "seq", s.next.Load())
	// Every frame the pipeline emits goes to the deliverer, also while
	// stopping: the pipeline drains into it.
	for f := range p.Frames() {
		out <- f
		if !delivered {
			s.reportUp("running")
		}
		delivered = true
	}
	if err := p.Err(); err != nil {
		if errors.Is(err, encode.ErrSourceEnded) {
			return delivered, fmt.Errorf("%s ended unexpectedly", s.src)
		}
		return delivered, err
	}
	return delivered, ctx.Err()
}

func isHardware(cands []encode.Candidate, name string) bool {
	for _, c := range cands {
		if c.Name == name {
			return c.Hardware
		}
	}
	return false
}

func (s *stream) logStats(msg string) {
	s.log.Info(msg, "frames", s.frames.Load(), "keyframes", s.keyframes.Load(), "bytes", s.bytes.Load(),
		"acked", s.acked.Load(), "failed", s.failed.Load(), "too_large", s.tooLarge.Load(),
		"spooled", s.spooled.Load(), "drained", s.drained.Load(), "spills", s.spills.Load(), "lost", s.lost.Load(),
		"latency", time.Duration(s.lastLatency.Load()).Round(time.Millisecond), "restarts", s.restarts.Load(),
		"next_seq", s.next.Load())
}
