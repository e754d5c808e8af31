package main

import (
	"fmt"
	"strings"
	"time"
)

// timeArgHelp is how the time flags of tail are documented (flag help,
// README, edgecam.1).
const timeArgHelp = "RFC 3339 (2026-12-01T10:00:00Z, 2026-12-01T11:00:00+01:00), now, or relative to now: -10m, 10m ago, 1h30m ago"

// parseTimeArg parses a moment given on the command line: an RFC 3339 time
// with its zone (Z or +hh:mm; fractions of a second allowed), "now", or a
// time relative to now written as a negative Go duration ("-10m") or a
// positive one followed by "ago" ("10m ago", "1h30m ago"). A time without a
// zone is refused rather than guessed: the boxes, Kafka and the reader may
// each sit in another zone.
func parseTimeArg(s string, now time.Time) (time.Time, error) {
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		return time.Time{}, fmt.Errorf("empty time (want %s)", timeArgHelp)
	case s == "now":
		return now, nil
	case strings.HasSuffix(s, " ago"):
		d, err := time.ParseDuration(strings.TrimSpace(strings.TrimSuffix(s, " ago")))
		if err != nil || d < 0 {
			return time.Time{}, fmt.Errorf("%q: want a positive duration before \"ago\", like 10m ago", s)
		}
		return now.Add(-d), nil
	case strings.HasPrefix(s, "-"):
		d, err := time.ParseDuration(s)
		if err != nil {
			return time.Time{}, fmt.Errorf("%q: want a duration like -10m or -1h30m", s)
		}
		return now.Add(d), nil
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is not a time (want %s)", s, timeArgHelp)
	}
	return t, nil
}
