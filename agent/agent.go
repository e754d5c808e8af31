// Package agent is the daemon: it turns the config into one supervised
// stream per camera, feeds every encoded frame to the Kafka producer, and
// shuts down so that no captured frame is lost. Streams are independent: a
// missing camera or a failing pipeline makes that stream retry with backoff
// while the others keep producing.
//
// It owns the supervision (restart with capped backoff, stall detection),
// the deliverer between a pipeline, the spool and the producer, config
// reload on SIGHUP, the shutdown budget, /metrics and /healthz, and the
// systemd notifications and watchdog.
//
// It must never:
//   - import a library that has its own package: GStreamer lives behind
//     package encode, Kafka behind package kafka (no kgo here), cameras
//     behind package capture;
//   - let one stream stop another: a panic in a stream or its deliverer is
//     recovered, logged and counted, and only that stream restarts;
//   - remove a frame from the spool before Kafka acknowledged it, or end
//     a run with frames held only in memory while the spool can take them;
//   - log or allocate per frame beyond what the frame path needs (30 fps per
//     camera on a small ARM board).
package agent

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"net"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/edgecam/edgecam/capture"
	"github.com/edgecam/edgecam/config"
	"github.com/edgecam/edgecam/kafka"
)

// Shutdown budget. Pipelines push their last frames out of the encoder
// within encode's own drain timeout (2 s); streams wait deliverBudget
// (from the stop) for Kafka, then write what is unacknowledged to their
// spool: the agent is normally gone within 5 s of SIGTERM, and within
// milliseconds when Kafka has everything. stopBudget is only the hard cap,
// under the packaged unit's TimeoutStopSec=15s: exiting earlier, while a
// stream is still spooling, would lose the frames it holds in memory.
const (
	// deliverBudget: from the stop, how long a stream waits for Kafka to
	// acknowledge frames held only in memory before it writes them to
	// its spool (which takes milliseconds) instead.
	deliverBudget = 3500 * time.Millisecond
	// stopBudget is the most Run takes after ctx ends. It was 4.5 s; an
	// e2e run on a loaded machine went past it (the agent then exited 1,
	// before its stream had finished).
	stopBudget = 12 * time.Second
	// resumeWait bounds the question "what is the last seq in Kafka" at
	// start; without an answer the stream starts spooling.
	resumeWait = 5 * time.Second
)

// Options tune an agent run; the zero value is the production setting.
type Options struct {
	// StatsInterval is how often each stream logs its counters; 0 means
	// once a minute, negative never (a final line is logged at stop).
	StatsInterval time.Duration
	// Backoff bounds the delay between restarts of a failing stream; zero
	// values mean 500 ms doubling up to 10 s.
	MinBackoff, MaxBackoff time.Duration
	// ConflictCheck is how often each stream checks Kafka for seqs of its
	// key it did not write (another agent with the same device id); zero
	// means every 30 s.
	ConflictCheck time.Duration
	// Reload delivers new configs (SIGHUP): only the streams whose
	// settings changed restart; changed Kafka, spool or device settings
	// restart every stream on a new producer, with nothing lost. Nil: no
	// reloads.
	Reload <-chan *config.Config
	// Metrics, when set, serves Prometheus /metrics and /healthz (see
	// monitor) until Run returns; Run closes it. The caller opens it, so
	// a busy port fails before any camera starts.
	Metrics net.Listener
	// MinStall: a running pipeline that delivers no frame for 5 frame
	// intervals, and at least MinStall (default 1 s), is stalled: it is
	// torn down and restarted. FirstFrameTimeout (default 10 s) is the
	// grace a new pipeline gets for its first frame (camera start-up,
	// negotiation, encoder start).
	MinStall, FirstFrameTimeout time.Duration
	// StopBudget bounds Run after ctx ends (default stopBudget, 12 s:
	// systemd's TimeoutStopSec=15s less a margin). Streams still wait
	// deliverBudget for Kafka before they spool; a longer StopBudget only
	// gives a slow machine (the race detector on a loaded CI box) more
	// time for the rest of the stop.
	StopBudget time.Duration
	// StuckAfter is how long a stream's supervise or deliver loop may go
	// without a heartbeat before the systemd watchdog keep-alive is
	// withheld (default 2 min: longer than any bounded wait in them,
	// e.g. probing five encoders).
	StuckAfter time.Duration

	// Version and Commit name this build in the fleet status record
	// (`edgecam version` prints the same).
	Version, Commit string

	// fragment, in tests, renders a stream's source instead of
	// capture.Fragment (a GStreamer source that stalls or blocks).
	fragment func(capture.Source, capture.Format) (string, error)
	// passthroughFragment, in tests, renders a passthrough stream's
	// source instead of capture.PassthroughFragment.
	passthroughFragment func(capture.Source, capture.Format) (string, error)
	// probeDevice, in tests, lists a V4L2 camera's formats instead of
	// capture.ProbeDevice (a camera kind this machine has not got).
	probeDevice func(path string) capture.Device
	// monitor, in tests, is the monitor Run uses, so a test reads the
	// final counters after Run returned.
	monitor *monitor
	// clock is the agent's clockWatch (set by Run).
	clock *clockWatch
	// now, in tests, is the deliverers' clock (time.Now when nil): what
	// decides that an unacknowledged frame is old enough to spill.
	now func() time.Time
}

