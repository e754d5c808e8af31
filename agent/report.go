package agent

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"log/slog"
	"math"
	"sync"
	"time"

	"github.com/edgecam/edgecam/config"
	fleetpkg "github.com/edgecam/edgecam/fleet"
	"github.com/edgecam/edgecam/internal/hostinfo"
	"github.com/edgecam/edgecam/kafka"
)

// reporter publishes the device's status record (package fleet) to the
// status topic every fleet.status_interval, at once (but at most once per
// minGap) when a stream changes state, and a last one with state stopped
// at a clean stop.
//
// It never touches the frame path: it reads the counters the streams keep
// for /metrics anyway, from its own goroutine, and hands the record to a
// kafka.StatusProducer — a client of its own with a small buffer, whose
// Send drops (and counts) instead of blocking. A stalled status path
// therefore costs status records, never a frame.
type reporter struct {
	log      *slog.Logger
	mon      *monitor
	interval time.Duration
	minGap   time.Duration
	version  string
	commit   string
	session  string
	started  time.Time
	host     hostinfo.Reader
	kick     chan struct{}

	mu     sync.Mutex // guards the fields below: reload swaps them
	cfg    *config.Config
	digest string
	sp     *kafka.StatusProducer
	prod   *kafka.Producer

	// Owned by run: the previous sample of each stream, for the rates.
	prev map[*stream]sample
}

// sample is what a stream had captured at a moment, for fps and bit rate.
type sample struct {
	at              time.Time
	captured, bytes int64
	fps, bps        float64
}

// newReporter creates the status path of cfg on prod's brokers, or returns
// nil when status reporting is off.
func newReporter(cfg *config.Config, prod *kafka.Producer, mon *monitor, session string, log *slog.Logger, opts Options) *reporter {
	if cfg.Fleet.Off || cfg.Fleet.StatusTopic == "" {
		return nil
	}
	interval := time.Duration(cfg.Fleet.StatusInterval)
	if interval <= 0 {
		interval = time.Duration(config.DefaultStatusInterval)
	}
	r := &reporter{
		log: log, mon: mon, interval: interval, minGap: min(time.Second, interval),
		version: opts.Version, commit: opts.Commit, session: session, started: time.Now(),
		kick: make(chan struct{}, 1), prev: map[*stream]sample{},
	}
	if r.version == "" {
		r.version = "dev"
	}
	if r.commit == "" {
		r.commit = "unknown"
	}
	if err := r.setConfig(cfg, prod); err != nil {
		log.Warn("fleet status off: cannot create its Kafka client", "err", err)
		return nil
	}
	return r
}

// setConfig moves the reporter to a (reloaded) config and producer: a new
// status client when the Kafka settings or the topic changed.
func (r *reporter) setConfig(cfg *config.Config, prod *kafka.Producer) error {
	digest := configDigest(cfg)
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.sp == nil || r.prod != prod || r.cfg.Fleet.StatusTopic != cfg.Fleet.StatusTopic {
		sp, err := prod.NewStatusProducer(cfg.Fleet.StatusTopic)
		if err != nil {
			return err
		}
		if r.sp != nil {
			old := r.sp
			go func() { // let its last records go out, off the reload path
				ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
				defer cancel()
				_ = old.Flush(ctx) // status records: losing the last ones costs a refresh
				old.Close()
			}()
		}
		r.sp = sp
	}
	r.cfg, r.prod, r.digest = cfg, prod, digest
	return nil
}

// configDigest is "sha256:<hex>" of the effective config as `edgecam
// config show` prints it: secrets are never in it (a *_file key shows its
// path), so the digest tells two settings apart without revealing one.
func configDigest(cfg *config.Config) string {
	y, err := cfg.YAML()
	if err != nil {
		y = []byte(fmt.Sprintf("%+v", cfg.Fleet))
	}
	sum := sha256.Sum256(y)
	return "sha256:" + hex.EncodeToString(sum[:])
}

// changed asks for a record now (a stream changed state); it never blocks.
func (r *reporter) changed() {
	select {
	case r.kick <- struct{}{}:
	default:
	}
}

// run reports until ctx ends.
func (r *reporter) run(ctx context.Context) {
	r.send(time.Now(), false)
	last := time.Now()
	tick := time.NewTicker(r.interval)
	defer tick.Stop()
	var soon <-chan time.Time // a change waiting for minGap to pass
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		case <-r.kick:
			if wait := r.minGap - time.Since(last); wait > 0 {
				if soon == nil {
					soon = time.After(wait)
				}
				continue
			}
		case <-soon:
		}
		soon = nil
		last = time.Now()
		r.send(last, false)
	}
}

// stop sends the last record, state stopped, and waits for it up to
// budget; then the status client is closed.
func (r *reporter) stop(budget time.Duration) {
	r.send(time.Now(), true)
	r.mu.Lock()
	sp := r.sp
	r.mu.Unlock()
	ctx, cancel := context.WithTimeout(context.Background(), budget)
	defer cancel()
	if err := sp.Flush(ctx); err != nil {
		r.log.Warn("the last status record (state stopped) was not delivered in time", "err", err)
	}
	sp.Close()
	c := sp.Counts()
	r.log.Info("fleet status", "sent", c.Sent, "bytes", c.Bytes, "dropped", c.Dropped, "failed", c.Failed)
}

