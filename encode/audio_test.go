package encode

import (
	"context"
	"testing"
	"time"
)

func testAudio(t *testing.T, codec string) *AudioSpec {
	t.Helper()
	a := &AudioSpec{Source: "audiotestsrc name=audio-src is-live=true wave=sine freq=440", Codec: codec, BitrateKbps: 64, Rate: 48000, Channels: 1}
	enc, cands, err := ChooseAudio(context.Background(), *a)
	if err != nil {
		t.Fatalf("ChooseAudio(%s): %v", codec, err)
	}
	for _, c := range cands {
		t.Logf("%s: usable=%v %s", c.Name, c.Usable, c.Reason)
	}
	a.Encoder = enc
	return a
}

// TestAudioTrackSharesClock runs videotestsrc and audiotestsrc in one
// pipeline, as a stream with audio: both tracks arrive on Frames, the audio
// frames are ADTS AAC (or Opus packets) flagged decodable alone, and their
// PTS are on the video's clock: the first PTS of the two tracks within a
// video frame of each other, and the spans the two tracks cover agreeing
// within two video frames (the stop cuts each track at its own frame
// boundary).
func TestAudioTrackSharesClock(t *testing.T) {
	for _, codec := range []string{AAC, Opus} {
		t.Run(codec, func(t *testing.T) {
			spec := testSpec("x264enc")
			spec.Audio = testAudio(t, codec)
			frames := collect(t, spec, 150) // stops after 150 frames of the two tracks
			var video, audio []Frame
			for _, f := range frames {
				if f.IsAudio() {
					audio = append(audio, f)
				} else {
					video = append(video, f)
				}
			}
			if len(video) < 20 || len(audio) < 20 {
				t.Fatalf("got %d video and %d audio frames; want both tracks", len(video), len(audio))
			}
			frameDur := time.Second / time.Duration(spec.FPS)
			for i, f := range audio {
				if f.Codec != codec || !f.Keyframe || f.Track != TrackAudio {
					t.Fatalf("audio frame %d: codec %q keyframe %v track %q; want %s, true, audio", i, f.Codec, f.Keyframe, f.Track, codec)
				}
				if codec == AAC && (len(f.Data) < 7 || f.Data[0] != 0xff || f.Data[1]&0xf0 != 0xf0) {
					t.Fatalf("audio frame %d is not ADTS: % x", i, f.Data[:min(len(f.Data), 8)])
				}
				if i > 0 && f.PTS <= audio[i-1].PTS {
					t.Fatalf("audio PTS not increasing at %d: %v after %v", i, f.PTS, audio[i-1].PTS)
				}
				if f.CaptureTime.IsZero() {
					t.Fatalf("audio frame %d has no capture time", i)
				}
			}
			for _, f := range video {
				if f.Track != "" || f.Codec != H264 {
					t.Fatalf("video frame with track %q codec %q", f.Track, f.Codec)
				}
			}
			if d := (audio[0].PTS - video[0].PTS).Abs(); d > frameDur {
				t.Errorf("first PTS: video %v, audio %v: %v apart, more than a video frame (%v)", video[0].PTS, audio[0].PTS, d, frameDur)
			}
			aFrame := (audio[len(audio)-1].PTS - audio[0].PTS) / time.Duration(len(audio)-1)
			vSpan := video[len(video)-1].PTS - video[0].PTS + frameDur
			aSpan := audio[len(audio)-1].PTS - audio[0].PTS + aFrame
			t.Logf("%d video frames over %v, %d audio frames (%v each) over %v; first PTS %v / %v", len(video), vSpan, len(audio), aFrame, aSpan, video[0].PTS, audio[0].PTS)
			if d := (vSpan - aSpan).Abs(); d > 2*frameDur {
				t.Errorf("video covers %v, audio %v: %v apart, more than two video frames", vSpan, aSpan, d)
			}
			// The capture times are derived from the same clock: a
			// video and an audio frame of about the same PTS were
			// captured about then.
			v, a := video[len(video)/2], audio[len(audio)/2]
			if d := (v.CaptureTime.Sub(a.CaptureTime) - (v.PTS - a.PTS)).Abs(); d > frameDur {
				t.Errorf("capture times disagree with PTS by %v", d)
			}
		})
	}
}

// TestAudioErrorIsAudio: a pipeline whose audio source fails reports an
// *AudioError, so the agent can run the video on without it.
func TestAudioErrorIsAudio(t *testing.T) {
	spec := testSpec("x264enc")
	a := testAudio(t, AAC)
	a.Source = "filesrc name=audio-src location=/nonexistent/edgecam-audio.wav ! wavparse name=audio-parse"
	spec.Audio = a
	p, err := Start(context.Background(), spec)
	if err == nil {
		for range p.Frames() {
		}
		err = p.Err()
	}
	if !IsAudioError(err) {
		t.Fatalf("err = %v; want an AudioError", err)
	}
	t.Logf("err: %v", err)
	// The same stream without audio runs.
	spec.Audio = nil
	if frames := collect(t, spec, 5); len(frames) < 5 {
		t.Fatalf("video alone: %d frames", len(frames))
	}
}
