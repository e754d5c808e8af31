package view

import (
	"fmt"

	"github.com/bluenviron/gohlslib/v2"
	"github.com/bluenviron/gohlslib/v2/pkg/codecs"
	"github.com/bluenviron/mediacommon/v2/pkg/codecs/mpeg4audio"

	"github.com/edgecam/edgecam/kafka"
)

// Audio codecs of the record contract (edgecam-codec of edgecam-track:
// audio records).
const (
	codecAAC  = "aac"
	codecOpus = "opus"
)

// audioInfo is a stream's sound track as its records describe it: what
// the HLS muxer needs to declare the track before the first sample.
type audioInfo struct {
	codec string
	// aac: from the ADTS header of a frame
	aac mpeg4audio.AudioSpecificConfig
	// opus: from the TOC byte of a packet (the stereo flag)
	channels int
}

// audioInfoOf reads the track's parameters from one of its records.
func audioInfoOf(r *kafka.Record) (audioInfo, error) {
	switch r.Codec {
	case codecAAC:
		var ps mpeg4audio.ADTSPackets
		if err := ps.Unmarshal(r.Value); err != nil {
			return audioInfo{}, fmt.Errorf("offset %d: adts: %w", r.Offset, err)
		}
		p := ps[0]
		return audioInfo{codec: codecAAC, aac: mpeg4audio.AudioSpecificConfig{Type: p.Type, SampleRate: p.SampleRate, ChannelConfig: p.ChannelConfig}}, nil
	case codecOpus:
		if len(r.Value) == 0 {
			return audioInfo{}, fmt.Errorf("offset %d: empty opus packet", r.Offset)
		}
		ch := 1
		if r.Value[0]&0x04 != 0 { // RFC 6716 3.1: the TOC's s bit
			ch = 2
		}
		return audioInfo{codec: codecOpus, channels: ch}, nil
	}
	return audioInfo{}, fmt.Errorf("offset %d: audio codec %q cannot be played (aac and opus can)", r.Offset, r.Codec)
}

// track is the gohlslib track of the sound.
func (a *audioInfo) track() *gohlslib.Track {
	if a.codec == codecOpus {
		return &gohlslib.Track{Codec: &codecs.Opus{ChannelCount: a.channels}, ClockRate: 48000}
	}
	return &gohlslib.Track{Codec: &codecs.MPEG4Audio{Config: a.aac}, ClockRate: a.aac.SampleRate}
}

func (a *audioInfo) clockRate() int64 {
	if a.codec == codecOpus {
		return 48000
	}
	return int64(a.aac.SampleRate)
}

// writeAudio muxes one audio record on the video's timeline (the same
// shift of edgecam-pts as the video frames: both tracks share the agent's
// pipeline clock). Audio before the first video frame written, while the
// muxer waits for a keyframe after a discontinuity, or going back in time
// is dropped.
func (mx *muxer) writeAudio(r *kafka.Record) {
	mx.mu.Lock()
	defer mx.mu.Unlock()
	if mx.closed || mx.audio == nil || !mx.started || mx.needKey || r.Codec != mx.audio.codec || r.Session != mx.session {
		return
	}
	out := r.PTS + mx.shift
	if out < mx.firstOut || (mx.audioStarted && out <= mx.lastAudioOut) {
		return
	}
	pts := int64(out) * mx.audio.clockRate() / 1e9
	var err error
	switch mx.audio.codec {
	case codecAAC:
		var ps mpeg4audio.ADTSPackets
		if err = ps.Unmarshal(r.Value); err == nil {
			aus := make([][]byte, len(ps))
			for i, p := range ps {
				aus[i] = p.AU
			}
			err = mx.m.WriteMPEG4Audio(mx.atrack, r.CaptureTime, pts, aus)
		}
	case codecOpus:
		err = mx.m.WriteOpus(mx.atrack, r.CaptureTime, pts, [][]byte{r.Value})
	}
	if err != nil {
		mx.onErr(fmt.Errorf("offset %d (audio): %w", r.Offset, err))
		return
	}
	mx.audioStarted, mx.lastAudioOut = true, out
}
