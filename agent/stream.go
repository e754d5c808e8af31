package agent

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"strings"
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
	name string
	key  string
	src  capture.Source
	spec encode.Spec
	// codec is the configured codec (codec: h264|h265): what an encoder
	// makes; a passthrough stream carries its camera's instead.
	codec   string
	prod    *kafka.Producer
	spool   config.Spool
	session string
	fps     int
	log     *slog.Logger
	opts    Options
	// fragment renders the source (capture.Fragment; see Options.fragment).
	fragment func(capture.Source, capture.Format) (string, error)
	// passthroughFragment is capture.PassthroughFragment (see
	// Options.passthroughFragment), probeDevice capture.ProbeDevice.
	passthroughFragment func(capture.Source, capture.Format) (string, error)
	probeDevice         func(path string) capture.Device
	// format is source.format as configured (a V4L2 camera's; src.Format
	// holds what it resolved to for the current attempt); autoEncoder
	// says the encoder was auto, so a camera that turns out to deliver
	// only its own H.264 may be passed through.
	format      string
	autoEncoder bool
	// decoder is the JPEG decoder chosen for an MJPEG camera, kept across
	// restarts like the encoder.
	decoder string

	// The deliverer's counters (it is their only writer) and the seq of
	// the next frame (next: -1 until the deliverer started).
	deliveryStats
	restarts atomic.Int64 // pipelines that failed, stalled or ended and were restarted

	// For /metrics and /healthz (metrics.go, health.go).
	captured    atomic.Int64                // frames out of the pipeline
	errs        [numErrKinds]atomic.Int64   // failures by kind (the producer's are counted above)
	sp          atomic.Pointer[spool.Spool] // once opened, for its stats
	encoder     atomic.Pointer[encoderInfo] // once chosen
	decoderInfo atomic.Pointer[encoderInfo] // an MJPEG camera's JPEG decoder, once chosen; nil for other sources
	// keyInterval is the last measured time between two keyframes, ns (0
	// until two were seen).
	keyInterval atomic.Int64
	status      status
	// Heartbeats of the supervise and deliver loops, for the watchdog;
	// epoch is their zero.
	epoch                 time.Time
	loopBeat, deliverBeat heartbeat
	// detach, when set, removes the stream from the monitor once a stop
	// (agent stop or reload) ended it.
	detach func()
	// lastCapture is the capture time of the last frame of the previous
	// attempt, to log the gap a restart left (supervise goroutine only).
	lastCapture time.Time

	// audio is the stream's sound track (audio.go); nil without one.
	audio *audioTrack

	// changed, when set, is called after every change of the stream's
	// state (the fleet status record goes out at once); it never blocks.
	changed func()

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
			Kind:       capture.Kind(sc.Source.Type),
			Device:     sc.Source.Device,
			Format:     string(sc.Source.Format),
			Pattern:    sc.Source.Pattern,
			CameraName: sc.Source.CameraName,
			SensorID:   sc.Source.SensorID,
			URL:        sc.Source.URL,
			Transport:  sc.Source.Transport,
			Codec:      string(sc.Source.Codec),
			Username:   sc.Source.Username,
			Password:   sc.Source.Password,
		},
		spec: encode.Spec{
			Name:             sc.Name,
			Width:            sc.Width,
			Height:           sc.Height,
			FPS:              sc.FPS,
			BitrateKbps:      sc.BitrateKbps,
			KeyframeInterval: time.Duration(sc.KeyframeInterval),
			Encoder:          string(sc.Encoder),
			Codec:            string(sc.Codec),
		},
		prod:    prod,
		spool:   cfg.Spool,
		session: session,
		fps:     sc.FPS,
		codec:   string(sc.Codec),
		log:     log.With("stream", sc.Name),
		opts:    opts,
		audio:   newAudioTrack(sc.Audio),
	}
	s.next.Store(-1)
	s.latency = noObserver{}
	s.epoch = time.Now()
	s.status.since = s.epoch
	s.fragment = capture.Fragment
	if opts.fragment != nil {
		s.fragment = opts.fragment
	}
	s.passthroughFragment = capture.PassthroughFragment
	if opts.passthroughFragment != nil {
		s.passthroughFragment = opts.passthroughFragment
	}
	s.probeDevice = capture.ProbeDevice
	if opts.probeDevice != nil {
		s.probeDevice = opts.probeDevice
	}
	s.format = string(sc.Source.Format)
	s.autoEncoder = sc.Encoder == config.EncoderAuto
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
	d, err := s.openDelivery(sctx, &bo, trackOptions{dir: filepath.Join(s.spool.Dir, s.name), fps: s.fps, stats: &s.deliveryStats, sp: &s.sp, prod: s.prod, log: s.log})
	if err != nil { // ctx ended
		s.set(stateStopped, "stopped", slog.LevelInfo)
		if s.detach != nil {
			s.detach()
		}
		return
	}
	d.stop = cancel
	delivered := make(chan error, 1)
	go func() { delivered <- s.deliver(ctx, d) }()
	defer func() {
		close(d.in)
		err := <-delivered
		reason := "stopped"
		if err != nil {
			s.log.Error("stream stopped for good", "err", err)
			// Besides a panic (counted by deliver), only another agent
			// writing our key stops a deliverer.
			if _, isFault := errors.AsType[*fault](err); !isFault {
				s.errs[errConflict].Add(1)
			}
			reason = err.Error()
		}
		s.set(stateStopped, reason, slog.LevelInfo)
		if err == nil && s.detach != nil {
			s.detach()
		}
	}()

	var ad *deliverer
	if a := s.audio; a != nil {
		alog := s.log.With("track", kafka.TrackAudio)
		ad, err = s.openDelivery(sctx, &bo, trackOptions{dir: audioDir(s.spool.Dir, s.name), fps: a.fps, stats: &a.deliveryStats, sp: &a.sp,
			prod: trackProducer{s.prod, kafka.TrackAudio}, log: alog})
		if err != nil { // ctx ended: the video's deliverer drains (above)
			return
		}
		ad.stop = cancel
		adelivered := make(chan error, 1)
		go func() { adelivered <- s.deliver(ctx, ad) }()
		defer func() {
			close(ad.in)
			if err := <-adelivered; err != nil {
				alog.Error("audio track stopped for good", "err", err)
			}
		}()
	}

	bo.reset()
	var lastWarn time.Time
	var failures int
	for sctx.Err() == nil {
		ok, err := s.attempt(sctx, d, ad)
		if sctx.Err() != nil {
			return
		}
		if errors.Is(err, errAudioRetry) {
			continue
		}
		if s.audio != nil && s.audio.on.Load() && encode.IsAudioError(err) {
			// The microphone failed, not the camera: go on at once
			// without it (audio.go).
			s.audioFailed(err)
			continue
		}
		if ok {
			bo.reset()
			failures = 0
		}
		failures++
		s.reportUp("retrying")
		delay := bo.next()
		// A missing camera is retried every few seconds for as long as it
		// is missing: warn on the first failure and then once a minute.
		level := slog.LevelDebug
		if failures == 1 || time.Since(lastWarn) >= time.Minute {
			level = slog.LevelWarn
			lastWarn = time.Now()
		}
		s.onFailure(err, level)
		s.log.Log(sctx, level, "stream failed; retrying", "err", err, "failures", failures, "retry_in", delay)
		if !s.wait(sctx, delay, &s.loopBeat) {
			return
		}
	}
}

