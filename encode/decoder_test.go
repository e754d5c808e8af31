package encode

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/go-gst/go-gst/gst"

	"github.com/edgecam/edgecam/capture"
	"github.com/edgecam/edgecam/internal/testkit"
)

// Every pipeline string of a V4L2 camera's formats: MJPEG through each
// decoder into a software and the Jetson encoder, and the camera's own
// H.264/H.265 passed through.
func TestLaunchForV4L2Formats(t *testing.T) {
	const (
		queue = ` ! queue name=capq max-size-buffers=4 max-size-bytes=0 max-size-time=0 leaky=downstream ! `
		x264  = `videoconvert ! video/x-raw,format=I420 ! x264enc name=enc bitrate=500 key-int-max=15 bframes=0 speed-preset=ultrafast tune=zerolatency`
		nvenc = `nvvidconv ! video/x-raw(memory:NVMM),format=NV12 ! nvv4l2h264enc name=enc control-rate=1 bitrate=500000 iframeinterval=15 idrinterval=15 insert-sps-pps=true maxperf-enable=true preset-level=1`
		tail  = ` ! h264parse config-interval=-1 ! video/x-h264,stream-format=byte-stream,alignment=au ! appsink name=sink sync=false emit-signals=false drop=false max-buffers=120`
	)
	mjpeg, _ := capture.Fragment(capture.Source{Kind: capture.V4L2, Device: "/dev/video0", Format: capture.FormatMJPEG}, capture.Format{Width: 320, Height: 240, FPS: 30})
	tests := []struct {
		encoder, decoder, codec string
		source                  string
		want                    string
	}{
		{"x264enc", "jpegdec", "", mjpeg, mjpeg + queue + "jpegdec ! " + x264 + tail},
		{"x264enc", "v4l2jpegdec", "", mjpeg, mjpeg + queue + "v4l2jpegdec ! " + x264 + tail},
		{"x264enc", "nvv4l2decoder", "", mjpeg, mjpeg + queue + "nvv4l2decoder mjpeg=1 ! nvvidconv ! video/x-raw ! " + x264 + tail},
		{"x264enc", "nvjpegdec", "", mjpeg, mjpeg + queue + "nvjpegdec ! " + x264 + tail},
		{"nvv4l2h264enc", "nvv4l2decoder", "", mjpeg, mjpeg + queue + "nvv4l2decoder mjpeg=1 ! " + nvenc + tail},
		{"nvv4l2h264enc", "nvjpegdec", "", mjpeg, mjpeg + queue + "nvjpegdec ! " + nvenc + tail},
		{None, "", "h264", `v4l2src device="/dev/video0" ! video/x-h264,width=1920,height=1080,framerate=30/1`,
			`v4l2src device="/dev/video0" ! video/x-h264,width=1920,height=1080,framerate=30/1` + tail},
		{None, "", "h265", `v4l2src device="/dev/video0" ! video/x-h265,width=3840,height=2160,framerate=30/1`,
			`v4l2src device="/dev/video0" ! video/x-h265,width=3840,height=2160,framerate=30/1 ! h265parse config-interval=-1 ! video/x-h265,stream-format=byte-stream,alignment=au ! appsink name=sink sync=false emit-signals=false drop=false max-buffers=120`},
	}
	for _, tt := range tests {
		s := testSpec(tt.encoder)
		s.Source, s.Decoder, s.Codec = tt.source, tt.decoder, tt.codec
		got, err := launchFor(s)
		if err != nil || got != tt.want {
			t.Errorf("%s after %s (codec %q):\n got %q, %v\nwant %q", tt.encoder, tt.decoder, tt.codec, got, err, tt.want)
		}
	}
	for _, bad := range []Spec{
		{Encoder: "x264enc", Decoder: Auto},   // Start wants ChooseDecoder's choice
		{Encoder: "x264enc", Decoder: "nope"}, // not a decoder
		{Encoder: None, Codec: "vp8"},         // no such codec
		{Encoder: "x264enc", Codec: "h265"},   // the hevc encoders are not here
	} {
		if got, err := launchFor(bad); err == nil {
			t.Errorf("launchFor(%+v) = %q, want an error", bad, got)
		}
	}
}

