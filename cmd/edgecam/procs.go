package main

import "runtime"

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
