package config

import (
	"cmp"
	"fmt"

	"gopkg.in/yaml.v3"
)

// Stream is one camera.
type Stream struct {
	// Name is unique within the device and the second half of the Kafka
	// key. Required.
	Name   string
	Source Source
	// Width and Height of the encoded frames, pixels, even,
	// MinWidth..MaxWidth and MinHeight..MaxHeight. Default 1280x720.
	Width, Height int
	// FPS is the frame rate, MinFPS..MaxFPS. Default 30.
	FPS int
	// BitrateKbps is the encoder's target bit rate, kbit/s,
	// MinBitrate..MaxBitrate. Default 2000.
	BitrateKbps int
	// KeyframeInterval is the time between IDR frames: the points where a
	// consumer can start decoding, MinKeyframe..MaxKeyframe. Default 1s.
	KeyframeInterval Duration
	// Encoder is "auto" (default), "none" (the default of an rtsp source
	// and of a v4l2 source of format h264 or h265: the camera's encoding
	// passes through) or a GStreamer encoder element, which must encode
	// Codec. A v4l2 source of
	// format auto with encoder none takes only the camera's H.264 or
	// H.265; with encoder auto it may still resolve to them, and the
	// stream then passes them through.
	Encoder Encoder
	// Codec is what the stream delivers: h264 (default) or h265. Auto
	// picks among its encoders; with encoder none it is what the rtsp
	// camera sends (Source.Codec must agree).
	Codec Codec
	// Audio is the stream's sound track; nil (no audio key) for none.
	Audio *Audio
}

// streams decodes the streams list. Streams with enabled: false are
// checked (keys and values, not required keys or files) and left out.
func (d *decoder) streams(n *yaml.Node) []Stream {
	p := d.at("streams")
	empty := "configure at least one stream"
	if d.partial || d.streamsOptional {
		empty = "" // an override may well list no stream
	}
	if !d.list(n, p, "streams", empty) {
		return nil
	}
	names := map[string]int{}
	var out []Stream
	for i, sn := range n.Content {
		s, nameNode, on := d.stream(resolve(sn), i)
		if nameNode != nil && s.Name != "" {
			if line, dup := names[s.Name]; dup {
				d.errorf(nameNode, "%s[%d].name: %q is already the name of the stream at line %d; stream names must be unique", p, i, s.Name, line)
			} else {
				names[s.Name] = nameNode.Line
			}
		}
		if on {
			out = append(out, s)
		}
	}
	if !d.partial && !d.streamsOptional && len(out) == 0 {
		d.errorf(n, "%s: every stream is off (enabled: false) for this device: turn at least one on", p)
	}
	return out
}

