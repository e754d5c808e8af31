package config

import (
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strconv"
)

// SourceType is the kind of camera a stream captures from.
type SourceType string

// Source types this version supports.
const (
	// SourceTest is GStreamer's videotestsrc, running live: a camera
	// that works on every machine (demo, tests).
	SourceTest SourceType = "test"
	// SourceV4L2 is a Video4Linux2 device node: USB cameras, CSI
	// cameras exposed through V4L2, capture cards.
	SourceV4L2 SourceType = "v4l2"
	// SourceLibcamera is a camera reached through libcamera
	// (libcamerasrc): the Raspberry Pi camera modules.
	SourceLibcamera SourceType = "libcamera"
	// SourceNvargus is a Jetson CSI camera (nvarguscamerasrc).
	SourceNvargus SourceType = "nvargus"
	// SourceRTSP is an IP camera speaking RTSP; with encoder none its
	// H.264 goes to Kafka as it comes.
	SourceRTSP SourceType = "rtsp"
)

// article returns the type with "a" or "an", as it is read aloud.
func (t SourceType) article() string {
	switch t {
	case SourceRTSP, SourceNvargus:
		return "an " + string(t)
	}
	return "a " + string(t)
}

// SourceTypes lists the valid source types.
var SourceTypes = []string{string(SourceTest), string(SourceV4L2), string(SourceLibcamera), string(SourceNvargus), string(SourceRTSP)}

// ParseSourceType checks that s names a supported source type.
func ParseSourceType(s string) (SourceType, error) {
	if slices.Contains(SourceTypes, s) {
		return SourceType(s), nil
	}
	return "", fmt.Errorf("unknown source type %q: want one of %v%s", s, SourceTypes, suggest(s, SourceTypes))
}

// TestPatterns are the videotestsrc pattern names a test source accepts.
var TestPatterns = []string{
	"smpte", "snow", "black", "white", "red", "green", "blue",
	"checkers-1", "checkers-2", "checkers-4", "checkers-8", "circular",
	"blink", "smpte75", "zone-plate", "gamut", "chroma-zone-plate",
	"solid-color", "ball", "smpte100", "bar", "pinwheel", "spokes",
	"gradient", "colors", "smpte-rp-219",
}

// DefaultPattern is the test pattern used when none is configured.
const DefaultPattern = "smpte"

func checkPattern(s string) error {
	if slices.Contains(TestPatterns, s) {
		return nil
	}
	return fmt.Errorf("unknown test pattern %q%s; see gst-inspect-1.0 videotestsrc", s, suggest(s, TestPatterns))
}

// sourceKeyTypes returns the source types that have key; nil for the keys
// every source has (type).
func sourceKeyTypes(key string) []SourceType {
	switch key {
	case "device":
		return []SourceType{SourceV4L2}
	case "pattern":
		return []SourceType{SourceTest}
	case "camera_name":
		return []SourceType{SourceLibcamera}
	case "sensor_id":
		return []SourceType{SourceNvargus}
	case "url", "transport", "username", "password_file":
		return []SourceType{SourceRTSP}
	}
	return nil
}

// MaxSensorID is the highest nvargus sensor-id: a Jetson carrier board
// has at most 8 CSI cameras.
const MaxSensorID = 7

// RTSPTransports lists the valid transport values of an rtsp source.
var RTSPTransports = []string{TransportTCP, TransportUDP}

// checkRTSPURL checks an rtsp source's URL. Credentials in the URL are
// refused: a URL is printed by `config show`, logged on every reconnect
// and visible in ps; the password belongs in a file. Messages never quote
// a URL that may hold one.
func checkRTSPURL(s string) error {
	u, err := url.Parse(s)
	if err != nil {
		return errors.New("not a valid URL: want rtsp://host[:port]/path")
	}
	if u.User != nil {
		return errors.New("the URL holds a user name or password: write the user as username and put the password in a file named by password_file")
	}
	if u.Scheme != "rtsp" && u.Scheme != "rtsps" {
		return fmt.Errorf("%q: want an rtsp:// or rtsps:// URL", s)
	}
	if u.Hostname() == "" {
		return fmt.Errorf("%q has no host: want rtsp://host[:port]/path", s)
	}
	if p := u.Port(); p != "" {
		if n, err := strconv.Atoi(p); err != nil || n < 1 || n > 65535 {
			return fmt.Errorf("%q: the port must be a number 1..65535", s)
		}
	}
	return nil
}
