package encode

import "fmt"

// None is the Spec.Encoder of a passthrough stream: the source already
// delivers H.264 (an RTSP camera) and its access units go to Kafka as they
// come, with no decoding and no encoding. Spec.Source then ends in H.264
// (capture.PassthroughFragment), and Width, Height, FPS, BitrateKbps and
// KeyframeInterval describe nothing the pipeline enforces: the camera's own
// settings rule.
const None = "none"

// passthroughLaunch is the pipeline of a passthrough stream. h264parse
// (h265parse for Spec.Codec h265) turns the source's access units into the
// record format: Annex-B, one access unit per buffer, parameter sets in
// front of every IDR/IRAP (config-interval=-1 also covers cameras that send
// them only once, out of band in the SDP or at the start of a V4L2 stream).
//
// There is no leaky queue as in launchString: dropping an encoded frame
// would corrupt every frame that references it until the next IDR. When the
// consumer lags, appsink fills and back-pressure reaches the source (RTSP
// over TCP: the camera slows down or drops at its end; UDP: the socket
// drops; V4L2: the driver drops frames when v4l2src returns no buffer).
func passthroughLaunch(s Spec) (string, error) {
	parse, err := ParseFragment(s.Codec)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%s ! %s ! appsink name=sink sync=false emit-signals=false drop=false max-buffers=%d",
		s.Source, parse, appsinkQueue), nil
}

// nvmmBridge moves frames out of NVMM memory for encoders that read system
// memory (every encoder but nvv4l2h264enc).
const nvmmBridge = "nvvidconv ! video/x-raw"

// launchFor renders the whole pipeline of s: passthrough for None, else the
// source, the JPEG decoder named by s.Decoder if any, the encoder named by
// s.Encoder and h264parse.
func launchFor(s Spec) (string, error) {
	if s.Encoder == None {
		return passthroughLaunch(s)
	}
	if s.Codec != "" && s.Codec != "h264" {
		return "", fmt.Errorf("stream %s: codec %s: the encoders here are H.264 encoders", s.Name, s.Codec)
	}
	e, err := lookupEncoder(s.Encoder)
	if err != nil {
		return "", err
	}
	nvEnc := e.name == "nvv4l2h264enc"
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
	return launchString(s, decode, e), nil
}
