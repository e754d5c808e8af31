package capture

import (
	"slices"
	"strings"
	"testing"
	"unsafe"

	"github.com/blackjack/webcam"
)

// The ioctl numbers encode the struct sizes; a layout mistake would make
// every ioctl fail with ENOTTY on a real device.
func TestIoctlStructSizes(t *testing.T) {
	if got := unsafe.Sizeof(v4l2Capability{}); got != 104 || vidiocQuerycap>>16&0x3fff != 104 {
		t.Errorf("v4l2_capability: %d bytes, ioctl says %d, want 104", got, vidiocQuerycap>>16&0x3fff)
	}
	if got := unsafe.Sizeof(v4l2Frmivalenum{}); got != 52 || vidiocEnumFrameintervals>>16&0x3fff != 52 {
		t.Errorf("v4l2_frmivalenum: %d bytes, ioctl says %d, want 52", got, vidiocEnumFrameintervals>>16&0x3fff)
	}
}

// Device caps as drivers report them (vivid's nodes, uvcvideo, a Pi's
// codec and unicam).
func TestClassify(t *testing.T) {
	const streaming, ext, rw = 0x04000000, 0x00200000, 0x01000000
	tests := []struct {
		name    string
		caps    uint32
		kind    NodeKind
		capture bool
	}{
		{"vivid vid-cap", 0x00000001 | 0x00000004 | 0x00020000 | 0x00010000 | rw | streaming | ext, KindCapture, true},
		{"uvcvideo camera", 0x00000001 | streaming | ext, KindCapture, true},
		{"unicam (mplane)", 0x00001000 | streaming | ext | 0x20000000, KindCaptureMplane, true},
		{"vivid vid-out", 0x00000002 | 0x00000200 | 0x00020000 | 0x00080000 | rw | streaming | ext, KindOutput, false},
		{"uvcvideo metadata", 0x00800000 | streaming | ext, KindMetadata, false},
		{"vivid meta-out", 0x08000000 | streaming, KindMetadata, false},
		{"bcm2835-codec (m2m)", 0x00004000 | streaming | ext, KindM2M, false},
		{"m2m that also says capture", 0x00008000 | 0x00000001 | 0x00000002 | streaming, KindM2M, false},
		{"vivid touch", 0x10000000 | 0x00000001 | rw | streaming | ext, KindTouch, false},
		{"vivid vbi-cap", 0x00000010 | 0x00000040 | rw | streaming, KindVBI, false},
		{"vivid radio-rx", 0x00040000 | 0x00010000 | 0x00000100 | rw, KindRadio, false},
		{"vivid sdr-cap", 0x00100000 | 0x00010000 | rw | streaming, KindSDR, false},
		{"nothing", 0, KindOther, false},
	}
	for _, tt := range tests {
		kind, capture := Classify(tt.caps)
		if kind != tt.kind || capture != tt.capture {
			t.Errorf("%s (%#x): %s, capture %v; want %s, %v", tt.name, tt.caps, kind, capture, tt.kind, tt.capture)
		}
	}
}

func TestCapNames(t *testing.T) {
	got := CapNames(0x84200001)
	want := []string{"video_capture", "ext_pix_format", "streaming"} // 0x80000000 is the device_caps flag, not a capability
	if !slices.Equal(got, want) {
		t.Errorf("CapNames = %v, want %v", got, want)
	}
	if got := CapNames(0); got == nil || len(got) != 0 {
		t.Errorf("CapNames(0) = %#v, want an empty list (JSON [])", got)
	}
}

func TestNodeCaps(t *testing.T) {
	// A node of a driver that does capture and output: device_caps
	// decides, when the driver says it filled them.
	c := v4l2Capability{capabilities: 0x80000003 | 0x04000000, deviceCaps: 0x04000002}
	if kind, _ := Classify(c.nodeCaps()); kind != KindOutput {
		t.Errorf("node with device caps %#x: %s, want output", c.deviceCaps, kind)
	}
	old := v4l2Capability{capabilities: 0x04000001}
	if kind, _ := Classify(old.nodeCaps()); kind != KindCapture {
		t.Errorf("driver without device caps: %s, want capture", kind)
	}
}

func TestFourCC(t *testing.T) {
	tests := []struct {
		code uint32
		want string
	}{
		{0x56595559, "YUYV"},
		{0x47504a4d, "MJPG"},
		{0x3231564e, "NV12"},
		{0x20363159, "Y16 "},
		{0x20363159 | 1<<31, "Y16 -BE"},
	}
	for _, tt := range tests {
		if got := fourCC(tt.code); got != tt.want {
			t.Errorf("fourCC(%#x) = %q, want %q", tt.code, got, tt.want)
		}
	}
}

func TestRate(t *testing.T) {
	tests := []struct {
		r     Rate
		fps   int
		whole bool
		str   string
	}{
		{Rate{1, 30}, 30, true, "30"},
		{Rate{2, 25}, 0, false, "12.50"},
		{Rate{1001, 30000}, 0, false, "29.97"},
		{Rate{2, 60}, 30, true, "30"},
		{Rate{0, 30}, 0, false, "+Inf"},
	}
	for _, tt := range tests {
		fps, whole := tt.r.WholeFPS()
		if fps != tt.fps || whole != tt.whole || tt.r.String() != tt.str {
			t.Errorf("%d/%d: WholeFPS %d, %v, String %q; want %d, %v, %q", tt.r.Num, tt.r.Den, fps, whole, tt.r.String(), tt.fps, tt.whole, tt.str)
		}
	}
}

