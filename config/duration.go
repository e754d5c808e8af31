package config

import (
	"fmt"
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

func (d Duration) String() string { return time.Duration(d).String() }
