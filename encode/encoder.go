package encode

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/go-gst/go-gst/gst"
)

// Auto asks Choose to pick the best encoder that works on this machine.
const Auto = "auto"

// encoder describes one encoder element and how to drive it.
type encoder struct {
	// name is the GStreamer element factory name, as written in config.
	name string
	// codec is what it encodes: H264 or H265.
	codec string
	// hardware marks encoders that run on a dedicated block of the SoC/GPU.
	hardware bool
	// fragment renders the pipeline part between the raw source caps and
	// the parser (parseFragment): colour conversion into what the encoder
	// takes, the encoder with rate control and keyframe interval set, and
	// any caps the encoder needs on its output.
	fragment func(s Spec) string
}

// encoders lists the encoders edgecam knows, in the order auto tries them
// for their codec. H.264: the board's hardware encoder first, then x264
// (best software quality per bit), then openh264 (lighter, for weak CPUs).
// H.265: the Jetson's and VA-API's hardware encoders, then x265 (software,
// and heavier than x264 at the same size: see the README's benchmarks). No
// Raspberry Pi encodes H.265 in hardware (the Pi 4 decodes it only). Never
// pick by GStreamer rank alone: avenc_h264_omx outranks openh264enc and
// fails on most boards.
func encoders() []encoder {
	return []encoder{
		{name: "nvv4l2h264enc", codec: H264, hardware: true, fragment: func(s Spec) string {
			// Jetson: frames must be in NVMM memory; insert-sps-pps and
			// idrinterval make every keyframe an IDR with SPS/PPS.
			return fmt.Sprintf("nvvidconv ! video/x-raw(memory:NVMM),format=NV12 ! "+
				"nvv4l2h264enc name=enc control-rate=1 bitrate=%d iframeinterval=%d idrinterval=%d "+
				"insert-sps-pps=true maxperf-enable=true preset-level=1",
				s.BitrateKbps*1000, s.gop(), s.gop())
		}},
		{name: "v4l2h264enc", codec: H264, hardware: true, fragment: func(s Spec) string {
			// Raspberry Pi 4 (bcm2835-codec): the level must be fixed on the
			// output caps or negotiation fails; level 4 covers 1080p30, the
			// encoder's limit.
			return fmt.Sprintf("videoconvert ! video/x-raw,format=I420 ! "+
				"v4l2h264enc name=enc extra-controls=\"controls,video_bitrate=%d,h264_i_frame_period=%d,repeat_sequence_header=1\" ! "+
				"video/x-h264,level=(string)4",
				s.BitrateKbps*1000, s.gop())
		}},
		{name: "vaapih264enc", codec: H264, hardware: true, fragment: func(s Spec) string {
			return fmt.Sprintf("videoconvert ! video/x-raw,format=NV12 ! "+
				"vaapih264enc name=enc rate-control=cbr bitrate=%d keyframe-period=%d max-bframes=0",
				s.BitrateKbps, s.gop())
		}},
		{name: "x264enc", codec: H264, fragment: func(s Spec) string {
			// zerolatency: no B-frames, no lookahead, sliced threads, so
			// every frame leaves the encoder as soon as it is coded.
			return fmt.Sprintf("videoconvert ! video/x-raw,format=I420 ! "+
				"x264enc name=enc bitrate=%d key-int-max=%d bframes=0 speed-preset=ultrafast tune=zerolatency",
				s.BitrateKbps, s.gop())
		}},
		{name: "openh264enc", codec: H264, fragment: func(s Spec) string {
			return fmt.Sprintf("videoconvert ! video/x-raw,format=I420 ! "+
				"openh264enc name=enc bitrate=%d gop-size=%d rate-control=bitrate complexity=low usage-type=camera",
				s.BitrateKbps*1000, s.gop())
		}},
		{name: "nvv4l2h265enc", codec: H265, hardware: true, fragment: func(s Spec) string {
			// As nvv4l2h264enc: insert-sps-pps puts VPS, SPS and PPS
			// before every IDR.
			return fmt.Sprintf("nvvidconv ! video/x-raw(memory:NVMM),format=NV12 ! "+
				"nvv4l2h265enc name=enc control-rate=1 bitrate=%d iframeinterval=%d idrinterval=%d "+
				"insert-sps-pps=true maxperf-enable=true preset-level=1",
				s.BitrateKbps*1000, s.gop(), s.gop())
		}},
		{name: "vaapih265enc", codec: H265, hardware: true, fragment: func(s Spec) string {
			return fmt.Sprintf("videoconvert ! video/x-raw,format=NV12 ! "+
				"vaapih265enc name=enc rate-control=cbr bitrate=%d keyframe-period=%d max-bframes=0",
				s.BitrateKbps, s.gop())
		}},
		{name: "x265enc", codec: H265, fragment: func(s Spec) string {
			// I420 forced as for x264enc: left alone, x265enc takes
			// Y444 from videotestsrc, which few decoders play.
			// zerolatency: no B-frames, no lookahead, one frame
			// thread. open-gop=0 makes every keyframe an IDR (a CRA
			// of an open GOP is an IRAP too, but IDR is what players
			// expect to start at); the VBV at the bit rate keeps it
			// near constant, as the H.264 encoders' CBR.
			return fmt.Sprintf("videoconvert ! video/x-raw,format=I420 ! "+
				"x265enc name=enc bitrate=%d key-int-max=%d speed-preset=ultrafast tune=zerolatency "+
				"option-string=\"open-gop=0:vbv-maxrate=%d:vbv-bufsize=%d\"",
				s.BitrateKbps, s.gop(), s.BitrateKbps, s.BitrateKbps)
		}},
	}
}

