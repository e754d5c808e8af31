package config

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
	return oneOf[SourceType]("source type", s, SourceTypes)
}

// UnmarshalText implements encoding.TextUnmarshaler with ParseSourceType.
func (t *SourceType) UnmarshalText(text []byte) error { return unmarshal(t, ParseSourceType, text) }