// The decoders' test pipelines, as strings, and parsed by GStreamer where
// their element is installed here.
func TestDecoderTestLaunches(t *testing.T) {
	s := testSpec(Auto)
	want := map[string]string{
		"v4l2jpegdec":   "videotestsrc num-buffers=3 ! video/x-raw,format=Y42B,width=320,height=240,framerate=30/1 ! jpegenc ! v4l2jpegdec ! videoconvert ! fakesink",
		"nvv4l2decoder": "videotestsrc num-buffers=3 ! video/x-raw,format=Y42B,width=320,height=240,framerate=30/1 ! jpegenc ! nvv4l2decoder mjpeg=1 ! nvvidconv ! video/x-raw ! fakesink",
		"nvjpegdec":     "videotestsrc num-buffers=3 ! video/x-raw,format=Y42B,width=320,height=240,framerate=30/1 ! jpegenc ! nvjpegdec ! videoconvert ! fakesink",
		"jpegdec":       "videotestsrc num-buffers=3 ! video/x-raw,format=Y42B,width=320,height=240,framerate=30/1 ! jpegenc ! jpegdec ! videoconvert ! fakesink",
	}
	if got := DecoderNames(); !slices.Equal(got, []string{"v4l2jpegdec", "nvv4l2decoder", "nvjpegdec", "jpegdec"}) {
		t.Fatalf("DecoderNames = %v", got)
	}
	for _, d := range decoders() {
		got := decoderTestLaunch(s, d)
		if got != want[d.name] {
			t.Errorf("%s: %q\nwant %q", d.name, got, want[d.name])
		}
		if !elementExists(d.name) {
			continue
		}
		p, err := gst.NewPipelineFromString(got)
		if err != nil {
			t.Errorf("%s: %q does not parse: %v", d.name, got, err)
			continue
		}
		_ = p.SetState(gst.StateNull)
	}
	if !IsHardwareDecoder("v4l2jpegdec") || IsHardwareDecoder("jpegdec") || IsHardwareDecoder("nope") {
		t.Error("IsHardwareDecoder is wrong")
	}
}

// On this machine (no Pi, no Jetson) auto takes jpegdec after passing over
// the hardware decoders, each with its reason; an explicit decoder that is
// not installed is an error.
func TestChooseDecoderHere(t *testing.T) {
	s := testSpec("x264enc")
	s.Decoder = Auto
	name, cands, err := ChooseDecoder(context.Background(), s)
	if err != nil || name != "jpegdec" {
		t.Fatalf("ChooseDecoder = %q, %v (candidates %+v), want jpegdec", name, err, cands)
	}
	for _, c := range cands {
		switch {
		case c.Name == "jpegdec" && !c.Usable:
			t.Errorf("jpegdec not usable: %s", c.Reason)
		case c.Name != "jpegdec" && (c.Usable || c.Reason != "element not installed"):
			t.Errorf("%s: usable %v, reason %q; want not installed here", c.Name, c.Usable, c.Reason)
		}
	}
	s.Decoder = "nvjpegdec"
	if _, _, err := ChooseDecoder(context.Background(), s); err == nil || !strings.Contains(err.Error(), "nvjpegdec is not installed") {
		t.Errorf("explicit nvjpegdec: %v, want not installed", err)
	}
	for _, c := range ProbeDecoders(context.Background(), testSpec(Auto)) {
		if c.Usable != (c.Name == "jpegdec") {
			t.Errorf("ProbeDecoders: %+v", c)
		}
	}
}

// cameraHead replaces v4l2src in a rendered V4L2 fragment with a live
// source that produces what the camera would: frames of the fragment's
// caps, encoded by encode (jpegenc for MJPEG, x264enc/x265enc for a camera
// that encodes itself). The rest of the fragment is the one the agent runs.
func cameraHead(t *testing.T, frag, encode string) string {
	t.Helper()
	head := `v4l2src device="/dev/video0"`
	if !strings.HasPrefix(frag, head+" ! ") {
		t.Fatalf("fragment %q does not start with %s", frag, head)
	}
	caps := strings.TrimPrefix(frag, head+" ! ")
	_, size, _ := strings.Cut(caps, ",")
	return fmt.Sprintf("videotestsrc is-live=true pattern=ball ! video/x-raw,format=Y42B,%s ! %s ! %s", size, encode, caps)
}

