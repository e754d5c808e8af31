package encode

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"unsafe"

	"github.com/go-gst/go-gst/gst"
	"golang.org/x/sys/unix"
)

// TestHoldDeviceOrder: with a v4l2src stood in for (a descriptor of a real
// file and a pool reference that the test counts), HoldDevice is called
// once, with the descriptor, when the pipeline has ended but before it is
// at NULL; its release runs once the pipeline is at NULL, before Frames is
// closed and before the pool reference is dropped; Released reports what
// the release returned.
func TestHoldDeviceOrder(t *testing.T) {
	fd, err := unix.Open(filepath.Join(t.TempDir(), "video0"), unix.O_RDWR|unix.O_CREAT|unix.O_CLOEXEC, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	defer unix.Close(fd)
	var (
		mu              sync.Mutex
		events          []string
		held            []int
		pipe            *Pipeline
		stateAtHold     gst.State
		stateAtRelease  gst.State
		poolAtRelease   bool
		pool            = unsafe.Pointer(&fd) // a sentinel; never dereferenced
		poolReferenced  = false
		releaseFailures = errors.New("one descriptor could not be replaced")
	)
	note := func(e string) { mu.Lock(); events = append(events, e); mu.Unlock() }
	sources := func(*Pipeline) []v4l2Source {
		note("sources")
		poolReferenced = true
		return []v4l2Source{{fd: fd, pool: pool}}
	}
	unref := func(p unsafe.Pointer) {
		if p != pool {
			t.Errorf("unref of %p, want the pool %p", p, pool)
		}
		note("unref pool")
		poolReferenced = false
	}
	s := testSpec("x264enc")
	s.HoldDevice = func(got int) (func() (int, error), error) {
		note("hold")
		held = append(held, got)
		stateAtHold = pipe.pipe.GetCurrentState()
		return func() (int, error) {
			note("release")
			stateAtRelease = pipe.pipe.GetCurrentState()
			poolAtRelease = poolReferenced
			return 1, releaseFailures
		}, nil
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pipe, err = start(ctx, s, sources, unref)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for range pipe.Frames() {
		if n++; n == 10 {
			mu.Lock()
			if len(events) != 0 {
				t.Errorf("devices looked at while the pipeline runs: %v", events)
			}
			mu.Unlock()
			cancel()
		}
	}
	note("frames closed")
	want := []string{"sources", "hold", "release", "unref pool", "frames closed"}
	if !slices.Equal(events, want) {
		t.Errorf("events %v, want %v", events, want)
	}
	if len(held) != 1 || held[0] != fd {
		t.Errorf("HoldDevice got %v, want [%d]", held, fd)
	}
	if stateAtHold == gst.StateNull {
		t.Error("HoldDevice called after the pipeline went to NULL (v4l2src has closed its descriptor by then)")
	}
	if stateAtRelease != gst.StateNull || !poolAtRelease {
		t.Errorf("release ran in state %v with the pool held=%v; want NULL, held", stateAtRelease, poolAtRelease)
	}
	if got, err := pipe.Released(); got != 1 || !errors.Is(err, releaseFailures) {
		t.Errorf("Released = %d, %v; want 1 and the release's error", got, err)
	}
}

// TestHoldDeviceNone: the lookup of the real v4l2src elements finds none in
// a pipeline without one, and nothing is held.
func TestHoldDeviceNone(t *testing.T) {
	s := testSpec("x264enc")
	s.HoldDevice = func(int) (func() (int, error), error) {
		t.Error("HoldDevice called for a pipeline without v4l2src")
		return nil, errors.New("no")
	}
	if frames := collect(t, s, 5); len(frames) < 5 {
		t.Fatalf("%d frames", len(frames))
	}
}
