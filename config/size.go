package config

import (
	"fmt"
	"strconv"
	"strings"
)

// Size is a number of bytes written the way people write them: "2GiB",
// "512MiB", "500MB", "64k", or a bare number of bytes. Binary (KiB, MiB,
// GiB, TiB) and decimal (kB, MB, GB, TB) units are both accepted, case
// insensitive; "K", "M", "G", "T" alone are binary.
type Size int64

var sizeUnits = []struct {
	suffix string
	mult   int64
}{
	{"kib", 1 << 10}, {"mib", 1 << 20}, {"gib", 1 << 30}, {"tib", 1 << 40},
	{"kb", 1000}, {"mb", 1000 * 1000}, {"gb", 1000 * 1000 * 1000}, {"tb", 1000 * 1000 * 1000 * 1000},
	{"k", 1 << 10}, {"m", 1 << 20}, {"g", 1 << 30}, {"t", 1 << 40},
	{"b", 1},
}

// ParseSize parses s as a Size.
func ParseSize(s string) (Size, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range sizeUnits {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.mult
			break
		}
	}
	f, err := strconv.ParseFloat(t, 64)
	if err != nil || f < 0 || t == "" {
		return 0, fmt.Errorf("%q is not a size: want a number with a unit, like 512MiB, 2GiB or 500MB", s)
	}
	v := f * float64(mult)
	if v > 1<<62 {
		return 0, fmt.Errorf("%q is too large", s)
	}
	return Size(v), nil
}

// UnmarshalText implements encoding.TextUnmarshaler with ParseSize.
func (s *Size) UnmarshalText(text []byte) error { return unmarshal(s, ParseSize, text) }

// MarshalText implements encoding.TextMarshaler with String.
func (s Size) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// String prints the size in the largest binary unit that divides it.
func (s Size) String() string {
	for _, u := range []struct {
		name string
		mult int64
	}{{"TiB", 1 << 40}, {"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}} {
		if s != 0 && int64(s)%u.mult == 0 {
			return fmt.Sprintf("%d%s", int64(s)/u.mult, u.name)
		}
	}
	return fmt.Sprintf("%dB", int64(s))
}

// check tells whether s is within lo..hi.
func (s Size) check(lo, hi Size) error {
	if s < lo || s > hi {
		return fmt.Errorf("%s is out of range %s..%s", s, lo, hi)
	}
	return nil
}

// Rate is a number of bytes a second, written as a Size with or without
// "/s": "8MiB/s" or "8MiB".
type Rate int64

// ParseRate parses s as a Rate.
func ParseRate(s string) (Rate, error) {
	sz, err := ParseSize(strings.TrimSuffix(s, "/s"))
	return Rate(sz), err
}

// UnmarshalText implements encoding.TextUnmarshaler with ParseRate.
func (r *Rate) UnmarshalText(text []byte) error { return unmarshal(r, ParseRate, text) }

// MarshalText implements encoding.TextMarshaler with String.
func (r Rate) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// String prints the rate as a Size a second: "8MiB/s".
func (r Rate) String() string { return Size(r).String() + "/s" }

// check tells whether r is within lo..hi (in the message as sizes).
func (r Rate) check(lo, hi Rate) error { return Size(r).check(Size(lo), Size(hi)) }
