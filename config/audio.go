package config

import (
	"fmt"
	"slices"

	"gopkg.in/yaml.v3"
)

// Audio is a stream's optional sound track (the audio: key). Its frames go
// to the stream's key with edgecam-track: audio, numbered on their own.
type Audio struct {
	// Source is where the sound comes from: test (audiotestsrc, a tone),
	// alsa (a microphone: Device) or camera (the audio track of the
	// stream's rtsp camera). Required.
	Source string
	// Device is the ALSA capture device of source alsa: "hw:1,0",
	// "plughw:1,0", "default", or a card name ("hw:CARD=Device,DEV=0",
	// or just "Device", taken as that card's first device). Required for
	// alsa, refused for the others.
	Device string
	// Codec is what the track delivers: aac (default; ADTS, one frame a
	// record) or opus (one packet a record).
	Codec string
	// BitrateKbps is the encoder's target bit rate, kbit/s,
	// MinAudioBitrate..MaxAudioBitrate. Default 64 (aac), 32 (opus). An
	// rtsp camera's AAC passes through at the camera's own rate.
	BitrateKbps int
	// Rate is the sample rate, Hz. Default 48000. Opus takes 8000, 12000,
	// 16000, 24000 or 48000 only.
	Rate int
	// Channels is 1 (mono, default) or 2.
	Channels int
}

// The audio sources and codecs.
const (
	AudioTest   = "test"
	AudioALSA   = "alsa"
	AudioCamera = "camera"
	AudioAAC    = "aac"
	AudioOpus   = "opus"
)

// AudioSources and AudioCodecs list the valid values.
var (
	AudioSources = []string{AudioTest, AudioALSA, AudioCamera}
	AudioCodecs  = []string{AudioAAC, AudioOpus}
)

// Audio limits and defaults.
const (
	MinAudioBitrate        = 8
	MaxAudioBitrate        = 512
	DefaultAudioRate       = 48000
	DefaultAudioChannels   = 1
	DefaultAACBitrateKbps  = 64
	DefaultOpusBitrateKbps = 32
	MinAudioRate           = 8000
	MaxAudioRate           = 96000
	MaxAudioChannels       = 2
)

// opusRates are the sample rates Opus codes (RFC 6716, 2).
var opusRates = []int{8000, 12000, 16000, 24000, 48000}

// audio decodes a stream's audio key; src is the stream's source, for the
// checks that depend on it (camera needs an rtsp source).
func (d *decoder) audio(n *yaml.Node, p string, src Source) *Audio {
	a := &Audio{Codec: AudioAAC, Rate: DefaultAudioRate, Channels: DefaultAudioChannels}
	keys, ok := d.mapping(n, p, map[string]func(k, v *yaml.Node){
		"source": func(_, v *yaml.Node) { d.choice(v, p+".source", AudioSources, &a.Source) },
		"device": func(_, v *yaml.Node) { d.text(v, p+".device", checkALSADevice, &a.Device) },
		"codec":  func(_, v *yaml.Node) { d.choice(v, p+".codec", AudioCodecs, &a.Codec) },
		"bitrate_kbps": func(_, v *yaml.Node) {
			d.integer(v, p+".bitrate_kbps", MinAudioBitrate, MaxAudioBitrate, &a.BitrateKbps)
		},
		"rate":     func(_, v *yaml.Node) { d.integer(v, p+".rate", MinAudioRate, MaxAudioRate, &a.Rate) },
		"channels": func(_, v *yaml.Node) { d.integer(v, p+".channels", 1, MaxAudioChannels, &a.Channels) },
	})
	if !ok {
		return a
	}
	if !keys.has("source") && !d.partial {
		d.errorf(n, "%s.source: missing: one of %v (test is a tone, alsa a microphone, camera the rtsp camera's own audio)", p, AudioSources)
	}
	if a.BitrateKbps == 0 && !keys.has("bitrate_kbps") {
		a.BitrateKbps = DefaultAACBitrateKbps
		if a.Codec == AudioOpus {
			a.BitrateKbps = DefaultOpusBitrateKbps
		}
	}
	switch {
	case a.Source == AudioALSA && !keys.has("device") && !d.partial:
		d.errorf(keys["source"].value, "%s.device: missing: source alsa needs the capture device, e.g. device: hw:1,0 (edgecam probe lists them; arecord -l too)", p)
	case a.Source != AudioALSA && a.Source != "" && keys.has("device"):
		d.errorf(keys["device"].key, "%s.device: only source alsa takes a device (source is %s)", p, a.Source)
	}
	if a.Source == AudioCamera && src.Type != "" && src.Type != SourceRTSP {
		d.errorf(keys["source"].value, "%s.source: camera takes the audio track of an rtsp camera, and this stream's source is %s: use alsa for a microphone on the box, or test", p, src.Type)
	}
	if a.Codec == AudioOpus && !slices.Contains(opusRates, a.Rate) {
		at := keys["rate"].value
		if at == nil {
			at = keys["codec"].value
		}
		d.errorf(at, "%s.rate: opus codes 8000, 12000, 16000, 24000 or 48000 Hz, not %d: pick one of those (or codec: aac)", p, a.Rate)
	}
	return a
}

// checkALSADevice accepts what alsasrc's device property takes; it refuses
// only what cannot be one (spaces, quotes: the value goes into a pipeline
// description).
func checkALSADevice(s string) error {
	if s == "" {
		return fmt.Errorf("empty: e.g. hw:1,0")
	}
	for _, r := range s {
		if r <= ' ' || r == '"' || r == '\'' || r == '!' || r == '\\' || r > '~' {
			return fmt.Errorf("%q: an ALSA device is written like hw:1,0, plughw:CARD=Device,DEV=0 or a card name, with no spaces or quotes", s)
		}
	}
	return nil
}

// node renders a for config show; nil without audio.
func (a *Audio) node() *yaml.Node {
	if a == nil {
		return nil
	}
	var dev *yaml.Node
	if a.Device != "" {
		dev = ystr(a.Device)
	}
	return ymap("source", ystr(a.Source), "device", dev, "codec", ystr(a.Codec),
		"bitrate_kbps", yint(a.BitrateKbps), "rate", yint(a.Rate), "channels", yint(a.Channels))
}
