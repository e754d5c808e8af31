package agent

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sync/atomic"
	"time"

	"github.com/edgecam/edgecam/capture"
	"github.com/edgecam/edgecam/config"
	"github.com/edgecam/edgecam/encode"
	"github.com/edgecam/edgecam/kafka"
	"github.com/edgecam/edgecam/spool"
)

// audioTrack is the sound track of a stream (config audio:). It rides in
// the stream's pipeline (one running-time clock for both tracks) and is
// delivered like a stream of its own: its own edgecam-seq from 0, its own
// spool directory, deliverer, resume and counters, under the stream's key
// with edgecam-track: audio.
//
// A failing microphone must not cost the video: when the pipeline fails
// because of its audio branch (encode.AudioError: the ALSA device is gone,
// busy, or cannot give the format), the stream restarts at once without
// audio, and the audio is tried again after a capped exponential backoff
// (audioRetryMin doubling to audioRetryMax): the pipeline is then
// restarted with the audio branch, a gap of one restart in the video (a
// few hundred ms). A pipeline that fails for other reasons restarts with
// audio as before.
type audioTrack struct {
	src  capture.AudioSource
	spec encode.AudioSpec
	fps  int // frames a second, for the seq reservation

	deliveryStats
	captured atomic.Int64
	sp       atomic.Pointer[spool.Spool]
	// on is whether the running pipeline carries the audio branch;
	// spooling whether the track holds a backlog in its spool.
	on, spooling atomic.Bool

	// Supervise goroutine only.
	bo       backoff
	offUntil time.Time // the audio is left out of pipelines started before
	failures int
	failed64 atomic.Int64 // failures, for health
}

// Audio retry: a microphone unplugged comes back within audioRetryMax of
// being plugged in again, and a missing one costs the video a restart at
// most that often.
const (
	audioRetryMin = 10 * time.Second
	audioRetryMax = 5 * time.Minute
)

// errAudioRetry ends a pipeline that runs without audio so that the next
// one tries the audio again; not a failure.
var errAudioRetry = errors.New("restarting the pipeline to try the audio again")

func newAudioTrack(a *config.Audio) *audioTrack {
	if a == nil {
		return nil
	}
	t := &audioTrack{
		src:  capture.AudioSource{Kind: capture.AudioKind(a.Source), Device: a.Device},
		spec: encode.AudioSpec{Codec: a.Codec, BitrateKbps: a.BitrateKbps, Rate: a.Rate, Channels: a.Channels},
		bo:   backoff{min: audioRetryMin, max: audioRetryMax},
	}
	t.fps = encode.AudioFrameRate(a.Codec, a.Rate)
	t.next.Store(-1)
	t.latency = noObserver{}
	return t
}

// audioDir is the audio track's spool directory, beside the video's: a
// stream name has only letters, digits, '.', '_' and '-', so no stream's
// directory can be called NAME@audio.
func audioDir(spoolDir, stream string) string {
	return filepath.Join(spoolDir, stream+"@audio")
}

// trackProducer resumes one track of the key (kafka.Producer.ResumeTrack)
// for a deliverer, which asks for the last seq of its key.
type trackProducer struct {
	*kafka.Producer
	track string
}

func (p trackProducer) Resume(ctx context.Context, key string) (int64, bool, error) {
	return p.ResumeTrack(ctx, key, p.track)
}

