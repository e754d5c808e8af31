package encode

import (
	"cmp"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/edgecam/edgecam/internal/testkit"
	"github.com/go-gst/go-gst/gst"
)

// avFrames runs one real GStreamer pipeline with a video and an audio
// branch (x264enc and avenc_aac or opusenc, as the agent's) and returns
// the frames of both in the order a partition holds them: by time, as they
// were captured. 5 s of video; the audio runs longer and is cut at the
// last video frame, as a read stopped at some record of the partition
// would be (an encoder's end of stream adds a frame of its own). The
// sources are not live, so the pipeline runs as fast as the machine can;
// their timestamps share the pipeline's timeline.
func avFrames(t *testing.T, audio string) []heldFrame {
	t.Helper()
	ensureInit()
	enc := "avenc_aac ! aacparse ! audio/mpeg,mpegversion=4,stream-format=adts"
	if audio == Opus {
		enc = "opusenc ! opusparse"
	}
	launch := "videotestsrc num-buffers=150 pattern=ball ! video/x-raw,width=320,height=240,framerate=30/1 ! " +
		"x264enc tune=zerolatency speed-preset=ultrafast key-int-max=30 ! " + parseFragment(H264) + " ! appsink name=v sync=false " +
		"audiotestsrc num-buffers=300 samplesperbuffer=960 wave=sine freq=440 ! audio/x-raw,rate=48000,channels=1 ! audioconvert ! " +
		enc + " ! appsink name=a sync=false"
	pipe, err := gst.NewPipelineFromString(launch)
	if err != nil {
		t.Fatalf("%s: %v", launch, err)
	}
	t.Cleanup(func() { _ = pipe.SetState(gst.StateNull) })
	// appsink answers NULL to a pull before it is PAUSED: pull once the
	// pipeline prerolled.
	if err := pipe.SetState(gst.StatePlaying); err != nil {
		t.Fatal(err)
	}
	if ret, _ := pipe.GetState(gst.StatePlaying, gst.ClockTime(60*time.Second)); ret == gst.StateChangeFailure {
		t.Fatalf("%s did not start", launch)
	}
	var held [2][]heldFrame
	var wg sync.WaitGroup
	for i, name := range []string{"v", "a"} {
		sink, err := pipe.GetElementByName(name)
		if err != nil {
			t.Fatal(err)
		}
		p, err := newPuller(sink)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(p.close)
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				f, ok := p.next()
				if !ok {
					return
				}
				f.Codec = H264
				if i == 1 {
					f.Codec = audio
				}
				held[i] = append(held[i], heldFrame{f: f, audio: i == 1})
			}
		}()
	}
	wg.Wait() // both appsinks at EOS
	if len(held[0]) != 150 || len(held[1]) < 250 {
		t.Fatalf("the pipeline gave %d video and %d audio frames, want 150 and about 280", len(held[0]), len(held[1]))
	}
	all := slices.Concat(held[0], held[1])
	slices.SortStableFunc(all, func(a, b heldFrame) int { return cmp.Compare(a.f.PTS, b.f.PTS) })
	last := held[0][len(held[0])-1].f.PTS
	return slices.DeleteFunc(all, func(h heldFrame) bool { return h.audio && h.f.PTS > last })
}

