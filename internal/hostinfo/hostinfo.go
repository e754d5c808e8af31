// Package hostinfo reads the facts about the box that matter on a board in
// the field: load, memory, free disk of a file system, the SoC temperature,
// a Raspberry Pi's throttling and under-voltage flags, and whether the
// kernel's clock is synchronised. Every read is a small file in /proc or
// /sys or one system call (vcgencmd only where the sysfs file is missing);
// a fact the box does not have is reported as absent, never as an error
// that stops anything.
//
// It imports no other edgecam package: the agent's status record and the
// kafka package's edgecam-clock header read the same functions.
package hostinfo

import (
	"bytes"
	"context"
	"errors"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"golang.org/x/sys/unix"
)

// ClockSynced reports whether the kernel considers its clock synchronised
// (adjtimex(2) with no modes: a read, allowed to any user). A time daemon
// (systemd-timesyncd, chrony, ntpd) clears STA_UNSYNC once it disciplines
// the clock; a Pi without a real-time clock boots with it set and a guessed
// time until NTP answers. The error is the system call's (e.g. a seccomp
// filter): callers then treat the clock as unknown.
func ClockSynced() (bool, error) {
	var tx unix.Timex
	state, err := unix.Adjtimex(&tx)
	if err != nil {
		return false, err
	}
	return tx.Status&unix.STA_UNSYNC == 0 && state != unix.TIME_ERROR, nil
}

// Facts are the host facts of one reading. Pointers and zero values mean
// "this box does not tell" (no thermal zone, no Pi firmware).
type Facts struct {
	Load1, Load5, Load15 float64
	// MemTotal and MemAvailable are bytes (/proc/meminfo).
	MemTotal, MemAvailable int64
	// DiskFree (available to unprivileged users) and DiskTotal are bytes
	// of the file system holding the path given to Read.
	DiskFree, DiskTotal int64
	// SoCTempC is the SoC (or CPU) temperature in °C.
	SoCTempC *float64
	// Throttled is a Raspberry Pi's get_throttled word.
	Throttled *Throttled
	// ClockSynced is nil when adjtimex cannot be asked.
	ClockSynced *bool
}

// Throttled is the Raspberry Pi firmware's get_throttled bit field
// (https://www.raspberrypi.com/documentation/computers/os.html#get_throttled):
// what is true now, and what happened since boot.
type Throttled struct {
	Raw                                                uint32
	UnderVoltage, FreqCapped, Throttled, SoftTempLimit bool
	UnderVoltageOccurred, FreqCappedOccurred           bool
	ThrottledOccurred, SoftTempLimitOccurred           bool
}

// ParseThrottled decodes a get_throttled value: "0x50005", "50005" (sysfs
// prints hex without 0x) or vcgencmd's "throttled=0x50005".
func ParseThrottled(s string) (Throttled, error) {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "throttled=")
	s = strings.TrimPrefix(strings.TrimPrefix(s, "0x"), "0X")
	v, err := strconv.ParseUint(s, 16, 32)
	if err != nil {
		return Throttled{}, errors.New("hostinfo: get_throttled: not a hex number: " + s)
	}
	bit := func(n uint) bool { return v&(1<<n) != 0 }
	return Throttled{
		Raw:          uint32(v),
		UnderVoltage: bit(0), FreqCapped: bit(1), Throttled: bit(2), SoftTempLimit: bit(3),
		UnderVoltageOccurred: bit(16), FreqCappedOccurred: bit(17), ThrottledOccurred: bit(18), SoftTempLimitOccurred: bit(19),
	}, nil
}

// Reader reads Facts. The zero value reads the real /proc and /sys.
type Reader struct {
	// Root is prepended to /proc and /sys paths (tests); "" is "/".
	Root string
	// Vcgencmd runs `vcgencmd get_throttled`; nil looks vcgencmd up in
	// PATH once. Tests set it.
	Vcgencmd func(ctx context.Context) (string, error)

	looked bool
}

func (r *Reader) path(p string) string { return filepath.Join(r.Root, p) }

