package config

import "testing"

func TestParseSourceType(t *testing.T) {
	checkEnum(t, ParseSourceType, SourceTypes, SourceTest, []enumCase{
		{"V4L2", `unknown source type "V4L2": want one of [test v4l2 libcamera nvargus rtsp] (did you mean "v4l2"?)`},
		{"rstp", `(did you mean "rtsp"?)`},
		{"usb", `unknown source type "usb": want one of`},
	})
	for st, want := range map[SourceType]string{SourceRTSP: "an rtsp", SourceNvargus: "an nvargus", SourceV4L2: "a v4l2", SourceTest: "a test", SourceLibcamera: "a libcamera"} {
		if got := st.article(); got != want {
			t.Errorf("%s.article() = %q, want %q", st, got, want)
		}
	}
}
