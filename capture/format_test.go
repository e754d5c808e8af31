package capture

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// The camera kinds people plug in, with the modes their drivers list
// (formats in the order ProbeDevice sorts them: raw first, then by name).

// rawOnly is a USB 3 camera (or a CSI bridge through V4L2) that gives raw
// frames at every size it lists.
func rawOnly() Device {
	return camera(rawFormat("YUYV",
		FrameSize{Width: 640, Height: 480, Rates: rates(60, 30)},
		FrameSize{Width: 1280, Height: 720, Rates: rates(60, 30)},
		FrameSize{Width: 1920, Height: 1080, Rates: rates(30)}))
}

// c920 is a Logitech C920-like USB 2.0 camera (uvcvideo): YUYV at full
// rate only up to 640x480, 720p and 1080p at 30 fps as MJPEG.
func c920() Device {
	return camera(
		rawFormat("YUYV",
			FrameSize{Width: 640, Height: 480, Rates: rates(30, 24, 20, 15, 10, 5)},
			FrameSize{Width: 1280, Height: 720, Rates: rates(10, 5)},
			FrameSize{Width: 1920, Height: 1080, Rates: rates(5)}),
		PixelFormat{FourCC: "MJPG", Description: "Motion-JPEG", Sizes: []FrameSize{
			{Width: 640, Height: 480, Rates: rates(30, 24, 20, 15, 10, 5)},
			{Width: 1280, Height: 720, Rates: rates(30, 24, 20, 15, 10, 5)},
			{Width: 1920, Height: 1080, Rates: rates(30, 24, 20, 15, 10, 5)}}})
}

// uvcH264 is a camera that encodes H.264 itself besides MJPEG and YUYV
// (ELP-style UVC H.264 modules, the C920 before 2017): H.264 reaches
// 1920x1080@30 where MJPEG stops at 1280x720.
func uvcH264() Device {
	return camera(
		rawFormat("YUYV",
			FrameSize{Width: 640, Height: 480, Rates: rates(30)},
			FrameSize{Width: 1280, Height: 720, Rates: rates(10)}),
		PixelFormat{FourCC: "H264", Description: "H.264", Sizes: []FrameSize{
			{Width: 1280, Height: 720, Rates: rates(30)},
			{Width: 1920, Height: 1080, Rates: rates(30, 15)}}},
		PixelFormat{FourCC: "MJPG", Description: "Motion-JPEG", Sizes: []FrameSize{
			{Width: 640, Height: 480, Rates: rates(30)},
			{Width: 1280, Height: 720, Rates: rates(30)}}})
}

// uvcH265 is a camera that encodes H.265 (HEVC) itself, with MJPEG at
// small sizes only.
func uvcH265() Device {
	return camera(
		PixelFormat{FourCC: "HEVC", Description: "HEVC", Sizes: []FrameSize{
			{Width: 1920, Height: 1080, Rates: rates(30)},
			{Width: 3840, Height: 2160, Rates: rates(30, 15)}}},
		PixelFormat{FourCC: "MJPG", Description: "Motion-JPEG", Sizes: []FrameSize{
			{Width: 640, Height: 480, Rates: rates(30)}}})
}

func TestChooseFormat(t *testing.T) {
	tests := []struct {
		cam         string
		dev         Device
		want        string // Source.Format
		mode        string // WxH@FPS
		encodedOnly bool
		got         string // resolved format
		err         string
	}{
		{"raw-only", rawOnly(), FormatAuto, "1280x720@30", false, FormatRaw, ""},
		{"raw-only", rawOnly(), "", "1920x1080@30", false, FormatRaw, ""},
		{"raw-only", rawOnly(), FormatRaw, "1280x720@60", false, FormatRaw, ""},
		{"raw-only", rawOnly(), FormatMJPEG, "1280x720@30", false, "", "does not deliver 1280x720@30 as mjpeg; at 1280x720 it offers raw at 60 30 fps"},
		{"raw-only", rawOnly(), FormatAuto, "1280x720@15", false, "", "does not deliver 1280x720@15 as any format edgecam can use"},
		{"raw-only", rawOnly(), FormatAuto, "1280x720@30", true, "", "as its own h264 or h265 (encoder none)"},
		{"C920", c920(), FormatAuto, "1280x720@30", false, FormatMJPEG, ""},
		{"C920", c920(), FormatAuto, "1920x1080@30", false, FormatMJPEG, ""},
		{"C920", c920(), FormatAuto, "640x480@30", false, FormatRaw, ""},
		{"C920", c920(), FormatAuto, "1280x720@10", false, FormatRaw, ""},
		{"C920", c920(), FormatMJPEG, "640x480@30", false, FormatMJPEG, ""},
		{"C920", c920(), FormatRaw, "1280x720@30", false, "", "at 1280x720 it offers raw at 10 5 fps, mjpeg at 30 24 20 15 10 5 fps"},
		{"C920", c920(), FormatH264, "1280x720@30", false, "", "as h264"},
		{"H.264+MJPEG+YUYV", uvcH264(), FormatAuto, "1280x720@30", false, FormatMJPEG, ""},
		{"H.264+MJPEG+YUYV", uvcH264(), FormatAuto, "1920x1080@30", false, FormatH264, ""},
		{"H.264+MJPEG+YUYV", uvcH264(), FormatAuto, "1280x720@30", true, FormatH264, ""},
		{"H.264+MJPEG+YUYV", uvcH264(), FormatAuto, "640x480@30", false, FormatRaw, ""},
		{"H.264+MJPEG+YUYV", uvcH264(), FormatH264, "1920x1080@15", false, FormatH264, ""},
		{"H.264+MJPEG+YUYV", uvcH264(), FormatH265, "1920x1080@30", false, "", "as h265; at 1920x1080 it offers h264 at 30 15 fps"},
		{"H.265", uvcH265(), FormatAuto, "1920x1080@30", false, FormatH265, ""},
		{"H.265", uvcH265(), FormatAuto, "3840x2160@15", true, FormatH265, ""},
		{"H.265", uvcH265(), FormatAuto, "640x480@30", false, FormatMJPEG, ""},
		{"H.265", uvcH265(), FormatAuto, "1280x720@30", false, "", "it offers nothing usable at 1280x720"},
		{"unreadable", Device{Capture: true, Kind: KindCapture, Error: "cannot open /dev/video0: permission denied"}, FormatAuto, "1280x720@30", false, "", "permission denied"},
		{"raw-only", rawOnly(), "yuyv", "1280x720@30", false, "", `unknown v4l2 format "yuyv"`},
	}
	for _, tt := range tests {
		var f Format
		if _, err := fmt.Sscanf(tt.mode, "%dx%d@%d", &f.Width, &f.Height, &f.FPS); err != nil {
			t.Fatal(err)
		}
		got, err := ChooseFormat(tt.dev, tt.want, f, tt.encodedOnly)
		name := fmt.Sprintf("%s, %q at %s (encoded only %v)", tt.cam, tt.want, tt.mode, tt.encodedOnly)
		switch {
		case tt.err != "":
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%s: %q, %v; want error %q", name, got, err, tt.err)
			}
		case err != nil || got != tt.got:
			t.Errorf("%s: %q, %v; want %q", name, got, err, tt.got)
		}
	}
}

