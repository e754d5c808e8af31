package testkit

import (
	"bytes"
	"strings"
	"sync"
)

// LogBuf collects log output (a slog handler's, or a child process's
// stdout and stderr) that the test reads while the code under test is
// still writing it. The zero value is ready to use; it is safe for
// concurrent use.
type LogBuf struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

// Write appends p; it never fails.
func (b *LogBuf) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

// String is everything written so far.
func (b *LogBuf) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// Lines returns the lines written so far that contain every one of parts,
// in the order they were written (see Lines).
func (b *LogBuf) Lines(parts ...string) []string {
	return Lines(b.String(), parts...)
}

// Lines returns the non-empty lines of text that contain every one of
// parts (each anywhere in the line, in any order); with no parts, every
// non-empty line.
func Lines(text string, parts ...string) []string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if l != "" && containsAll(l, parts) {
			out = append(out, l)
		}
	}
	return out
}

func containsAll(line string, parts []string) bool {
	for _, p := range parts {
		if !strings.Contains(line, p) {
			return false
		}
	}
	return true
}
