package main

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestParseTimeArg(t *testing.T) {
	now := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		in   string
		want time.Time
	}{
		{"now", now},
		{"-10m", now.Add(-10 * time.Minute)},
		{"10m ago", now.Add(-10 * time.Minute)},
		{"1h30m ago", now.Add(-90 * time.Minute)},
		{" -1.5s ", now.Add(-1500 * time.Millisecond)},
		{"2026-12-01T10:00:00Z", time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)},
		{"2026-12-01T11:00:00+01:00", time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)},
		{"2026-12-01T10:00:00.25Z", time.Date(2026, 12, 1, 10, 0, 0, 250e6, time.UTC)},
	} {
		got, err := parseTimeArg(tc.in, now)
		if err != nil || !got.Equal(tc.want) {
			t.Errorf("parseTimeArg(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
	for _, bad := range []string{"", "10m", "yesterday", "-10", "-10 ago", "ago", "-5m ago", "2026-12-01T10:00:00", "2026-12-01", "12:00"} {
		if got, err := parseTimeArg(bad, now); err == nil {
			t.Errorf("parseTimeArg(%q) = %v, want an error", bad, got)
		}
	}
}

// TestTailTimeFlags: the time flags' mistakes are usage errors (exit
// status 2) that name the flag, found before any config or Kafka is read.
func TestTailTimeFlags(t *testing.T) {
	base := []string{"--config", "/nonexistent.yaml", "--stream", "cam0", "-o", "out.mp4"}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--since", "10m", "--from", "-5m"}, "one of --since, --from and --from-start"},
		{[]string{"--from-start", "--from", "-5m"}, "one of --since, --from and --from-start"},
		{[]string{"--since", "-10m"}, "--since must be positive"},
		{[]string{"--from", "10m"}, "--from: "},
		{[]string{"--from", "2026-12-01T10:00:00"}, "--from: "},
		{[]string{"--to", "yesterday"}, "--to: "},
		{[]string{"--from", "2026-12-01T10:00:00Z", "--to", "2026-12-01T09:00:00Z"}, "is before the start"},
	} {
		var stderr strings.Builder
		err := cmdTail(append(append([]string{}, base...), tc.args...), &stderr)
		var ue usageError
		if !errors.As(err, &ue) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("tail %v: %v, want a usage error with %q", tc.args, err, tc.want)
		}
	}
}
