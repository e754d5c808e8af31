package hostinfo

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

func write(t *testing.T, root, path, body string) {
	t.Helper()
	p := filepath.Join(root, path)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestParseThrottled(t *testing.T) {
	for _, c := range []struct {
		in   string
		want Throttled
	}{
		{"throttled=0x0\n", Throttled{}},
		{"throttled=0x50005\n", Throttled{Raw: 0x50005, UnderVoltage: true, Throttled: true, UnderVoltageOccurred: true, ThrottledOccurred: true}},
		{"80008\n", Throttled{Raw: 0x80008, SoftTempLimit: true, SoftTempLimitOccurred: true}},
		{"0x20002", Throttled{Raw: 0x20002, FreqCapped: true, FreqCappedOccurred: true}},
	} {
		got, err := ParseThrottled(c.in)
		if err != nil || got != c.want {
			t.Errorf("ParseThrottled(%q) = %+v, %v; want %+v", c.in, got, err, c.want)
		}
	}
	if _, err := ParseThrottled("throttled=zz"); err == nil {
		t.Error("no error for a non-hex value")
	}
}

// TestReadPi: the files of a Raspberry Pi 4 (values from a real one).
func TestReadPi(t *testing.T) {
	root := t.TempDir()
	write(t, root, "/proc/loadavg", "0.52 0.38 0.30 1/213 1234\n")
	write(t, root, "/proc/meminfo", "MemTotal:        3884328 kB\nMemFree:          102400 kB\nMemAvailable:    2920000 kB\n")
	write(t, root, "/sys/class/thermal/thermal_zone0/type", "cpu-thermal\n")
	write(t, root, "/sys/class/thermal/thermal_zone0/temp", "52582\n")
	write(t, root, "/sys/devices/platform/soc/soc:firmware/get_throttled", "50000\n")
	f := (&Reader{Root: root}).Read(filepath.Join(root, "no", "such", "dir"))
	if f.Load1 != 0.52 || f.Load5 != 0.38 || f.Load15 != 0.30 {
		t.Errorf("load %v %v %v", f.Load1, f.Load5, f.Load15)
	}
	if f.MemTotal != 3884328<<10 || f.MemAvailable != 2920000<<10 {
		t.Errorf("memory %d %d", f.MemTotal, f.MemAvailable)
	}
	if f.DiskTotal <= 0 || f.DiskFree <= 0 || f.DiskFree > f.DiskTotal {
		t.Errorf("disk of a missing dir's parent: free %d total %d", f.DiskFree, f.DiskTotal)
	}
	if f.SoCTempC == nil || *f.SoCTempC != 52.582 {
		t.Errorf("temp %v", f.SoCTempC)
	}
	if f.Throttled == nil || !f.Throttled.UnderVoltageOccurred || !f.Throttled.ThrottledOccurred || f.Throttled.UnderVoltage {
		t.Errorf("throttled %+v", f.Throttled)
	}
}

// TestReadOther: a board with no Pi firmware and two thermal zones (the
// SoC's named), vcgencmd answering.
func TestReadOther(t *testing.T) {
	root := t.TempDir()
	write(t, root, "/sys/class/thermal/thermal_zone0/type", "acpitz\n")
	write(t, root, "/sys/class/thermal/thermal_zone0/temp", "70000\n")
	write(t, root, "/sys/class/thermal/thermal_zone1/type", "soc_thermal\n")
	write(t, root, "/sys/class/thermal/thermal_zone1/temp", "41000\n")
	r := &Reader{Root: root, Vcgencmd: func(context.Context) (string, error) { return "throttled=0x1\n", nil }}
	f := r.Read("")
	if f.SoCTempC == nil || *f.SoCTempC != 41 {
		t.Errorf("temp %v, want the soc zone's 41", f.SoCTempC)
	}
	if f.Throttled == nil || !f.Throttled.UnderVoltage {
		t.Errorf("throttled from vcgencmd: %+v", f.Throttled)
	}
	if f.MemTotal != 0 || f.ClockSynced != nil {
		t.Errorf("facts the box does not have: %+v", f)
	}
	// No file at all: nothing, no panic.
	if f := (&Reader{Root: t.TempDir(), Vcgencmd: func(context.Context) (string, error) { return "", os.ErrNotExist }}).Read(""); f.SoCTempC != nil || f.Throttled != nil {
		t.Errorf("empty root: %+v", f)
	}
}

// TestClockSynced asks this machine's kernel: it must answer (the value
// depends on the machine).
func TestClockSynced(t *testing.T) {
	synced, err := ClockSynced()
	if err != nil {
		t.Fatalf("adjtimex: %v", err)
	}
	t.Logf("this machine's clock synchronised: %v", synced)
}
