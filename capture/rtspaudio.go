package capture

import (
	"fmt"
)

// RTSPSourceName is the name rtspsrc has in every RTSP fragment, so that a
// second branch of the same pipeline can take the camera's audio pad
// (`camsrc. ! ...`: RTSPAudioPassthroughFragment, RTSPAudioDecodeFragment)
// from the one RTSP session that also brings the video.
const RTSPSourceName = "camsrc"

// The audio an RTSP camera sends (Source.AudioCodec): what its SDP names
// MPEG4-GENERIC (AAC, RFC 3640: the default of most IP cameras), PCMA
// (G.711 A-law) or PCMU (G.711 mu-law, both 8 kHz).
const (
	AudioAAC  = "aac"
	AudioPCMA = "pcma"
	AudioPCMU = "pcmu"
)

// rtspAudioCodec is the camera's audio codec; "" is AAC.
func rtspAudioCodec(s Source) (string, error) {
	switch s.AudioCodec {
	case "", AudioAAC:
		return AudioAAC, nil
	case AudioPCMA, AudioPCMU:
		return s.AudioCodec, nil
	}
	return "", fmt.Errorf("rtsp source %s: audio codec %q (want %s, %s or %s)", redactURL(s.URL), s.AudioCodec, AudioAAC, AudioPCMA, AudioPCMU)
}

// rtspAudioDepay is the RTP depayloader of each camera audio codec.
var rtspAudioDepay = map[string]string{
	AudioAAC:  "rtpmp4gdepay",
	AudioPCMA: "rtppcmadepay",
	AudioPCMU: "rtppcmudepay",
}

// The audio branch's elements are named "audio-...": package encode
// reports their errors as the audio track's (encode.AudioError), which the
// agent answers by running the video on without audio for a while, not by
// failing the stream.
const (
	rtspAudioDepayName = "audio-depay"
	rtspAudioDecName   = "audio-dec"
)

// rtspAudioDecoders is the parser and decoder of each camera audio codec
// (G.711 has no parser: every byte is a sample), each decoder named
// rtspAudioDecName.
var rtspAudioDecoders = map[string]string{
	AudioAAC:  "aacparse ! avdec_aac name=" + rtspAudioDecName,
	AudioPCMA: "alawdec name=" + rtspAudioDecName,
	AudioPCMU: "mulawdec name=" + rtspAudioDecName,
}

// rtspAudioTap starts a branch at the camera's audio pad. The caps filter
// names the medium only, not the encoding: a camera that sends another
// codec than Source.AudioCodec then fails the pipeline at once (the
// depayloader refuses the caps: not-negotiated) instead of leaving its
// audio unlinked and the track silently empty. A camera without an audio
// track leaves the branch unlinked (gst-launch's delayed link: a "Delayed
// linking failed" warning once rtspsrc has added all its pads), and the
// track gets no frame.
func rtspAudioTap(s Source) (codec, tap string, err error) {
	if s.Kind != RTSP {
		return "", "", fmt.Errorf("%s has no camera audio: audio source camera needs an rtsp source", s)
	}
	codec, err = rtspAudioCodec(s)
	if err != nil {
		return "", "", err
	}
	return codec, fmt.Sprintf("%s. ! application/x-rtp,media=audio ! %s name=%s", RTSPSourceName, rtspAudioDepay[codec], rtspAudioDepayName), nil
}

// RTSPAudioPasses tells whether the camera's audio goes into the stream's
// audio track as it is (RTSPAudioPassthroughFragment): a camera sending AAC
// into a track of codec "aac". Every other pair is decoded and encoded
// again (RTSPAudioDecodeFragment, then the configured encoder).
func RTSPAudioPasses(s Source, codec string) bool {
	c, err := rtspAudioCodec(s)
	return err == nil && c == AudioAAC && codec == AudioAAC
}

// RTSPAudioPassthroughFragment renders the second branch of an RTSP
// stream's pipeline for audio source camera with a camera that sends AAC:
// its AAC frames untouched, one frame a buffer, as rtpmp4gdepay gives them
// (raw AAC with its codec_data: package encode's aacparse turns them into
// ADTS, as the record format wants), on the pipeline's clock with the
// video. The pipeline's first branch must be the source's
// PassthroughFragment or Fragment (they name rtspsrc RTSPSourceName).
func RTSPAudioPassthroughFragment(s Source) (string, error) {
	codec, tap, err := rtspAudioTap(s)
	if err != nil {
		return "", err
	}
	if codec != AudioAAC {
		return "", fmt.Errorf("rtsp source %s sends %s audio: only AAC passes through; encode it (RTSPAudioDecodeFragment)", redactURL(s.URL), codec)
	}
	return tap, nil
}

// RTSPAudioDecodeFragment renders the second branch of an RTSP stream's
// pipeline for audio source camera when the track is encoded again (G.711
// into AAC, or anything into Opus): the camera's audio decoded (avdec_aac,
// alawdec, mulawdec) and converted to raw audio of rate Hz and channels
// (1 or 2; G.711's 8 kHz mono is resampled and duplicated), for the
// stream's audio encoder to follow. rate and channels 0 keep the camera's.
func RTSPAudioDecodeFragment(s Source, rate, channels int) (string, error) {
	codec, tap, err := rtspAudioTap(s)
	if err != nil {
		return "", err
	}
	caps := "audio/x-raw"
	if rate > 0 {
		caps += fmt.Sprintf(",rate=%d", rate)
	}
	if channels > 0 {
		caps += fmt.Sprintf(",channels=%d", channels)
	}
	return fmt.Sprintf("%s ! %s ! audioconvert ! audioresample ! %s", tap, rtspAudioDecoders[codec], caps), nil
}

// RTSPAudioRequirements lists the elements of the camera audio branch:
// RTSPAudioPassthroughFragment's when passes is set (RTSPAudioPasses),
// else RTSPAudioDecodeFragment's. The stream's audio encoder is not
// included. An unknown Source.AudioCodec lists nothing (the fragments
// report it).
func RTSPAudioRequirements(s Source, passes bool) []Requirement {
	codec, err := rtspAudioCodec(s)
	if err != nil {
		return nil
	}
	names := []string{rtspAudioDepay[codec]}
	switch {
	case passes:
		names = append(names, "aacparse")
	case codec == AudioAAC:
		names = append(names, "aacparse", "avdec_aac", "audioconvert", "audioresample")
	default:
		names = append(names, map[string]string{AudioPCMA: "alawdec", AudioPCMU: "mulawdec"}[codec], "audioconvert", "audioresample")
	}
	reqs := make([]Requirement, 0, len(names))
	for _, n := range names {
		reqs = append(reqs, Requirement{Element: n, Package: elementPackages[n]})
	}
	return reqs
}
