package testkit

import (
	"strings"
	"testing"
	"time"
)

// Until calls cond every `every` until it returns true (Until returns true)
// or until within has passed since the call (false). cond runs on the
// caller's goroutine, so it may call t.Fatal; it is called at least once,
// and once more after the last wait before Until gives up.
//
// within is a bound against a test that would otherwise hang, not a
// timing assertion: choose it long enough that a slow, loaded machine
// only makes the wait longer, never makes it fail. every is how often the
// condition is worth checking: short for a counter, longer for one that
// starts a process or reads a topic.
func Until(within, every time.Duration, cond func() bool) bool {
	deadline := time.Now().Add(within)
	for !cond() {
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(every)
	}
	return true
}

// Wait is Until for a test: when cond does not hold within, it fails t
// with "<what>: not within <within>", followed by the output of each log
// (typically a LogBuf's String) so the failure shows what the code under
// test was doing.
func Wait(t testing.TB, what string, within, every time.Duration, cond func() bool, log ...func() string) {
	t.Helper()
	if Until(within, every, cond) {
		return
	}
	var logs []string
	for _, l := range log {
		logs = append(logs, l())
	}
	if len(logs) == 0 {
		t.Fatalf("%s: not within %s", what, within)
	} else {
		t.Fatalf("%s: not within %s; log:\n%s", what, within, strings.Join(logs, "\n"))
	}
}
