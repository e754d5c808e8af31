package main

import (
	"os"
	"runtime"
	"slices"
	"strings"
	"syscall"
)

// streamsPerProc is how many streams `edgecam run` gives one Go P (the
// Go scheduler's processors: GOMAXPROCS): 1 for up to 16 streams, 2 for
// 17 to 32, and so on, never more than the runtime's own default (the
// CPUs the process may use).
//
// Why: the agent's Go side does little per frame (copy it out of
// appsink, number it, hand it to the Kafka client; GStreamer and the
// encoder run on their own threads, which GOMAXPROCS does not limit),
// and what it costs is mostly waking threads. Each frame and each Kafka
// answer wakes the process from idle; with a second P idle, the
// scheduler also wakes a second thread to look for work, and sysmon (the
// runtime's monitor thread) wakes from its deep sleep at the first
// syscall after every such idle spell. One P halves that. Measured on 2
// cores (1280x720@30 x264, B1's stream, 12 s windows after a 6 s
// warm-up, three runs each, alternating, load 1-2): the Go threads'
// context switches 642/s → 308/s and their CPU 2.6% → 2.0% of a core;
// 16 RTSP passthrough streams (B9's): 2700-3300 → 1700-2300 switches a
// second. At 16 streams the Go side used about a tenth of a core here,
// so one P has room to spare; past 16 the agent takes another.
const streamsPerProc = 16

// defaultProcs is the runtime's own GOMAXPROCS, read before tuneProcs
// changes it: the CPUs the process may use (its affinity and cgroup
// limit).
var defaultProcs = runtime.GOMAXPROCS(0)

// tuneProcs sets GOMAXPROCS for streams unless the user chose with the
// GOMAXPROCS variable (Go's own variable wins, as for GOGC). It returns
// the value now in force.
func tuneProcs(getenv func(string) string, streams int) int {
	if getenv("GOMAXPROCS") != "" {
		return runtime.GOMAXPROCS(0)
	}
	n := max(1, (streams+streamsPerProc-1)/streamsPerProc)
	n = min(n, defaultProcs)
	runtime.GOMAXPROCS(n)
	return n
}

// sysmonAwake is the GODEBUG setting `edgecam run` re-executes itself with
// (sysmonReexec): scheduler traces every 2^31-1 ms (24.8 days), which
// keeps the runtime's sysmon thread out of its deep sleep.
//
// Why: sysmon sleeps deeply whenever every P is idle, and the first
// syscall or cgo call after that wakes it and resets its polling to every
// 20 µs for as long as a P stays busy (runtime/proc.go, sysmon). A camera
// agent is woken by every frame and every Kafka answer, so that reset
// came several hundred times a second: at 16 RTSP streams (B9) sysmon
// was a tenth of the agent's CPU samples, most of it thread switches.
// With traces enabled, sysmon never sleeps deeply: its poll backs off to
// every 10 ms and stays there (100 wake-ups a second, busy or idle).
// Measured on 2 cores, 16 RTSP passthrough streams, 30 s windows after a
// 10 s warm-up, five runs each, alternating: the agent's CPU 21.2% → 19.5%
// of a core (medians), its context switches about 6200/s → 5100/s; B1's
// x264 stream, 20 s windows, three runs each: the Go threads' CPU 0.33 →
// 0.28 CPU-s (medians).
//
// The cost: the runtime prints one "SCHED" line to stderr when the
// machine's monotonic clock (its uptime) passes 24.8 days, and every 24.8
// days after that. Any schedtrace in the user's GODEBUG (schedtrace=0
// turns this off) is left as it is.
const sysmonAwake = "schedtrace=2147483647"

// sysmonEnv returns environ with sysmonAwake added to GODEBUG, and false
// when GODEBUG already sets schedtrace (the user's choice, or this
// process after its re-exec).
func sysmonEnv(environ []string) ([]string, bool) {
	env := slices.Clone(environ)
	for i, kv := range env {
		v, ok := strings.CutPrefix(kv, "GODEBUG=")
		if !ok {
			continue
		}
		for s := range strings.SplitSeq(v, ",") {
			if strings.HasPrefix(strings.TrimSpace(s), "schedtrace=") {
				return nil, false
			}
		}
		if v == "" {
			env[i] = "GODEBUG=" + sysmonAwake
		} else {
			env[i] = kv + "," + sysmonAwake
		}
		return env, true
	}
	return append(env, "GODEBUG="+sysmonAwake), true
}

// sysmonReexec re-executes this binary with sysmonAwake, keeping its PID,
// arguments, file descriptors and the rest of its environment (a systemd
// service stays the same service). GODEBUG is read only as the runtime
// starts, hence the exec. The path is the binary's own (os.Executable),
// not /proc/self/exe: the kernel names a process after the file it
// executes, and "exe" would hide the agent from ps, top and pgrep. It
// returns only when it does not apply or the exec failed: then the agent
// runs as it is.
func sysmonReexec() {
	env, ok := sysmonEnv(os.Environ())
	if !ok {
		return
	}
	exe, err := os.Executable()
	if err != nil {
		return
	}
	_ = syscall.Exec(exe, os.Args, env) // returns only on failure
}
