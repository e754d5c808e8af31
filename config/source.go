package config

import (
	"fmt"
	"slices"
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
