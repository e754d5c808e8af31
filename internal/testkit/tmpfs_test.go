package testkit

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestTmpfs: the file system fills up at about its size.
func TestTmpfs(t *testing.T) {
	dir := Tmpfs(t, "1m", "")
	f, err := os.Create(filepath.Join(dir, "filler"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	chunk := make([]byte, 4096)
	written := 0
	for {
		n, err := f.Write(chunk)
		written += n
		if err != nil {
			if !errors.Is(err, syscall.ENOSPC) {
				t.Fatal(err)
			}
			break
		}
		if written > 8<<20 {
			t.Fatalf("%d bytes written to a 1 MiB tmpfs and no ENOSPC", written)
		}
	}
	if written < 512<<10 {
		t.Fatalf("ENOSPC after %d bytes of a 1 MiB tmpfs", written)
	}
}