// Run streams every stream of cfg into Kafka until ctx is cancelled. It then
// stops capture, lets each pipeline drain, waits (within the shutdown
// budget) for Kafka to acknowledge the frames held in memory and spools the
// rest. The error is non-nil only when the producer cannot be created or a
// stream did not stop in time. cfg is taken as config gives it, defaults
// applied (a Spool built by hand goes through config.Spool.WithDefaults).
func Run(ctx context.Context, cfg *config.Config, log *slog.Logger, opts Options) error {
	if opts.MinBackoff <= 0 {
		opts.MinBackoff = 500 * time.Millisecond
	}
	if opts.MaxBackoff <= 0 {
		opts.MaxBackoff = 10 * time.Second
	}
	if opts.ConflictCheck <= 0 {
		opts.ConflictCheck = conflictEvery
	}
	if opts.StatsInterval == 0 {
		opts.StatsInterval = time.Minute
	}
	if opts.MinStall <= 0 {
		opts.MinStall = time.Second
	}
	if opts.StopBudget <= 0 {
		opts.StopBudget = stopBudget
	}
	if opts.FirstFrameTimeout <= 0 {
		opts.FirstFrameTimeout = 10 * time.Second
	}
	if opts.StuckAfter <= 0 {
		opts.StuckAfter = 2 * time.Minute
	}
	prod, err := kafka.NewProducer(KafkaConfig(cfg.Kafka, log.With("component", "kafka")))
	if err != nil {
		return fmt.Errorf("kafka producer: %w", err)
	}

	log.Info("edgecam starting", "device", cfg.Device.ID, "streams", len(cfg.Streams),
		"brokers", cfg.Kafka.Brokers, "topic", cfg.Kafka.Topic)

	// A random id per agent run, in every record (edgecam-session): a
	// consumer tells a restart's seq gap from frames the spool evicted.
	session := newSession()
	log.Info("session", "id", session, "spool", cfg.Spool.Dir, "spool_mode", cfg.Spool.Mode)
	opts.clock = newClockWatch(log.With("component", "clock"))
	{
		cctx, stopClock := context.WithCancel(context.Background())
		defer stopClock()
		go opts.clock.run(cctx)
	}

	notify, err := newNotifier(os.Getenv, os.Getpid())
	if err != nil {
		log.Warn("systemd notifications off", "err", err)
	}
	// A notification that fails is logged; the agent runs on (systemd
	// itself then reports the unit's state).
	notified := func(err error) {
		if err != nil {
			log.Warn("systemd notification failed", "err", err)
		}
	}
	notified(notify.Status(fmt.Sprintf("starting %d streams", len(cfg.Streams))))

	mon := opts.monitor
	if mon == nil {
		mon = newMonitor(log.With("component", "metrics"), opts.StuckAfter)
	}
	mon.setProducer(prod)
	if opts.Metrics != nil {
		sctx, stopServing := context.WithCancel(context.Background())
		defer stopServing()
		go mon.serve(sctx, opts.Metrics)
	}

	// The fleet status record (fleet.status_topic): its own Kafka client
	// and goroutine, off the frame path.
	rep := newReporter(cfg, prod, mon, session, log.With("component", "status"), opts)
	hook := mon.add
	var reported chan struct{}
	if rep != nil {
		hook = func(s *stream) { mon.add(s); s.changed = rep.changed }
	}

	up := make(chan string, len(cfg.Streams))
	r := &runner{cfg: cfg, prod: prod, session: session, log: log, opts: opts, mon: mon, rep: rep}
	r.fleet = newFleet(prod, session, log, opts, hook)
	for _, sc := range cfg.Streams {
		r.fleet.start(ctx, cfg, sc, func(s *stream) { s.up = up })
	}
	if rep != nil { // after the streams are listed: the first record has them all
		reported = make(chan struct{})
		go func() { defer close(reported); rep.run(ctx) }()
	}
	defer func() { r.prod.Close() }()
	// READY=1 once every stream reached its first outcome: frames flowing
	// (to Kafka or the spool), or failed once and retrying (a missing
	// camera must not fail the boot).
	go func() {
		states := make([]string, 0, len(cfg.Streams))
		for range cfg.Streams {
			select {
			case st := <-up:
				states = append(states, st)
			case <-ctx.Done():
				return
			}
		}
		if err := notify.Ready(strings.Join(states, ", ")); err != nil {
			log.Warn("systemd notify", "err", err)
		}
	}()
	// The keep-alives end before STOPPING=1 is sent, so none follows it
	// (systemd's watchdog no longer applies then).
	kaCtx, kaStop := context.WithCancel(ctx)
	kaDone := make(chan struct{})
	go func() {
		defer close(kaDone)
		notify.KeepAlive(kaCtx, mon.loopsAlive, func(err error) { log.Warn("systemd watchdog", "err", err) })
	}()
	for running := true; running; {
		select {
		case <-ctx.Done():
			running = false
		case next := <-opts.Reload:
			notified(notify.Reloading("reloading the config"))
			if err := r.reload(ctx, next); err != nil {
				log.Error("config reload failed; keeping the running config", "err", err)
			}
			notified(notify.Ready(fmt.Sprintf("%d streams", len(r.cfg.Streams))))
		}
	}
	kaStop()
	<-kaDone
	notified(notify.Stopping("stopping: draining pipelines, waiting for Kafka, spooling the rest"))
	mon.stopping.Store(true)
	stopAt := time.Now()
	log.Info("stopping: draining pipelines, waiting for Kafka, spooling the rest")

	// Each stream drains its pipeline, waits up to deliverBudget for
	// Kafka's acknowledgements and writes what is still unacknowledged to
	// its spool, so nothing captured is lost even if Kafka is away now.
	done := make(chan struct{})
	go func() { r.fleet.wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(opts.StopBudget):
		return fmt.Errorf("streams did not stop within %s: %s", opts.StopBudget, r.fleet.stopping())
	}
	if rep != nil {
		// The last status record says "stopped", with the final counts.
		// It gets a second at most (what is left of the stop budget, at
		// least a moment for the client to connect): a status path that
		// is stalled must not hold up the stop.
		<-reported
		rep.stop(min(max(opts.StopBudget-time.Since(stopAt), 300*time.Millisecond), time.Second))
	}
	log.Info("stopped", "after", time.Since(stopAt).Round(time.Millisecond))
	return nil
}

