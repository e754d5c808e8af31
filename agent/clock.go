package agent

import (
	"context"
	"log/slog"
	"sync/atomic"
	"time"

	"github.com/edgecam/edgecam/internal/hostinfo"
)

// clockWatch follows the box's clock for the whole agent: whether the
// kernel says it is synchronised (adjtimex, once a second), so frames
// captured before a Pi without a real-time clock has heard from NTP are
// marked edgecam-clock: unsynced, and every step of the wall clock against
// the monotonic one (that first sync jumps it, often by months), which it
// logs. PTS and DTS come from the pipeline's monotonic clock and do not
// move with it.
type clockWatch struct {
	log      *slog.Logger
	unsynced atomic.Bool
	known    bool // the last sample could ask the kernel
}

func newClockWatch(log *slog.Logger) *clockWatch {
	c := &clockWatch{log: log}
	c.sample(true)
	return c
}

// isUnsynced reports whether the kernel said, at the last sample, that the
// clock is not synchronised; false when it cannot be asked (nil-safe).
func (c *clockWatch) isUnsynced() bool { return c != nil && c.unsynced.Load() }

func (c *clockWatch) sample(first bool) {
	synced, err := hostinfo.ClockSynced()
	if err != nil {
		if c.known || first {
			c.log.Warn("cannot ask the kernel whether the clock is synchronised; frames are not marked", "err", err)
		}
		c.known = false
		c.unsynced.Store(false)
		return
	}
	was := c.unsynced.Swap(!synced)
	switch {
	case first && !synced:
		c.log.Warn("the clock is not synchronised (no NTP yet?): frames are marked edgecam-clock: unsynced until it is")
	case !first && was && synced:
		c.log.Info("the clock is synchronised now: frames are no longer marked edgecam-clock: unsynced")
	case !first && !was && !synced:
		c.log.Warn("the clock is no longer synchronised: frames are marked edgecam-clock: unsynced")
	}
	c.known = true
}

// run samples once a second until ctx ends, and logs a step of the wall
// clock of more than a second against the monotonic clock.
func (c *clockWatch) run(ctx context.Context) {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	prev := time.Now()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		now := time.Now()
		if step := now.Round(0).Sub(prev.Round(0)) - now.Sub(prev); step > time.Second || step < -time.Second {
			c.log.Warn("the wall clock stepped: capture times jump with it, edgecam-pts does not",
				"by", step.Round(time.Millisecond), "now", now.Round(0).Format(time.RFC3339Nano))
		}
		prev = now
		c.sample(false)
	}
}