// trackOptions say which track openDelivery opens: the video's spool
// directory, frame rate and counters, or the audio track's.
type trackOptions struct {
	dir   string
	fps   int
	stats *deliveryStats
	sp    *atomic.Pointer[spool.Spool]
	prod  producer
	log   *slog.Logger
}

// openDelivery opens the track's spool (retrying while, e.g., another
// agent holds its lock) and fixes the first seq. It fails only when ctx
// ends.
func (s *stream) openDelivery(ctx context.Context, bo *backoff, t trackOptions) (*deliverer, error) {
	dir := t.dir
	opts := spool.Options{
		SegmentSize:   int64(s.spool.SegmentSize),
		MaxSize:       int64(s.spool.MaxSize),
		MaxAge:        time.Duration(s.spool.MaxAge),
		FsyncInterval: time.Duration(s.spool.FsyncInterval),
		Logger:        t.log.With("component", "spool"),
	}
	switch s.spool.Fsync {
	case config.FsyncKeyframe:
		opts.Fsync = spool.FsyncKeyframe
	case config.FsyncAlways:
		opts.Fsync = spool.FsyncAlways
	}
	for {
		s.beat(&s.loopBeat)
		s.beat(&s.deliverBeat)
		sp, err := spool.Open(dir, opts)
		if err == nil {
			t.sp.Store(sp)
			d := newDeliverer(deliveryOptions{
				key: s.key, session: s.session, sessionPath: dir + ".sessions",
				spool: s.spool, fps: t.fps, conflictEvery: s.opts.ConflictCheck,
				log: t.log, stats: t.stats,
				beat:       func() { s.beat(&s.deliverBeat) },
				onSpooling: s.setSpooling,
				unsynced:   s.opts.clock.isUnsynced,
				now:        s.opts.now,
			}, t.prod, sp)
			if err = d.start(ctx, resumeWait); err == nil {
				return d, nil
			}
			if cerr := sp.Close(); cerr != nil {
				t.log.Warn("closing the spool after a failed start", "err", cerr)
			}
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		delay := bo.next()
		s.reportUp("retrying")
		t.log.Warn("cannot open the stream's spool; retrying", "dir", dir, "err", err, "retry_in", delay)
		if !s.wait(ctx, delay, &s.loopBeat, &s.deliverBeat) {
			return nil, ctx.Err()
		}
	}
}

// attempt runs the stream once: resume the sequence from Kafka (first time
// only), check the camera, choose the encoder, run the pipeline until it
// ends. It reports whether any frame was delivered, and why it ended.
func (s *stream) attempt(ctx context.Context, d, ad *deliverer) (delivered bool, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = &fault{errPanic, fmt.Errorf("panic: %v", r)}
		}
		// An RTSP password is in the pipeline description; no error
		// quoting it may reach the log. Keep the kind across redaction.
		kind := kindOf(err)
		err = s.src.RedactError(err)
		if _, ok := errors.AsType[*fault](err); !ok && err != nil {
			err = &fault{kind, err}
		}
	}()
	s.beat(&s.loopBeat)
	if err := d.ready(ctx); err != nil {
		return false, &fault{errSpool, err}
	}
	var audioHalted <-chan error
	if ad != nil {
		if err := ad.ready(ctx); err != nil {
			return false, &fault{errSpool, err}
		}
		audioHalted = ad.halted
	}
	if err := s.checkCamera(); err != nil {
		return false, err
	}
	s.starting()
	// Encoder none passes the camera's H.264 or H.265 through: no encoder
	// to choose.
	passthrough := s.spec.Encoder == encode.None
	format := capture.Format{Width: s.spec.Width, Height: s.spec.Height, FPS: s.spec.FPS}
	if s.src.Kind == capture.V4L2 {
		if passthrough, err = s.chooseFormat(format, passthrough); err != nil {
			return false, err
		}
	}
	if err := capture.CheckElements(s.src, passthrough, encode.MissingElements); err != nil {
		return false, err
	}
	var frag string
	s.spec.Codec, s.spec.Decoder = s.codec, ""
	if passthrough {
		frag, err = s.passthroughFragment(s.src, format)
		s.spec.Codec = capture.PassthroughCodec(s.src)
	} else {
		frag, err = s.fragment(s.src, format)
	}
	if err != nil {
		return false, err
	}
	s.spec.Source, s.spec.NVMM = frag, s.src.NVMM()
	if s.src.Kind == capture.V4L2 && s.src.Format == capture.FormatMJPEG {
		if err := s.chooseDecoder(ctx); err != nil {
			return false, err
		}
	}
	if s.spec.Encoder == encode.Auto || s.spec.Encoder == "" {
		name, cands, err := encode.Choose(ctx, s.spec)
		for _, c := range cands {
			if c.Name != name {
				s.log.Info("encoder passed over", "encoder", c.Name, "hardware", c.Hardware, "reason", c.Reason)
			}
		}
		if err != nil {
			return false, &fault{errEncoder, err}
		}
		s.log.Info("encoder chosen", "encoder", name, "hardware", encode.IsHardware(name), "why", "first usable in preference order")
		// Keep the choice across restarts of this stream.
		s.spec.Encoder = name
	}
	s.setEncoder(s.spec.Encoder)
	var audioRetry <-chan time.Time
	if s.audio != nil {
		s.spec.Audio, err = s.audioSpec(ctx)
		if err != nil {
			s.audioFailed(err)
			s.spec.Audio = nil
		}
		s.audio.on.Store(s.spec.Audio != nil)
		if s.spec.Audio == nil {
			// Run without audio until it is its time to be tried
			// again (audio.go).
			t := time.NewTimer(time.Until(s.audio.offUntil))
			defer t.Stop()
			audioRetry = t.C
		}
	}
	s.beat(&s.loopBeat)
	// A descriptor of an unplugged camera still open keeps the driver from
	// recreating the device under its name. GStreamer 1.22 leaked one per
	// stopped pipeline (its v4l2 buffer pool's, after orphaning; encode
	// sets GST_V4L2_FORCE_DRAIN, see encode/gst.go), and the pool of the
	// pipeline that fails as the camera goes closes its own only when it
	// is freed: encode hands such descriptors /dev/null at the teardown, a
	// second line of defence, so the camera comes back under its name.
	if s.src.Kind == capture.V4L2 {
		s.spec.HoldDevice = capture.HoldDevice
	}
	// pctx stops this pipeline alone (a stall), ctx the whole stream.
	pctx, stopPipeline := context.WithCancel(ctx)
	defer stopPipeline()
	p, err := encode.Start(pctx, s.spec)
	if err != nil {
		return false, err
	}
	s.log.Info("stream started", "source", s.src.String(), "encoder", s.spec.Encoder,
		"size", fmt.Sprintf("%dx%d@%d", s.spec.Width, s.spec.Height, s.spec.FPS), "bitrate_kbps", s.spec.BitrateKbps, "key", s.key, "seq", s.next.Load())
	// Every frame the pipeline emits goes to the deliverer, also while
	// stopping: the pipeline drains into it. The ticker beats the
	// watchdog heartbeat and looks for a stall; a frame costs a counter.
	watch := s.newStallWatch()
	tick := time.NewTicker(watch.every)
	defer tick.Stop()
	var stall error
	n := 0
	keys := keyframeWatch{camera: passthrough}
	for frames := p.Frames(); frames != nil; {
		select {
		case f, ok := <-frames:
			if !ok {
				frames = nil
				break
			}
			if f.IsAudio() {
				s.audio.captured.Add(1)
				ad.in <- f
				break
			}
			s.captured.Add(1)
			keys.frame(s, f)
			d.in <- f
			n++
			if !delivered {
				s.reportUp("running")
				s.set(stateRunning, "", slog.LevelInfo)
				if !s.lastCapture.IsZero() {
					s.log.Info("stream resumed", "gap", f.CaptureTime.Sub(s.lastCapture).Round(time.Millisecond))
				}
			}
			delivered = true
			s.lastCapture = f.CaptureTime
		case herr := <-d.halted:
			// The deliverer cannot number more frames: stop the
			// pipeline (it drains into the seqs still reserved).
			if stall == nil {
				stall = &fault{errSpool, herr}
				stopPipeline()
			}
		case herr := <-audioHalted:
			if stall == nil {
				stall = &fault{errSpool, herr}
				stopPipeline()
			}
		case <-audioRetry:
			if stall == nil {
				stall = errAudioRetry
				stopPipeline()
			}
		case now := <-tick.C:
			s.beat(&s.loopBeat)
			if stall == nil && ctx.Err() == nil {
				if silent, stalled := watch.check(n, now); stalled {
					// Tear the pipeline down (it drains what it
					// holds); the next one starts with a keyframe.
					stall = &fault{errStall, fmt.Errorf("%s delivered no frame for %s: restarting its pipeline", s.src, silent.Round(time.Millisecond))}
					stopPipeline()
				}
			}
		}
	}
	if n, rerr := p.Released(); rerr != nil {
		s.log.Warn("cannot release an unplugged camera", "err", rerr)
	} else if n > 0 {
		s.log.Info("released the unplugged camera's device", "descriptors", n)
	}
	if ctx.Err() != nil {
		return delivered, ctx.Err()
	}
	err = p.Err()
	switch {
	case stall != nil:
		err = stall
	case err == nil:
		err = fmt.Errorf("%s: pipeline stopped without an error", s.src)
	case errors.Is(err, encode.ErrSourceEnded):
		err = fmt.Errorf("%s ended unexpectedly", s.src)
	}
	s.restarts.Add(1)
	// A camera unplugged mid-stream fails its pipeline: say so, and wait
	// for it rather than restart into the same error.
	if cerr := s.checkCamera(); cerr != nil {
		s.errs[kindOf(err)].Add(1)
		s.log.Warn("pipeline ended", "err", err)
		return delivered, cerr
	}
	return delivered, err
}

