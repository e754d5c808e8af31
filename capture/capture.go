// Package capture owns the camera sources: which kinds exist, how each is
// rendered as the head of a GStreamer pipeline, and whether the camera is
// there right now. It also probes what is plugged in (V4L2 devices and their
// formats, libcamera's cameras) for `edgecam probe`, and holds the
// descriptors of an unplugged camera while GStreamer cannot close them.
//
// It never starts a pipeline itself (package encode does), and it is the
// only package that imports github.com/blackjack/webcam or issues V4L2
// ioctls. It never logs per frame and never prints an RTSP password: a
// Source's password is a secret.Secret, and RedactError takes it out of
// any error that quotes the pipeline description.
package capture

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/edgecam/edgecam/internal/secret"
)

// Kind is a source type as written in config (source.type).
type Kind string

// The source kinds this version can capture.
const (
	// Test is GStreamer's videotestsrc, live (paced by the clock like a
	// camera). Runs anywhere; used by the demo and the tests.
	Test Kind = "test"
	// V4L2 is a Video4Linux2 camera (USB webcams, CSI cameras exposed as
	// V4L2 devices, capture cards) read with v4l2src.
	V4L2 Kind = "v4l2"
	// Libcamera is a camera driven by libcamera (libcamerasrc): the
	// Raspberry Pi camera modules. See csi.go.
	Libcamera Kind = "libcamera"
	// Nvargus is a Jetson CSI camera through NVIDIA's Argus daemon
	// (nvarguscamerasrc). See csi.go.
	Nvargus Kind = "nvargus"
	// RTSP is an IP camera streaming H.264 or H.265 over RTSP (rtspsrc).
	// See rtsp.go.
	RTSP Kind = "rtsp"
)

// Source is one camera as configured.
type Source struct {
	Kind Kind
	// Device is the V4L2 device node, e.g. /dev/video0 (V4L2 only).
	Device string
	// Format is what a V4L2 camera is asked for: FormatRaw, FormatMJPEG,
	// FormatH264 or FormatH265; FormatAuto or "" must be resolved with
	// ChooseFormat first (Fragment reads them as raw). V4L2 only.
	Format string
	// Pattern is the videotestsrc pattern nick, e.g. "smpte" or "ball"
	// (Test only; empty means smpte).
	Pattern string
	// CameraName is the libcamera camera id (Libcamera only; empty means
	// the first camera libcamera lists).
	CameraName string
	// SensorID is the Jetson CSI port (Nvargus only; 0 is the first).
	SensorID int
	// URL is rtsp://host[:port]/path (RTSP only).
	URL string
	// Transport is "tcp" (default: RTP interleaved in the RTSP
	// connection, works through NAT and firewalls) or "udp" (RTSP only).
	Transport string
	// Codec is what the camera sends: CodecH264 (also when empty) or
	// CodecH265 (RTSP only).
	Codec string
	// Username and Password authenticate to the camera (RTSP only).
	// Password prints as [redacted] (package internal/secret); text that
	// may quote it is cleaned by Source.Redact.
	Username string
	Password secret.Secret
}

// Format is the size and rate the source must deliver (raw video, or a V4L2
// camera's MJPEG, H.264 or H.265: Source.Format).
type Format struct {
	Width, Height, FPS int
}

// String names the source for logs and errors.
func (s Source) String() string {
	switch s.Kind {
	case V4L2:
		return "v4l2 camera " + s.Device
	case RTSP:
		return "rtsp camera " + redactURL(s.URL)
	case Libcamera:
		if s.CameraName != "" {
			return "libcamera camera " + s.CameraName
		}
	case Nvargus:
		return fmt.Sprintf("nvargus camera sensor-id=%d", s.SensorID)
	}
	return string(s.Kind) + " source"
}

// ErrNoDevice is wrapped by Check when the camera's device node does not
// exist (unplugged, wrong path, driver not loaded).
var ErrNoDevice = errors.New("camera not found")

// Fragment renders the source as the head of a gst-launch pipeline that
// outputs raw video in format f. A V4L2 camera must deliver f in its
// Format (ChooseFormat checks it; `edgecam probe` lists what each camera
// supports); a V4L2 camera of FormatMJPEG outputs its JPEG frames
// (image/jpeg), which package encode decodes (encode.Spec.Decoder). The
// camera's own H.264 or H.265 is PassthroughFragment's.
func Fragment(s Source, f Format) (string, error) {
	caps := fmt.Sprintf("video/x-raw,width=%d,height=%d,framerate=%d/1", f.Width, f.Height, f.FPS)
	switch s.Kind {
	case Test:
		pattern := s.Pattern
		if pattern == "" {
			pattern = "smpte"
		}
		return fmt.Sprintf("videotestsrc is-live=true pattern=%s ! %s", quote(pattern), caps), nil
	case V4L2:
		if s.Device == "" {
			return "", errors.New("v4l2 source without a device")
		}
		if Encoded(s.Format) {
			return "", fmt.Errorf("%s delivers %s: its stream passes through (encoder none), it cannot be decoded here", s, s.Format)
		}
		caps, err := v4l2Caps(s.Format, f)
		if err != nil {
			return "", err
		}
		return fmt.Sprintf("v4l2src device=%s ! %s", quote(s.Device), caps), nil
	case Libcamera:
		return libcameraFragment(s, f), nil
	case Nvargus:
		return nvargusFragment(s, f), nil
	case RTSP:
		return rtspDecodeFragment(s, f)
	}
	return "", fmt.Errorf("unknown source type %q (want %s, %s, %s, %s or %s)", s.Kind, Test, V4L2, Libcamera, Nvargus, RTSP)
}

// quote makes s one gst-launch token: double-quoted, with backslash escapes.
func quote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`)
	return `"` + r.Replace(s) + `"`
}

// Check tells whether the source can be opened now. For V4L2 it checks the
// device node exists, is a character device and is readable and writable by
// this process; the error says what to do. Test sources are always there.
func Check(s Source) error {
	if s.Kind != V4L2 {
		return nil
	}
	fi, err := os.Stat(s.Device)
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%w: %s does not exist (unplugged? `ls /dev/video*` lists the cameras present)", ErrNoDevice, s.Device)
	}
	if err != nil {
		return fmt.Errorf("camera %s: %w", s.Device, err)
	}
	if fi.Mode()&fs.ModeCharDevice == 0 {
		return fmt.Errorf("camera %s is not a device node (mode %s)", s.Device, fi.Mode())
	}
	if err := accessRW(s.Device); err != nil {
		return fmt.Errorf("camera %s: %w (add the user that runs edgecam to group video)", s.Device, err)
	}
	return nil
}