func TestExpandRates(t *testing.T) {
	got := expandRates(Rate{1, 60}, Rate{1, 5})
	want := []Rate{{1, 60}, {1, 50}, {1, 30}, {1, 25}, {1, 20}, {1, 15}, {1, 10}, {1, 5}}
	if !slices.Equal(got, want) {
		t.Errorf("expandRates(1/60, 1/5) = %v, want %v", got, want)
	}
	if got := expandRates(Rate{1001, 30000}, Rate{1001, 30000}); !slices.Equal(got, []Rate{{1001, 30000}}) {
		t.Errorf("a one-point range: %v", got)
	}
	if got := expandRates(Rate{}, Rate{1, 5}); len(got) != 0 {
		t.Errorf("a zero interval: %v, want none", got)
	}
}

func TestExpandSizes(t *testing.T) {
	got := expandSizes(webcam.FrameSize{MinWidth: 16, MaxWidth: 1920, StepWidth: 16, MinHeight: 16, MaxHeight: 1080, StepHeight: 8})
	// 1920x1080: 1080-16 is a multiple of 8; 352x288 and 1280x960 fit too.
	want := []FrameSize{{Width: 160, Height: 120}, {Width: 320, Height: 240}, {Width: 352, Height: 288}, {Width: 640, Height: 360},
		{Width: 640, Height: 480}, {Width: 800, Height: 600}, {Width: 1024, Height: 768}, {Width: 1280, Height: 720},
		{Width: 1280, Height: 960}, {Width: 1920, Height: 1080}}
	if !slices.EqualFunc(got, want, func(a, b FrameSize) bool { return a.Width == b.Width && a.Height == b.Height }) {
		t.Errorf("expandSizes = %v,\nwant %v", got, want)
	}
	got = expandSizes(webcam.FrameSize{MinWidth: 100, MaxWidth: 300, StepWidth: 100, MinHeight: 100, MaxHeight: 300, StepHeight: 100})
	if len(got) != 1 || got[0].Width != 300 || got[0].Height != 300 {
		t.Errorf("a range without common sizes: %v, want only its largest 300x300", got)
	}
}

// rates builds discrete rates from whole fps values.
func rates(fps ...uint32) []Rate {
	var rs []Rate
	for _, f := range fps {
		rs = append(rs, Rate{Num: 1, Den: f})
	}
	return rs
}

func rawFormat(fourcc string, sizes ...FrameSize) PixelFormat {
	return PixelFormat{FourCC: fourcc, GstFormat: gstFormats[fourcc], Sizes: sizes}
}

func camera(formats ...PixelFormat) Device {
	return Device{Path: "/dev/video0", Kind: KindCapture, Capture: true, Formats: formats}
}

