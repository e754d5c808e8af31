package encode

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/go-gst/go-gst/gst"

	"github.com/edgecam/edgecam/capture"
	"github.com/edgecam/edgecam/internal/rtsptest"
	"github.com/edgecam/edgecam/internal/secret"
	"github.com/edgecam/edgecam/internal/testkit"
)

func TestLaunchFor(t *testing.T) {
	s := testSpec(None)
	s.Source = "rtspsrc location=\"rtsp://cam/live\" ! rtph264depay"
	got, err := launchFor(s)
	want := s.Source + " ! h264parse config-interval=-1 ! video/x-h264,stream-format=byte-stream,alignment=au ! appsink name=sink sync=false emit-signals=false drop=false max-buffers=120"
	if err != nil || got != want {
		t.Errorf("passthrough launch = %q, %v\nwant %q", got, err, want)
	}

	nv := testSpec("x264enc")
	nv.Source = "nvarguscamerasrc sensor-id=0 ! video/x-raw(memory:NVMM),width=320,height=240,framerate=30/1,format=NV12"
	nv.NVMM = true
	got, _ = launchFor(nv)
	if !strings.HasPrefix(got, nv.Source+" ! nvvidconv ! video/x-raw ! queue ") {
		t.Errorf("software encoder after an NVMM source: %q, want nvvidconv to system memory before the queue", got)
	}
	nv.Encoder = "nvv4l2h264enc"
	got, _ = launchFor(nv)
	if !strings.HasPrefix(got, nv.Source+" ! queue ") || strings.Count(got, "nvvidconv") != 1 {
		t.Errorf("nvv4l2h264enc after an NVMM source: %q, want NVMM frames straight into its own nvvidconv", got)
	}

	if _, err := launchFor(testSpec("nosuchenc")); err == nil {
		t.Error("unknown encoder accepted")
	}
}

func TestMissingElements(t *testing.T) {
	got := MissingElements("h264parse", "nvarguscamerasrc", "rtspsrc", "nvvidconv")
	if len(got) != 2 || got[0] != "nvarguscamerasrc" || got[1] != "nvvidconv" {
		t.Fatalf("MissingElements = %v, want [nvarguscamerasrc nvvidconv] (this is not a Jetson)", got)
	}
	if got := MissingElements("rtspsrc", "rtph264depay", "h264parse", "avdec_h264"); got != nil {
		t.Fatalf("MissingElements of the RTSP elements = %v, want none (make deps installs them)", got)
	}
	// The error a user on a Raspberry Pi gets for an nvargus source.
	err := capture.CheckElements(capture.Source{Kind: capture.Nvargus}, false, MissingElements)
	if err == nil || !strings.Contains(err.Error(), "nvarguscamerasrc") || !strings.Contains(err.Error(), "install nvidia-l4t-gstreamer") {
		t.Fatalf("CheckElements(nvargus) = %v, want it to name nvarguscamerasrc and nvidia-l4t-gstreamer", err)
	}
	rtsp := capture.Source{Kind: capture.RTSP, URL: "rtsp://cam/live"}
	for _, pass := range []bool{false, true} {
		if err := capture.CheckElements(rtsp, pass, MissingElements); err != nil {
			t.Fatalf("CheckElements(rtsp, passthrough %v) = %v", pass, err)
		}
	}
}

// TestFragmentsParse hands the real fragments of every source kind, with a
// software encoder, to GStreamer's parser where their elements exist here:
// element names, property names and property values must all be accepted
// (an unknown property or bad enum value is a parse error). Sources whose
// element is missing must fail with GStreamer naming that element.
func TestFragmentsParse(t *testing.T) {
	ensureInit()
	f := capture.Format{Width: 640, Height: 480, FPS: 30}
	srcs := []capture.Source{
		{Kind: capture.Test, Pattern: "ball"},
		{Kind: capture.V4L2, Device: "/dev/video0"},
		{Kind: capture.V4L2, Device: "/dev/video0", Format: capture.FormatMJPEG},
		{Kind: capture.V4L2, Device: "/dev/video0", Format: capture.FormatH264},
		{Kind: capture.V4L2, Device: "/dev/video0", Format: capture.FormatH265},
		{Kind: capture.Libcamera, CameraName: "/base/soc/i2c0mux/i2c@1/imx708@1a"},
		{Kind: capture.Nvargus, SensorID: 1},
		{Kind: capture.RTSP, URL: "rtsp://127.0.0.1:1/live", Transport: "udp", Username: "u", Password: secret.New(`p"w`)},
	}
	for _, src := range srcs {
		for _, pass := range []bool{false, true} {
			spec := testSpec("x264enc")
			spec.NVMM = src.NVMM()
			var err error
			if pass {
				spec.Encoder = None
				spec.Codec = capture.PassthroughCodec(src)
				spec.Source, err = capture.PassthroughFragment(src, f)
			} else {
				spec.Source, err = capture.Fragment(src, f)
				if src.Format == capture.FormatMJPEG {
					spec.Decoder = "jpegdec"
				}
			}
			if err != nil {
				if pass != capture.Encoded(src.Format) && src.Kind == capture.V4L2 {
					continue
				}
				if pass && src.Kind != capture.RTSP && src.Kind != capture.V4L2 {
					continue
				}
				t.Fatalf("%s: %v", src, err)
			}
			launch, err := launchFor(spec)
			if err != nil {
				t.Fatal(err)
			}
			missing := MissingElements(elementNames(capture.Requirements(src, pass))...)
			p, err := gst.NewPipelineFromString(launch)
			switch {
			case len(missing) == 0 && err != nil:
				t.Errorf("%s (passthrough %v): %q does not parse: %v", src, pass, launch, err)
			case len(missing) > 0 && (err == nil || !strings.Contains(err.Error(), missing[0])):
				t.Errorf("%s (passthrough %v): parse error %v, want one naming %s (not installed here)", src, pass, err, missing[0])
			}
			if p != nil {
				p.SetState(gst.StateNull)
			}
			t.Logf("%s passthrough=%v: missing here: %v", src, pass, missing)
		}
	}
}

