package config

import "testing"

func TestParseSize(t *testing.T) {
	good := map[string]Size{
		"2GiB": 2 << 30, "512MiB": 512 << 20, "500MB": 500e6, "64k": 64 << 10, "1024": 1024, "1.5GiB": 3 << 29,
		"10 MiB": 10 << 20, "3b": 3, "2g": 2 << 30,
	}
	for in, want := range good {
		if got, err := ParseSize(in); err != nil || got != want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "MiB", "-1GiB", "two GiB", "1XB", "1e30GiB"} {
		if _, err := ParseSize(bad); err == nil {
			t.Errorf("ParseSize(%q) succeeded", bad)
		}
	}
	for in, want := range map[Size]string{2 << 30: "2GiB", 1536 << 20: "1536MiB", 1000: "1000B"} {
		if got := in.String(); got != want {
			t.Errorf("%d.String() = %q, want %q", int64(in), got, want)
		}
	}
}
