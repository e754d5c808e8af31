package agent

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync/atomic"
	"time"

	"github.com/edgecam/edgecam/capture"
	"github.com/edgecam/edgecam/config"
	"github.com/edgecam/edgecam/encode"
	"github.com/edgecam/edgecam/kafka"
)

// stream is one camera: its pipeline, its sequence numbers, its counters.
type stream struct {
	name string
	key  string
	src  capture.Source
	spec encode.Spec
	prod *kafka.Producer
	log  *slog.Logger
	opts Options

	// next is the edgecam-seq of the next frame; -1 until resumed from
	// Kafka. Only the supervise goroutine writes it (atomic for the stats
	// logger).
	next atomic.Int64

	frames, keyframes, bytes atomic.Int64 // handed to the producer
	acked, failed, tooLarge  atomic.Int64 // producer outcomes
	restarts                 atomic.Int64
}

func newStream(cfg *config.Config, sc config.Stream, prod *kafka.Producer, log *slog.Logger, opts Options) *stream {
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
		prod: prod,
		log:  log.With("stream", sc.Name),
		opts: opts,
	}
	s.next.Store(-1)
	return s
}

// supervise runs the stream until ctx is done, restarting it with capped
// exponential backoff after every failure. A panic inside one attempt is
// recovered and treated as a failure, so it never takes other streams down.
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

	var lastWarn time.Time
	var failures int
	for ctx.Err() == nil {
		delivered, err := s.attempt(ctx)
		if ctx.Err() != nil {
			return
		}
		if delivered {
			bo.reset()
			failures = 0
		}
		failures++
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
		if !sleep(ctx, delay) {
			return
		}
	}
}

// attempt runs the stream once: resume the sequence from Kafka (first time
// only), check the camera, choose the encoder, run the pipeline until it
// ends. It reports whether any frame was delivered, and why it ended.
func (s *stream) attempt(ctx context.Context) (delivered bool, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	if s.next.Load() < 0 {
		if err := s.resume(ctx); err != nil {
			return false, err
		}
	}
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
	for f := range p.Frames() {
		s.produce(f)
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

// resume asks Kafka for the last seq of this stream's key, so a restarted
// agent continues the sequence instead of reusing numbers. Until Kafka
// answers the stream does not capture.
func (s *stream) resume(ctx context.Context) error {
	rctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	last, found, err := s.prod.Resume(rctx, s.key)
	if err != nil {
		if isCancel(ctx, err) {
			return err
		}
		return fmt.Errorf("reading the last record of %s from Kafka to continue its sequence: %w", s.key, err)
	}
	if found {
		s.next.Store(last + 1)
		s.log.Info("resuming sequence after the last record in Kafka", "last_seq", last, "next_seq", last+1)
	} else {
		s.next.Store(0)
		s.log.Info("no earlier record of this stream in Kafka; sequence starts at 0", "key", s.key)
	}
	return nil
}

// produce hands one frame to the producer. It blocks when the producer's
// buffer is full, which backs pressure up into the pipeline.
func (s *stream) produce(f encode.Frame) {
	r := &kafka.Record{
		Key:         s.key,
		Seq:         s.next.Add(1) - 1,
		PTS:         f.PTS,
		DTS:         f.DTS,
		CaptureTime: f.CaptureTime,
		Keyframe:    f.Keyframe,
		Codec:       "h264",
		Value:       f.Data,
	}
	s.frames.Add(1)
	s.bytes.Add(int64(len(f.Data)))
	if f.Keyframe {
		s.keyframes.Add(1)
	}
	s.prod.Produce(r, s.onResult)
}

// onResult runs on the producer's callback goroutine for every record.
func (s *stream) onResult(r *kafka.Record, err error) {
	if err == nil {
		s.acked.Add(1)
		return
	}
	if errors.Is(err, kafka.ErrTooLarge) {
		// Logged each time: a frame this large means the bitrate or the
		// broker's message.max.bytes needs changing.
		s.tooLarge.Add(1)
		s.log.Error("frame dropped: larger than the maximum Kafka record size (lower bitrate_kbps or raise the broker's message.max.bytes)", "seq", r.Seq, "bytes", len(r.Value))
		return
	}
	if n := s.failed.Add(1); n == 1 || n%100 == 0 {
		s.log.Error("Kafka rejected a frame", "seq", r.Seq, "err", err, "rejected_total", n)
	}
}

func (s *stream) logStats(msg string) {
	s.log.Info(msg, "frames", s.frames.Load(), "keyframes", s.keyframes.Load(), "bytes", s.bytes.Load(),
		"acked", s.acked.Load(), "failed", s.failed.Load(), "too_large", s.tooLarge.Load(), "restarts", s.restarts.Load(),
		"next_seq", s.next.Load())
}
