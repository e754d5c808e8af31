package spool

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/sys/unix"
)

// lockFile is the file in the spool directory that carries the flock and,
// for the error message of the loser, the pid of the holder.
const lockFileName = "LOCK"

// lockDir takes an exclusive, non-blocking flock on dir/LOCK. flock belongs
// to the open file description, so a second Open of the same directory in
// the same process fails too, and the kernel drops the lock when the process
// dies however it dies: there is no stale lock to clean up.
func lockDir(dir string) (*os.File, error) {
	path := filepath.Join(dir, lockFileName)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o640)
	if err != nil {
		return nil, fmt.Errorf("spool: %w", err)
	}
	if err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
		_ = f.Close() // nothing written
		if errors.Is(err, unix.EWOULDBLOCK) {
			return nil, &LockedError{Dir: dir, PID: readLockPID(dir)}
		}
		return nil, fmt.Errorf("spool: locking %s: %w", path, err)
	}
	// Informational only (the flock is the lock): who holds it.
	pid := strconv.AppendInt(nil, int64(os.Getpid()), 10)
	if err := f.Truncate(0); err == nil {
		_, _ = f.WriteAt(append(pid, '\n'), 0) // best effort, like the Truncate
	}
	return f, nil
}

// unlockDir releases the lock. Errors are ignored: closing the descriptor
// releases the flock whatever LOCK_UN said, and the pid written into the
// file is informational.
func unlockDir(f *os.File) {
	_ = unix.Flock(int(f.Fd()), unix.LOCK_UN)
	_ = f.Close()
}

// readLockPID returns the pid written in dir/LOCK, or 0.
func readLockPID(dir string) int {
	b, err := os.ReadFile(filepath.Join(dir, lockFileName))
	if err != nil {
		return 0
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil || pid <= 0 {
		return 0
	}
	return pid
}