// audioSpec prepares the audio branch for the next pipeline: nil when the
// stream has no audio or it is resting after a failure. The encoder is
// chosen once and kept across restarts, as the video's.
func (s *stream) audioSpec(ctx context.Context) (*encode.AudioSpec, error) {
	a := s.audio
	if a == nil || time.Now().Before(a.offUntil) {
		return nil, nil
	}
	if err := capture.CheckAudioElements(a.src, a.spec.Codec, encode.MissingElements); err != nil {
		return nil, &encode.AudioError{Err: err}
	}
	if a.src.Kind == capture.AudioCamera {
		// The branch follows the camera's audio pad, built for the
		// encoding it turns out to have (encode/camaudio.go): AAC
		// passes through, G.711 is encoded with the encoder chosen
		// below.
		if s.src.Kind != capture.RTSP {
			return nil, &encode.AudioError{Err: fmt.Errorf("audio source camera needs an rtsp source, not %s", s.src.Kind)}
		}
		a.spec.Camera = true
	} else {
		frag, err := capture.AudioFragment(a.src)
		if err != nil {
			return nil, &encode.AudioError{Err: err}
		}
		a.spec.Source = frag
	}
	if a.spec.Encoder == "" {
		name, cands, err := encode.ChooseAudio(ctx, a.spec)
		for _, c := range cands {
			if c.Name != name {
				s.log.Info("audio encoder passed over", "encoder", c.Name, "reason", c.Reason)
			}
		}
		if err != nil {
			return nil, &encode.AudioError{Err: err}
		}
		s.log.Info("audio encoder chosen", "encoder", name, "codec", encode.AudioCodecOf(a.spec), "why", "first usable in preference order")
		a.spec.Encoder = name
	}
	spec := a.spec
	return &spec, nil
}

// audioFailed turns the audio off for the next backoff step after err, an
// audio failure; the stream goes on without it.
func (s *stream) audioFailed(err error) {
	a := s.audio
	a.failures++
	a.failed64.Add(1)
	delay := a.bo.next()
	a.offUntil = time.Now().Add(delay)
	s.log.Warn("audio failed: the stream runs without audio, and tries it again later", "err", err, "audio_failures", a.failures, "retry_audio_in", delay)
}

// audioHealth is a stream's sound track in /healthz. A failing
// microphone never makes the stream unhealthy (the video runs on without
// it); on and failures say how it fares.
type audioHealth struct {
	// On: the running pipeline carries the audio.
	On bool `json:"on"`
	// Spooling: the track holds a backlog in its spool.
	Spooling bool `json:"spooling"`
	// Failures counts the audio failures of this run (each turns the
	// audio off for a while, see audioTrack).
	Failures int64 `json:"failures"`
	Acked    int64 `json:"acked"`
	NextSeq  int64 `json:"next_seq"`
}

func (a *audioTrack) health() *audioHealth {
	return &audioHealth{On: a.on.Load(), Spooling: a.spooling.Load(), Failures: a.failed64.Load(), Acked: a.acked.Load(), NextSeq: a.next.Load()}
}

// audioSpoolShare is the part of spool.max_size ("disk budget per
// stream") a stream's sound track gets: 1/16, about four times what 64
// kbit/s of AAC needs beside 2 Mbit/s of video, so the audio outlasts the
// video in an outage rather than the other way round.
const audioSpoolShare = 16

// spoolShares splits the stream's spool budget between its tracks: all of
// it to the video without audio (as before audio existed); else 1/16 to
// the audio, at least two of its segments, and the rest to the video. Each
// track's segments are at most a quarter of its share. Zero values leave
// the spool's defaults (spool.Open).
func (s *stream) spoolShares() (vMax, vSeg, aMax, aSeg int64) {
	vMax, vSeg = int64(s.spool.MaxSize), int64(s.spool.SegmentSize)
	if s.audio == nil || vMax <= 0 {
		return vMax, vSeg, vMax, vSeg
	}
	share := vMax / audioSpoolShare
	segCap := vSeg
	if segCap <= 0 {
		segCap = spool.DefaultSegmentSize
	}
	aSeg = min(max(share/4, spool.MinSegmentSize), segCap)
	aMax = max(share, 2*aSeg)
	vMax -= aMax
	if vSeg > 0 && vMax < 2*vSeg {
		vSeg = max(vMax/2, spool.MinSegmentSize)
	}
	return vMax, vSeg, aMax, aSeg
}

// sameStream reports whether two configs of a stream are the same, its
// audio compared by value (a reload reads a new *config.Audio every time).
func sameStream(a, b config.Stream) bool {
	aa, ba := a.Audio, b.Audio
	a.Audio, b.Audio = nil, nil
	if a != b || (aa == nil) != (ba == nil) {
		return false
	}
	return aa == nil || *aa == *ba
}
