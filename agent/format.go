package agent

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/edgecam/edgecam/capture"
	"github.com/edgecam/edgecam/encode"
)

// chooseFormat resolves a V4L2 camera's source.format for this attempt
// against the formats the camera lists now (capture.ChooseFormat) and sets
// s.src.Format. It reports whether the stream passes the camera's own
// encoding through: a camera asked for h264/h265, or one whose only way to
// deliver the stream's size and rate is its own H.264/H.265 while the
// encoder is auto. A camera that cannot deliver the size and rate in any
// allowed format is a device fault: the stream waits for it (a replugged
// or reconfigured camera may).
//
// A node whose formats cannot be listed (a multi-planar SoC capture node,
// a driver that lists none until it has a producer) gets the configured
// format, auto meaning raw (H.264 with encoder none), as before formats
// were chosen: v4l2src then negotiates, and a mismatch fails the pipeline
// with GStreamer's reason.
func (s *stream) chooseFormat(f capture.Format, passthrough bool) (bool, error) {
	dev := s.probeDevice(s.src.Device)
	var got string
	if len(dev.Formats) == 0 {
		got = s.format
		if got == "" || got == capture.FormatAuto {
			got = capture.FormatRaw
			if passthrough {
				got = capture.FormatH264
			}
		}
		if got != s.src.Format {
			s.log.Info("cannot list the camera's formats: asking it for the configured one", "format", got, "configured", s.format, "reason", dev.Error)
		}
	} else {
		var err error
		if got, err = capture.ChooseFormat(dev, s.format, f, passthrough); err != nil {
			return passthrough, &fault{errDevice, fmt.Errorf("%s (source.format %s): %w", s.src, s.format, err)}
		}
	}
	if capture.Encoded(got) && !passthrough {
		if !s.autoEncoder {
			return false, &fault{errDevice, fmt.Errorf("%s delivers %dx%d@%d only as its own %s: encoder %s would have nothing to encode; "+
				"use encoder auto or none to pass it through, or a size and rate the camera gives raw or as MJPEG (`edgecam probe` lists them)",
				s.src, f.Width, f.Height, f.FPS, got, s.spec.Encoder)}
		}
		passthrough = true
		s.spec.Encoder = encode.None
	}
	if got != s.src.Format && len(dev.Formats) > 0 {
		s.log.Info("camera format chosen", "format", got, "configured", s.format,
			"size", fmt.Sprintf("%dx%d@%d", f.Width, f.Height, f.FPS), "passthrough", passthrough)
	}
	s.src.Format = got
	if got != capture.FormatMJPEG {
		s.decoderInfo.Store(nil)
	}
	return passthrough, nil
}

// chooseDecoder picks the JPEG decoder of an MJPEG camera (once; kept
// across restarts), logs the choice and the decoders passed over, and
// exports it as edgecam_decoder_info.
func (s *stream) chooseDecoder(ctx context.Context) error {
	if s.decoder == "" {
		s.spec.Decoder = encode.Auto
		name, cands, err := encode.ChooseDecoder(ctx, s.spec)
		for _, c := range cands {
			if c.Name != name {
				s.log.Info("JPEG decoder passed over", "decoder", c.Name, "hardware", c.Hardware, "reason", c.Reason)
			}
		}
		if err != nil {
			return &fault{errEncoder, err}
		}
		s.log.Info("JPEG decoder chosen", "decoder", name, "hardware", encode.IsHardwareDecoder(name), "why", "first usable in preference order")
		s.decoder = name
	}
	s.spec.Decoder = s.decoder
	s.decoderInfo.Store(&encoderInfo{name: s.decoder, hardware: encode.IsHardwareDecoder(s.decoder)})
	return nil
}

// longKeyframeInterval is where a camera's own keyframe interval becomes a
// problem worth a warning: a consumer that joins the stream (a viewer, a
// detector after a restart) can only start decoding at a keyframe.
const longKeyframeInterval = 10 * time.Second

// keyframeWatch measures the time between keyframes from the frames of one
// pipeline (edgecam_keyframe_interval_seconds). For a camera that encodes
// itself (camera: a passthrough stream), whose interval the config cannot
// set, it logs the first interval measured and warns once when an interval
// exceeds longKeyframeInterval, also while the next keyframe is still
// awaited. Per frame it costs a comparison.
type keyframeWatch struct {
	camera  bool
	lastKey time.Duration
	seen    bool // a keyframe was seen
	logged  bool // the interval was logged
	warned  bool
}

func (w *keyframeWatch) frame(s *stream, f encode.Frame) {
	if !f.Keyframe {
		if w.camera && w.seen && !w.warned && f.PTS-w.lastKey > longKeyframeInterval {
			w.warned = true
			s.log.Warn("the camera sends no keyframe for more than 10 s: a consumer that starts reading this stream may wait that long before it can decode a picture; "+
				"lower the camera's keyframe (IDR/GOP) interval in its own settings", "since_keyframe", (f.PTS - w.lastKey).Round(time.Millisecond))
		}
		return
	}
	if w.seen {
		iv := f.PTS - w.lastKey
		s.keyInterval.Store(int64(iv))
		if w.camera && !w.logged {
			w.logged = true
			level := slog.LevelInfo
			if iv > longKeyframeInterval {
				level = slog.LevelWarn
			}
			s.log.Log(context.Background(), level, "camera keyframe interval measured", "interval", iv.Round(time.Millisecond),
				"frames", fmt.Sprintf("%.0f", iv.Seconds()*float64(s.spec.FPS)))
		}
	}
	w.lastKey, w.seen = f.PTS, true
}
