package config

import (
	"strings"
	"testing"
)

func TestParseEncoder(t *testing.T) {
	checkEnum(t, ParseEncoder, Encoders, EncoderAuto, []enumCase{
		{"x246enc", `unknown encoder "x246enc": want one of [auto none nvv4l2h264enc v4l2h264enc vaapih264enc x264enc openh264enc nvv4l2h265enc vaapih265enc x265enc] (did you mean "x264enc"?)`},
		{"X264ENC", `(did you mean "x264enc"?)`},
		{"x266enc", `unknown encoder "x266enc"`},
		{"", `unknown encoder ""`},
	})
	if _, err := ParseEncoder("ffmpeg"); !strings.HasSuffix(errText(err), "x265enc]") {
		t.Errorf("ffmpeg: %v (a suggestion for a name nothing like an encoder?)", err)
	}
}

func TestCheckLimits(t *testing.T) {
	for _, c := range []struct {
		e             Encoder
		w, h, fps     int
		key, errStart string
	}{
		{"x264enc", 7680, 4320, 120, "", ""},
		{EncoderAuto, 7680, 4320, 120, "", ""},
		{"v4l2h264enc", 1920, 1080, 30, "", ""},
		{"v4l2h264enc", 1280, 720, 60, "", ""},
		{"v4l2h264enc", 1920, 1080, 60, "fps", "v4l2h264enc (Raspberry Pi 4 hardware encoder) stops at 1920x1080@30; this stream is 1920x1080@60"},
		{"v4l2h264enc", 2560, 1440, 30, "width", "v4l2h264enc"},
		{"v4l2h264enc", 1920, 1200, 15, "height", "v4l2h264enc"},
		{"openh264enc", 4096, 2304, 56, "", ""},
		{"openh264enc", 7680, 4320, 30, "width", "openh264enc (H.264 level 5.2) stops at 4096x2304"},
		{"openh264enc", 4096, 2304, 60, "fps", "openh264enc"},
		{"nvv4l2h264enc", 4096, 4320, 30, "height", "nvv4l2h264enc (Jetson hardware encoder) stops at 4096x4096"},
		{"vaapih264enc", 7680, 4320, 30, "width", "vaapih264enc (VA-API hardware encoder)"},
	} {
		key, err := c.e.CheckLimits(c.w, c.h, c.fps)
		if key != c.key || (c.errStart == "") != (err == nil) || (err != nil && !strings.HasPrefix(err.Error(), c.errStart)) {
			t.Errorf("%s %dx%d@%d: key %q, err %v; want %q, %q", c.e, c.w, c.h, c.fps, key, err, c.key, c.errStart)
		}
	}
}
