package encode

import (
	"context"
	"errors"
	"fmt"
	"strings"
)

// The tracks of a Frame and the audio codecs of AudioSpec.Codec, as written
// in the edgecam-track and edgecam-codec headers.
const (
	TrackVideo = "video"
	TrackAudio = "audio"
	// AAC is MPEG-4 AAC-LC, delivered in ADTS: each record one frame
	// (1024 samples) with its own 7-byte header, so any record decodes
	// alone.
	AAC = "aac"
	// Opus (RFC 6716), one packet (20 ms) per record.
	Opus = "opus"
)

// AudioSpec is the sound track of a stream, carried by the same pipeline
// as the video so that both share one running-time clock: the PTS of the
// two tracks can be compared directly, and CaptureTime is derived the same
// way for both.
type AudioSpec struct {
	// Source is a gst-launch fragment that outputs raw audio (any rate,
	// format and channel count: the branch converts), rendered by package
	// capture, e.g. "audiotestsrc is-live=true wave=sine freq=440". With
	// Encoder None it outputs AAC (an RTSP camera's, depayloaded) instead.
	// Elements of the fragment named "audio-..." have their errors
	// reported as *AudioError.
	Source string
	// Codec is AAC (also when empty) or Opus.
	Codec string
	// Encoder is an element of AudioNames for Codec, as ChooseAudio
	// returns it, or None: Source already delivers AAC, which passes
	// through aacparse unchanged.
	Encoder string
	// BitrateKbps is the encoder's target, kbit/s.
	BitrateKbps int
	// Rate (Hz) and Channels of the encoded audio.
	Rate, Channels int
}

// AudioError is a pipeline error that came from the audio branch (an
// element named "audio-..."): the microphone went away, its format could
// not be negotiated. The video alone would have run; the agent restarts
// the stream without audio and tries the audio again later.
type AudioError struct{ Err error }

func (e *AudioError) Error() string { return "audio: " + e.Err.Error() }
func (e *AudioError) Unwrap() error { return e.Err }

// IsAudioError reports whether err came from a stream's audio branch.
func IsAudioError(err error) bool {
	_, ok := errors.AsType[*AudioError](err)
	return ok
}

// audioEncoder is one audio encoder element.
type audioEncoder struct {
	name, codec string
	// fragment is the encoder with its bit rate, after the raw caps.
	fragment func(a AudioSpec) string
}

// audioEncoders lists the audio encoders in the order ChooseAudio tries
// them: for AAC fdkaacenc (Fraunhofer's, the best quality per bit; Debian
// ships it in gstreamer1.0-plugins-bad only where libfdk-aac is
// packaged), then FFmpeg's native avenc_aac (gstreamer1.0-libav), then
// voaacenc (plugins-bad, lighter and weaker). Opus: opusenc
// (plugins-base).
func audioEncoders() []audioEncoder {
	bps := func(a AudioSpec) int { return a.BitrateKbps * 1000 }
	return []audioEncoder{
		{name: "fdkaacenc", codec: AAC, fragment: func(a AudioSpec) string {
			return fmt.Sprintf("fdkaacenc name=audio-enc bitrate=%d", bps(a))
		}},
		{name: "avenc_aac", codec: AAC, fragment: func(a AudioSpec) string {
			return fmt.Sprintf("avenc_aac name=audio-enc bitrate=%d", bps(a))
		}},
		{name: "voaacenc", codec: AAC, fragment: func(a AudioSpec) string {
			return fmt.Sprintf("voaacenc name=audio-enc bitrate=%d", bps(a))
		}},
		{name: "opusenc", codec: Opus, fragment: func(a AudioSpec) string {
			// 20 ms frames (the default): one packet a record, 50 a
			// second.
			return fmt.Sprintf("opusenc name=audio-enc bitrate=%d frame-size=20", bps(a))
		}},
	}
}

func audioCodec(codec string) (string, error) {
	switch codec {
	case "", AAC:
		return AAC, nil
	case Opus:
		return Opus, nil
	}
	return "", fmt.Errorf("unknown audio codec %q (want %s or %s)", codec, AAC, Opus)
}

// AudioNames lists the encoders of an audio codec (AAC or Opus) in the
// order ChooseAudio tries them.
func AudioNames(codec string) []string {
	var out []string
	for _, e := range audioEncoders() {
		if e.codec == codec {
			out = append(out, e.name)
		}
	}
	return out
}

func lookupAudioEncoder(name string) (audioEncoder, error) {
	for _, e := range audioEncoders() {
		if e.name == name {
			return e, nil
		}
	}
	return audioEncoder{}, fmt.Errorf("unknown audio encoder %q", name)
}

