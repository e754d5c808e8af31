package capture

import (
	"fmt"
	"slices"
	"strings"
)

// AudioKind is where a stream's sound comes from (config audio.source).
type AudioKind string

// The audio sources.
const (
	// AudioTest is audiotestsrc: a 440 Hz tone, live, on any machine.
	AudioTest AudioKind = "test"
	// AudioALSA is a microphone on the box (a USB webcam's, a sound
	// card's), through alsasrc.
	AudioALSA AudioKind = "alsa"
	// AudioCamera is the audio track of the stream's RTSP camera.
	AudioCamera AudioKind = "camera"
)

// AudioSource is a stream's sound source.
type AudioSource struct {
	Kind AudioKind
	// Device is the ALSA device of AudioALSA: "hw:1,0", "plughw:...",
	// "default", or a card name, which means that card's first device
	// (hw:CARD=NAME).
	Device string
}

func (a AudioSource) String() string {
	if a.Kind == AudioALSA {
		return "alsa " + a.ALSADevice()
	}
	return string(a.Kind) + " audio"
}

// ALSADevice is the device string alsasrc opens: Device itself when it
// names a PCM (has a ':' or is an ALSA alias like default), else the card
// of that name.
func (a AudioSource) ALSADevice() string {
	d := a.Device
	if strings.Contains(d, ":") || slices.Contains([]string{"default", "pulse", "pipewire", "sysdefault", "dsnoop"}, d) {
		return d
	}
	return "hw:CARD=" + d
}

// AudioFragment renders the raw-audio source of a (test or alsa) as a
// gst-launch fragment; its elements are named "audio-..." so encode
// reports their errors as the audio track's. A camera's audio comes out
// of the video's rtspsrc and has no fragment of its own here.
func AudioFragment(a AudioSource) (string, error) {
	switch a.Kind {
	case AudioTest:
		return "audiotestsrc name=audio-src is-live=true wave=sine freq=440 volume=0.3", nil
	case AudioALSA:
		if a.Device == "" {
			return "", fmt.Errorf("alsa audio: no device (e.g. hw:1,0)")
		}
		// provide-clock=false: the pipeline clock stays the system
		// clock, so the PTS of both tracks and the capture times are on
		// one clock (the sound card's would drift from it).
		return fmt.Sprintf("alsasrc name=audio-src device=%q provide-clock=false", a.ALSADevice()), nil
	}
	return "", fmt.Errorf("audio source %q has no fragment of its own", a.Kind)
}

// audioElementPackages says where the audio elements come from.
var audioElementPackages = map[string]string{
	"audiotestsrc":  "gstreamer1.0-plugins-base",
	"audioconvert":  "gstreamer1.0-plugins-base",
	"audioresample": "gstreamer1.0-plugins-base",
	"alsasrc":       "gstreamer1.0-alsa",
	"opusenc":       "gstreamer1.0-plugins-base",
	"opusparse":     "gstreamer1.0-plugins-bad",
	"aacparse":      "gstreamer1.0-plugins-good",
	"avenc_aac":     "gstreamer1.0-libav",
	"voaacenc":      "gstreamer1.0-plugins-bad",
	"fdkaacenc":     "gstreamer1.0-plugins-bad",
	"rtpmp4gdepay":  "gstreamer1.0-plugins-good",
	"rtpmp4adepay":  "gstreamer1.0-plugins-good",
	"rtppcmadepay":  "gstreamer1.0-plugins-good",
	"rtppcmudepay":  "gstreamer1.0-plugins-good",
	"alawdec":       "gstreamer1.0-plugins-good",
	"avdec_aac":     "gstreamer1.0-libav",
	"mulawdec":      "gstreamer1.0-plugins-good",
}

// AudioRequirements lists the elements the audio track of a needs, codec
// "aac" or "opus" (the AAC encoder is encode.ChooseAudio's: any of
// three).
func AudioRequirements(a AudioSource, codec string) []Requirement {
	names := []string{"audioconvert", "audioresample"}
	switch a.Kind {
	case AudioTest:
		names = append(names, "audiotestsrc")
	case AudioALSA:
		names = append(names, "alsasrc")
	case AudioCamera:
		// Whichever the camera sends (encode/camaudio.go).
		names = append(names, "rtpmp4gdepay", "rtppcmadepay", "rtppcmudepay", "alawdec", "mulawdec", "avdec_aac", "aacparse")
	}
	if codec == "opus" {
		names = append(names, "opusenc", "opusparse")
	} else {
		names = append(names, "aacparse")
	}
	reqs := make([]Requirement, 0, len(names))
	for _, n := range names {
		reqs = append(reqs, Requirement{Element: n, Package: audioElementPackages[n]})
	}
	return reqs
}

// CheckAudioElements is CheckElements for the audio track.
func CheckAudioElements(a AudioSource, codec string, missing func(names ...string) []string) error {
	return checkRequirements(a.String(), AudioRequirements(a, codec), "", missing)
}
