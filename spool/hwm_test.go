package spool

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestHighWater(t *testing.T) {
	dir := t.TempDir()
	s := mustOpen(t, dir, Options{})
	if h := s.HighWater(); h != -1 {
		t.Fatalf("fresh HighWater %d", h)
	}
	if err := s.Reserve(1800); err != nil {
		t.Fatal(err)
	}
	if err := s.Reserve(900); err != nil || s.HighWater() != 1800 {
		t.Fatalf("lowering: %v %d", err, s.HighWater())
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "hwm")); string(b) != "1800\n" {
		t.Fatalf("hwm file %q", b)
	}
	if m, _ := filepath.Glob(filepath.Join(dir, "*.tmp")); len(m) != 0 {
		t.Fatalf("temporary files left: %v", m)
	}
	s.Close()
	if err := s.Reserve(5000); !errors.Is(err, ErrClosed) {
		t.Fatalf("Reserve after Close: %v", err)
	}
	s = mustOpen(t, dir, Options{})
	if h := s.HighWater(); h != 1800 {
		t.Fatalf("HighWater after reopen %d", h)
	}
	s.Close()
	if info, _ := Inspect(dir); info.HighWater != 1800 {
		t.Fatalf("Inspect HighWater %d", info.HighWater)
	}
	if err := os.WriteFile(filepath.Join(dir, "hwm"), []byte("garbage"), 0o640); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(dir, Options{}); err == nil || !strings.Contains(err.Error(), "not a seq") {
		t.Fatalf("damaged hwm: %v", err)
	}
	// The failed Open released the lock.
	os.Remove(filepath.Join(dir, "hwm"))
	s = mustOpen(t, dir, Options{})
	s.Close()
}