func (s *stream) logStats(msg string) {
	s.logTrackStats(s.log, msg, &s.deliveryStats, &s.captured, &s.sp, s.restarts.Load())
	if a := s.audio; a != nil {
		// Its own line (msg "audio track stats" / "audio track
		// stopped", track=audio), so the video's keeps its meaning.
		s.logTrackStats(s.log.With("track", kafka.TrackAudio), "audio track"+strings.TrimPrefix(msg, "stream"), &a.deliveryStats, &a.captured, &a.sp, s.restarts.Load())
	}
}

func (s *stream) logTrackStats(log *slog.Logger, msg string, ds *deliveryStats, captured *atomic.Int64, spp *atomic.Pointer[spool.Spool], restarts int64) {
	// captured = acked + in_spool + evicted + too_large + lost once nothing
	// is in flight (the spool starting empty): every frame accounted once.
	var inSpool, evicted int64
	if sp := spp.Load(); sp != nil {
		st := sp.Stats()
		inSpool, evicted = st.Unacked, st.Evicted
	}
	log.Info(msg, "captured", captured.Load(), "frames", ds.frames.Load(), "keyframes", ds.keyframes.Load(), "bytes", ds.bytes.Load(),
		"acked", ds.acked.Load(), "failed", ds.failed.Load(), "resends", ds.resends.Load(), "too_large", ds.tooLarge.Load(),
		"spooled", ds.spooled.Load(), "drained", ds.drained.Load(), "spills", ds.spills.Load(), "in_spool", inSpool, "evicted", evicted,
		"lost", ds.lost.Load(), "latency", time.Duration(ds.lastLatency.Load()).Round(time.Millisecond),
		"max_latency_ms", time.Duration(ds.maxLatency.Load()).Milliseconds(), "restarts", restarts,
		"next_seq", ds.next.Load())
}
