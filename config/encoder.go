package config

import "fmt"

// Encoder names the encoder of a stream: a GStreamer element name, "auto"
// or "none". Each element encodes one codec (Encoder.Codec).
type Encoder string

// EncoderAuto lets the agent choose: the first encoder of Encoders (after
// auto) that is installed and passes a negotiation test at the stream's
// size and rate.
const EncoderAuto Encoder = "auto"

// EncoderNone passes a source's H.264 or H.265 through without decoding
// or encoding (rtsp sources; their default).
const EncoderNone Encoder = "none"

// Encoders lists the valid encoder values; after "auto" and "none" the
// H.264 encoders, then the H.265 ones, each in the order auto-selection
// tries them (hardware first).
var Encoders = []string{"auto", "none", "nvv4l2h264enc", "v4l2h264enc", "vaapih264enc", "x264enc", "openh264enc",
	"nvv4l2h265enc", "vaapih265enc", "x265enc"}

// ParseEncoder checks that s is a known encoder.
func ParseEncoder(s string) (Encoder, error) { return oneOf[Encoder]("encoder", s, Encoders) }

// UnmarshalText implements encoding.TextUnmarshaler with ParseEncoder.
func (e *Encoder) UnmarshalText(text []byte) error { return unmarshal(e, ParseEncoder, text) }

// encoderLimit is what one encoder can encode, checked when a stream names
// it explicitly (auto only picks an encoder that passes a test encode at
// the stream's size and rate). Only limits that are documented and hold on
// every board that ships the element are listed; an encoder without an
// entry (x264enc) has none below the config's own ranges.
//
// H.264 counts in macroblocks of 16x16 pixels: 1920x1080 is 120x68 = 8160
// macroblocks a frame (1080 rounds up to 1088).
type encoderLimit struct {
	// what names the encoder in messages.
	what string
	// maxWidth and maxHeight bound each side, pixels.
	maxWidth, maxHeight int
	// maxMBs bounds a frame's macroblocks, maxMBRate the macroblocks a
	// second; 0: no bound.
	maxMBs, maxMBRate int
	// stopsAt says the limit the way people know it.
	stopsAt string
}

// limitsOf returns the limits of e, false when there are none.
//
//   - v4l2h264enc, the Raspberry Pi 4's hardware encoder (bcm2835-codec):
//     at most 1920x1080, and 1080p at 30 frames a second (smaller frames
//     go faster: 720p60 fits); the firmware rejects or corrupts beyond.
//   - openh264enc: Cisco's software encoder stops at H.264 level 5.2,
//     36864 macroblocks a frame (4096x2304) and 2073600 a second
//     (4096x2304 at 56 frames a second).
//   - nvv4l2h264enc (Jetson NVENC) and vaapih264enc (Intel and AMD
//     VA-API): 4096x4096.
//   - x264enc: none.
func limitsOf(e Encoder) (encoderLimit, bool) {
	switch e {
	case "v4l2h264enc":
		return encoderLimit{what: "v4l2h264enc (Raspberry Pi 4 hardware encoder)", maxWidth: 1920, maxHeight: 1080,
			maxMBRate: 8160 * 30, stopsAt: "1920x1080@30"}, true
	case "openh264enc":
		return encoderLimit{what: "openh264enc (H.264 level 5.2)", maxWidth: MaxWidth, maxHeight: MaxHeight,
			maxMBs: 36864, maxMBRate: 2073600, stopsAt: "4096x2304 (36864 macroblocks a frame, 2073600 a second)"}, true
	case "nvv4l2h264enc":
		return encoderLimit{what: "nvv4l2h264enc (Jetson hardware encoder)", maxWidth: 4096, maxHeight: 4096, stopsAt: "4096x4096"}, true
	case "vaapih264enc":
		return encoderLimit{what: "vaapih264enc (VA-API hardware encoder)", maxWidth: 4096, maxHeight: 4096, stopsAt: "4096x4096"}, true
	}
	return encoderLimit{}, false
}

// CheckLimits tells whether e can encode width x height at fps. When it
// cannot, key is the stream key that goes beyond ("width", "height" or
// "fps") and the error names the limit.
func (e Encoder) CheckLimits(width, height, fps int) (key string, err error) {
	l, ok := limitsOf(e)
	if !ok {
		return "", nil
	}
	mbs := ((width + 15) / 16) * ((height + 15) / 16)
	switch {
	case width > l.maxWidth:
		key = "width"
	case height > l.maxHeight:
		key = "height"
	case l.maxMBs > 0 && mbs > l.maxMBs:
		key = "width"
	case l.maxMBRate > 0 && mbs*fps > l.maxMBRate:
		key = "fps"
	default:
		return "", nil
	}
	return key, fmt.Errorf("%s stops at %s; this stream is %dx%d@%d", l.what, l.stopsAt, width, height, fps)
}
