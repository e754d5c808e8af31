package capture

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/sys/unix"
)

// HoldDevice takes hold of a camera's open file through fd, a descriptor
// of it that is known to be open now (v4l2src's device-fd, read by package
// encode while the pipeline runs: see encode.Spec.HoldDevice). It returns
// release, to be called once, after the pipeline was torn down: if the
// device node was removed meanwhile (camera unplugged, driver unbound),
// release replaces the descriptors that still share that open file with
// /dev/null, so the kernel can free the device and the camera plugged in
// again gets its old /dev/videoN back; it returns how many it replaced. In
// every case it lets go of the hold.
//
// Why: GStreamer 1.22's v4l2src keeps its buffer pool's duplicate of the
// device descriptor when it orphaned the pool at its stop (the pool is
// never freed: gst_v4l2_object_stop drops one reference too few; package
// encode now sets GST_V4L2_FORCE_DRAIN so that path is not taken, which
// makes this a second line of defence), and the kernel frees the name
// /dev/videoN only when the last descriptor of the device is closed. The camera plugged in again
// would come back as another /dev/videoN, and a stream configured with the
// old name would wait for it forever.
//
// Which descriptors, and why no other one can be hit: HoldDevice keeps a
// duplicate of fd of its own (ref) and notes every descriptor that refers
// to the same open file (kcmp(2) KCMP_FILE: the same struct file, not just
// the same device: another open of the camera is a different one). Those
// are v4l2src's own and its pool's duplicate; a file or socket opened by
// any other goroutine never is. release checks each again against ref
// before replacing it: a descriptor closed since and its number reused by
// a spool segment or a Kafka socket is a different file then (ref keeps
// the camera's alive, so no new file can be it), and is left alone. What
// remains is the moment between that check and dup3: no descriptor of the
// camera's file may be closed then, which holds because encode calls
// release only after the pipeline's teardown (v4l2src has closed its own
// descriptor) and while it still holds a reference to the buffer pool, the
// only other owner, which closes its descriptor only when it is freed.
//
// Each descriptor is replaced (dup3) by one of /dev/null rather than
// closed: the pool may still close its number one day, and must then close
// that, never a descriptor number the process reused.
func HoldDevice(fd int) (release func() (int, error), err error) {
	h, err := holdFile(fd)
	if err != nil {
		return nil, err
	}
	return h.release, nil
}

// heldFile is an open file held through a descriptor of our own.
type heldFile struct {
	once sync.Once
	ref  int   // our duplicate: keeps the open file, and with it its identity
	fds  []int // the other descriptors of the open file when it was held
}

func holdFile(fd int) (*heldFile, error) {
	ref, err := unix.FcntlInt(uintptr(fd), unix.F_DUPFD_CLOEXEC, 0)
	if err != nil {
		return nil, fmt.Errorf("holding descriptor %d: %w", fd, err)
	}
	ents, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		_ = unix.Close(ref) // our own duplicate; err is the one to report
		return nil, err
	}
	h := &heldFile{ref: ref}
	for _, e := range ents {
		n, err := strconv.Atoi(e.Name())
		if err != nil || n == ref {
			continue
		}
		if same, err := sameFile(n, ref); err != nil {
			_ = unix.Close(ref) // as above
			return nil, err
		} else if same {
			h.fds = append(h.fds, n)
		}
	}
	return h, nil
}

// release is HoldDevice's release. Only the first call does anything: ref
// is closed once, so a second call cannot close a number reused since.
func (h *heldFile) release() (n int, err error) {
	h.once.Do(func() {
		defer func() { _ = unix.Close(h.ref) }() // our own duplicate: nothing to flush
		n, err = h.replaceIfRemoved()
	})
	return n, err
}

func (h *heldFile) replaceIfRemoved() (int, error) {
	target, err := os.Readlink("/proc/self/fd/" + strconv.Itoa(h.ref))
	if err != nil {
		return 0, err
	}
	if !strings.HasSuffix(target, " (deleted)") {
		return 0, nil // still plugged in: the pipeline's teardown closes what it should
	}
	path := strings.TrimSuffix(target, " (deleted)")
	null, err := unix.Open("/dev/null", unix.O_RDWR|unix.O_CLOEXEC, 0)
	if err != nil {
		return 0, err
	}
	defer func() { _ = unix.Close(null) }() // /dev/null: nothing to flush
	n := 0
	for _, fd := range h.fds {
		if same, err := sameFile(fd, h.ref); err != nil || !same {
			continue // closed by its owner since: the number is not the camera's any more
		}
		if err := unix.Dup3(null, fd, unix.O_CLOEXEC); err != nil {
			return n, fmt.Errorf("releasing %s (descriptor %d): %w", path, fd, err)
		}
		n++
	}
	return n, nil
}

// kcmpFile is KCMP_FILE of linux/kcmp.h.
const kcmpFile = 0

// sameFile reports whether descriptors a and b of this process refer to the
// same open file (one open(2) and its dup(2)s). A descriptor that is not
// open is not the same; err is only for a kernel without kcmp(2)
// (CONFIG_KCMP, which every kernel with DRM or CHECKPOINT_RESTORE has).
func sameFile(a, b int) (bool, error) {
	pid := uintptr(os.Getpid())
	r, _, errno := unix.Syscall6(unix.SYS_KCMP, pid, pid, kcmpFile, uintptr(a), uintptr(b), 0)
	switch {
	case errno == 0:
		return r == 0, nil
	case errno == unix.EBADF:
		return false, nil
	case errors.Is(errno, unix.ENOSYS), errors.Is(errno, unix.EPERM):
		return false, fmt.Errorf("comparing descriptors with kcmp(2): %w (kernel without CONFIG_KCMP?): an unplugged camera cannot be released and comes back under a new /dev/videoN", errno)
	}
	return false, fmt.Errorf("kcmp(2) of descriptors %d and %d: %w", a, b, errno)
}
