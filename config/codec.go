package config

import (
	"fmt"
	"strings"
)

// Codec is what a stream delivers to Kafka (the edgecam-codec header), and
// for an rtsp source's codec key what the camera sends.
type Codec string

// The codecs.
const (
	// CodecH264 is H.264 / AVC, the default: every player has it.
	CodecH264 Codec = "h264"
	// CodecH265 is H.265 / HEVC: a smaller stream for the same picture,
	// more CPU to encode in software, fewer players.
	CodecH265 Codec = "h265"
)

// DefaultCodec is a stream's codec when it has no codec key.
const DefaultCodec = CodecH264

// Codecs lists the valid codec values.
var Codecs = []string{string(CodecH264), string(CodecH265)}

// codecAliases are the other names people give the codecs.
var codecAliases = map[string]Codec{"hevc": CodecH265, "h.265": CodecH265, "avc": CodecH264, "h.264": CodecH264}

// ParseCodec checks that s is a known codec; "hevc" and "avc" (any case)
// are errors that name the value to write.
func ParseCodec(s string) (Codec, error) {
	c, err := oneOf[Codec]("codec", s, Codecs)
	if a, ok := codecAliases[strings.ToLower(s)]; ok && err != nil {
		return "", fmt.Errorf("%w (%s is written %s here)", err, s, a)
	}
	return c, err
}

// UnmarshalText implements encoding.TextUnmarshaler with ParseCodec.
func (c *Codec) UnmarshalText(text []byte) error { return unmarshal(c, ParseCodec, text) }

// Name is the codec as people write it: H.264, H.265.
func (c Codec) Name() string {
	switch c {
	case CodecH264:
		return "H.264"
	case CodecH265:
		return "H.265"
	}
	return string(c)
}

// encoderCodecs says what each encoder encodes. openh264enc, v4l2h264enc
// (the Raspberry Pi 4's encoder: no Raspberry Pi encodes H.265 in
// hardware) and the other *h264enc encode H.264 only; x265enc,
// vaapih265enc and nvv4l2h265enc H.265 only.
var encoderCodecs = map[Encoder]Codec{
	"nvv4l2h264enc": CodecH264,
	"v4l2h264enc":   CodecH264,
	"vaapih264enc":  CodecH264,
	"x264enc":       CodecH264,
	"openh264enc":   CodecH264,
	"nvv4l2h265enc": CodecH265,
	"vaapih265enc":  CodecH265,
	"x265enc":       CodecH265,
}

// Codec returns what e encodes; "" for auto, none and unknown names.
func (e Encoder) Codec() Codec { return encoderCodecs[e] }

// encodersOf lists the encoders of c, in the order auto tries them.
func encodersOf(c Codec) []string {
	var out []string
	for _, e := range Encoders {
		if encoderCodecs[Encoder(e)] == c {
			out = append(out, e)
		}
	}
	return out
}

// CheckCodec tells whether e can deliver codec c: auto and none always
// can (auto picks among c's encoders; none passes the camera's codec,
// checked against the source), an encoder only its own codec. The error
// names the encoders that would.
func (e Encoder) CheckCodec(c Codec) error {
	ec := e.Codec()
	if ec == "" || ec == c {
		return nil
	}
	return fmt.Errorf("%s encodes %s only, and this stream's codec is %s: use %s or auto (or codec: %s)",
		e, ec.Name(), c, strings.Join(encodersOf(c), ", "), ec)
}
