package encode

import (
	"context"
	"errors"
	"fmt"
	"strings"
)

// decoder describes one JPEG decoder element: a V4L2 camera's MJPEG frames
// go through it before the encoder.
type decoder struct {
	// name is the GStreamer element factory name, as logged and exported.
	name string
	// hardware marks decoders that run on a dedicated block of the SoC.
	hardware bool
	// nvmm marks decoders whose output is in NVMM memory (Jetson):
	// encoders other than nvv4l2h264enc then need nvvidconv after it.
	nvmm bool
	// fragment is the decoder as it appears in the pipeline, between the
	// camera's image/jpeg caps and the encoder's colour conversion.
	fragment string
}

// decoders lists the JPEG decoders in the order ChooseDecoder tries them:
// the board's hardware first, then libjpeg-turbo's jpegdec, which every
// board has (gstreamer1.0-plugins-good, like v4l2src).
func decoders() []decoder {
	return []decoder{
		// Raspberry Pi 4: bcm2835-codec's JPEG decoder, a V4L2 m2m device
		// GStreamer's v4l2 plugin turns into v4l2jpegdec.
		{name: "v4l2jpegdec", hardware: true, fragment: "v4l2jpegdec"},
		// Jetson: NVDEC decodes MJPEG with mjpeg=1, into NVMM memory.
		{name: "nvv4l2decoder", hardware: true, nvmm: true, fragment: "nvv4l2decoder mjpeg=1"},
		// Jetson's nvjpeg (the JPEG engine of the Xavier/Orin, libnvjpeg
		// elsewhere), into system memory.
		{name: "nvjpegdec", hardware: true, fragment: "nvjpegdec"},
		{name: "jpegdec", fragment: "jpegdec"},
	}
}

// DecoderNames lists the JPEG decoders Spec.Decoder accepts besides Auto, in
// the order Auto tries them.
func DecoderNames() []string {
	var names []string
	for _, d := range decoders() {
		names = append(names, d.name)
	}
	return names
}

func lookupDecoder(name string) (decoder, error) {
	for _, d := range decoders() {
		if d.name == name {
			return d, nil
		}
	}
	return decoder{}, fmt.Errorf("unknown JPEG decoder %q (want %s or %s)", name, Auto, strings.Join(DecoderNames(), ", "))
}

// IsHardwareDecoder reports whether the named JPEG decoder runs on a
// dedicated block of the SoC (false for jpegdec and unknown names).
func IsHardwareDecoder(name string) bool {
	d, err := lookupDecoder(name)
	return err == nil && d.hardware
}

// ChooseDecoder returns the JPEG decoder of a stream whose source delivers
// MJPEG (Spec.Decoder set), the way Choose picks an encoder: an explicit
// name is only checked to be installed; Auto takes the first decoder of
// DecoderNames whose element exists and whose test pipeline (videotestsrc
// at the stream's size and rate, 4:2:2 like a webcam's MJPEG, through
// jpegenc and the decoder) decodes frames. The candidates say why each
// earlier one was passed over, for the log.
func ChooseDecoder(ctx context.Context, s Spec) (string, []Candidate, error) {
	if s.Decoder != "" && s.Decoder != Auto {
		d, err := lookupDecoder(s.Decoder)
		if err != nil {
			return "", nil, err
		}
		if !elementExists(d.name) {
			return "", nil, fmt.Errorf("JPEG decoder %s is not installed (no such GStreamer element)", d.name)
		}
		return d.name, nil, nil
	}
	var cands []Candidate
	chosen := ""
	for _, d := range decoders() {
		c := Candidate{Name: d.name, Hardware: d.hardware}
		switch {
		case chosen != "":
			c.Reason = "not tried: " + chosen + " is preferred"
		case ctx.Err() != nil:
			c.Reason = "not tried: " + ctx.Err().Error()
		default:
			if err := testDecoder(ctx, s, d); err != nil {
				c.Reason = err.Error()
			} else {
				c.Usable, chosen = true, d.name
			}
		}
		cands = append(cands, c)
	}
	if chosen == "" {
		var why []string
		for _, c := range cands {
			why = append(why, c.Name+": "+c.Reason)
		}
		return "", cands, fmt.Errorf("no usable JPEG decoder for %dx%d@%d MJPEG (install gstreamer1.0-plugins-good for jpegdec): %s",
			s.Width, s.Height, s.FPS, strings.Join(why, "; "))
	}
	return chosen, cands, nil
}

// ProbeDecoders tests every known JPEG decoder at s's size and rate, for
// `edgecam probe`.
func ProbeDecoders(ctx context.Context, s Spec) []Candidate {
	var cands []Candidate
	for _, d := range decoders() {
		c := Candidate{Name: d.name, Hardware: d.hardware}
		if err := testDecoder(ctx, s, d); err != nil {
			c.Reason = err.Error()
		} else {
			c.Usable = true
		}
		cands = append(cands, c)
	}
	return cands
}

// testDecoder decodes a few JPEG frames at the stream's size and rate into
// system-memory raw video, and reports why that failed, if it did.
func testDecoder(ctx context.Context, s Spec, d decoder) error {
	if !elementExists(d.name) {
		return errors.New("element not installed")
	}
	if !elementExists("jpegenc") {
		return errors.New("cannot test: jpegenc (gstreamer1.0-plugins-good) is not installed")
	}
	return runToEOS(ctx, decoderTestLaunch(s, d), negotiationTimeout)
}

// decoderTestLaunch is the test pipeline of one decoder.
func decoderTestLaunch(s Spec, d decoder) string {
	out := "videoconvert"
	if d.nvmm {
		out = nvmmBridge
	}
	return fmt.Sprintf("videotestsrc num-buffers=3 ! video/x-raw,format=Y42B,width=%d,height=%d,framerate=%d/1 ! jpegenc ! %s ! %s ! fakesink",
		s.Width, s.Height, s.FPS, d.fragment, out)
}
