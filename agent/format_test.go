package agent

import (
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/edgecam/edgecam/capture"
	"github.com/edgecam/edgecam/config"
	"github.com/edgecam/edgecam/encode"
	"github.com/edgecam/edgecam/internal/testkit"
)

// usbCamera is a camera as capture.ProbeDevice lists it: YUYV at 320x240
// only at 5 fps, and other formats at 30.
func usbCamera(others ...string) capture.Device {
	yuyv := capture.PixelFormat{FourCC: "YUYV", GstFormat: "YUY2", Sizes: []capture.FrameSize{
		{Width: 320, Height: 240, Rates: []capture.Rate{{Num: 1, Den: 5}}}}}
	d := capture.Device{Path: "/dev/null", Kind: capture.KindCapture, Capture: true, Formats: []capture.PixelFormat{yuyv}}
	for _, fourcc := range others {
		d.Formats = append(d.Formats, capture.PixelFormat{FourCC: fourcc, Sizes: []capture.FrameSize{
			{Width: 320, Height: 240, Rates: []capture.Rate{{Num: 1, Den: 30}, {Num: 1, Den: 5}}}}})
	}
	return d
}

// asCamera renders frag, a V4L2 fragment of the agent, with v4l2src
// replaced by a live source producing what the camera would (encode:
// jpegenc, x264enc, ...) at the fragment's caps: the rest of the pipeline
// is the agent's own.
func asCamera(frag, encode string) (string, error) {
	head := `v4l2src device="/dev/null" ! `
	caps, ok := strings.CutPrefix(frag, head)
	if !ok {
		return "", fmt.Errorf("fragment %q does not start with %s", frag, head)
	}
	_, size, _ := strings.Cut(caps, ",")
	return fmt.Sprintf("videotestsrc is-live=true pattern=ball ! video/x-raw,format=Y42B,%s ! %s ! %s", size, encode, caps), nil
}

// v4l2Stream is a v4l2 stream of /dev/null (a character device that
// passes capture.Check) at 320x240@30, format auto.
func v4l2Stream(name string) config.Stream {
	s := testStream(name)
	s.Source = config.Source{Type: config.SourceV4L2, Device: "/dev/null", Format: config.V4L2Auto}
	s.FPS = 30
	return s
}

// TestMJPEGCameraToKafka: a camera that gives 320x240@30 only as MJPEG
// (format auto) is captured through the agent's own pipeline — MJPEG caps,
// the JPEG decoder it chose (jpegdec here), x264enc — into Kafka (kfake);
// the records are contiguous H.264 that decodes frame for frame, and the
// decoder is in edgecam_decoder_info.
func TestMJPEGCameraToKafka(t *testing.T) {
	c := testkit.Kfake(t, topic, 1)
	brokers := c.ListenAddrs()
	rendered := make(chan string, 100)
	a := startAgent(t, testConfig(t, brokers, v4l2Stream("cam")), Options{
		probeDevice: func(string) capture.Device { return usbCamera("MJPG", "H264") },
		fragment: func(src capture.Source, f capture.Format) (string, error) {
			frag, err := capture.Fragment(src, f)
			if err != nil {
				return "", err
			}
			select {
			case rendered <- frag:
			default:
			}
			return asCamera(frag, "jpegenc")
		},
	})
	a.waitFor(t, "60 frames acked", func() bool {
		v, _ := a.scrape(t).Get("edgecam_frames_acked_total", "stream=cam")
		return v >= 60
	})
	m := a.scrape(t)
	if v, ok := m.Get("edgecam_decoder_info", "stream=cam", "decoder=jpegdec", "hardware=false"); !ok || v != 1 {
		t.Errorf("edgecam_decoder_info{decoder=jpegdec} = %v, %v", v, ok)
	}
	if _, ok := m.Get("edgecam_encoder_info", "stream=cam", "encoder=x264enc"); !ok {
		t.Error("no edgecam_encoder_info{encoder=x264enc}")
	}
	a.stop(t)
	if got, want := <-rendered, `v4l2src device="/dev/null" ! image/jpeg,width=320,height=240,framerate=30/1`; got != want {
		t.Errorf("the agent rendered %q, want %q", got, want)
	}
	for _, line := range [][]string{{"camera format chosen", "format=mjpeg", "configured=auto"}, {"JPEG decoder chosen", "decoder=jpegdec"}} {
		if len(a.logs.Lines(line...)) == 0 {
			t.Errorf("no log line with %q", line)
		}
	}
	rs := records(t, brokers, "agent-test/cam")
	checkContiguous(t, rs, "agent-test/cam")
	var stream []byte
	for _, r := range rs {
		if r.Codec != "h264" {
			t.Fatalf("seq %d: codec %q", r.Seq, r.Codec)
		}
		stream = append(stream, r.Value...)
	}
	if n, errs := testkit.ProbeH264(t, stream); n != len(rs) || errs != "" {
		t.Fatalf("ffprobe decoded %d frames of %d: %q", n, len(rs), errs)
	}
	t.Logf("%d MJPEG camera frames decoded, encoded and read back", len(rs))
}

