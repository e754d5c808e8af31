package capture

import (
	"bytes"
	"errors"
	"fmt"
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
			if errors.Is(err, unix.EINVAL) && i > 0 {
				return rates, nil // the end of the list
			}
			if errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOTTY) {
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
