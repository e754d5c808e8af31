package capture

import (
	"bytes"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"

	"golang.org/x/sys/unix"
)

// A removed regular file stands in for an unplugged camera: its open file
// is what v4l2src holds (dev) and what its buffer pool duplicated (pool).

func linkOf(fd int) string {
	target, _ := os.Readlink("/proc/self/fd/" + strconv.Itoa(fd))
	return target
}

// fakeCamera opens a file standing in for /dev/videoN and a duplicate of its
// descriptor standing in for the buffer pool's.
func fakeCamera(t *testing.T, dir string) (path string, dev, pool int) {
	t.Helper()
	path = filepath.Join(dir, "video0")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	dev, err := unix.Open(path, unix.O_RDWR|unix.O_CLOEXEC, 0)
	if err != nil {
		t.Fatal(err)
	}
	pool, err = unix.Dup(dev)
	if err != nil {
		t.Fatal(err)
	}
	return path, dev, pool
}

// TestReleaseUnplugged: after the unplug and the pipeline's teardown
// (v4l2src closed its descriptor, whose number a spool segment got), only
// the pool's descriptor is replaced, by /dev/null, and it stays open.
func TestReleaseUnplugged(t *testing.T) {
	dir := t.TempDir()
	path, dev, pool := fakeCamera(t, dir)
	defer unix.Close(pool)
	release, err := HoldDevice(dev)
	if err != nil {
		t.Fatal(err)
	}
	os.Remove(path) // unplugged
	unix.Close(dev) // the teardown closes v4l2src's descriptor ...
	seg, err := os.Create(filepath.Join(dir, "segment"))
	if err != nil {
		t.Fatal(err)
	}
	defer seg.Close()
	if int(seg.Fd()) != dev {
		t.Logf("the segment got descriptor %d, not the camera's old %d", seg.Fd(), dev)
	}
	n, err := release()
	if err != nil || n != 1 {
		t.Fatalf("release = %d, %v; want 1, nil", n, err)
	}
	if got := linkOf(pool); got != "/dev/null" {
		t.Errorf("the pool's descriptor %d -> %q, want /dev/null", pool, got)
	}
	if got := linkOf(int(seg.Fd())); got != seg.Name() {
		t.Errorf("the segment's descriptor %d -> %q, want %s", seg.Fd(), got, seg.Name())
	}
	if _, err := seg.WriteString("frames"); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(seg.Name()); string(b) != "frames" {
		t.Errorf("the segment holds %q, want the bytes written to it", b)
	}
	// A second call does nothing: the hold's own descriptor was closed
	// once, and its number may belong to another file now.
	other, err := os.Create(filepath.Join(dir, "other"))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if n, err := release(); n != 0 || err != nil {
		t.Errorf("second release = %d, %v; want 0, nil", n, err)
	}
	if got := linkOf(int(other.Fd())); got != other.Name() {
		t.Errorf("a second release touched descriptor %d -> %q", other.Fd(), got)
	}
}

// TestReleaseStillPlugged: a camera that is still there is not touched,
// and the hold lets go of its own descriptor.
func TestReleaseStillPlugged(t *testing.T) {
	path, dev, pool := fakeCamera(t, t.TempDir())
	defer unix.Close(dev)
	defer unix.Close(pool)
	before := openCount(t)
	release, err := HoldDevice(dev)
	if err != nil {
		t.Fatal(err)
	}
	if n, err := release(); n != 0 || err != nil {
		t.Fatalf("release = %d, %v; want 0, nil", n, err)
	}
	if linkOf(dev) != path || linkOf(pool) != path {
		t.Errorf("descriptors of a camera still plugged in were touched: %q, %q", linkOf(dev), linkOf(pool))
	}
	if after := openCount(t); after != before {
		t.Errorf("%d descriptors open after the release, %d before the hold", after, before)
	}
}

// TestReleaseSkipsReusedNumbers: a descriptor that was the camera's when it
// was held, closed by its owner since and its number given to another
// file, is that other file's: release leaves it alone.
func TestReleaseSkipsReusedNumbers(t *testing.T) {
	dir := t.TempDir()
	path, dev, pool := fakeCamera(t, dir)
	release, err := HoldDevice(dev)
	if err != nil {
		t.Fatal(err)
	}
	os.Remove(path)
	unix.Close(dev)
	unix.Close(pool)
	// The lowest free numbers are reused first: these take both.
	var reused []*os.File
	for i := range 2 {
		f, err := os.Create(filepath.Join(dir, fmt.Sprint("segment", i)))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		reused = append(reused, f)
	}
	if n, err := release(); n != 0 || err != nil {
		t.Fatalf("release = %d, %v; want 0, nil", n, err)
	}
	for _, f := range reused {
		if got := linkOf(int(f.Fd())); got != f.Name() {
			t.Errorf("descriptor %d of %s -> %q", f.Fd(), f.Name(), got)
		}
	}
}