// encodersFor lists the encoders of codec, in the order auto tries them.
func encodersFor(codec string) []encoder {
	var out []encoder
	for _, e := range encoders() {
		if e.codec == codec {
			out = append(out, e)
		}
	}
	return out
}

// Names lists the encoder names Spec.Encoder accepts besides Auto and
// None: the H.264 encoders in the order Auto tries them, then the H.265
// ones in theirs.
func Names() []string {
	var names []string
	for _, e := range encoders() {
		names = append(names, e.name)
	}
	return names
}

// NamesFor lists the encoders of codec (H264 or H265), in the order Auto
// tries them.
func NamesFor(codec string) []string {
	var names []string
	for _, e := range encodersFor(codec) {
		names = append(names, e.name)
	}
	return names
}

func lookupEncoder(name string) (encoder, error) {
	for _, e := range encoders() {
		if e.name == name {
			return e, nil
		}
	}
	return encoder{}, fmt.Errorf("unknown encoder %q (want %s or %s)", name, Auto, strings.Join(Names(), ", "))
}

// CodecOf returns the codec the named encoder encodes (H264 or H265), ""
// for None, Auto and unknown names.
func CodecOf(name string) string {
	e, err := lookupEncoder(name)
	if err != nil {
		return ""
	}
	return e.codec
}

// IsHardware reports whether the named encoder runs on a dedicated block
// of the SoC or GPU (false for software encoders, none and unknown names).
func IsHardware(name string) bool {
	e, err := lookupEncoder(name)
	return err == nil && e.hardware
}

// Candidate is the verdict on one encoder for one Spec.
type Candidate struct {
	Name     string
	Hardware bool
	// Usable is true when the element exists and a short test pipeline with
	// the stream's size and rate encoded frames with it.
	Usable bool
	// Reason says why the encoder is not usable, or was not tried.
	Reason string
}

// negotiationTimeout bounds one encoder test. Hardware encoders open their
// device and allocate buffers on the first frames, which takes a few hundred
// milliseconds on a Pi; ten seconds means "it hangs".
const negotiationTimeout = 10 * time.Second

// Choose returns the encoder the stream should use. For an explicit
// Spec.Encoder it only checks that the element is installed and encodes
// Spec.Codec (a failure to run then surfaces as a pipeline error with
// GStreamer's reason). For Auto it tries the encoders of Spec.Codec in
// preference order and takes the first one whose element exists and whose
// test pipeline (videotestsrc at the stream's size and rate → encoder →
// parser) encodes frames; the candidates list says why each earlier one
// was passed over, for the log.
func Choose(ctx context.Context, s Spec) (string, []Candidate, error) {
	codec, err := s.codec()
	if err != nil {
		return "", nil, err
	}
	if s.Encoder != "" && s.Encoder != Auto {
		e, err := lookupEncoder(s.Encoder)
		if err != nil {
			return "", nil, err
		}
		if e.codec != codec {
			return "", nil, fmt.Errorf("encoder %s encodes %s, and the stream's codec is %s: choose an %s encoder (or encoder: auto)", e.name, codecName(e.codec), codec, codecName(codec))
		}
		if !elementExists(e.name) {
			return "", nil, fmt.Errorf("encoder %s is not installed (no such GStreamer element; check the plugin package for this board, or use encoder: auto)", e.name)
		}
		return e.name, nil, nil
	}
	return chooseFrom(ctx, s, encodersFor(codec))
}

