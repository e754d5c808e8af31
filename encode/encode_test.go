package encode

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/edgecam/edgecam/internal/testkit"
)

func testSpec(enc string) Spec {
	return Spec{
		Name:             "t",
		Source:           "videotestsrc is-live=true pattern=ball ! video/x-raw,width=320,height=240,framerate=30/1",
		Width:            320,
		Height:           240,
		FPS:              30,
		BitrateKbps:      500,
		KeyframeInterval: 500 * time.Millisecond,
		Encoder:          enc,
	}
}

// collect runs the pipeline until n frames arrived, then stops it and
// returns every frame delivered, including those drained after the stop.
func collect(t *testing.T, s Spec, n int) []Frame {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	p, err := Start(ctx, s)
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	var frames []Frame
	timeout := time.After(2 * time.Minute) // an outer bound: 45 frames take 1.5 s idle
	for {
		select {
		case f, ok := <-p.Frames():
			if !ok {
				if err := p.Err(); err != nil {
					t.Fatalf("pipeline ended: %v", err)
				}
				return frames
			}
			frames = append(frames, f)
			if len(frames) == n {
				cancel()
			}
		case <-timeout:
			t.Fatalf("got %d of %d frames in 2 min", len(frames), n)
		}
	}
}

// keyframeFlags is whether each of frames is a keyframe.
func keyframeFlags(frames []Frame) []bool {
	k := make([]bool, len(frames))
	for i, f := range frames {
		k[i] = f.Keyframe
	}
	return k
}

// TestPipelinePerEncoder runs the real pipeline with each software encoder
// installed here and checks the record-format promises: Annex-B access
// units, first frame a keyframe, SPS+PPS before every IDR (H.265:
// VPS+SPS+PPS before every IRAP, and only IRAPs flagged), keyframes at the
// configured interval, monotonic timestamps, plausible capture times, the
// frames' codec, and a concatenation that ffprobe decodes frame for frame
// as the right codec.
func TestPipelinePerEncoder(t *testing.T) {
	for _, enc := range []string{"x264enc", "openh264enc", "x265enc"} {
		t.Run(enc, func(t *testing.T) {
			if !elementExists(enc) {
				if enc == "x265enc" {
					t.Fatal("x265enc not installed (make deps installs gstreamer1.0-plugins-bad)")
				}
				t.Skipf("%s not installed on this machine", enc)
			}
			spec := testSpec(enc)
			spec.Codec = CodecOf(enc)
			start := time.Now()
			frames := collect(t, spec, 45)
			if len(frames) < 45 {
				t.Fatalf("got %d frames, want at least 45", len(frames))
			}
			if !frames[0].Keyframe {
				t.Fatal("first frame is not a keyframe")
			}
			var stream []byte
			keyframes := 0
			for i, f := range frames {
				if !testkit.AnnexB(f.Data) {
					t.Fatalf("frame %d is not Annex-B: % x", i, f.Data[:min(8, len(f.Data))])
				}
				if err := testkit.CheckCodecKeyframe(spec.Codec, f.Data, f.Keyframe); err != nil {
					t.Fatalf("frame %d: %v", i, err)
				}
				if f.Codec != spec.Codec {
					t.Fatalf("frame %d: Codec %q, want %q", i, f.Codec, spec.Codec)
				}
				if f.Keyframe {
					keyframes++
				}
				if i > 0 && f.PTS <= frames[i-1].PTS {
					t.Fatalf("PTS not increasing at frame %d: %v after %v", i, f.PTS, frames[i-1].PTS)
				}
				if f.CaptureTime.Before(start.Add(-time.Second)) || f.CaptureTime.After(time.Now()) {
					t.Fatalf("frame %d capture time %v outside the test run (started %v)", i, f.CaptureTime, start)
				}
				stream = append(stream, f.Data...)
			}
			// 0.5 s at 30 fps: a keyframe at least every 15 frames.
			if err := testkit.CheckKeyframeInterval(keyframeFlags(frames), 15); err != nil {
				t.Fatalf("%d keyframes in %d frames: %v", keyframes, len(frames), err)
			}
			path := filepath.Join(t.TempDir(), "stream."+spec.Codec)
			if err := os.WriteFile(path, stream, 0o644); err != nil {
				t.Fatal(err)
			}
			n, errs := testkit.ProbeFrames(t, path)
			if n != len(frames) || errs != "" {
				t.Fatalf("ffprobe decoded %d frames of %d, errors: %q", n, len(frames), errs)
			}
			if c, want := testkit.ProbeCodec(t, path), map[string]string{H264: "h264", H265: "hevc"}[spec.Codec]; c != want {
				t.Fatalf("ffprobe says codec %q, want %q", c, want)
			}
		})
	}
}

