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
// once, with the descriptor, after the first frame; its release runs once
// the pipeline is at NULL, before Frames is closed, and before the pool
// reference is dropped; Released reports what the release returned.
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
		if n++; n == 1 {
			mu.Lock()
			if len(events) == 0 || events[len(events)-1] != "hold" {
				t.Errorf("first frame delivered before the device was held: %v", events)
			}
			mu.Unlock()
		}
		if n == 10 {
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
	if stateAtRelease != gst.StateNull || !poolAtRelease {
		t.Errorf("release ran in state %v with the pool held=%v; want NULL, held", stateAtRelease, poolAtRelease)
	}
	if got, err := pipe.Released(); got != 1 || !errors.Is(err, releaseFailures) {
		t.Errorf("Released = %d, %v; want 1 and the release's error", got, err)
	}
}

// TestHoldDeviceNone: the lookup of the real v4l2src elements finds none in
// a pipeline without one, and nothing is held; a hold arriving after the
// teardown began hands nothing over.
func TestHoldDeviceNone(t *testing.T) {
	s := testSpec("x264enc")
	s.HoldDevice = func(int) (func() (int, error), error) {
		t.Error("HoldDevice called for a pipeline without v4l2src")
		return nil, errors.New("no")
	}
	frames := collect(t, s, 5)
	if len(frames) < 5 {
		t.Fatalf("%d frames", len(frames))
	}

	p := &Pipeline{spec: s, sources: func(*Pipeline) []v4l2Source {
		t.Error("v4l2src looked up after the teardown began")
		return nil
	}}
	p.beginTeardown()
	p.holdDevices()
	if n, err := p.Released(); n != 0 || err != nil {
		t.Errorf("Released = %d, %v", n, err)
	}
}
