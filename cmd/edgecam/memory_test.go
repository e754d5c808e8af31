package main

import (
	"runtime/debug"
	"testing"
)

func TestTuneGC(t *testing.T) {
	old := debug.SetGCPercent(100)
	t.Cleanup(func() { debug.SetGCPercent(old) })
	env := func(v string) func(string) string { return oneVar("GOGC", v) }
	if got := tuneGC(env("")); got != agentGCPercent {
		t.Fatalf("without GOGC: tuneGC = %d, want %d", got, agentGCPercent)
	}
	if got := debug.SetGCPercent(100); got != agentGCPercent {
		t.Fatalf("without GOGC: the runtime's percent is %d, want %d", got, agentGCPercent)
	}
	// GOGC set: whatever the runtime took from it stays (here 100,
	// standing in for the value the runtime read at start).
	if got := tuneGC(env("100")); got != 100 {
		t.Fatalf("with GOGC: tuneGC = %d, want the runtime's 100", got)
	}
	if got := debug.SetGCPercent(100); got != 100 {
		t.Fatalf("with GOGC: the runtime's percent is %d, want 100 left alone", got)
	}
}

// oneVar is a getenv with one variable set (to "" for none).
func oneVar(name, value string) func(string) string {
	return func(k string) string {
		if k == name {
			return value
		}
		return ""
	}
}
