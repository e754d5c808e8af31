package testkit

import (
	"os"
	"testing"

	"golang.org/x/sys/unix"
)

// Tmpfs mounts a tmpfs of size (mount's syntax: "1m", "8m") on a directory
// of the test and returns it: a real file system that fills up (ENOSPC),
// for the full-disk tests. It is unmounted when the test ends (lazily, so
// a file still open cannot make that fail). Mounting needs root: without
// it, or when the mount fails (no CAP_SYS_ADMIN in a container), the test
// is skipped with a message that ends with otherwise, saying what covers
// the same path instead ("" for nothing).
func Tmpfs(t testing.TB, size, otherwise string) string {
	t.Helper()
	if otherwise != "" {
		otherwise = "; " + otherwise
	}
	if os.Geteuid() != 0 {
		t.Skipf("mounting a %s tmpfs needs root (CI runs as root)%s", size, otherwise)
	}
	dir := t.TempDir()
	if err := unix.Mount("tmpfs", dir, "tmpfs", 0, "size="+size); err != nil {
		t.Skipf("cannot mount a tmpfs here (%v)%s", err, otherwise)
	}
	t.Cleanup(func() {
		if err := unix.Unmount(dir, unix.MNT_DETACH); err != nil {
			t.Errorf("umount %s: %v", dir, err)
		}
	})
	return dir
}