// TestChooseFallsBack feeds auto-selection a preference list whose first
// entries cannot work: an element that is not installed, a real element that
// exists but fails when it runs (avenc_h264_omx: no OpenMAX on this machine),
// and an encoder whose output cannot negotiate. It must pass over each with
// its reason and pick x264enc.
func TestChooseFallsBack(t *testing.T) {
	x264, _ := lookupEncoder("x264enc")
	list := []encoder{
		{name: "nvv4l2h264enc-missing", hardware: true, fragment: func(Spec) string { return "nvv4l2h264enc-missing" }},
		{name: "avenc_h264_omx", hardware: true, fragment: func(Spec) string { return "videoconvert ! avenc_h264_omx" }},
		// exists and links, but the caps cannot be met once frames flow
		{name: "x264enc", hardware: true, fragment: func(Spec) string {
			return "videoconvert ! video/x-raw,format=I420 ! x264enc ! video/x-h264,profile=high-4:4:4"
		}},
		x264,
		{name: "openh264enc", fragment: func(Spec) string { return "openh264enc" }},
	}
	if !elementExists("avenc_h264_omx") {
		t.Log("avenc_h264_omx not installed; it is then passed over as missing")
	}
	name, cands, err := chooseFrom(context.Background(), testSpec(Auto), list)
	if err != nil {
		t.Fatalf("chooseFrom: %v", err)
	}
	if name != "x264enc" {
		t.Fatalf("chose %q, want x264enc; candidates %+v", name, cands)
	}
	want := []struct {
		usable bool
		reason string
	}{
		{false, "not installed"},
		{false, ""},
		{false, "not-negotiated"},
		{true, ""},
		{false, "not tried"},
	}
	for i, c := range cands {
		if c.Usable != want[i].usable || !strings.Contains(c.Reason, want[i].reason) {
			t.Errorf("candidate %s: usable=%v reason=%q, want usable=%v reason containing %q", c.Name, c.Usable, c.Reason, want[i].usable, want[i].reason)
		}
		if !c.Usable && i < 3 && c.Reason == "" {
			t.Errorf("candidate %s is unusable without a reason", c.Name)
		}
	}
}

func TestChooseAutoOnThisMachine(t *testing.T) {
	name, cands, err := Choose(context.Background(), testSpec(Auto))
	if err != nil {
		t.Fatal(err)
	}
	// No GPU or SoC encoder here: the three hardware entries must be passed
	// over as not installed, and x264enc chosen.
	if name != "x264enc" {
		t.Fatalf("chose %s: %+v", name, cands)
	}
	for _, c := range cands[:3] {
		if !c.Hardware || c.Usable || c.Reason == "" {
			t.Errorf("hardware candidate %+v", c)
		}
	}
}

