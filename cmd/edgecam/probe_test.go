package main

import (
	"encoding/json"
	"flag"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/edgecam/edgecam/capture"
	"github.com/edgecam/edgecam/encode"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// golden compares got with testdata/name, or rewrites the file with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (go test -update rewrites it if the change is intended):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

// TestProbeThisMachine runs the real probe on the test machine, which may
// have no camera at all: the output must still be valid, list every /dev/video*
// node and every known encoder of both codecs, each tested.
func TestProbeThisMachine(t *testing.T) {
	code, stdout, stderr := runCmd(t, "probe", "--json")
	if code != exitOK {
		t.Fatalf("probe --json: exit %d\n%s", code, stderr)
	}
	var r struct {
		Devices []struct {
			Path string `json:"path"`
		} `json:"devices"`
		EncoderTest string `json:"encoder_test"`
		Encoders    []struct {
			Name   string `json:"name"`
			Codec  string `json:"codec"`
			Usable bool   `json:"usable"`
			Reason string `json:"reason"`
		} `json:"encoders"`
		Suggestions  []json.RawMessage `json:"suggestions"`
		NotSuggested []json.RawMessage `json:"not_suggested"`
		Config       string            `json:"config"`
	}
	if err := json.Unmarshal([]byte(stdout), &r); err != nil {
		t.Fatalf("probe --json is not JSON: %v\n%s", err, stdout)
	}
	if r.Devices == nil || r.Suggestions == nil || r.NotSuggested == nil || r.Encoders == nil {
		t.Errorf("lists must be [] when empty, never null:\n%s", stdout)
	}
	if len(r.Devices) != len(capture.DevicePaths()) {
		t.Errorf("%d devices listed, /dev has %v", len(r.Devices), capture.DevicePaths())
	}
	names := map[string][]string{}
	usable := map[string]int{}
	for _, e := range r.Encoders {
		names[e.Codec] = append(names[e.Codec], e.Name)
		if e.Usable {
			usable[e.Codec]++
		} else if e.Reason == "" {
			t.Errorf("encoder %s not usable without a reason", e.Name)
		}
	}
	for _, codec := range []string{encode.H264, encode.H265} {
		if !slices.Equal(names[codec], encode.NamesFor(codec)) {
			t.Errorf("%s encoders %v, want every known one: %v", codec, names[codec], encode.NamesFor(codec))
		}
		// make deps installs x264enc and x265enc; without a usable
		// encoder edgecam cannot encode that codec here at all.
		if usable[codec] == 0 {
			t.Errorf("no usable %s encoder:\n%s", codec, stdout)
		}
	}
	if len(names) != 2 {
		t.Errorf("encoders of codecs %v, want h264 and h265 only", slices.Sorted(maps.Keys(names)))
	}
	if len(r.Suggestions) == 0 && r.EncoderTest != "1280x720@30" {
		t.Errorf("without a camera the encoders are tested at 1280x720@30, not %s", r.EncoderTest)
	}
	if r.Config == "" {
		t.Error("no config section, not even the comment that there is no camera")
	}

	code, stdout, stderr = runCmd(t, "probe", "--no-sample")
	for _, want := range []string{"V4L2 devices", "H.264 encoders", "x264enc", "H.265 encoders", "x265enc", "Suggested streams"} {
		if code != exitOK || !strings.Contains(stdout, want) {
			t.Errorf("probe: exit %d, output lacks %q:\n%s%s", code, want, stdout, stderr)
		}
	}
}

// probeFixture is a machine as the probe sees it: a vivid-like camera with
// its output and metadata nodes, a C920-like USB camera named by a by-id
// link (YUYV 720p only at 10 fps, MJPEG at 30), a camera that offers only
// MJPG, one whose 1080p30 is its own H.264, and a Bayer-only one.
func probeFixture() []capture.Device {
	rs := func(fps ...uint32) []capture.Rate {
		var out []capture.Rate
		for _, f := range fps {
			out = append(out, capture.Rate{Num: 1, Den: f})
		}
		return out
	}
	webcamSizes := []capture.FrameSize{
		{Width: 320, Height: 180, Rates: rs(60, 30, 15)},
		{Width: 640, Height: 360, Rates: rs(60, 30, 15)},
		{Width: 1280, Height: 720, Rates: rs(30, 15)},
		{Width: 1920, Height: 1080, Rates: rs(30, 15)},
	}
	return []capture.Device{
		{Path: "/dev/video0", Name: "vivid", Driver: "vivid", BusInfo: "platform:vivid-000",
			Capabilities: []string{"video_capture", "streaming"}, Kind: capture.KindCapture, Capture: true,
			Formats: []capture.PixelFormat{
				{FourCC: "YUYV", Description: "YUYV 4:2:2", GstFormat: "YUY2", Sizes: webcamSizes},
				{FourCC: "NV12", Description: "Y/UV 4:2:0", GstFormat: "NV12", Sizes: webcamSizes},
			}},
		{Path: "/dev/video1", Name: "vivid", Driver: "vivid", BusInfo: "platform:vivid-000",
			Capabilities: []string{"video_output", "streaming"}, Kind: capture.KindOutput},
		{Path: "/dev/video2", Name: "vivid", Driver: "vivid", BusInfo: "platform:vivid-000",
			Capabilities: []string{"meta_capture", "streaming"}, Kind: capture.KindMetadata},
		{Path: "/dev/video4", StablePath: "/dev/v4l/by-id/usb-Cam_Co_HD Cam:SN1-video-index0",
			Name: "HD Cam", Driver: "uvcvideo", BusInfo: "usb-0000:00:14.0-1",
			Capabilities: []string{"video_capture", "streaming"}, Kind: capture.KindCapture, Capture: true,
			Formats: []capture.PixelFormat{
				{FourCC: "YUYV", Description: "YUYV 4:2:2", GstFormat: "YUY2", Sizes: []capture.FrameSize{
					{Width: 640, Height: 480, Rates: rs(30)},
					{Width: 1280, Height: 720, Rates: rs(10)},
					{Width: 1920, Height: 1080, Rates: rs(5)}}},
				{FourCC: "MJPG", Description: "Motion-JPEG", Sizes: []capture.FrameSize{
					{Width: 640, Height: 480, Rates: rs(30)}, {Width: 1280, Height: 720, Rates: rs(30)}, {Width: 1920, Height: 1080, Rates: rs(30)}}},
			}},
		{Path: "/dev/video6", Name: "MJPEG Cam", Driver: "uvcvideo", BusInfo: "usb-0000:00:14.0-2",
			Capabilities: []string{"video_capture", "streaming"}, Kind: capture.KindCapture, Capture: true,
			Formats: []capture.PixelFormat{{FourCC: "MJPG", Description: "Motion-JPEG", Sizes: []capture.FrameSize{{Width: 1280, Height: 720, Rates: rs(30)}}}}},
		{Path: "/dev/video8", Name: "H264 Cam", Driver: "uvcvideo", BusInfo: "usb-0000:00:14.0-3",
			Capabilities: []string{"video_capture", "streaming"}, Kind: capture.KindCapture, Capture: true,
			Formats: []capture.PixelFormat{
				{FourCC: "YUYV", Description: "YUYV 4:2:2", GstFormat: "YUY2", Sizes: []capture.FrameSize{{Width: 640, Height: 480, Rates: rs(5)}}},
				{FourCC: "H264", Description: "H.264", Sizes: []capture.FrameSize{{Width: 1920, Height: 1080, Rates: rs(30)}}},
			}},
		{Path: "/dev/video10", Name: "Bayer Cam", Driver: "uvcvideo", BusInfo: "usb-0000:00:14.0-4",
			Capabilities: []string{"video_capture", "streaming"}, Kind: capture.KindCapture, Capture: true,
			Formats: []capture.PixelFormat{{FourCC: "BA81", Description: "8-bit Bayer BGBG/GRGR", Sizes: []capture.FrameSize{{Width: 1280, Height: 720, Rates: rs(30)}}}}},
	}
}

// TestProbeSuggestionIsAValidConfig: the suggested streams: section, with
// brokers added, passes `edgecam config check` as printed.
func TestProbeSuggestionIsAValidConfig(t *testing.T) {
	r := newProbeReport(probeFixture())
	var got []string
	for _, s := range r.Suggestions {
		got = append(got, s.Device)
	}
	want := []string{"/dev/video0", "/dev/v4l/by-id/usb-Cam_Co_HD Cam:SN1-video-index0", "/dev/video6", "/dev/video8"}
	if !slices.Equal(got, want) {
		t.Errorf("suggested %q, want %q (capture nodes with a format edgecam can use)", got, want)
	}
	var formats []string
	for _, s := range r.Suggestions {
		formats = append(formats, s.Format)
	}
	if want := []string{"raw", "mjpeg", "mjpeg", "h264"}; !slices.Equal(formats, want) {
		t.Errorf("suggested formats %q, want %q", formats, want)
	}
	if len(r.NotSuggested) != 3 {
		t.Errorf("not suggested: %+v, want the output, metadata and Bayer-only nodes", r.NotSuggested)
	}
	path := writeConfig(t, "kafka: {brokers: [\"127.0.0.1:9092\"]}\n"+r.Config)
	code, stdout, stderr := runCmd(t, "config", "check", "--config", path)
	if code != exitOK {
		t.Fatalf("config check of the suggestion: exit %d\n%s\nconfig:\n%s", code, stderr, r.Config)
	}
	for _, want := range []string{"cam0: v4l2 1280x720@30 2000 kbit/s, encoder auto, format raw", "cam1: v4l2 1280x720@30 2000 kbit/s, encoder auto, format mjpeg",
		"cam2: v4l2 1280x720@30 2000 kbit/s, encoder auto, format mjpeg", "cam3: v4l2 /dev/video8 1920x1080@30, format h264, passed through (encoder none)"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("config check output lacks %q:\n%s", want, stdout)
		}
	}
}