// TestReleaseTouchesOnlyItsOpenFile: what the old scan of every
// /proc/self/fd link got wrong. Another stream's camera unplugged at the
// same moment (its own teardown may be closing its descriptors right now)
// and a second open of the same camera (a probe, closed by its owner any
// moment) are other open files: release leaves them alone.
func TestReleaseTouchesOnlyItsOpenFile(t *testing.T) {
	dirA, dirB := t.TempDir(), t.TempDir()
	pathA, devA, poolA := fakeCamera(t, dirA)
	pathB, devB, poolB := fakeCamera(t, dirB)
	for _, fd := range []int{devA, poolA, devB, poolB} {
		defer unix.Close(fd)
	}
	probe, err := unix.Open(pathA, unix.O_RDONLY|unix.O_CLOEXEC, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer unix.Close(probe)
	release, err := HoldDevice(devA)
	if err != nil {
		t.Fatal(err)
	}
	os.Remove(pathA)
	os.Remove(pathB)
	// devA stays open here (a v4l2src that leaked its own descriptor
	// too): it is replaced along with the pool's.
	if n, err := release(); n != 2 || err != nil {
		t.Fatalf("release = %d, %v; want 2, nil", n, err)
	}
	for _, fd := range []int{devA, poolA} {
		if got := linkOf(fd); got != "/dev/null" {
			t.Errorf("camera A's descriptor %d -> %q, want /dev/null", fd, got)
		}
	}
	for fd, want := range map[int]string{probe: pathA + " (deleted)", devB: pathB + " (deleted)", poolB: pathB + " (deleted)"} {
		if got := linkOf(fd); got != want {
			t.Errorf("descriptor %d of another open file -> %q, want %q (untouched)", fd, got, want)
		}
	}
}

// TestReleaseRace: while other goroutines open, use and close files and
// loopback sockets as fast as they can (a spool, Kafka connections), one
// camera after another is held, unplugged, its v4l2src descriptor closed
// (its number free for the others) and released. Every release replaces
// exactly the pool's descriptor, and no other goroutine ever finds one of
// its descriptors pointing anywhere but where it opened it.
func TestReleaseRace(t *testing.T) {
	dir := t.TempDir()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() { _, _ = c.Write([]byte("ok")); c.Close() }() // the reader's side is not what this test checks
		}
	}()
	var stop atomic.Bool
	var wg sync.WaitGroup
	var hijacked atomic.Int64
	for g := range 4 {
		wg.Go(func() {
			name := filepath.Join(dir, fmt.Sprint("segment", g))
			for i := 0; !stop.Load(); i++ {
				f, err := os.Create(name)
				if err != nil {
					t.Error(err)
					return
				}
				want := []byte(fmt.Sprint("segment ", g, " write ", i))
				if _, err := f.Write(want); err != nil {
					t.Error(err)
				}
				if got := linkOf(int(f.Fd())); got != name {
					hijacked.Add(1)
					t.Errorf("segment descriptor %d -> %q", f.Fd(), got)
				}
				f.Close()
				if b, _ := os.ReadFile(name); !bytes.Equal(b, want) {
					hijacked.Add(1)
					t.Errorf("segment %d holds %q, want %q", g, b, want)
				}
				c, err := net.Dial("tcp", ln.Addr().String())
				if err != nil {
					t.Error(err)
					return
				}
				buf := make([]byte, 2)
				if n, _ := c.Read(buf); n != 2 || string(buf) != "ok" {
					hijacked.Add(1)
					t.Errorf("socket read %q", buf[:n])
				}
				c.Close()
			}
		})
	}
	for round := range 200 {
		sub := filepath.Join(dir, fmt.Sprint("cam", round))
		if err := os.Mkdir(sub, 0o700); err != nil {
			t.Fatal(err)
		}
		path, dev, pool := fakeCamera(t, sub)
		release, err := HoldDevice(dev)
		if err != nil {
			t.Fatal(err)
		}
		os.Remove(path)
		unix.Close(dev) // its number goes to whichever goroutine opens next
		n, err := release()
		if err != nil || n != 1 {
			t.Fatalf("round %d: release = %d, %v; want 1, nil", round, n, err)
		}
		if got := linkOf(pool); got != "/dev/null" {
			t.Fatalf("round %d: the pool's descriptor -> %q, want /dev/null", round, got)
		}
		unix.Close(pool) // the pool, freed one day, closes its number
	}
	stop.Store(true)
	wg.Wait()
	if n := hijacked.Load(); n > 0 {
		t.Fatalf("%d descriptors of other goroutines were hijacked", n)
	}
}

func openCount(t *testing.T) int {
	t.Helper()
	ents, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Fatal(err)
	}
	return len(ents)
}
