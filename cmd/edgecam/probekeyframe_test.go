package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/edgecam/edgecam/capture"
)

// encodingCamera is a USB camera whose only format is its own fourcc
// (H264 or HEVC) at 320x240@15.
func encodingCamera(path, fourcc string) capture.Device {
	return capture.Device{Path: path, Name: fourcc + " Cam", Driver: "uvcvideo", Kind: capture.KindCapture, Capture: true,
		Formats: []capture.PixelFormat{{FourCC: fourcc, Sizes: []capture.FrameSize{
			{Width: 320, Height: 240, Rates: []capture.Rate{{Num: 1, Den: 15}}}}}}}
}

// TestProbeKeyframeInterval runs probe's sampling with the real
// passthrough pipeline (capture.PassthroughFragment, encode.Start with
// encoder none) of three cameras that encode themselves, v4l2src replaced
// by a live encoder producing what the camera would at the fragment's
// caps: H.264 and H.265 with a keyframe every 15 frames at 15 fps (1 s by
// PTS), and an H.264 one with a keyframe every 300 frames (20 s), of which
// the short limit of this test sees one keyframe at most.
func TestProbeKeyframeInterval(t *testing.T) {
	cameras := map[string]string{
		"/dev/video8":  "videoconvert ! x264enc key-int-max=15 bframes=0 speed-preset=ultrafast tune=zerolatency",
		"/dev/video9":  "videoconvert ! x265enc key-int-max=15 speed-preset=ultrafast tune=zerolatency",
		"/dev/video10": "videoconvert ! x264enc key-int-max=300 bframes=0 speed-preset=ultrafast tune=zerolatency",
	}
	r := newProbeReport([]capture.Device{
		encodingCamera("/dev/video8", "H264"), encodingCamera("/dev/video9", "HEVC"), encodingCamera("/dev/video10", "H264"),
	})
	fragment := func(src capture.Source, f capture.Format) (string, error) {
		frag, err := capture.PassthroughFragment(src, f)
		if err != nil {
			return "", err
		}
		head, caps, ok := strings.Cut(frag, " ! ")
		if !ok || !strings.HasPrefix(head, "v4l2src ") || cameras[src.Device] == "" {
			return "", fmt.Errorf("unexpected fragment %q", frag)
		}
		return fmt.Sprintf("videotestsrc is-live=true pattern=ball ! video/x-raw,width=%d,height=%d,framerate=%d/1 ! %s ! %s",
			f.Width, f.Height, f.FPS, cameras[src.Device], caps), nil
	}
	// The limit (4 s of each camera's video, by PTS) only ends the sampling
	// of the 20 s camera: the 1 s ones end at their third keyframe, at 2 s
	// of video, however slow the machine is to start x265enc (CI, loaded:
	// a 4 s limit by the clock saw one H.265 keyframe). The wait is an
	// outer bound.
	const limit = 4 * time.Second
	r.sampleKeyframes(context.Background(), fragment, limit, 2*time.Minute)

	want := []struct{ format, note string }{{"h264", ""}, {"h265", ""}, {"h264", "the interval is longer than that"}}
	if len(r.Suggestions) != len(want) {
		t.Fatalf("suggestions %+v, want the 3 cameras", r.Suggestions)
	}
	for i, w := range want {
		s := r.Suggestions[i]
		if s.Format != w.format {
			t.Errorf("%s: format %s, want %s", s.Device, s.Format, w.format)
		}
		if w.note == "" {
			// By PTS: 15 frames at 15 fps.
			if s.KeyframeIntervalS < 0.99 || s.KeyframeIntervalS > 1.01 || s.KeyframeNote != "" {
				t.Errorf("%s: keyframe interval %v s, note %q; want 1 s and no note", s.Device, s.KeyframeIntervalS, s.KeyframeNote)
			}
			continue
		}
		// x264enc starts with a keyframe: one seen, then none for the rest
		// of the 4 s of video.
		if s.KeyframeIntervalS != 0 || !strings.Contains(s.KeyframeNote, w.note) || !strings.Contains(s.KeyframeNote, "one keyframe, then none for 4 s (") {
			t.Errorf("%s: keyframe interval %v s, note %q; want none measured and a note %q", s.Device, s.KeyframeIntervalS, s.KeyframeNote, w.note)
		}
	}

	js, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Count(string(js), `"keyframe_interval_s":1}`) != 2 {
		t.Errorf("JSON lacks keyframe_interval_s 1:\n%s", js)
	}
	var text strings.Builder
	r.writeText(&text)
	for _, want := range []string{
		"Keyframe interval of the cameras that encode themselves",
		"cam0 (/dev/video8, its own h264 at 320x240@15): 1.00 s (15 frames)",
		"cam1 (/dev/video9, its own h265 at 320x240@15): 1.00 s (15 frames)",
		"cam2 (/dev/video10, its own h264 at 320x240@15): ",
	} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("text lacks %q:\n%s", want, text.String())
		}
	}
}

// TestKeyframeVerdict: what probe says about each kind of sample, the
// warning above 10 s naming the consequence.
func TestKeyframeVerdict(t *testing.T) {
	const consequence = "may wait that long before it can decode a picture"
	tests := []struct {
		name     string
		ks       keyframeSample
		interval float64
		note     []string // substrings of the note; nil: no note
	}{
		{"two intervals", keyframeSample{intervals: []time.Duration{time.Second, 2 * time.Second}, keyframes: 3}, 2, nil},
		{"one interval", keyframeSample{intervals: []time.Duration{1500 * time.Millisecond}, keyframes: 2}, 1.5, nil},
		{"above 10 s", keyframeSample{intervals: []time.Duration{11 * time.Second}, keyframes: 2}, 11, []string{"a keyframe only every 11 s", consequence}},
		{"no keyframe", keyframeSample{}, 0, []string{"no keyframe within 12 s", consequence}},
		{"one keyframe, 11 s since", keyframeSample{keyframes: 1, sinceKey: 11 * time.Second}, 0, []string{"one keyframe, then none for 11 s", "longer than that", consequence}},
		{"one keyframe, 2 s since", keyframeSample{keyframes: 1, sinceKey: 2 * time.Second}, 0, []string{"one keyframe, then none for 2 s"}},
		{"pipeline failed", keyframeSample{err: fmt.Errorf("Cannot identify device")}, 0, []string{"not measured: Cannot identify device", "no keyframe within 12 s of video"}},
		{"slower than real time", keyframeSample{keyframes: 1, sinceKey: 3 * time.Second, span: 3 * time.Second, err: fmt.Errorf("3 s of video in 24 s")}, 0,
			[]string{"not measured: 3 s of video in 24 s", "one keyframe, then none for 3 s"}},
	}
	for _, tt := range tests {
		iv, note := tt.ks.verdict(keyframeSampleLimit)
		if iv != tt.interval {
			t.Errorf("%s: interval %v, want %v", tt.name, iv, tt.interval)
		}
		if tt.note == nil && note != "" {
			t.Errorf("%s: note %q, want none", tt.name, note)
		}
		for _, want := range tt.note {
			if !strings.Contains(note, want) {
				t.Errorf("%s: note %q lacks %q", tt.name, note, want)
			}
		}
		if tt.name == "one keyframe, 2 s since" && strings.Contains(note, consequence) {
			t.Errorf("%s: note %q warns, but nothing above 10 s was seen", tt.name, note)
		}
	}
}
