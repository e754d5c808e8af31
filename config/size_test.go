package config

import "testing"

func TestParseSize(t *testing.T) {
	const bad = "is not a size: want a number with a unit"
	checkParse(t, ParseSize, Size(7), []parseCase[Size]{
		{"2GiB", 2 << 30, ""}, {"512MiB", 512 << 20, ""}, {"500MB", 500e6, ""}, {"64k", 64 << 10, ""},
		{"1024", 1024, ""}, {"1.5GiB", 3 << 29, ""}, {"10 MiB", 10 << 20, ""}, {"3b", 3, ""}, {"2g", 2 << 30, ""},
		{"", 0, `"" ` + bad}, {"MiB", 0, `"MiB" ` + bad}, {"-1GiB", 0, `"-1GiB" ` + bad},
		{"two GiB", 0, `"two GiB" ` + bad}, {"1XB", 0, `"1XB" ` + bad}, {"8MiB/s", 0, `"8MiB/s" ` + bad},
		{"1e30GiB", 0, `"1e30GiB" is too large`},
	})
	for in, want := range map[Size]string{2 << 30: "2GiB", 1536 << 20: "1536MiB", 1000: "1000B", 0: "0B"} {
		if got := in.String(); got != want {
			t.Errorf("%d.String() = %q, want %q", int64(in), got, want)
		}
		if b, _ := in.MarshalText(); string(b) != want {
			t.Errorf("%d.MarshalText() = %q, want %q", int64(in), b, want)
		}
	}
}

func TestSizeCheck(t *testing.T) {
	for _, c := range []struct {
		s, lo, hi Size
		err       string
	}{
		{1 << 20, 1 << 20, 1 << 30, ""},
		{1 << 30, 1 << 20, 1 << 30, ""},
		{512 << 10, 1 << 20, 1 << 30, "512KiB is out of range 1MiB..1GiB"},
		{2 << 30, 1 << 20, 1 << 30, "2GiB is out of range 1MiB..1GiB"},
	} {
		if err := errText(c.s.check(c.lo, c.hi)); err != c.err {
			t.Errorf("%v.check(%v, %v) = %q, want %q", c.s, c.lo, c.hi, err, c.err)
		}
	}
}

func TestParseRate(t *testing.T) {
	checkParse(t, ParseRate, Rate(7), []parseCase[Rate]{
		{"8MiB/s", 8 << 20, ""},
		{"8MiB", 8 << 20, ""},
		{"0", 0, ""},
		{"lots/s", 0, `"lots" is not a size`},
		{"8MiB/h", 0, `"8MiB/h" is not a size`},
	})
	if got := Rate(4 << 20).String(); got != "4MiB/s" {
		t.Errorf("String = %q", got)
	}
	if err := errText(Rate(2<<40).check(0, MaxDrainRate)); err != "2TiB is out of range 0B..1TiB" {
		t.Errorf("check = %s", err)
	}
}