// Read returns the facts now; diskPath names the file system whose free
// space matters (the spool's).
func (r *Reader) Read(diskPath string) Facts {
	var f Facts
	if b, err := os.ReadFile(r.path("/proc/loadavg")); err == nil {
		if fs := strings.Fields(string(b)); len(fs) >= 3 {
			f.Load1, _ = strconv.ParseFloat(fs[0], 64)
			f.Load5, _ = strconv.ParseFloat(fs[1], 64)
			f.Load15, _ = strconv.ParseFloat(fs[2], 64)
		}
	}
	f.MemTotal, f.MemAvailable = r.memory()
	if diskPath != "" {
		var st unix.Statfs_t
		// The spool's own directory may not exist yet: its parents tell.
		for p := diskPath; ; p = filepath.Dir(p) {
			if err := unix.Statfs(p, &st); err == nil {
				f.DiskFree, f.DiskTotal = int64(st.Bavail)*int64(st.Bsize), int64(st.Blocks)*int64(st.Bsize) // Bsize is int32 on 32-bit ARM
				break
			}
			if p == filepath.Dir(p) {
				break
			}
		}
	}
	f.SoCTempC = r.socTemp()
	f.Throttled = r.throttled()
	if r.Root == "" {
		if ok, err := ClockSynced(); err == nil {
			f.ClockSynced = &ok
		}
	}
	return f
}

func (r *Reader) memory() (total, avail int64) {
	b, err := os.ReadFile(r.path("/proc/meminfo"))
	if err != nil {
		return 0, 0
	}
	for _, l := range strings.Split(string(b), "\n") {
		k, v, ok := strings.Cut(l, ":")
		if !ok {
			continue
		}
		fs := strings.Fields(v)
		if len(fs) == 0 {
			continue
		}
		n, err := strconv.ParseInt(fs[0], 10, 64)
		if err != nil {
			continue
		}
		switch k {
		case "MemTotal":
			total = n << 10
		case "MemAvailable":
			avail = n << 10
		}
	}
	return total, avail
}

// socTemp reads the thermal zones: the one whose type names the SoC or CPU
// (a Pi's cpu-thermal, a Jetson's cpu-thermal or soc0, x86_pkg_temp), else
// the hottest.
func (r *Reader) socTemp() *float64 {
	zones, _ := filepath.Glob(r.path("/sys/class/thermal/thermal_zone*"))
	best, hottest := math.NaN(), math.NaN()
	for _, z := range zones {
		b, err := os.ReadFile(filepath.Join(z, "temp"))
		if err != nil {
			continue
		}
		milli, err := strconv.ParseFloat(strings.TrimSpace(string(b)), 64)
		if err != nil || milli <= -273000 {
			continue
		}
		c := milli / 1000
		if math.IsNaN(hottest) || c > hottest {
			hottest = c
		}
		typ, _ := os.ReadFile(filepath.Join(z, "type"))
		t := strings.ToLower(string(bytes.TrimSpace(typ)))
		if math.IsNaN(best) && (strings.Contains(t, "cpu") || strings.Contains(t, "soc") || t == "x86_pkg_temp") {
			best = c
		}
	}
	if math.IsNaN(best) {
		best = hottest
	}
	if math.IsNaN(best) {
		return nil
	}
	return &best
}

// throttled reads the Pi firmware's flags from sysfs (Raspberry Pi OS
// kernels), else from vcgencmd when it is installed; nil on other boards.
func (r *Reader) throttled() *Throttled {
	if b, err := os.ReadFile(r.path("/sys/devices/platform/soc/soc:firmware/get_throttled")); err == nil {
		if t, err := ParseThrottled(string(b)); err == nil {
			return &t
		}
	}
	if r.Vcgencmd == nil && !r.looked {
		r.looked = true
		if p, err := exec.LookPath("vcgencmd"); err == nil {
			r.Vcgencmd = func(ctx context.Context) (string, error) {
				out, err := exec.CommandContext(ctx, p, "get_throttled").Output()
				return string(out), err
			}
		}
	}
	if r.Vcgencmd == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	out, err := r.Vcgencmd(ctx)
	if err != nil {
		return nil
	}
	t, err := ParseThrottled(out)
	if err != nil {
		return nil
	}
	return &t
}