// writeHeld writes frames (audio with WriteAudio) into a new file at path
// and closes it; it returns the writer, for its counters, and how many
// audio frames it was given.
func writeHeld(t *testing.T, path string, frames []heldFrame) (*FileWriter, int) {
	t.Helper()
	w, err := CreateFile(path)
	if err != nil {
		t.Fatal(err)
	}
	audio := 0
	for _, h := range frames {
		if h.audio {
			audio++
			err = w.WriteAudio(h.f)
		} else {
			err = w.Write(h.f)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return w, audio
}

// TestWriteFileAudio muxes real H.264 and AAC or Opus frames, interleaved
// by time as a partition holds them, into each muxed container: ffprobe
// finds both streams, ffmpeg decodes the whole file without an error, and
// the tracks start and end together, within one video frame.
func TestWriteFileAudio(t *testing.T) {
	for _, audio := range []string{AAC, Opus} {
		frames := avFrames(t, audio)
		for _, ext := range []string{".mp4", ".mkv", ".ts"} {
			t.Run(audio+ext, func(t *testing.T) {
				path := filepath.Join(t.TempDir(), "out"+ext)
				writeHeld(t, path, frames)
				checkAV(t, path, audio, 5)
			})
		}
	}
}

// checkAV asserts a muxed file of seconds of H.264 and audio: both
// streams, decoded without an error, agreeing in start and end within one
// video frame (1/30 s).
func checkAV(t *testing.T, path, audio string, seconds float64) {
	t.Helper()
	v, a, errs := testkit.ProbeAV(t, path)
	if errs != "" {
		t.Errorf("ffmpeg decoding errors: %s", errs)
	}
	if v.Codec != "h264" || a.Codec != audio {
		t.Fatalf("streams: video %q, audio %q; want h264 and %s", v.Codec, a.Codec, audio)
	}
	const frame = 1.0 / 30
	if d := v.Span(); d < seconds-2*frame || d > seconds+2*frame {
		t.Errorf("video plays %.3f s, want %.1f", d, seconds)
	}
	if d := a.Start - v.Start; d > frame || d < -frame {
		t.Errorf("audio starts at %.3f s, video at %.3f s: %.3f s apart, more than a frame", a.Start, v.Start, d)
	}
	if d := a.End - v.End; d > frame || d < -frame {
		t.Errorf("audio ends at %.3f s, video at %.3f s: %.3f s apart, more than a frame", a.End, v.End, d)
	}
	t.Logf("%s: video %s %.3f..%.3f s (%d), audio %s %.3f..%.3f s (%d)", filepath.Base(path), v.Codec, v.Start, v.End, v.Packets, a.Codec, a.Start, a.End, a.Packets)
}

// TestMuxLaunchAV pins the pipeline with an audio input, and GStreamer
// parses it.
func TestMuxLaunchAV(t *testing.T) {
	ensureInit()
	for _, tc := range []struct{ audio, mux, want string }{
		{"", "mp4mux", muxLaunch(H264, "mp4mux")},
		{AAC, "mp4mux", "appsrc name=src format=time is-live=false block=true max-bytes=8388608 caps=video/x-h264,stream-format=byte-stream,alignment=au ! h264parse ! mp4mux name=mux ! filesink name=out " +
			"appsrc name=asrc format=time is-live=false block=true max-bytes=1048576 caps=audio/mpeg,mpegversion=4,stream-format=adts ! aacparse ! mux."},
		{Opus, "matroskamux", "appsrc name=src format=time is-live=false block=true max-bytes=8388608 caps=video/x-h264,stream-format=byte-stream,alignment=au ! h264parse ! matroskamux name=mux ! filesink name=out " +
			"appsrc name=asrc format=time is-live=false block=true max-bytes=1048576 caps=audio/x-opus,channel-mapping-family=0 ! opusparse ! mux."},
	} {
		got := muxLaunchAV(H264, tc.audio, tc.mux)
		if got != tc.want {
			t.Errorf("muxLaunchAV(h264, %q, %s) = %q\nwant %q", tc.audio, tc.mux, got, tc.want)
		}
		p, err := gst.NewPipelineFromString(got)
		if err != nil {
			t.Errorf("%q does not parse: %v", got, err)
			continue
		}
		_ = p.SetState(gst.StateNull)
	}
}

// TestWriteAudioRefused: a raw video file takes no audio, an unknown audio
// codec is an error naming the ones there are.
func TestWriteAudioRefused(t *testing.T) {
	dir := t.TempDir()
	w, err := CreateFile(filepath.Join(dir, "x.h264"))
	if err != nil {
		t.Fatal(err)
	}
	if err := w.WriteAudio(Frame{Data: []byte{1}, Codec: AAC}); err == nil || !strings.Contains(err.Error(), "no audio") {
		t.Fatalf("audio into .h264: err = %v", err)
	}
	_ = w.Close()
	w, err = CreateFile(filepath.Join(dir, "x.mp4"))
	if err != nil {
		t.Fatal(err)
	}
	if err := w.WriteAudio(Frame{Data: []byte{1}, Codec: "mp3"}); err == nil || !strings.Contains(err.Error(), fmt.Sprintf("%s or %s", AAC, Opus)) {
		t.Fatalf("mp3 into .mp4: err = %v", err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestWriteFileAudioStops: a stream whose audio stops after 1 s (an audio
// source that failed) still muxes all its video, without stalling the
// muxer (it waits for every input: the audio's is ended once it falls
// audioLag behind), and audio that comes back later is dropped and
// counted; a stream whose audio starts after audioWait has none.
func TestWriteFileAudioStops(t *testing.T) {
	frames := avFrames(t, AAC)
	for _, tc := range []struct {
		name      string
		keep      func(h heldFrame) bool
		wantAudio bool
	}{
		{"stops", func(h heldFrame) bool { return !h.audio || h.f.PTS < time.Second || h.f.PTS > 4500*time.Millisecond }, true},
		{"late", func(h heldFrame) bool { return !h.audio || h.f.PTS > 3*time.Second }, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "out.mkv")
			w, audio := writeHeld(t, path, slices.DeleteFunc(slices.Clone(frames), func(h heldFrame) bool { return !tc.keep(h) }))
			v, a, errs := testkit.ProbeAV(t, path)
			if errs != "" || v.Packets != 150 {
				t.Fatalf("video %d packets of 150, errors %q", v.Packets, errs)
			}
			if tc.wantAudio && (a.Codec != AAC || a.End > 1.1 || w.AudioDropped == 0) {
				t.Fatalf("audio %q ends at %.3f s, %d dropped; want aac ending at 1 s and the frames after the stop dropped", a.Codec, a.End, w.AudioDropped)
			}
			if !tc.wantAudio && (a.Codec != "" || w.AudioDropped != int64(audio)) {
				t.Fatalf("audio %q, %d of %d dropped; want no audio track, every audio frame dropped", a.Codec, w.AudioDropped, audio)
			}
		})
	}
}