func TestSuggest(t *testing.T) {
	tests := []struct {
		name    string
		dev     Device
		want    string // Mode.String()
		wantErr string
	}{
		{"720p30 offered: taken",
			camera(rawFormat("YUYV",
				FrameSize{Width: 640, Height: 480, Rates: rates(30, 15)},
				FrameSize{Width: 1280, Height: 720, Rates: rates(30, 15)},
				FrameSize{Width: 1920, Height: 1080, Rates: rates(30)})),
			"YUYV 1280x720@30", ""},
		{"the preferred raw format names the mode",
			camera(rawFormat("YUYV", FrameSize{Width: 1280, Height: 720, Rates: rates(30)}),
				rawFormat("NV12", FrameSize{Width: 1280, Height: 720, Rates: rates(30)})),
			"YUYV 1280x720@30", ""},
		{"USB 2 camera: raw 1080p only at 5 fps, so 720p at 10 loses to 800x600 at 20",
			camera(rawFormat("YUYV",
				FrameSize{Width: 1920, Height: 1080, Rates: rates(5)},
				FrameSize{Width: 1280, Height: 720, Rates: rates(10)},
				FrameSize{Width: 800, Height: 600, Rates: rates(20)},
				FrameSize{Width: 640, Height: 480, Rates: rates(30)})),
			"YUYV 800x600@20", ""},
		{"C920: 720p30 only as MJPEG", c920(), "MJPG 1280x720@30", ""},
		{"H.264 camera with MJPEG and YUYV: MJPEG before H.264", uvcH264(), "MJPG 1280x720@30", ""},
		{"H.265 camera: 1080p30 only as HEVC", uvcH265(), "HEVC 1920x1080@30", ""},
		{"raw at 720p30 beats MJPEG there",
			camera(rawFormat("YUYV", FrameSize{Width: 1280, Height: 720, Rates: rates(30)}),
				PixelFormat{FourCC: "MJPG", Sizes: []FrameSize{{Width: 1280, Height: 720, Rates: rates(30)}}}),
			"YUYV 1280x720@30", ""},
		{"no 720p: the largest within 1080p, at 30",
			camera(rawFormat("UYVY",
				FrameSize{Width: 640, Height: 480, Rates: rates(60, 30)},
				FrameSize{Width: 1920, Height: 1080, Rates: rates(60, 30, 25)},
				FrameSize{Width: 3840, Height: 2160, Rates: rates(30)})),
			"UYVY 1920x1080@30", ""},
		{"no 30: the fastest below",
			camera(rawFormat("YUYV", FrameSize{Width: 1280, Height: 720, Rates: rates(60, 25, 15)})),
			"YUYV 1280x720@25", ""},
		{"only faster than 30: the slowest",
			camera(rawFormat("NV12", FrameSize{Width: 1280, Height: 720, Rates: rates(120, 60)})),
			"NV12 1280x720@60", ""},
		{"only 4K: the smallest over the bound",
			camera(rawFormat("NV12",
				FrameSize{Width: 4096, Height: 2160, Rates: rates(30)},
				FrameSize{Width: 3840, Height: 2160, Rates: rates(30)})),
			"NV12 3840x2160@30", ""},
		{"29.97 is not a whole rate; odd sizes are skipped",
			camera(rawFormat("YUYV",
				FrameSize{Width: 1280, Height: 720, Rates: []Rate{{1001, 30000}}},
				FrameSize{Width: 641, Height: 480, Rates: rates(30)},
				FrameSize{Width: 640, Height: 480, Rates: []Rate{{1001, 30000}, {1, 15}}})),
			"YUYV 640x480@15", ""},
		{"compressed only: MJPEG",
			camera(PixelFormat{FourCC: "H264", Sizes: []FrameSize{{Width: 1280, Height: 720, Rates: rates(30)}}},
				PixelFormat{FourCC: "MJPG", Sizes: []FrameSize{{Width: 1280, Height: 720, Rates: rates(30)}}}),
			"MJPG 1280x720@30", ""},
		{"nothing usable",
			camera(PixelFormat{FourCC: "BA81", Sizes: []FrameSize{{Width: 1280, Height: 720, Rates: rates(30)}}},
				PixelFormat{FourCC: "MPG2", Sizes: []FrameSize{{Width: 1280, Height: 720, Rates: rates(30)}}}),
			"", "(it offers BA81, MPG2)"},
		{"no usable rate", camera(rawFormat("YUYV", FrameSize{Width: 1280, Height: 720, Rates: []Rate{{1001, 30000}}})),
			"", "no frame size with a whole frame rate"},
		{"output node", Device{Path: "/dev/video1", Kind: KindOutput}, "", "not a capture device (output)"},
		{"metadata node", Device{Path: "/dev/video1", Kind: KindMetadata}, "", "not a capture device (metadata)"},
		{"unreadable camera", Device{Path: "/dev/video0", Kind: KindCapture, Capture: true, Error: "listing formats: permission denied"},
			"", "permission denied"},
	}
	for _, tt := range tests {
		m, err := Suggest(tt.dev)
		switch {
		case tt.wantErr != "":
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%s: Suggest = %v, %v; want error %q", tt.name, m, err, tt.wantErr)
			}
		case err != nil:
			t.Errorf("%s: Suggest error %v, want %s", tt.name, err, tt.want)
		case m.String() != tt.want:
			t.Errorf("%s: Suggest = %s, want %s", tt.name, m, tt.want)
		}
	}
}

func TestParseCamList(t *testing.T) {
	out := "[0:00:01.234] [812]  INFO Camera camera_manager.cpp:297 libcamera v0.0.5+83-bde9b04f\n" +
		"Available cameras:\n" +
		"1: 'imx219' (/base/soc/i2c0mux/i2c@1/imx219@10)\n" +
		"2: Internal front camera (/base/axi/pcie@120000/rp1/i2c@88000/imx708@1a)\n"
	got := parseCamList([]byte(out))
	want := []LibcameraCamera{
		{ID: "/base/soc/i2c0mux/i2c@1/imx219@10", Name: "imx219"},
		{ID: "/base/axi/pcie@120000/rp1/i2c@88000/imx708@1a", Name: "Internal front camera"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("parseCamList = %v, want %v", got, want)
	}
	if got := parseCamList([]byte("No cameras available\n")); got == nil || len(got) != 0 {
		t.Errorf("no cameras: %#v, want an empty list", got)
	}
}

// ProbeDevice on nodes that are not cameras, on any machine: the error
// says what is wrong instead of failing the whole probe.
func TestProbeDeviceNotACamera(t *testing.T) {
	d := ProbeDevice("/dev/null")
	if !strings.Contains(d.Error, "not a V4L2 device") || d.Capture {
		t.Errorf("/dev/null: %+v, want not a V4L2 device", d)
	}
	d = ProbeDevice("/dev/video-edgecam-test-missing")
	if !strings.Contains(d.Error, "cannot open") || d.Capture {
		t.Errorf("missing node: %+v, want cannot open", d)
	}
	if _, err := Suggest(d); err == nil {
		t.Error("a missing node was suggested")
	}
}