// stream decodes one stream; on is false for enabled: false.
func (d *decoder) stream(n *yaml.Node, i int) (s Stream, nameNode *yaml.Node, on bool) {
	p := d.at(fmt.Sprintf("streams[%d]", i))
	on = true
	if v := resolve(mapValue(n, "enabled")); v != nil {
		if b, ok := d.boolean(v, p+".enabled"); ok {
			on = b
		}
	}
	if !on && !d.partial {
		// A stream that is off is checked like an override's set: it
		// may be for other devices, its camera or files absent here.
		d.partial = true
		defer func() { d.partial = false }()
	}
	s = newStream()
	var audio *yaml.Node // decoded after the source, which it is checked against
	keys, ok := d.mapping(n, p, map[string]func(k, v *yaml.Node){
		"name": func(_, v *yaml.Node) {
			d.text(v, p+".name", nameCheck("it is the second half of the Kafka key"), &s.Name)
		},
		"enabled":      func(_, _ *yaml.Node) {}, // decoded above: it decides how the rest is checked
		"source":       func(_, v *yaml.Node) { s.Source = d.source(v, p+".source") },
		"width":        func(_, v *yaml.Node) { d.side(v, p+".width", "width", MinWidth, MaxWidth, &s.Width) },
		"height":       func(_, v *yaml.Node) { d.side(v, p+".height", "height", MinHeight, MaxHeight, &s.Height) },
		"fps":          func(_, v *yaml.Node) { d.integer(v, p+".fps", MinFPS, MaxFPS, &s.FPS) },
		"bitrate_kbps": func(_, v *yaml.Node) { d.integer(v, p+".bitrate_kbps", MinBitrate, MaxBitrate, &s.BitrateKbps) },
		"keyframe_interval": func(_, v *yaml.Node) {
			within(d, v, p+".keyframe_interval", MinKeyframe, MaxKeyframe, &s.KeyframeInterval)
		},
		"encoder": func(_, v *yaml.Node) { d.value(v, p+".encoder", &s.Encoder) },
		"codec":   func(_, v *yaml.Node) { d.value(v, p+".codec", &s.Codec) },
		"audio":   func(_, v *yaml.Node) { audio = v },
	})
	if !ok {
		return s, nil, on
	}
	if audio != nil {
		s.Audio = d.audio(audio, p+".audio", s.Source)
	}
	nameNode = keys["name"].value
	if nameNode == nil {
		d.errorf(n, "%s.name: missing: every stream needs a unique name (overrides find streams by it)", p)
	}
	if !keys.has("source") && !d.partial {
		d.errorf(n, "%s.source: missing: e.g. source: {type: v4l2, device: /dev/video0}", p)
	}
	encoder, hasEncoder := keys["encoder"]
	if !hasEncoder {
		s.Encoder = defaultEncoder(s.Source)
	}
	v4l2 := s.Source.Type == SourceV4L2
	switch {
	case s.Encoder == EncoderNone && v4l2 && (s.Source.Format == V4L2Raw || s.Source.Format == V4L2MJPEG):
		d.errorf(encoder.value, "%s.encoder: none passes a camera's own H.264 or H.265 through unchanged, and source.format %s gives frames to encode: use auto or an encoder, or source.format h264 or h265", p, s.Source.Format)
	case s.Encoder == EncoderNone && s.Source.Type != "" && s.Source.Type != SourceRTSP && !v4l2:
		d.errorf(encoder.value, "%s.encoder: none passes a camera's H.264 or H.265 through unchanged, and only an rtsp source or a v4l2 camera of format h264 or h265 delivers it (a %s source gives raw frames): use auto or an encoder", p, s.Source.Type)
	case hasEncoder && s.Encoder != EncoderNone && s.Encoder != EncoderAuto && v4l2 && s.Source.Format.Encoded():
		d.errorf(encoder.value, "%s.encoder: source.format %s passes the camera's own encoding through, so %s would have nothing to encode: use none (the default for this format), or source.format raw or mjpeg to encode on the board", p, s.Source.Format, s.Encoder)
	}
	d.streamCodec(&s, p, keys, n)
	if hasEncoder && !d.partial {
		if key, err := s.Encoder.CheckLimits(s.Width, s.Height, s.FPS); err != nil {
			at := cmp.Or(keys[key].value, encoder.value)
			d.errorf(at, "%s.%s: %v: lower %s or choose another encoder", p, key, err, key)
		}
	}
	return s, nameNode, on
}

// streamCodec checks the stream's codec against its encoder and, for an
// rtsp source, against the camera's (source.codec, which defaults to the
// stream's), each at the key that decides: the encoder when it names one
// that encodes the other codec (openh264enc is H.264 only), the source's
// codec when a passthrough would have to change it.
func (d *decoder) streamCodec(s *Stream, p string, keys found, n *yaml.Node) {
	codecKey := keys["codec"].value
	if s.Codec == "" {
		if codecKey != nil {
			return // a bad codec, reported
		}
		s.Codec = DefaultCodec
		if s.Source.Type == SourceV4L2 && s.Source.Format.Encoded() {
			// The camera's own encoding is what the stream carries.
			s.Codec = Codec(s.Source.Format)
		}
	}
	if s.Source.Type == SourceV4L2 && s.Source.Format.Encoded() && s.Encoder == EncoderNone && string(s.Codec) != string(s.Source.Format) {
		d.errorf(cmp.Or(codecKey, n), "%s.codec: the camera's source.format is %s and the stream's codec is %s: encoder none passes the camera's encoding through as it is; set codec: %s (or leave it out)",
			p, s.Source.Format, s.Codec, s.Source.Format)
	}
	if enc, ok := keys["encoder"]; ok {
		if err := s.Encoder.CheckCodec(s.Codec); err != nil {
			d.errorf(enc.value, "%s.encoder: %v", p, err)
		}
	}
	if s.Source.Type != SourceRTSP {
		return
	}
	camera := mapValue(resolve(keys["source"].value), "codec")
	if s.Source.Codec == "" {
		if camera != nil {
			return // a bad codec, reported
		}
		s.Source.Codec = s.Codec
	}
	if s.Encoder == EncoderNone && s.Source.Codec != s.Codec {
		at := cmp.Or(resolve(camera), codecKey, n)
		d.errorf(at, "%s.source.codec: the camera sends %s and the stream's codec is %s: encoder none passes the camera's stream through as it is; set codec: %s, or an encoder (auto) to re-encode it",
			p, s.Source.Codec.Name(), s.Codec, s.Source.Codec)
	}
}

// side decodes a frame's width or height: a whole number within lo..hi,
// and even, as H.264 with 4:2:0 chroma needs. An odd one is still taken
// (and reported), so the encoder limits are checked with it.
func (d *decoder) side(v *yaml.Node, what, side string, lo, hi int, dst *int) {
	if d.integer(v, what, lo, hi, dst) && *dst%2 != 0 {
		d.errorf(v, "%s: %d is odd; H.264 with 4:2:0 chroma needs an even %s", what, *dst, side)
	}
}