// TestMJPEGCamera runs a V4L2 MJPEG camera's pipeline for real, with the
// camera replaced by videotestsrc ! jpegenc at the same caps: JPEG frames
// decoded by jpegdec (auto's choice here) and encoded by x264enc; the
// records decode frame for frame at the camera's size.
func TestMJPEGCamera(t *testing.T) {
	f := capture.Format{Width: 640, Height: 360, FPS: 30}
	frag, err := capture.Fragment(capture.Source{Kind: capture.V4L2, Device: "/dev/video0", Format: capture.FormatMJPEG}, f)
	if err != nil {
		t.Fatal(err)
	}
	s := testSpec(Auto)
	s.Width, s.Height = f.Width, f.Height
	s.Source = cameraHead(t, frag, "jpegenc quality=85")
	s.Decoder = Auto
	if s.Decoder, _, err = ChooseDecoder(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	if s.Encoder, _, err = Choose(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	t.Logf("decoder %s, encoder %s", s.Decoder, s.Encoder)
	frames := collect(t, s, 45)
	checkRecords(t, frames, f.Width, f.Height)
	for i, fr := range frames {
		if fr.Codec != "h264" {
			t.Fatalf("frame %d codec %q, want h264", i, fr.Codec)
		}
	}
}

// TestH264Camera passes a camera's own H.264 through: x264enc with a
// 20-frame GOP stands in for the camera's encoder behind the caps v4l2src
// would negotiate; the records keep the camera's size (not the stream's)
// and GOP, with SPS/PPS before every IDR.
func TestH264Camera(t *testing.T) {
	f := capture.Format{Width: 320, Height: 240, FPS: 30}
	src := capture.Source{Kind: capture.V4L2, Device: "/dev/video0", Format: capture.FormatH264}
	frag, err := capture.PassthroughFragment(src, f)
	if err != nil {
		t.Fatal(err)
	}
	s := testSpec(None)
	s.Codec = capture.PassthroughCodec(src)
	s.Source = cameraHead(t, frag, "videoconvert ! x264enc key-int-max=20 bframes=0 speed-preset=ultrafast tune=zerolatency")
	frames := collect(t, s, 50)
	checkRecords(t, frames, f.Width, f.Height)
	var keys []int
	for i, fr := range frames {
		if fr.Keyframe {
			keys = append(keys, i)
		}
	}
	if len(keys) < 2 || keys[1]-keys[0] != 20 {
		t.Errorf("keyframes at %v, want the camera's GOP of 20", keys)
	}
}

// TestH265Camera passes a camera's own H.265 through (h265parse): every
// record is Annex-B HEVC, every IRAP picture has VPS, SPS and PPS in
// front, only IRAP pictures are keyframes, and the concatenation decodes
// frame for frame.
func TestH265Camera(t *testing.T) {
	if !elementExists("x265enc") {
		t.Skip("x265enc (gstreamer1.0-plugins-bad) not installed")
	}
	f := capture.Format{Width: 320, Height: 240, FPS: 30}
	src := capture.Source{Kind: capture.V4L2, Device: "/dev/video0", Format: capture.FormatH265}
	frag, err := capture.PassthroughFragment(src, f)
	if err != nil {
		t.Fatal(err)
	}
	s := testSpec(None)
	s.Codec = capture.PassthroughCodec(src)
	s.Source = cameraHead(t, frag, "videoconvert ! video/x-raw,format=I420 ! x265enc key-int-max=15 speed-preset=ultrafast tune=zerolatency")
	frames := collect(t, s, 40)
	var stream []byte
	keyframes := 0
	for i, fr := range frames {
		if fr.Codec != "h265" || !testkit.AnnexB(fr.Data) {
			t.Fatalf("frame %d: codec %q, Annex-B %v", i, fr.Codec, testkit.AnnexB(fr.Data))
		}
		types := hevcNALTypes(fr.Data)
		irap := slices.ContainsFunc(types, func(n int) bool { return n >= 16 && n <= 21 })
		if irap != fr.Keyframe {
			t.Fatalf("frame %d: keyframe %v, NAL types %v", i, fr.Keyframe, types)
		}
		if irap {
			keyframes++
			for _, ps := range []int{32, 33, 34} {
				if !slices.Contains(types, ps) {
					t.Fatalf("frame %d: IRAP without NAL type %d (VPS 32, SPS 33, PPS 34): %v", i, ps, types)
				}
			}
		}
		stream = append(stream, fr.Data...)
	}
	if !frames[0].Keyframe || keyframes < 2 {
		t.Fatalf("first frame keyframe %v, %d keyframes in %d frames", frames[0].Keyframe, keyframes, len(frames))
	}
	path := filepath.Join(t.TempDir(), "out.h265")
	if err := os.WriteFile(path, stream, 0o644); err != nil {
		t.Fatal(err)
	}
	n, errs := testkit.ProbeFrames(t, path, "-f", "hevc")
	if n != len(frames) || errs != "" {
		t.Fatalf("ffprobe decoded %d frames of %d, errors: %q", n, len(frames), errs)
	}
}

// hevcNALTypes lists the H.265 NAL unit types of an Annex-B access unit.
func hevcNALTypes(au []byte) []int {
	var types []int
	for i := 0; i+3 < len(au); i++ {
		if au[i] == 0 && au[i+1] == 0 && au[i+2] == 1 {
			types = append(types, int(au[i+3]>>1)&0x3f)
			i += 2
		}
	}
	return types
}