func elementNames(reqs []capture.Requirement) []string {
	var names []string
	for _, r := range reqs {
		names = append(names, r.Element)
	}
	return names
}

// TestPassthroughFromRTSP takes H.264 from a real RTSP server, joining its
// shared stream mid-GOP as a second client (an IP camera is usually already
// streaming to a recorder), and checks the record format: the first frame
// is a keyframe, every keyframe carries SPS and PPS, the concatenation
// decodes frame for frame, and nothing was decoded or re-encoded (the
// camera's 320x240 comes through although the stream asks for 640x480).
func TestPassthroughFromRTSP(t *testing.T) {
	url := rtsptest.Start(t, "--width", "320", "--height", "240", "--gop", "45").URL()
	// A first client starts the shared media, so ours joins mid-GOP.
	first := testSpec(None)
	first.Source, _ = capture.PassthroughFragment(capture.Source{Kind: capture.RTSP, URL: url}, capture.Format{})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	p1, err := Start(ctx, first)
	if err != nil {
		t.Fatal(err)
	}
	select {
	case <-p1.Frames():
	case <-time.After(2 * time.Minute): // an outer bound
		t.Fatalf("no frame from the first client in 2 min: %v", p1.Err())
	}
	var more atomic.Int64
	go func() {
		for range p1.Frames() {
			more.Add(1)
		}
	}()
	// Past the first IDR: a GOP is 45 frames.
	testkit.Wait(t, "20 more frames to the first client", time.Minute, 10*time.Millisecond, func() bool { return more.Load() >= 20 })

	for _, transport := range []string{"tcp", "udp"} {
		t.Run(transport, func(t *testing.T) {
			s := testSpec(None)
			s.Width, s.Height = 640, 480
			var err error
			s.Source, err = capture.PassthroughFragment(capture.Source{Kind: capture.RTSP, URL: url, Transport: transport}, capture.Format{})
			if err != nil {
				t.Fatal(err)
			}
			frames := collect(t, s, 60)
			checkRecords(t, frames, 320, 240)
		})
	}
}

// TestPassthroughFromRTSPH265 takes H.265 from a real RTSP server
// (x265enc ! rtph265pay), joining its shared stream mid-GOP as a second
// client, and checks the record format of H.265: the first frame is an
// IRAP (rtph265depay has no wait-for-keyframe: the pipeline skips what
// comes before), VPS/SPS/PPS before every IRAP, keyframes flagged exactly
// at IRAPs, Codec h265, and ffprobe decodes every frame as hevc at the
// camera's own size.
func TestPassthroughFromRTSPH265(t *testing.T) {
	url := rtsptest.Start(t, "--codec", "h265", "--width", "320", "--height", "240", "--gop", "45").URL()
	src := capture.Source{Kind: capture.RTSP, URL: url, Codec: capture.CodecH265}
	first := testSpec(None)
	first.Codec = H265
	first.Source, _ = capture.PassthroughFragment(src, capture.Format{})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	p1, err := Start(ctx, first)
	if err != nil {
		t.Fatal(err)
	}
	select {
	case <-p1.Frames():
	case <-time.After(2 * time.Minute): // an outer bound
		t.Fatalf("no frame from the first client in 2 min: %v", p1.Err())
	}
	var more atomic.Int64
	go func() {
		for range p1.Frames() {
			more.Add(1)
		}
	}()
	testkit.Wait(t, "20 more frames to the first client", time.Minute, 10*time.Millisecond, func() bool { return more.Load() >= 20 })

	for _, transport := range []string{"tcp", "udp"} {
		t.Run(transport, func(t *testing.T) {
			s := testSpec(None)
			s.Codec = H265
			s.Width, s.Height = 640, 480
			src := src
			src.Transport = transport
			var err error
			if s.Source, err = capture.PassthroughFragment(src, capture.Format{}); err != nil {
				t.Fatal(err)
			}
			frames := collect(t, s, 60)
			checkCodecRecords(t, frames, H265, 320, 240)
		})
	}
}

