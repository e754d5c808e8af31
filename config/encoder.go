package config

import (
	"fmt"
	"slices"
)

// Encoder names the H.264 encoder of a stream: a GStreamer element name,
// or "auto".
type Encoder string

// EncoderAuto lets the agent choose: the first encoder of Encoders (after
// auto) that is installed and passes a negotiation test at the stream's
// size and rate.
const EncoderAuto Encoder = "auto"

// EncoderNone passes a source's H.264 through without decoding or
// encoding (rtsp sources; their default).
const EncoderNone Encoder = "none"

// Encoders lists the valid encoder values; after "auto" and "none" they
// are in the order auto-selection tries them (hardware first).
var Encoders = []string{"auto", "none", "nvv4l2h264enc", "v4l2h264enc", "vaapih264enc", "x264enc", "openh264enc"}

// ParseEncoder checks that s is a known encoder.
func ParseEncoder(s string) (Encoder, error) {
	if slices.Contains(Encoders, s) {
		return Encoder(s), nil
	}
	return "", fmt.Errorf("unknown encoder %q: want one of %v%s", s, Encoders, suggest(s, Encoders))
}
