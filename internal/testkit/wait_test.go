package testkit

import (
	"fmt"
	"testing"
	"time"
)

func TestUntil(t *testing.T) {
	calls := 0
	if !Until(time.Minute, time.Millisecond, func() bool { calls++; return calls == 3 }) || calls != 3 {
		t.Fatalf("Until returned after %d calls, want true after 3", calls)
	}
	calls = 0
	if !Until(0, time.Millisecond, func() bool { calls++; return true }) || calls != 1 {
		t.Fatalf("a condition that holds at once: %d calls", calls)
	}
	// A condition that never holds: false once within has passed, having
	// been checked after the last wait.
	calls = 0
	if Until(3*time.Millisecond, time.Millisecond, func() bool { calls++; return false }) || calls < 2 {
		t.Fatalf("a condition that never holds: %d calls, want false after 2 or more", calls)
	}
}

// fakeTB records what Wait reports instead of failing the test.
type fakeTB struct {
	testing.TB
	failed string
}

func (f *fakeTB) Helper() {}
func (f *fakeTB) Fatalf(format string, args ...any) {
	f.failed = fmt.Sprintf(format, args...)
}

func TestWaitSaysWhat(t *testing.T) {
	f := &fakeTB{}
	Wait(f, "the stream resumed", 0, time.Millisecond, func() bool { return false }, func() string { return "line 1\nline 2" })
	if want := "the stream resumed: not within 0s; log:\nline 1\nline 2"; f.failed != want {
		t.Errorf("failure %q, want %q", f.failed, want)
	}
	f = &fakeTB{}
	Wait(f, "a sync", 0, time.Millisecond, func() bool { return false })
	if want := "a sync: not within 0s"; f.failed != want {
		t.Errorf("failure %q, want %q", f.failed, want)
	}
	f = &fakeTB{}
	Wait(f, "ok", time.Minute, time.Millisecond, func() bool { return true })
	if f.failed != "" {
		t.Errorf("a condition that holds failed: %q", f.failed)
	}
}