// TestReencodeFromRTSPH265 decodes an H.265 camera (avdec_h265) and
// encodes it again as H.264 with x264enc, at the stream's own size.
func TestReencodeFromRTSPH265(t *testing.T) {
	url := rtsptest.Start(t, "--codec", "h265", "--width", "640", "--height", "360").URL()
	s := testSpec("x264enc")
	var err error
	s.Source, err = capture.Fragment(capture.Source{Kind: capture.RTSP, URL: url, Codec: capture.CodecH265}, capture.Format{Width: 320, Height: 240, FPS: 30})
	if err != nil {
		t.Fatal(err)
	}
	frames := collect(t, s, 30)
	checkCodecRecords(t, frames, H264, 320, 240)
}

// TestPassthroughSplitPicture takes a camera stream whose IDR pictures
// arrive as two access units (SPS/PPS repeated before each slice): every
// frame must still carry a timestamp, and the concatenation must decode.
func TestPassthroughSplitPicture(t *testing.T) {
	url := rtsptest.Start(t, "--width", "320", "--height", "240", "--gop", "15", "--sliced").URL()
	s := testSpec(None)
	s.Source, _ = capture.PassthroughFragment(capture.Source{Kind: capture.RTSP, URL: url}, capture.Format{})
	frames := collect(t, s, 50)
	var stream []byte
	for i, f := range frames {
		if f.PTS < 0 || (i > 0 && f.PTS < frames[i-1].PTS) {
			t.Fatalf("frame %d: PTS %v after %v", i, f.PTS, frames[max(i-1, 0)].PTS)
		}
		stream = append(stream, f.Data...)
	}
	if n, errs := testkit.ProbeH264(t, stream); n != len(frames) || errs != "" {
		t.Fatalf("ffprobe decoded %d frames of %d, errors: %q", n, len(frames), errs)
	}
}

// TestReencodeFromRTSP decodes the camera's H.264 and encodes it again at
// the stream's own size and rate.
func TestReencodeFromRTSP(t *testing.T) {
	url := rtsptest.Start(t, "--width", "640", "--height", "360", "--fps", "30").URL()
	s := testSpec("x264enc")
	s.Width, s.Height, s.FPS = 320, 240, 15
	var err error
	s.Source, err = capture.Fragment(capture.Source{Kind: capture.RTSP, URL: url}, capture.Format{Width: 320, Height: 240, FPS: 15})
	if err != nil {
		t.Fatal(err)
	}
	frames := collect(t, s, 30)
	checkRecords(t, frames, 320, 240)
	// 30 frames at 15 fps span about 2 s of PTS; at the camera's 30 fps
	// they would span 1 s.
	if span := frames[len(frames)-1].PTS - frames[0].PTS; span < 1500*time.Millisecond {
		t.Errorf("30 frames span %v of PTS, want about 2 s (15 fps)", span)
	}
}

// checkRecords asserts the record format on H.264 frames and that ffprobe
// decodes their concatenation, every frame, at width x height.
func checkRecords(t *testing.T, frames []Frame, width, height int) {
	t.Helper()
	checkCodecRecords(t, frames, H264, width, height)
}

// checkCodecRecords is checkRecords for frames of codec.
func checkCodecRecords(t *testing.T, frames []Frame, codec string, width, height int) {
	t.Helper()
	if !frames[0].Keyframe {
		t.Fatalf("first frame is not a keyframe (H.264 NAL types %v, H.265 %v)", testkit.NALTypes(frames[0].Data), testkit.HEVCNALTypes(frames[0].Data))
	}
	var stream []byte
	for i, f := range frames {
		if !testkit.AnnexB(f.Data) {
			t.Fatalf("frame %d is not Annex-B: % x", i, f.Data[:min(8, len(f.Data))])
		}
		if err := testkit.CheckCodecKeyframe(codec, f.Data, f.Keyframe); err != nil {
			t.Fatalf("frame %d: %v", i, err)
		}
		if f.Codec != codec {
			t.Fatalf("frame %d: Codec %q, want %q", i, f.Codec, codec)
		}
		if i > 0 && f.PTS <= frames[i-1].PTS {
			t.Fatalf("PTS not increasing at frame %d: %v after %v", i, f.PTS, frames[i-1].PTS)
		}
		stream = append(stream, f.Data...)
	}
	path := filepath.Join(t.TempDir(), "out."+codec)
	if err := os.WriteFile(path, stream, 0o644); err != nil {
		t.Fatal(err)
	}
	n, errs := testkit.ProbeFrames(t, path)
	if n != len(frames) || errs != "" {
		t.Fatalf("ffprobe decoded %d frames of %d, errors: %q", n, len(frames), errs)
	}
	format := map[string]string{H264: "h264", H265: "hevc"}[codec]
	out, _ := testkit.Probe(t, path, "-f", format, "-select_streams", "v:0", "-show_entries", "stream=codec_name,width,height", "-of", "csv=p=0")
	if got, want := out, fmt.Sprintf("%s,%d,%d", format, width, height); got != want {
		t.Fatalf("decoded codec and size %s, want %s", got, want)
	}
}
