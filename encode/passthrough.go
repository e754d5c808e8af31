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
// turns the depayloaded access units into the record format: Annex-B, one
// access unit per buffer, SPS/PPS in front of every IDR (config-interval=-1
// also covers cameras that send them only once, out of band in the SDP).
//
// There is no leaky queue as in launchString: dropping an encoded frame
// would corrupt every frame that references it until the next IDR. When the
// consumer lags, appsink fills and back-pressure reaches rtspsrc (TCP: the
// camera slows down or drops at its end; UDP: the socket drops).
func passthroughLaunch(s Spec) string {
	return fmt.Sprintf("%s ! %s ! appsink name=sink sync=false emit-signals=false drop=false max-buffers=%d",
		s.Source, parseFragment, appsinkQueue)
}

// nvmmBridge moves frames out of NVMM memory for encoders that read system
// memory (every encoder but nvv4l2h264enc).
const nvmmBridge = "nvvidconv ! video/x-raw"

// launchFor renders the whole pipeline of s: passthrough for None, else the
// source, the encoder named by s.Encoder and h264parse.
func launchFor(s Spec) (string, error) {
	if s.Encoder == None {
		return passthroughLaunch(s), nil
	}
	e, err := lookupEncoder(s.Encoder)
	if err != nil {
		return "", err
	}
	if s.NVMM && e.name != "nvv4l2h264enc" {
		s.Source += " ! " + nvmmBridge
	}
	return launchString(s, e), nil
}
