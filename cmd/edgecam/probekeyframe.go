package main

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/edgecam/edgecam/capture"
	"github.com/edgecam/edgecam/encode"
)

// keyframeSampleLimit bounds the sampling of one camera's keyframe
// interval, in the camera's own time (PTS from its first frame). It only
// catches a camera that sends no (second) keyframe: a camera whose
// interval exceeds longKeyframeInterval is then reported as "more than"
// what was seen. By PTS, not by the clock, a machine that is slow to start
// the pipeline or to hand its frames over still samples as much video.
const keyframeSampleLimit = 12 * time.Second

// keyframeSampleWait bounds the same by the clock: a camera that delivers
// less than keyframeSampleLimit of video in this long (none at all, or
// slower than real time) is reported as not measured.
const keyframeSampleWait = 2 * keyframeSampleLimit

// longKeyframeInterval is where a camera's own keyframe interval gets a
// warning, as in the agent (agent/format.go).
const longKeyframeInterval = 10 * time.Second

// keyframeConsequence is what a long keyframe interval means, and the fix.
const keyframeConsequence = "a consumer that starts reading this stream may wait that long before it can decode a picture; " +
	"lower the camera's keyframe (IDR/GOP) interval in its own settings"

// keyframeSample is what one camera's stream showed within the limit.
type keyframeSample struct {
	// intervals are the PTS differences of consecutive keyframes (at
	// most two).
	intervals []time.Duration
	keyframes int
	// sinceKey is the PTS from the last keyframe to the last frame seen.
	sinceKey time.Duration
	// span is the PTS from the first frame to the last frame seen.
	span time.Duration
	err  error
}

// sampleKeyframes measures, in parallel, the keyframe interval of every
// suggested camera that encodes itself, by running its passthrough
// pipeline (fragment is capture.PassthroughFragment; tests put a live
// encoder in place of v4l2src) at the suggested mode for at most limit of
// the camera's video, and at most wait by the clock.
func (r *probeReport) sampleKeyframes(ctx context.Context, fragment func(capture.Source, capture.Format) (string, error), limit, wait time.Duration) {
	var wg sync.WaitGroup
	for i := range r.Suggestions {
		s := &r.Suggestions[i]
		if !capture.Encoded(s.Format) {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			src := capture.Source{Kind: capture.V4L2, Device: s.Device, Format: s.Format}
			ks := sampleCamera(ctx, src, capture.Format{Width: s.Width, Height: s.Height, FPS: s.FPS}, fragment, limit, wait)
			s.KeyframeIntervalS, s.KeyframeNote = ks.verdict(limit)
		}()
	}
	wg.Wait()
}

func sampleCamera(ctx context.Context, src capture.Source, f capture.Format, fragment func(capture.Source, capture.Format) (string, error), limit, wait time.Duration) keyframeSample {
	var ks keyframeSample
	frag, err := fragment(src, f)
	if err != nil {
		ks.err = err
		return ks
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	p, err := encode.Start(ctx, encode.Spec{Name: "probe " + src.Device, Source: frag, Width: f.Width, Height: f.Height, FPS: f.FPS,
		Encoder: encode.None, Codec: capture.PassthroughCodec(src)})
	if err != nil {
		ks.err = err
		return ks
	}
	timer := time.NewTimer(wait)
	defer timer.Stop()
	var first, lastKey time.Duration
	seen, ended, late := false, false, false
sample:
	for len(ks.intervals) < 2 {
		select {
		case fr, ok := <-p.Frames():
			if !ok {
				ended = true
				break sample
			}
			if fr.Keyframe {
				if ks.keyframes > 0 {
					ks.intervals = append(ks.intervals, fr.PTS-lastKey)
				}
				lastKey = fr.PTS
				ks.keyframes++
			}
			if ks.keyframes > 0 {
				ks.sinceKey = fr.PTS - lastKey
			}
			if !seen {
				first, seen = fr.PTS, true
			}
			if ks.span = fr.PTS - first; ks.span >= limit {
				break sample
			}
		case <-timer.C:
			late = true
			break sample
		case <-ctx.Done():
			break sample
		}
	}
	interrupted := ctx.Err()
	cancel()
	for range p.Frames() { // drain: the pipeline stops at end-of-stream
	}
	switch {
	case ended:
		ks.err = cmp.Or(p.Err(), encode.ErrSourceEnded)
	case interrupted != nil:
		ks.err = interrupted
	case late && !seen:
		ks.err = fmt.Errorf("no frame within %s; check that the camera streams at this mode (v4l2-ctl --stream-mmap)", secs(wait))
	case late:
		ks.err = fmt.Errorf("%s of video in %s, slower than real time; run probe again on an idle box", secs(ks.span), secs(wait))
	}
	return ks
}

// verdict is the interval to report (the longest measured, 0 when none)
// and a note: why none was measured, or the warning above
// longKeyframeInterval.
func (ks keyframeSample) verdict(limit time.Duration) (float64, string) {
	if len(ks.intervals) == 0 {
		why := fmt.Sprintf("no keyframe within %s of video", secs(limit))
		if ks.keyframes > 0 {
			why = fmt.Sprintf("one keyframe, then none for %s (the sampling stops after %s of video): the interval is longer than that", secs(ks.sinceKey), secs(limit))
		}
		if ks.err != nil && ks.keyframes < 2 {
			why = "not measured: " + ks.err.Error() + " (" + why + ")"
			return 0, why
		}
		if ks.keyframes == 0 || ks.sinceKey > longKeyframeInterval {
			return 0, why + ": " + keyframeConsequence
		}
		return 0, why
	}
	iv := slices.Max(ks.intervals)
	if iv > longKeyframeInterval {
		return iv.Seconds(), fmt.Sprintf("a keyframe only every %s: %s", secs(iv), keyframeConsequence)
	}
	return iv.Seconds(), ""
}

// writeKeyframes renders the measured intervals, one camera a line.
func (r probeReport) writeKeyframes(w *strings.Builder) {
	var lines []string
	for _, s := range r.Suggestions {
		if !capture.Encoded(s.Format) || (s.KeyframeIntervalS == 0 && s.KeyframeNote == "") {
			continue
		}
		line := fmt.Sprintf("  %s (%s, its own %s at %dx%d@%d):", s.Stream, s.Device, s.Format, s.Width, s.Height, s.FPS)
		if s.KeyframeIntervalS > 0 {
			line += fmt.Sprintf(" %.2f s (%.0f frames)", s.KeyframeIntervalS, s.KeyframeIntervalS*float64(s.FPS))
		}
		if s.KeyframeNote != "" {
			line += " " + s.KeyframeNote
		}
		lines = append(lines, line)
	}
	if len(lines) == 0 {
		return
	}
	fmt.Fprintf(w, "\nKeyframe interval of the cameras that encode themselves (by PTS, sampled over at most %s of video)\n", secs(keyframeSampleLimit))
	for _, l := range lines {
		fmt.Fprintln(w, l)
	}
}

// secs renders d in seconds to a tenth, the way the report reads ("12 s").
func secs(d time.Duration) string {
	return strconv.FormatFloat(d.Round(100*time.Millisecond).Seconds(), 'f', -1, 64) + " s"
}