// AudioFrameRate is about how many frames a second a track of codec
// delivers at rate Hz (AAC: 1024 samples a frame; Opus: 20 ms packets),
// rounded up: what the agent reserves seqs for.
func AudioFrameRate(codec string, rate int) int {
	if codec == Opus {
		return 50
	}
	return (max(rate, 1) + 1023) / 1024
}

// ChooseAudio returns the encoder of a.Codec that exists and passes a short
// test encode (audiotestsrc at the track's rate and channels → encoder →
// parser), in AudioNames order; the candidates say why each earlier one
// was passed over. As with the video encoders, never by GStreamer rank
// alone.
func ChooseAudio(ctx context.Context, a AudioSpec) (string, []Candidate, error) {
	codec, err := audioCodec(a.Codec)
	if err != nil {
		return "", nil, err
	}
	var cands []Candidate
	chosen := ""
	for _, e := range audioEncoders() {
		if e.codec != codec {
			continue
		}
		c := Candidate{Name: e.name}
		switch {
		case chosen != "":
			c.Reason = "not tried: " + chosen + " is preferred"
		case ctx.Err() != nil:
			c.Reason = "not tried: " + ctx.Err().Error()
		case !elementExists(e.name):
			c.Reason = "element not installed"
		default:
			launch := fmt.Sprintf("audiotestsrc num-buffers=8 ! %s ! %s ! %s ! fakesink", rawAudioCaps(a), e.fragment(a), audioParseFragment(codec))
			if err := runToEOS(ctx, launch, negotiationTimeout); err != nil {
				c.Reason = err.Error()
			} else {
				c.Usable, chosen = true, e.name
			}
		}
		cands = append(cands, c)
	}
	if chosen == "" {
		var why []string
		for _, c := range cands {
			why = append(why, c.Name+": "+c.Reason)
		}
		pkg := "gstreamer1.0-libav for avenc_aac, or gstreamer1.0-plugins-bad for voaacenc"
		if codec == Opus {
			pkg = "gstreamer1.0-plugins-base for opusenc"
		}
		return "", cands, fmt.Errorf("no usable %s encoder for %d Hz, %d channel(s) (install %s): %s", codec, a.Rate, a.Channels, pkg, strings.Join(why, "; "))
	}
	return chosen, cands, nil
}

// rawAudioCaps converts whatever the source gives into the track's rate
// and channel count.
func rawAudioCaps(a AudioSpec) string {
	return fmt.Sprintf("audioconvert ! audioresample ! audio/x-raw,rate=%d,channels=%d", a.Rate, a.Channels)
}

// audioParseFragment follows every audio encoder and the AAC passthrough:
// AAC leaves as ADTS (every frame with its header: each record decodes
// alone, and the concatenation of a track's records is an .aac file),
// Opus as single packets.
func audioParseFragment(codec string) string {
	if codec == Opus {
		return "opusparse ! audio/x-opus"
	}
	return "aacparse ! audio/mpeg,mpegversion=4,stream-format=adts"
}

// audioLaunch is the audio branch of a stream's pipeline, appended to the
// video's. The leaky queue after the source decouples capture from
// encoding as the video's does: a slow encoder drops raw audio there
// rather than stall the microphone.
func audioLaunch(a AudioSpec) (string, error) {
	codec, err := audioCodec(a.Codec)
	if err != nil {
		return "", err
	}
	if a.Encoder == None {
		if codec != AAC {
			return "", fmt.Errorf("audio: encoder none passes a camera's AAC through; codec %s needs an encoder", codec)
		}
		return fmt.Sprintf(" %s ! queue name=audio-q max-size-buffers=0 max-size-bytes=0 max-size-time=2000000000 ! %s ! "+
			"appsink name=asink sync=false emit-signals=false drop=false max-buffers=%d",
			a.Source, audioParseFragment(codec), appsinkQueue*2), nil
	}
	e, err := lookupAudioEncoder(a.Encoder)
	if err != nil {
		return "", fmt.Errorf("audio: %w (Start wants ChooseAudio's choice)", err)
	}
	if e.codec != codec {
		return "", fmt.Errorf("audio: encoder %s encodes %s, not %s", e.name, e.codec, codec)
	}
	return fmt.Sprintf(" %s ! queue name=audio-q max-size-buffers=0 max-size-bytes=0 max-size-time=500000000 leaky=downstream ! %s ! %s ! %s ! "+
		"appsink name=asink sync=false emit-signals=false drop=false max-buffers=%d",
		a.Source, rawAudioCaps(a), e.fragment(a), audioParseFragment(codec), appsinkQueue*2), nil
}

// AudioCodecOf is the edgecam-codec of a track: AAC or Opus.
func AudioCodecOf(a AudioSpec) string {
	c, err := audioCodec(a.Codec)
	if err != nil {
		return a.Codec
	}
	return c
}