func (r *reporter) send(now time.Time, stopped bool) {
	st := r.status(now, stopped)
	b, err := st.Marshal()
	if err != nil {
		r.log.Error("status record", "err", err)
		return
	}
	r.mu.Lock()
	sp := r.sp
	r.mu.Unlock()
	sp.Send(st.Device, b, now)
}

// status builds the record of now.
func (r *reporter) status(now time.Time, stopped bool) *fleetpkg.Status {
	r.mu.Lock()
	cfg, prod, digest, sp := r.cfg, r.prod, r.digest, r.sp
	r.mu.Unlock()
	h := r.host.Read(cfg.Spool.Dir)
	st := &fleetpkg.Status{
		Schema:          fleetpkg.SchemaID,
		Device:          cfg.Device.ID,
		Time:            ms(now),
		IntervalSeconds: r.interval.Seconds(),
		Agent: fleetpkg.Agent{
			Version: r.version, Commit: r.commit, ConfigDigest: digest, Session: r.session,
			Started: ms(r.started), UptimeSeconds: round3(now.Sub(r.started).Seconds()),
			StatusDropped: sp.Counts().Dropped,
		},
		Host: fleetpkg.Host{
			Load1: h.Load1, Load5: h.Load5, Load15: h.Load15,
			MemTotalBytes: h.MemTotal, MemAvailableBytes: h.MemAvailable,
			SpoolDiskFreeBytes: h.DiskFree, SpoolDiskTotalBytes: h.DiskTotal,
			SoCTempC: h.SoCTempC, ClockSynced: h.ClockSynced,
		},
		Kafka:   fleetpkg.Kafka{Connected: prod.Connected()},
		Streams: []fleetpkg.Stream{},
	}
	if t := h.Throttled; t != nil {
		st.Host.Throttled = &fleetpkg.Throttled{
			Raw:          fmt.Sprintf("0x%x", t.Raw),
			UnderVoltage: t.UnderVoltage, FreqCapped: t.FreqCapped, Throttled: t.Throttled, SoftTempLimit: t.SoftTempLimit,
			UnderVoltageOccurred: t.UnderVoltageOccurred, FreqCappedOccurred: t.FreqCappedOccurred,
			ThrottledOccurred: t.ThrottledOccurred, SoftTempLimitOccurred: t.SoftTempLimitOccurred,
		}
	}
	seen := map[*stream]bool{}
	for _, s := range r.mon.list() {
		seen[s] = true
		st.Streams = append(st.Streams, r.streamStatus(s, now))
	}
	for s := range r.prev {
		if !seen[s] {
			delete(r.prev, s)
		}
	}
	st.State = fleetpkg.Overall(st.Streams)
	if stopped {
		st.State = fleetpkg.StateStopped
	}
	return st
}

func (r *reporter) streamStatus(s *stream, now time.Time) fleetpkg.Stream {
	snap := s.status.get()
	out := fleetpkg.Stream{
		Name: s.name, State: snap.State, Reason: snap.Reason, Since: ms(snap.Since),
		Restarts: s.restarts.Load(), Captured: s.captured.Load(), Acked: s.acked.Load(),
		Errors: map[string]int64{},
	}
	if e := s.encoder.Load(); e != nil {
		out.Encoder, out.Hardware = e.name, e.hardware
	}
	// Only the kinds that happened: a reader takes a missing kind as 0.
	for k := range numErrKinds {
		if n := s.errorCount(k); n > 0 {
			out.Errors[k.String()] = n
		}
	}
	if p := s.sp.Load(); p != nil {
		ps := p.Stats()
		out.Spool = fleetpkg.Spool{Bytes: ps.Bytes, Frames: ps.Unacked, Evicted: ps.Evicted}
		if ps.Unacked > 0 && !ps.OldestCapture.IsZero() {
			out.Spool.OldestAgeSeconds = round3(max(now.Sub(ps.OldestCapture).Seconds(), 0))
		}
	}
	if l := s.lastLatency.Load(); l > 0 {
		lat := round3(float64(l) / float64(time.Millisecond))
		out.LatencyMS = &lat
	}
	// Rates over the time since the previous record (at least minGap).
	cur := sample{at: now, captured: out.Captured, bytes: s.bytes.Load()}
	if prev, ok := r.prev[s]; ok {
		if dt := now.Sub(prev.at).Seconds(); dt > 0 {
			cur.fps = float64(cur.captured-prev.captured) / dt
			cur.bps = float64(cur.bytes-prev.bytes) * 8 / dt
		}
	} else if dt := now.Sub(s.epoch).Seconds(); dt > 0 {
		cur.fps = float64(cur.captured) / dt
		cur.bps = float64(cur.bytes) * 8 / dt
	}
	r.prev[s] = cur
	out.FPS, out.BitrateBPS = round3(max(cur.fps, 0)), math.Round(max(cur.bps, 0))
	return out
}

// The record carries no more precision than a reader uses: times to the
// millisecond, rates and ages to three decimals (a status record a day is
// 8640 of them, on an LTE link).
func ms(t time.Time) time.Time { return t.UTC().Truncate(time.Millisecond) }

func round3(v float64) float64 { return math.Round(v*1000) / 1000 }