// KafkaConfig is how edgecam connects to Kafka for cfg: brokers, topic,
// TLS and SASL. `edgecam run` and `edgecam tail` share it, so both connect
// the same way.
func KafkaConfig(k config.Kafka, log *slog.Logger) kafka.Config {
	kc := kafka.Config{Brokers: k.Brokers, Topic: k.Topic, Logger: log}
	if t := k.TLS; t != nil {
		kc.TLS = &kafka.TLS{CAFile: t.CAFile, CertFile: t.CertFile, KeyFile: t.KeyFile, ServerName: t.ServerName}
	}
	if s := k.SASL; s != nil {
		kc.SASL = &kafka.SASL{Mechanism: s.Mechanism, User: s.Username, Password: s.Password}
	}
	return kc
}

// newSession returns a random id for this agent run.
func newSession() string {
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		return strconv.FormatInt(time.Now().UnixNano(), 36)
	}
	return hex.EncodeToString(b[:])
}

// backoff is a capped exponential delay.
type backoff struct {
	min, max, cur time.Duration
}

func (b *backoff) next() time.Duration {
	switch {
	case b.cur == 0:
		b.cur = b.min
	case b.cur < b.max:
		b.cur = min(b.cur*2, b.max)
	}
	return b.cur
}

func (b *backoff) reset() { b.cur = 0 }

// sleep waits d or until ctx is done; it reports whether ctx is still live.
func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}
