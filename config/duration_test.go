package config

import (
	"testing"
	"time"
)

func TestParseDuration(t *testing.T) {
	checkParse(t, ParseDuration, Duration(7), []parseCase[Duration]{
		{"500ms", Duration(500 * time.Millisecond), ""},
		{"1m30s", Duration(90 * time.Second), ""},
		{"24h", Duration(24 * time.Hour), ""},
		{"", 0, `"" is not a duration`},
		{"2", 0, `"2" is not a duration: want a number with a unit`},
		{"fast", 0, `"fast" is not a duration`},
		{"1 s", 0, `"1 s" is not a duration`},
	})
}

func TestDurationString(t *testing.T) {
	for d, want := range map[Duration]string{
		Duration(24 * time.Hour): "24h", Duration(90 * time.Minute): "1h30m", Duration(500 * time.Millisecond): "500ms",
		Duration(90 * time.Second): "1m30s", Duration(time.Hour + time.Second): "1h0m1s", 0: "0s",
	} {
		if got := d.String(); got != want {
			t.Errorf("%d.String() = %q, want %q", int64(d), got, want)
		}
		if b, _ := d.MarshalText(); string(b) != want {
			t.Errorf("%d.MarshalText() = %q, want %q", int64(d), b, want)
		}
		if back, err := ParseDuration(want); err != nil || back != d {
			t.Errorf("%q does not parse back: %v, %v", want, back, err)
		}
	}
}

func TestDurationCheck(t *testing.T) {
	s, m := Duration(time.Second), Duration(time.Minute)
	for _, c := range []struct {
		d, lo, hi Duration
		err       string
	}{
		{s, s, m, ""},
		{m, s, m, ""},
		{s - 1, s, m, "999.999999ms is out of range 1s..1m"},
		{m + s, s, m, "1m1s is out of range 1s..1m"},
		{Duration(time.Hour), m, 0, ""},
		{s, m, 0, "1s is below the minimum 1m"},
	} {
		if err := errText(c.d.check(c.lo, c.hi)); err != c.err {
			t.Errorf("%v.check(%v, %v) = %q, want %q", c.d, c.lo, c.hi, err, c.err)
		}
	}
}