func TestDeliveries(t *testing.T) {
	got := Deliveries(uvcH264())
	var lines []string
	for _, d := range got {
		lines = append(lines, fmt.Sprintf("%dx%d@%d %s %s", d.Width, d.Height, d.FPS, strings.Join(d.Formats, ","), strings.Join(d.FourCCs, ",")))
	}
	want := []string{
		"1920x1080@30 h264 H264",
		"1920x1080@15 h264 H264",
		"1280x720@30 mjpeg,h264 MJPG,H264",
		"1280x720@10 raw YUYV",
		"640x480@30 raw,mjpeg YUYV,MJPG",
	}
	if !slices.Equal(lines, want) {
		t.Errorf("Deliveries =\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
}

func TestFormatOf(t *testing.T) {
	for fourcc, want := range map[string]string{"YUYV": FormatRaw, "NV12": FormatRaw, "MJPG": FormatMJPEG, "JPEG": FormatMJPEG,
		"H264": FormatH264, "HEVC": FormatH265, "BA81": "", "MPG2": "", "M264": ""} {
		if got := FormatOf(PixelFormat{FourCC: fourcc, GstFormat: gstFormats[fourcc]}); got != want {
			t.Errorf("FormatOf(%s) = %q, want %q", fourcc, got, want)
		}
	}
}

// Every pipeline string a V4L2 camera is rendered as, per format.
func TestV4L2FormatFragments(t *testing.T) {
	f := Format{Width: 1280, Height: 720, FPS: 30}
	cam := func(format string) Source { return Source{Kind: V4L2, Device: "/dev/video0", Format: format} }
	tests := []struct {
		src         Source
		passthrough bool
		want, err   string
	}{
		{cam(""), false, `v4l2src device="/dev/video0" ! video/x-raw,width=1280,height=720,framerate=30/1`, ""},
		{cam(FormatRaw), false, `v4l2src device="/dev/video0" ! video/x-raw,width=1280,height=720,framerate=30/1`, ""},
		{cam(FormatMJPEG), false, `v4l2src device="/dev/video0" ! image/jpeg,width=1280,height=720,framerate=30/1`, ""},
		{cam(FormatH264), true, `v4l2src device="/dev/video0" ! video/x-h264,width=1280,height=720,framerate=30/1`, ""},
		{cam(FormatH265), true, `v4l2src device="/dev/video0" ! video/x-h265,width=1280,height=720,framerate=30/1`, ""},
		{cam(FormatH264), false, "", "delivers h264: its stream passes through (encoder none)"},
		{cam(FormatMJPEG), true, "", "v4l2 camera /dev/video0 delivers mjpeg frames: encoder none passes a camera's own H.264 or H.265 through"},
		{cam(FormatRaw), true, "", "delivers raw frames"},
		{cam("vp8"), false, "", `unknown v4l2 format "vp8"`},
		{Source{Kind: V4L2, Format: FormatH264}, true, "", "without a device"},
	}
	for _, tt := range tests {
		render := Fragment
		if tt.passthrough {
			render = PassthroughFragment
		}
		got, err := render(tt.src, f)
		switch {
		case tt.err != "":
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%+v (passthrough %v): %q, %v; want error %q", tt.src, tt.passthrough, got, err, tt.err)
			}
		case err != nil || got != tt.want:
			t.Errorf("%+v (passthrough %v): %q, %v\nwant %q", tt.src, tt.passthrough, got, err, tt.want)
		}
	}
	for format, want := range map[string]string{FormatH264: "h264", FormatH265: "h265", FormatMJPEG: "h264"} {
		if got := PassthroughCodec(cam(format)); got != want {
			t.Errorf("PassthroughCodec(%s) = %s, want %s", format, got, want)
		}
	}
	if got := PassthroughCodec(Source{Kind: RTSP}); got != "h264" {
		t.Errorf("PassthroughCodec(rtsp) = %s, want h264", got)
	}
}