func chooseFrom(ctx context.Context, s Spec, list []encoder) (string, []Candidate, error) {
	var cands []Candidate
	chosen := ""
	for _, e := range list {
		c := Candidate{Name: e.name, Hardware: e.hardware}
		switch {
		case chosen != "":
			c.Reason = "not tried: " + chosen + " is preferred"
		case ctx.Err() != nil:
			c.Reason = "not tried: " + ctx.Err().Error()
		default:
			if err := testEncoder(ctx, s, e); err != nil {
				c.Reason = err.Error()
			} else {
				c.Usable = true
				chosen = e.name
			}
		}
		cands = append(cands, c)
	}
	if chosen == "" {
		var why []string
		for _, c := range cands {
			why = append(why, c.Name+": "+c.Reason)
		}
		soft := "gstreamer1.0-plugins-ugly for x264enc"
		if len(list) > 0 && list[0].codec == H265 {
			soft = "gstreamer1.0-plugins-bad for x265enc"
		}
		what := "H.264"
		if len(list) > 0 {
			what = codecName(list[0].codec)
		}
		return "", cands, fmt.Errorf("no usable %s encoder for %dx%d@%d (install %s): %s",
			what, s.Width, s.Height, s.FPS, soft, strings.Join(why, "; "))
	}
	return chosen, cands, nil
}

// Probe tests every known encoder of s's codec against s and reports each
// one, for `edgecam probe`.
func Probe(ctx context.Context, s Spec) []Candidate {
	codec, err := s.codec()
	if err != nil {
		return nil
	}
	var cands []Candidate
	for _, e := range encodersFor(codec) {
		c := Candidate{Name: e.name, Hardware: e.hardware}
		if err := testEncoder(ctx, s, e); err != nil {
			c.Reason = err.Error()
		} else {
			c.Usable = true
		}
		cands = append(cands, c)
	}
	return cands
}

// testEncoder runs a few test frames at the stream's size and rate through
// the encoder and reports why that failed, if it did.
func testEncoder(ctx context.Context, s Spec, e encoder) error {
	if !elementExists(e.name) {
		return errors.New("element not installed")
	}
	launch := fmt.Sprintf("videotestsrc num-buffers=3 ! video/x-raw,width=%d,height=%d,framerate=%d/1 ! %s ! %s ! fakesink",
		s.Width, s.Height, s.FPS, e.fragment(s), parseFragment(e.codec))
	return runToEOS(ctx, launch, negotiationTimeout)
}

// runToEOS plays a finite pipeline and waits for its end of stream.
func runToEOS(ctx context.Context, launch string, timeout time.Duration) error {
	ensureInit()
	p, err := gst.NewPipelineFromString(launch)
	if err != nil {
		return fmt.Errorf("building pipeline: %w", err)
	}
	defer func() { _ = p.SetState(gst.StateNull) }() // teardown of a test encode: nothing to report
	if err := p.SetState(gst.StatePlaying); err != nil {
		if msg := p.GetPipelineBus().TimedPopFiltered(0, gst.MessageError); msg != nil {
			return busError(msg)
		}
		return err
	}
	bus := p.GetPipelineBus()
	deadline := time.Now().Add(timeout)
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		left := time.Until(deadline)
		if left <= 0 {
			return fmt.Errorf("no end of stream within %s (encoder hangs?)", timeout)
		}
		// Wake up at least every 100 ms to notice ctx; this runs only while
		// probing encoders, never per frame.
		msg := bus.TimedPopFiltered(gst.ClockTime(min(left, 100*time.Millisecond)), gst.MessageError|gst.MessageEOS)
		if msg == nil {
			continue
		}
		if msg.Type() == gst.MessageError {
			return busError(msg)
		}
		return nil
	}
}
