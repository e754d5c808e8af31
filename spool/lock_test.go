package spool

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

func TestLockConflictNamesPID(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "front")
	s := mustOpen(t, dir, Options{})
	_, err := Open(dir, Options{})
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("second Open: %v, want ErrLocked", err)
	}
	want := fmt.Sprintf("spool: %s is locked by pid %d (another edgecam running?)", dir, os.Getpid())
	if err.Error() != want {
		t.Fatalf("got  %q\nwant %q", err, want)
	}
	var le *LockedError
	if !errors.As(err, &le) || le.PID != os.Getpid() {
		t.Fatalf("LockedError = %+v", le)
	}
	// Inspect works on the locked spool and reports the holder.
	info, err := Inspect(dir)
	if err != nil || info.LockPID != os.Getpid() {
		t.Fatalf("Inspect on locked spool: %+v %v", info, err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s2 := mustOpen(t, dir, Options{}) // released
	s2.Close()
}
