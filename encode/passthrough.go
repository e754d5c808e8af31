package encode

import "fmt"

// None is the Spec.Encoder of a passthrough stream: the source already
// delivers H.264 or H.265 (an RTSP camera), Spec.Codec says which, and its
// access units go to Kafka as they come, with no decoding and no encoding.
// Spec.Source then ends in that codec (capture.PassthroughFragment), and
// Width, Height, FPS, BitrateKbps and KeyframeInterval describe nothing the
// pipeline enforces: the camera's own settings rule.
const None = "none"

// passthroughLaunch is the pipeline of a passthrough stream. The parser
// (h264parse or h265parse, parseFragment) turns the source's access units
// into the record format: Annex-B, one access unit per buffer, parameter
// sets in front of every IDR/IRAP (config-interval=-1 also covers cameras
// that send them only once, out of band in the SDP or at the start of a
// V4L2 stream).
//
// There is no leaky queue as in launchString: dropping an encoded frame
// would corrupt every frame that references it until the next IDR. When the
// consumer lags, appsink fills and back-pressure reaches the source (RTSP
// over TCP: the camera slows down or drops at its end; UDP: the socket
// drops; V4L2: the driver drops frames when v4l2src returns no buffer).
func passthroughLaunch(s Spec, codec string) string {
	return fmt.Sprintf("%s ! %s ! appsink name=sink sync=false emit-signals=false drop=false max-buffers=%d",
		s.Source, parseFragment(codec), appsinkQueue)
}

// nvmmBridge moves frames out of NVMM memory for encoders that read system
// memory (every encoder but nvv4l2h264enc and nvv4l2h265enc).
const nvmmBridge = "nvvidconv ! video/x-raw"

// launchFor renders the whole pipeline of s: passthrough for None, else the
// source, the JPEG decoder named by s.Decoder if any, the encoder named by
// s.Encoder and the parser of its codec. The encoder must encode s.Codec.
func launchFor(s Spec) (string, error) {
	codec, err := s.codec()
	if err != nil {
		return "", fmt.Errorf("stream %s: %w", s.Name, err)
	}
	audio := ""
	if s.Audio != nil {
		if audio, err = audioLaunch(*s.Audio); err != nil {
			return "", fmt.Errorf("stream %s: %w", s.Name, err)
		}
	}
	if s.Encoder == None {
		return passthroughLaunch(s, codec) + audio, nil
	}
	e, err := lookupEncoder(s.Encoder)
	if err != nil {
		return "", err
	}
	if e.codec != codec {
		return "", fmt.Errorf("stream %s: encoder %s encodes %s, not the stream's codec %s", s.Name, e.name, codecName(e.codec), codec)
	}
	nvEnc := e.name == "nvv4l2h264enc" || e.name == "nvv4l2h265enc"
	if s.NVMM && !nvEnc {
		s.Source += " ! " + nvmmBridge
	}
	decode := ""
	if s.Decoder != "" {
		d, err := lookupDecoder(s.Decoder)
		if err != nil {
			return "", fmt.Errorf("stream %s: %w (Start wants ChooseDecoder's choice)", s.Name, err)
		}
		decode = d.fragment
		if d.nvmm && !nvEnc {
			decode += " ! " + nvmmBridge
		}
	}
	return launchString(s, decode, e) + audio, nil
}
