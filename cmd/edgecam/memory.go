package main

import "runtime/debug"

// agentGCPercent is the Go garbage collector's target for `edgecam run`:
// collect when the heap has grown by half over what the last collection
// kept, instead of Go's default of doubling.
//
// Why: the agent's live Go heap is small (about 3 MiB with one 720p
// stream: frames in flight, the client, the metrics), so a collection
// costs well under a millisecond, while the heap Go lets grow between
// collections is memory a camera box does not have. Measured (B1's
// stream, 1280x720@30 x264, 12 s in, three runs each alternating with the
// previous binary, load 13-20 on 2 cores): RssAnon median 36.4 → 33.9 MB
// (35.0-38.8 before, 33.5-37.6 after: the gain is about the run-to-run
// spread), for one more collection every ~10 s (0.5 ms each). GOGC=25
// kept no less.
// During an outage the memory queue (spool.memory per stream) is live
// heap, so the headroom over it is a half too, not a whole.
const agentGCPercent = 50

// tuneGC applies agentGCPercent unless the user chose with GOGC (Go's own
// variable wins, as everywhere else). GOMEMLIMIT, when set, works beside
// it as Go documents. It returns the percent now in force.
func tuneGC(getenv func(string) string) int {
	if getenv("GOGC") != "" {
		old := debug.SetGCPercent(100) // read the value GOGC gave
		debug.SetGCPercent(old)
		return old
	}
	debug.SetGCPercent(agentGCPercent)
	return agentGCPercent
}
