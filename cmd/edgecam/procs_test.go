package main

import (
	"runtime"
	"slices"
	"testing"
)

func TestTuneProcs(t *testing.T) {
	old := runtime.GOMAXPROCS(0)
	t.Cleanup(func() { runtime.GOMAXPROCS(old) })
	env := func(v string) func(string) string { return oneVar("GOMAXPROCS", v) }
	for _, c := range []struct{ streams, want int }{
		{0, 1}, {1, 1}, {16, 1}, {17, 2}, {32, 2}, {33, 3}, {10000, defaultProcs},
	} {
		want := min(c.want, defaultProcs)
		if got := tuneProcs(env(""), c.streams); got != want {
			t.Errorf("%d streams: tuneProcs = %d, want %d", c.streams, got, want)
		}
		if got := runtime.GOMAXPROCS(0); got != want {
			t.Errorf("%d streams: the runtime's GOMAXPROCS is %d, want %d", c.streams, got, want)
		}
	}
	// GOMAXPROCS set: whatever the runtime took from it stays (here 3,
	// standing in for the value the runtime read at start).
	runtime.GOMAXPROCS(3)
	if got := tuneProcs(env("3"), 1); got != 3 {
		t.Fatalf("with GOMAXPROCS: tuneProcs = %d, want the runtime's 3", got)
	}
	if got := runtime.GOMAXPROCS(0); got != 3 {
		t.Fatalf("with GOMAXPROCS: the runtime's value is %d, want 3 left alone", got)
	}
}

func TestSysmonEnv(t *testing.T) {
	for _, c := range []struct {
		in   []string
		want []string // nil: no re-exec
	}{
		{[]string{"PATH=/bin"}, []string{"PATH=/bin", "GODEBUG=" + sysmonAwake}},
		{[]string{"GODEBUG=", "A=1"}, []string{"GODEBUG=" + sysmonAwake, "A=1"}},
		{[]string{"GODEBUG=madvdontneed=1"}, []string{"GODEBUG=madvdontneed=1," + sysmonAwake}},
		{[]string{"GODEBUG=madvdontneed=1, schedtrace=0"}, nil}, // the user's choice
		{[]string{"GODEBUG=" + sysmonAwake}, nil},               // after the re-exec
	} {
		got, ok := sysmonEnv(c.in)
		if ok != (c.want != nil) || !slices.Equal(got, c.want) {
			t.Errorf("sysmonEnv(%q) = %q, %v; want %q", c.in, got, ok, c.want)
		}
	}
}
