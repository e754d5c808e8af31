package agent

import (
	"context"
	"fmt"
	"log/slog"
	"reflect"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/edgecam/edgecam/config"
	"github.com/edgecam/edgecam/kafka"
)

// fleet is the set of running streams. Each stream runs under a context of
// its own, so a reload can stop, start or restart one stream while the
// others keep capturing.
type fleet struct {
	prod    *kafka.Producer
	session string
	log     *slog.Logger
	opts    Options
	// hook, when set, is given each stream before it starts (metrics,
	// health).
	hook func(*stream)

	mu      sync.Mutex
	running map[string]*runningStream
}

type runningStream struct {
	conf   config.Stream
	s      *stream
	cancel context.CancelFunc
	done   chan struct{}
}

func newFleet(prod *kafka.Producer, session string, log *slog.Logger, opts Options, hook func(*stream)) *fleet {
	return &fleet{prod: prod, session: session, log: log, opts: opts, hook: hook, running: map[string]*runningStream{}}
}

// start runs sc under a child of ctx; setup, if given, adjusts the stream
// before it starts.
func (f *fleet) start(ctx context.Context, cfg *config.Config, sc config.Stream, setup ...func(*stream)) {
	s := newStream(cfg, sc, f.prod, f.session, f.log, f.opts)
	if f.hook != nil {
		f.hook(s)
	}
	for _, fn := range setup {
		fn(s)
	}
	sctx, cancel := context.WithCancel(ctx)
	rs := &runningStream{conf: sc, s: s, cancel: cancel, done: make(chan struct{})}
	f.mu.Lock()
	f.running[sc.Name] = rs
	f.mu.Unlock()
	go func() {
		defer close(rs.done)
		s.supervise(sctx)
	}()
}

// stop stops the named streams in parallel and waits until each has
// drained its pipeline and handed every frame to Kafka or its spool (which
// also releases the spool's lock for a successor of the same name).
func (f *fleet) stop(names ...string) {
	var dones []chan struct{}
	f.mu.Lock()
	for _, n := range names {
		if rs, ok := f.running[n]; ok {
			rs.cancel()
			dones = append(dones, rs.done)
			delete(f.running, n)
		}
	}
	f.mu.Unlock()
	for _, d := range dones {
		<-d
	}
}

// names lists the running streams.
func (f *fleet) names() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := make([]string, 0, len(f.running))
	for n := range f.running {
		out = append(out, n)
	}
	return out
}

// wait blocks until every stream that was running when it was called has
// stopped.
func (f *fleet) wait() {
	f.mu.Lock()
	dones := make([]chan struct{}, 0, len(f.running))
	for _, rs := range f.running {
		dones = append(dones, rs.done)
	}
	f.mu.Unlock()
	for _, d := range dones {
		<-d
	}
}

// stopping says, for a stop that overran its budget, which streams have
// not ended and how long each of their loops has gone without a heartbeat
// (the loop blocked where it should not be is the silent one), and what
// that means.
func (f *fleet) stopping() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var left []string
	for name, rs := range f.running {
		select {
		case <-rs.done:
			continue
		default:
		}
		left = append(left, fmt.Sprintf("%s (supervise loop silent %s, deliver loop silent %s)", name,
			rs.s.age(&rs.s.loopBeat).Round(time.Millisecond), rs.s.age(&rs.s.deliverBeat).Round(time.Millisecond)))
	}
	if len(left) == 0 {
		return "all ended just after the budget"
	}
	slices.Sort(left)
	return "still running: " + strings.Join(left, ", ") +
		"; frames such a stream held only in memory are lost, its spool is delivered at the next start." +
		" A loop silent for long is blocked: supervise in the camera's driver or GStreamer, deliver on the spool's disk; report it with this log"
}

// runner is a running agent: its config, producer and streams.
type runner struct {
	cfg     *config.Config
	prod    *kafka.Producer
	fleet   *fleet
	session string
	log     *slog.Logger
	opts    Options
	mon     *monitor
	rep     *reporter // nil: no fleet status
}

// reload moves the agent to next. Streams whose settings are unchanged keep
// running untouched. A change of the device id, Kafka or spool settings
// restarts every stream on a new producer: the old streams hand their
// frames to Kafka or their spools, the old producer is closed (after which
// it can write nothing more), and the new streams resume from Kafka and
// their spools, so nothing is lost or written twice. An error (the new
// Kafka settings cannot make a client) leaves everything as it was.
func (r *runner) reload(ctx context.Context, next *config.Config) error {
	p := diff(r.cfg, next)
	if p.empty() {
		r.cfg = next
		r.reloaded()
		r.log.Info("config reloaded: no stream changed")
		return nil
	}
	if p.global {
		prod, err := kafka.NewProducer(KafkaConfig(next.Kafka, r.log.With("component", "kafka")))
		if err != nil {
			return fmt.Errorf("kafka producer: %w", err)
		}
		r.fleet.stop(r.fleet.names()...)
		r.prod.Close()
		r.prod = prod
		r.mon.setProducer(prod)
		r.fleet = newFleet(prod, r.session, r.log, r.opts, r.fleet.hook)
		for _, sc := range next.Streams {
			r.fleet.start(ctx, next, sc)
		}
	} else {
		r.fleet.stop(append(p.remove, p.restart...)...)
		for _, sc := range next.Streams {
			if slices.Contains(p.restart, sc.Name) || slices.Contains(p.add, sc.Name) {
				r.fleet.start(ctx, next, sc)
			}
		}
	}
	r.cfg = next
	r.reloaded()
	r.log.Info("config reloaded", "restarted", p.restart, "added", p.add, "removed", p.remove, "kafka_reconnected", p.global)
	return nil
}

// plan is what a reload changes.
type plan struct {
	// global: the device id, Kafka or spool settings changed, so every
	// stream restarts on a new producer.
	global bool
	// The streams to stop, to restart with new settings, and to start.
	remove, restart, add []string
}

// diff compares the running config with the next one.
func diff(old, next *config.Config) plan {
	var p plan
	if old.Device != next.Device || !reflect.DeepEqual(old.Kafka, next.Kafka) || old.Spool != next.Spool {
		p.global = true
	}
	was := map[string]config.Stream{}
	for _, sc := range old.Streams {
		was[sc.Name] = sc
	}
	is := map[string]bool{}
	for _, sc := range next.Streams {
		is[sc.Name] = true
		prev, ok := was[sc.Name]
		switch {
		case !ok:
			p.add = append(p.add, sc.Name)
		case p.global || !sameStream(prev, sc):
			p.restart = append(p.restart, sc.Name)
		}
	}
	for _, sc := range old.Streams {
		if !is[sc.Name] {
			p.remove = append(p.remove, sc.Name)
		}
	}
	return p
}

// empty reports whether the reload changes no stream and no global setting.
func (p plan) empty() bool {
	return !p.global && len(p.remove)+len(p.restart)+len(p.add) == 0
}

// reloaded moves the fleet status to the running config (its digest, a
// new status client when Kafka or the topic changed) and reports it.
func (r *runner) reloaded() {
	if r.rep == nil {
		return
	}
	if err := r.rep.setConfig(r.cfg, r.prod); err != nil {
		r.log.Warn("fleet status keeps its old Kafka client", "err", err)
	}
	r.rep.changed()
}