// TestChooseAutoH265: for an H.265 stream auto tries the H.265 encoders
// only, passes over the hardware ones missing here, and takes x265enc.
func TestChooseAutoH265(t *testing.T) {
	s := testSpec(Auto)
	s.Codec = H265
	name, cands, err := Choose(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	if name != "x265enc" {
		t.Fatalf("chose %s: %+v", name, cands)
	}
	var names []string
	for _, c := range cands {
		names = append(names, c.Name)
	}
	if want := []string{"nvv4l2h265enc", "vaapih265enc", "x265enc"}; !slices.Equal(names, want) {
		t.Fatalf("candidates %v, want %v", names, want)
	}
	for _, c := range cands[:2] {
		if !c.Hardware || c.Usable || c.Reason != "element not installed" {
			t.Errorf("hardware candidate %+v", c)
		}
	}
	s.Codec = "vp9"
	if _, _, err := Choose(context.Background(), s); err == nil || !strings.Contains(err.Error(), `unknown codec "vp9"`) {
		t.Fatalf("codec vp9: err = %v", err)
	}
	// Nothing usable: the error names the H.265 package, not x264's.
	s.Codec = H265
	_, _, err = chooseFrom(context.Background(), s, []encoder{{name: "nvv4l2h265enc-missing", codec: H265, fragment: func(Spec) string { return "nvv4l2h265enc-missing" }}})
	if err == nil || !strings.Contains(err.Error(), "no usable H.265 encoder") || !strings.Contains(err.Error(), "gstreamer1.0-plugins-bad for x265enc") {
		t.Fatalf("no H.265 encoder: err = %v", err)
	}
}

func TestChooseExplicit(t *testing.T) {
	h265 := testSpec("x264enc")
	h265.Codec = H265
	if _, _, err := Choose(context.Background(), h265); err == nil || !strings.Contains(err.Error(), "x264enc encodes H.264, and the stream's codec is h265") {
		t.Fatalf("x264enc for an H.265 stream: err = %v", err)
	}
	h265.Encoder = "x265enc"
	if name, _, err := Choose(context.Background(), h265); err != nil || name != "x265enc" {
		t.Fatalf("x265enc: %q, %v", name, err)
	}
	if _, _, err := Choose(context.Background(), testSpec("x265enc")); err == nil || !strings.Contains(err.Error(), "x265enc encodes H.265, and the stream's codec is h264") {
		t.Fatalf("x265enc for an H.264 stream: err = %v", err)
	}
	if _, _, err := Choose(context.Background(), testSpec("vaapih264enc")); err == nil || !strings.Contains(err.Error(), "not installed") {
		t.Fatalf("vaapih264enc on a machine without it: err = %v", err)
	}
	if _, _, err := Choose(context.Background(), testSpec("h265enc")); err == nil || !strings.Contains(err.Error(), "unknown encoder") {
		t.Fatalf("unknown encoder: err = %v", err)
	}
	if name, _, err := Choose(context.Background(), testSpec("x264enc")); err != nil || name != "x264enc" {
		t.Fatalf("x264enc: %q, %v", name, err)
	}
}

func TestMissingDeviceFailsStart(t *testing.T) {
	s := testSpec("x264enc")
	s.Source = "v4l2src device=/dev/video99 ! video/x-raw,width=320,height=240,framerate=30/1"
	p, err := Start(context.Background(), s)
	if err == nil {
		// Some GStreamer versions report it asynchronously on the bus.
		for range p.Frames() {
		}
		err = p.Err()
	}
	if err == nil || !strings.Contains(err.Error(), "/dev/video99") {
		t.Fatalf("err = %v, want one naming /dev/video99", err)
	}
}

func TestSourceEndIsReported(t *testing.T) {
	s := testSpec("x264enc")
	s.Source = "videotestsrc is-live=true num-buffers=10 ! video/x-raw,width=320,height=240,framerate=30/1"
	p, err := Start(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for range p.Frames() {
		n++
	}
	if n != 10 || !errors.Is(p.Err(), ErrSourceEnded) {
		t.Fatalf("%d frames, err %v; want 10 and ErrSourceEnded", n, p.Err())
	}
}

// TestWriteFile writes every container, of H.264 and of H.265; the frames
// come twice, the second time with the clock starting over, as a stream
// read across an agent restart does. ffprobe must decode every frame, as
// the codec the frames are.
func TestWriteFile(t *testing.T) {
	for _, codec := range []string{H264, H265} {
		t.Run(codec, func(t *testing.T) { testWriteFile(t, codec) })
	}
	if _, err := CreateFile(filepath.Join(t.TempDir(), "out.avi")); err == nil || !strings.Contains(err.Error(), ".mp4") {
		t.Fatalf("unknown extension: err = %v", err)
	}
}

func testWriteFile(t *testing.T, codec string) {
	spec := testSpec("x264enc")
	raw, probed := ".h264", "h264"
	if codec == H265 {
		spec.Encoder, spec.Codec, raw, probed = "x265enc", H265, ".h265", "hevc"
	}
	run := collect(t, spec, 40)
	frames := append(append([]Frame{}, run...), run...)
	for _, ext := range []string{raw, ".ts", ".mp4", ".mkv"} {
		t.Run(ext, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "out"+ext)
			w, err := CreateFile(path)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range frames {
				if err := w.Write(f); err != nil {
					t.Fatal(err)
				}
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			n, errs := testkit.ProbeFrames(t, path)
			if n != len(frames) || errs != "" {
				t.Fatalf("ffprobe decoded %d frames of %d, errors: %q", n, len(frames), errs)
			}
			if c := testkit.ProbeCodec(t, path); c != probed {
				t.Fatalf("ffprobe says codec %q, want %q", c, probed)
			}
			if ext == raw {
				return // no timestamps in a raw stream
			}
			// Both runs play one after the other: twice a run's span by
			// its own timestamps (80 frames at 30 fps, 2.67 s; longer
			// where a loaded machine made the live source skip frames,
			// 3.4 s in one CI run).
			out, _ := testkit.Probe(t, path, "-show_entries", "format=duration", "-of", "csv=p=0")
			d, err := strconv.ParseFloat(out, 64)
			want := 2 * (run[len(run)-1].DTS - run[0].DTS + time.Second/30).Seconds()
			if err != nil || d < want*0.9 || d > want*1.1 {
				t.Fatalf("duration %q s, want about %.2f s", out, want)
			}
		})
	}
}

// TestWriteFileWrongCodec: a raw file of one codec refuses frames of the
// other with the extension to use; a muxed file refuses a codec change.
func TestWriteFileWrongCodec(t *testing.T) {
	dir := t.TempDir()
	frame := Frame{Data: []byte{0, 0, 0, 1, 0x28, 0x01}, Codec: H265, Keyframe: true}
	w, err := CreateFile(filepath.Join(dir, "x.h264"))
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Write(frame); err == nil || !strings.Contains(err.Error(), "the stream is H.265") || !strings.Contains(err.Error(), ".h265") {
		t.Fatalf("H.265 into .h264: err = %v", err)
	}
	_ = w.Close()
	w, err = CreateFile(filepath.Join(dir, "x.hevc"))
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Write(Frame{Data: []byte{0, 0, 0, 1, 0x65}}); err == nil || !strings.Contains(err.Error(), "the stream is H.264") {
		t.Fatalf("H.264 into .hevc: err = %v", err)
	}
	_ = w.Close()
	run := collect(t, testSpec("x264enc"), 3)
	w, err = CreateFile(filepath.Join(dir, "x.mkv"))
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Write(run[0]); err != nil {
		t.Fatal(err)
	}
	if err := w.Write(frame); err == nil || !strings.Contains(err.Error(), "one file holds one codec") {
		t.Fatalf("H.265 after H.264 into .mkv: err = %v", err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestVersion(t *testing.T) {
	if v := Version(); !strings.HasPrefix(v, "GStreamer 1.") {
		t.Fatalf("Version() = %q", v)
	}
}