func TestProbeOutput(t *testing.T) {
	r := newProbeReport(probeFixture())
	r.EncoderTest = "1280x720@30"
	r.Encoders = []probeEncoder{
		{Name: "v4l2h264enc", Codec: encode.H264, Hardware: true, Reason: "element not installed"},
		{Name: "x264enc", Codec: encode.H264, Usable: true},
		{Name: "vaapih265enc", Codec: encode.H265, Hardware: true, Reason: "element not installed"},
		{Name: "x265enc", Codec: encode.H265, Usable: true},
	}
	r.Decoders = []probeEncoder{
		{Name: "v4l2jpegdec", Hardware: true, Reason: "element not installed"},
		{Name: "jpegdec", Usable: true},
	}
	r.Suggestions[3].KeyframeIntervalS = 2 // the H264 Cam's, as sampleKeyframes reports it
	// snd-aloop's capture side and a USB microphone, as encode.AudioDevices reads them.
	r.Audio.Devices = []probeAudioDevice{
		{Device: "hw:0,0", StableDevice: "hw:Loopback,0", Name: "Loopback 1", CardID: "Loopback", Card: 0,
			RateMin: 8000, RateMax: 192000, ChannelsMin: 1, ChannelsMax: 32, Formats: []string{"S16LE", "S32LE"}},
		{Device: "hw:1,0", StableDevice: "hw:Device,0", Name: "USB PnP Sound Device at usb-0000:01:00.0-1.3, full speed", CardID: "Device", Card: 1,
			RateMin: 48000, RateMax: 48000, ChannelsMin: 1, ChannelsMax: 1, Formats: []string{"S16LE"}},
	}
	var text strings.Builder
	r.writeText(&text)
	golden(t, "probe.txt", text.String())
	js, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "probe.json", string(js)+"\n")
}

func TestBitrateFor(t *testing.T) {
	tests := []struct{ w, h, fps, want int }{
		{1280, 720, 30, 2000}, // the config's default
		{640, 360, 30, 500},
		{1920, 1080, 30, 4400},
		{160, 120, 5, 200},
	}
	for _, tt := range tests {
		if got := bitrateFor(tt.w, tt.h, tt.fps); got != tt.want {
			t.Errorf("bitrateFor(%dx%d@%d) = %d, want %d", tt.w, tt.h, tt.fps, got, tt.want)
		}
	}
}