// TestH264CameraToKafka: a camera that gives 320x240@30 only as its own
// H.264 (format auto, encoder auto) is passed through: h264parse, no
// decoder, no encoder; the camera's GOP (15 frames, 0.5 s) comes through
// and is measured into edgecam_keyframe_interval_seconds and the log.
func TestH264CameraToKafka(t *testing.T) {
	c := testkit.Kfake(t, topic, 1)
	brokers := c.ListenAddrs()
	rendered := make(chan string, 100)
	a := startAgent(t, testConfig(t, brokers, v4l2Stream("cam")), Options{
		probeDevice: func(string) capture.Device { return usbCamera("H264") },
		passthroughFragment: func(src capture.Source, f capture.Format) (string, error) {
			frag, err := capture.PassthroughFragment(src, f)
			if err != nil {
				return "", err
			}
			select {
			case rendered <- frag:
			default:
			}
			return asCamera(frag, "videoconvert ! x264enc key-int-max=15 bframes=0 speed-preset=ultrafast tune=zerolatency")
		},
	})
	a.waitFor(t, "60 frames acked and a keyframe interval", func() bool {
		m := a.scrape(t)
		acked, _ := m.Get("edgecam_frames_acked_total", "stream=cam")
		iv, _ := m.Get("edgecam_keyframe_interval_seconds", "stream=cam")
		return acked >= 60 && iv > 0
	})
	m := a.scrape(t)
	if iv, _ := m.Get("edgecam_keyframe_interval_seconds", "stream=cam"); iv < 0.49 || iv > 0.51 {
		t.Errorf("edgecam_keyframe_interval_seconds = %v, want 0.5 (15 frames at 30 fps, by PTS)", iv)
	}
	if _, ok := m.Get("edgecam_encoder_info", "stream=cam", "encoder=none"); !ok {
		t.Error("no edgecam_encoder_info{encoder=none}")
	}
	if _, ok := m.Get("edgecam_decoder_info", "stream=cam"); ok {
		t.Error("edgecam_decoder_info for a camera that is not MJPEG")
	}
	a.stop(t)
	if got, want := <-rendered, `v4l2src device="/dev/null" ! video/x-h264,width=320,height=240,framerate=30/1`; got != want {
		t.Errorf("the agent rendered %q, want %q", got, want)
	}
	for _, line := range [][]string{{"camera format chosen", "format=h264", "passthrough=true"}, {"camera keyframe interval measured", "interval=500ms", "frames=15"}} {
		if len(a.logs.Lines(line...)) == 0 {
			t.Errorf("no log line with %q", line)
		}
	}
	rs := records(t, brokers, "agent-test/cam")
	checkContiguous(t, rs, "agent-test/cam")
	var stream []byte
	keys := 0
	for _, r := range rs {
		if err := testkit.CheckKeyframe(r.Value, r.Keyframe); err != nil || r.Codec != "h264" {
			t.Fatalf("seq %d (codec %q): %v", r.Seq, r.Codec, err)
		}
		if r.Keyframe {
			keys++
		}
		stream = append(stream, r.Value...)
	}
	if !rs[0].Keyframe || keys < len(rs)/15 {
		t.Errorf("first record keyframe %v; %d keyframes in %d records, want one every 15", rs[0].Keyframe, keys, len(rs))
	}
	if n, errs := testkit.ProbeH264(t, stream); n != len(rs) || errs != "" {
		t.Fatalf("ffprobe decoded %d frames of %d: %q", n, len(rs), errs)
	}
}

