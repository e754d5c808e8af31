package agent

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
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
	// on is whether the running pipeline carries the audio branch.
	on atomic.Bool

	// Supervise goroutine only.
	bo       backoff
	offUntil time.Time // the audio is left out of pipelines started before
	failures int
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
		return s.cameraAudioSpec(ctx)
	}
	frag, err := capture.AudioFragment(a.src)
	if err != nil {
		return nil, &encode.AudioError{Err: err}
	}
	a.spec.Source = frag
	return s.chooseAudioEncoder(ctx)
}

// cameraAudioSpec is audioSpec for audio source camera: the audio track of
// the stream's rtspsrc (capture.RTSPSourceName), its AAC passed through
// into an aac track, else decoded for the chosen encoder.
func (s *stream) cameraAudioSpec(ctx context.Context) (*encode.AudioSpec, error) {
	a := s.audio
	passes := capture.RTSPAudioPasses(s.src, a.spec.Codec)
	var missing []string
	for _, r := range capture.RTSPAudioRequirements(s.src, passes) {
		if len(encode.MissingElements(r.Element)) > 0 {
			missing = append(missing, r.Element+" (install "+r.Package+")")
		}
	}
	if len(missing) > 0 {
		return nil, &encode.AudioError{Err: fmt.Errorf("camera audio: GStreamer elements not installed: %s", strings.Join(missing, ", "))}
	}
	if passes {
		frag, err := capture.RTSPAudioPassthroughFragment(s.src)
		if err != nil {
			return nil, &encode.AudioError{Err: err}
		}
		a.spec.Source, a.spec.Encoder = frag, encode.None
		spec := a.spec
		return &spec, nil
	}
	frag, err := capture.RTSPAudioDecodeFragment(s.src, 0, 0) // the branch converts to the track's rate and channels
	if err != nil {
		return nil, &encode.AudioError{Err: err}
	}
	a.spec.Source = frag
	if a.spec.Encoder == encode.None {
		a.spec.Encoder = "" // a passthrough's, before a reload changed the codec
	}
	return s.chooseAudioEncoder(ctx)
}

// chooseAudioEncoder completes audioSpec: the encoder is chosen once and
// kept across restarts, as the video's.
func (s *stream) chooseAudioEncoder(ctx context.Context) (*encode.AudioSpec, error) {
	a := s.audio
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
	delay := a.bo.next()
	a.offUntil = time.Now().Add(delay)
	s.log.Warn("audio failed: the stream runs without audio, and tries it again later", "err", err, "audio_failures", a.failures, "retry_audio_in", delay)
}
