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
