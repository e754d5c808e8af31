package config

import (
	"fmt"
	"strings"
	"time"
)

// Duration is a time span written the Go way: "500ms", "1s", "1m30s".
// A bare number is rejected: "keyframe_interval: 2" could mean seconds or
// frames, and guessing wrong changes the stream.
type Duration time.Duration

// ParseDuration parses s as a Duration.
func ParseDuration(s string) (Duration, error) {
	d, err := time.ParseDuration(s)
	if err != nil {
		return 0, fmt.Errorf("%q is not a duration: want a number with a unit, like 500ms, 2s or 1m", s)
	}
	return Duration(d), nil
}

// UnmarshalText implements encoding.TextUnmarshaler with ParseDuration.
func (d *Duration) UnmarshalText(text []byte) error { return unmarshal(d, ParseDuration, text) }

// MarshalText implements encoding.TextMarshaler with String.
func (d Duration) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// String writes d the way it is written in a config: "24h", "1h30m",
// "500ms" (time.Duration's "24h0m0s" without the zero units).
func (d Duration) String() string {
	s := time.Duration(d).String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

// check tells whether d is within lo..hi; hi 0 means no upper bound.
func (d Duration) check(lo, hi Duration) error {
	switch {
	case hi == 0 && d < lo:
		return fmt.Errorf("%s is below the minimum %s", d, lo)
	case hi != 0 && (d < lo || d > hi):
		return fmt.Errorf("%s is out of range %s..%s", d, lo, hi)
	}
	return nil
}