// chooseFormat's outcomes per camera and config, without a pipeline.
func TestChooseFormatInAgent(t *testing.T) {
	tests := []struct {
		name        string
		dev         capture.Device
		format      string
		encoder     string
		format2     string // resolved
		passthrough bool
		err         string
	}{
		{"MJPEG camera, auto", usbCamera("MJPG"), "auto", "auto", "mjpeg", false, ""},
		{"H.264-only camera, auto: passed through", usbCamera("H264"), "auto", "auto", "h264", true, ""},
		{"H.265-only camera, auto: passed through", usbCamera("HEVC"), "auto", "auto", "h265", true, ""},
		{"H.264-only camera, x264enc", usbCamera("H264"), "auto", "x264enc", "", false, "delivers 320x240@30 only as its own h264: encoder x264enc would have nothing to encode"},
		{"h264 asked, none", usbCamera("MJPG", "H264"), "h264", "none", "h264", true, ""},
		{"raw asked, camera too slow", usbCamera("MJPG"), "raw", "auto", "", false, "does not deliver 320x240@30 as raw; at 320x240 it offers raw at 5 fps, mjpeg at 30 5 fps"},
		{"formats not listed: raw", capture.Device{Error: "multi-planar capture node"}, "auto", "auto", "raw", false, ""},
		{"formats not listed, none: h264", capture.Device{}, "auto", "none", "h264", true, ""},
		{"formats not listed, mjpeg asked", capture.Device{}, "mjpeg", "auto", "mjpeg", false, ""},
	}
	for _, tt := range tests {
		logs := &testkit.LogBuf{}
		s := &stream{log: slog.New(slog.NewTextHandler(logs, nil)), format: tt.format, autoEncoder: tt.encoder == "auto",
			src:         capture.Source{Kind: capture.V4L2, Device: "/dev/null", Format: tt.format},
			spec:        encode.Spec{Encoder: tt.encoder},
			probeDevice: func(string) capture.Device { return tt.dev }}
		pass, err := s.chooseFormat(capture.Format{Width: 320, Height: 240, FPS: 30}, tt.encoder == "none")
		switch {
		case tt.err != "":
			if err == nil || !strings.Contains(err.Error(), tt.err) || kindOf(err) != errDevice {
				t.Errorf("%s: %v (kind %v), want a device fault with %q", tt.name, err, kindOf(err), tt.err)
			}
		case err != nil || s.src.Format != tt.format2 || pass != tt.passthrough:
			t.Errorf("%s: format %q passthrough %v, %v; want %q %v", tt.name, s.src.Format, pass, err, tt.format2, tt.passthrough)
		case pass && s.spec.Encoder != encode.None:
			t.Errorf("%s: passthrough with encoder %q", tt.name, s.spec.Encoder)
		}
	}
}

// A camera whose keyframes are 12 s apart gets one warning naming the
// consequence while the second keyframe is awaited, and the measured
// interval; one at 2 s gets neither warning.
func TestKeyframeWatch(t *testing.T) {
	for _, gap := range []time.Duration{12 * time.Second, 2 * time.Second} {
		logs := &testkit.LogBuf{}
		s := &stream{log: slog.New(slog.NewTextHandler(logs, nil)), spec: encode.Spec{FPS: 30}}
		w := keyframeWatch{camera: true}
		gop := int(gap / time.Second * 30)
		for i := 0; i <= 2*gop; i++ {
			w.frame(s, encode.Frame{PTS: time.Duration(i) * time.Second / 30, Keyframe: i%gop == 0})
		}
		if got := time.Duration(s.keyInterval.Load()); got != gap {
			t.Errorf("gap %s: measured %s", gap, got)
		}
		warns := logs.Lines("level=WARN", "a consumer that starts reading this stream may wait that long")
		measured := logs.Lines("camera keyframe interval measured", fmt.Sprintf("interval=%s", gap))
		if long := gap > longKeyframeInterval; (len(warns) == 1) != long || len(measured) != 1 {
			t.Errorf("gap %s: %d warnings, %d measured lines:\n%s", gap, len(warns), len(measured), logs)
		}
	}
}
