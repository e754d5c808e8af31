package capture

import (
	"bytes"
	"fmt"
	"os"
	"strconv"
	"strings"
	"unsafe"

	"golang.org/x/sys/unix"
)

// The few raw V4L2 ioctls that github.com/blackjack/webcam does not offer:
// the device capabilities (webcam only checks the whole driver's, which on a
// driver like vivid or uvcvideo also has capture set for its output and
// metadata nodes) and frame intervals of every type (webcam leaves
// continuous ranges out). Layouts and numbers from linux/videodev2.h; the
// structs are the same size on every Linux architecture Go supports.
const (
	vidiocQuerycap                  = 0x80685600 // _IOR('V', 0, struct v4l2_capability)
	vidiocEnumFrameintervals        = 0xc034564b // _IOWR('V', 75, struct v4l2_frmivalenum)
	frmivalDiscrete                 = 1
	frmivalContinuous               = 2
	frmivalStepwise                 = 3
	capDeviceCaps            uint32 = 0x80000000
)

// v4l2Capability is struct v4l2_capability.
type v4l2Capability struct {
	driver       [16]byte
	card         [32]byte
	busInfo      [32]byte
	version      uint32
	capabilities uint32
	deviceCaps   uint32
	reserved     [3]uint32
}

// v4l2Fract is struct v4l2_fract: an interval of Num/Den seconds.
type v4l2Fract struct{ num, den uint32 }

// v4l2Frmivalenum is struct v4l2_frmivalenum; the union holds one fraction
// (discrete) or min, max and step (continuous, stepwise).
type v4l2Frmivalenum struct {
	index, pixelFormat, width, height, typ uint32
	min, max, step                         v4l2Fract
	reserved                               [2]uint32
}

func ioctl(fd int, req uintptr, arg unsafe.Pointer) error {
	for {
		_, _, errno := unix.Syscall(unix.SYS_IOCTL, uintptr(fd), req, uintptr(arg))
		switch errno {
		case 0:
			return nil
		case unix.EINTR:
			continue
		}
		return errno
	}
}

// openV4L2 opens a device node for ioctls. It must be a raw descriptor
// (unix.Open): os.OpenFile registers the file with Go's poller, and V4L2
// ioctls on it then fail with EBUSY. Non-blocking, so opening never waits
// for a driver.
func openV4L2(path string) (int, error) {
	return unix.Open(path, unix.O_RDWR|unix.O_NONBLOCK|unix.O_CLOEXEC, 0)
}

// queryCap asks the driver who it is and what this node does.
func queryCap(fd int) (v4l2Capability, error) {
	var c v4l2Capability
	err := ioctl(fd, vidiocQuerycap, unsafe.Pointer(&c))
	return c, err
}

// nodeCaps is what this node can do: device_caps when the driver fills it
// (every driver since Linux 3.3), else the driver-wide capabilities.
func (c v4l2Capability) nodeCaps() uint32 {
	if c.capabilities&capDeviceCaps != 0 {
		return c.deviceCaps
	}
	return c.capabilities
}

// cString is a NUL-terminated string in a fixed-size field.
func cString(b []byte) string {
	if i := bytes.IndexByte(b, 0); i >= 0 {
		b = b[:i]
	}
	return string(b)
}

// frameIntervals lists the frame intervals the driver offers for one format
// and size. Continuous and stepwise ranges come back as their bounds plus the
// common rates inside them (see expandRates).
func frameIntervals(fd int, pixfmt uint32, w, h int) ([]Rate, error) {
	var rates []Rate
	for i := uint32(0); ; i++ {
		e := v4l2Frmivalenum{index: i, pixelFormat: pixfmt, width: uint32(w), height: uint32(h)}
		if err := ioctl(fd, vidiocEnumFrameintervals, unsafe.Pointer(&e)); err != nil {
			if err == unix.EINVAL && i > 0 {
				return rates, nil // the end of the list
			}
			if err == unix.EINVAL || err == unix.ENOTTY {
				return nil, nil // the driver does not enumerate intervals
			}
			return rates, fmt.Errorf("VIDIOC_ENUM_FRAMEINTERVALS: %w", err)
		}
		switch e.typ {
		case frmivalDiscrete:
			if e.min.num > 0 && e.min.den > 0 {
				rates = append(rates, Rate{Num: e.min.num, Den: e.min.den})
			}
		case frmivalContinuous, frmivalStepwise:
			// The union's first fraction is the shortest interval.
			return expandRates(Rate{Num: e.min.num, Den: e.min.den}, Rate{Num: e.max.num, Den: e.max.den}), nil
		default:
			return rates, nil
		}
	}
}

// ReleaseUnplugged lets go of the descriptors this process still holds on
// V4L2 nodes that were removed (camera unplugged, driver unbound) and
// returns how many it released. Call it once a pipeline on such a camera
// has ended.
//
// Why: GStreamer 1.22's v4l2src keeps its buffer pool's duplicate of the
// device descriptor after a capture error (the pool is orphaned and never
// freed; measured with vivid: after the pipeline went to NULL, and after
// unreffing it), and the kernel frees the name /dev/videoN only when the
// last descriptor is closed. The camera plugged in again would come back as
// another /dev/videoN, and a stream configured with the old name would
// wait for it forever.
//
// Each descriptor is replaced (dup3) by one of /dev/null rather than closed:
// GStreamer may still close its number one day, and must then close that,
// never a descriptor number the process reused for a socket or a file.
func ReleaseUnplugged() (int, error) {
	return releaseDeleted("/dev/video")
}

// releaseDeleted replaces this process's descriptors of removed files whose
// path starts with prefix.
func releaseDeleted(prefix string) (int, error) {
	fds, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		return 0, err
	}
	null, err := unix.Open("/dev/null", unix.O_RDWR|unix.O_CLOEXEC, 0)
	if err != nil {
		return 0, err
	}
	defer unix.Close(null)
	n := 0
	for _, e := range fds {
		fd, err := strconv.Atoi(e.Name())
		if err != nil || fd == null {
			continue
		}
		target, err := os.Readlink("/proc/self/fd/" + e.Name())
		if err != nil || !strings.HasPrefix(target, prefix) || !strings.HasSuffix(target, " (deleted)") {
			continue
		}
		if err := unix.Dup3(null, fd, unix.O_CLOEXEC); err != nil {
			return n, fmt.Errorf("releasing %s (descriptor %d): %w", strings.TrimSuffix(target, " (deleted)"), fd, err)
		}
		n++
	}
	return n, nil
}
