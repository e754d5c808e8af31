package config

import (
	"testing"
)

func TestParseCodec(t *testing.T) {
	checkEnum(t, ParseCodec, Codecs, DefaultCodec, []enumCase{
		{"x265", `unknown codec "x265": want one of [h264 h265] (did you mean "h265"?)`},
		{"H265", `(did you mean "h265"?)`},
		{"hevc", `unknown codec "hevc": want one of [h264 h265] (hevc is written h265 here)`},
		{"AVC", `unknown codec "AVC": want one of [h264 h265] (AVC is written h264 here)`},
		{"", `unknown codec ""`},
	})
}

func TestEncoderCodec(t *testing.T) {
	for _, c := range []struct {
		e     Encoder
		codec Codec
		err   string
	}{
		{"x264enc", CodecH264, ""},
		{"x265enc", CodecH265, ""},
		{EncoderAuto, CodecH265, ""},
		{EncoderNone, CodecH265, ""},
		{"openh264enc", CodecH265, "openh264enc encodes H.264 only, and this stream's codec is h265: use nvv4l2h265enc, vaapih265enc, x265enc or auto (or codec: h264)"},
		{"v4l2h264enc", CodecH265, "v4l2h264enc encodes H.264 only, and this stream's codec is h265: use nvv4l2h265enc, vaapih265enc, x265enc or auto (or codec: h264)"},
		{"x265enc", CodecH264, "x265enc encodes H.265 only, and this stream's codec is h264: use nvv4l2h264enc, v4l2h264enc, vaapih264enc, x264enc, openh264enc or auto (or codec: h265)"},
	} {
		if got := errText(c.e.CheckCodec(c.codec)); got != c.err {
			t.Errorf("%s with codec %s: %q, want %q", c.e, c.codec, got, c.err)
		}
	}
	// Every encoder has a codec.
	for _, e := range Encoders[2:] {
		if Encoder(e).Codec() == "" {
			t.Errorf("encoder %s has no codec", e)
		}
	}
}
