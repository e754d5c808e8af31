package testkit

import (
	"fmt"
	"log/slog"
	"slices"
	"sync"
	"testing"
)

func TestLines(t *testing.T) {
	const text = "level=INFO msg=started stream=a\n\nlevel=WARN msg=\"stream failed\" stream=b\nlevel=INFO msg=started stream=b\n"
	for _, tc := range []struct {
		parts []string
		want  []string
	}{
		{nil, []string{"level=INFO msg=started stream=a", "level=WARN msg=\"stream failed\" stream=b", "level=INFO msg=started stream=b"}},
		{[]string{"stream=b"}, []string{"level=WARN msg=\"stream failed\" stream=b", "level=INFO msg=started stream=b"}},
		{[]string{"stream=b", "msg=started"}, []string{"level=INFO msg=started stream=b"}},
		{[]string{"msg=started", "stream=b"}, []string{"level=INFO msg=started stream=b"}}, // any order
		{[]string{"started", "failed"}, nil}, // both in one line
		{[]string{"stream=c"}, nil},
		{[]string{""}, []string{"level=INFO msg=started stream=a", "level=WARN msg=\"stream failed\" stream=b", "level=INFO msg=started stream=b"}}, // never the empty line
	} {
		if got := Lines(text, tc.parts...); !slices.Equal(got, tc.want) {
			t.Errorf("Lines(%q) = %q, want %q", tc.parts, got, tc.want)
		}
	}
}

// TestLogBufConcurrent: a logger writing from several goroutines while the
// test reads; run with -race. Every line arrives whole.
func TestLogBufConcurrent(t *testing.T) {
	var b LogBuf
	log := slog.New(slog.NewTextHandler(&b, nil))
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range 50 {
				log.Info("frame", "g", g, "i", i)
			}
		})
	}
	for range 20 {
		b.Lines("msg=frame")
	}
	wg.Wait()
	if n := len(b.Lines("msg=frame")); n != 200 {
		t.Fatalf("%d lines, want 200:\n%s", n, b.String())
	}
	if n := len(b.Lines("g=3", "i=49")); n != 1 {
		t.Fatalf("%d lines of g=3 i=49, want 1", n)
	}
	if got := fmt.Sprint(&b); got != b.String() {
		t.Fatalf("%%v of a *LogBuf is not its text")
	}
}
