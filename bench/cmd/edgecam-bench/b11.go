package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// B11: H.265 beside H.264 in software, with gst-launch-1.0 (no Kafka, no
// agent: the encoders alone), alternately, b.d.Reps times each, 1280x720
// at 2000 kbit/s from videotestsrc snow (hdStream: the hardest picture to
// encode) through edgecam's x264enc and x265enc fragments into a file.
//
//   - CPU per frame: a fixed number of frames (30 fps × the B1 window) as
//     fast as the encoder takes them (is-live=false, no leaky queue); the
//     process's user+system time over the frames ffprobe counts. On a
//     loaded machine this stays close to the truth where wall-clock
//     figures do not.
//   - Keeping up: the live source at 30 fps with the agent's leaky queue,
//     stopping itself 2 s after the window; ffprobe counts the frames the
//     encoder delivered of those offered (the queue drops what it cannot
//     take, as in the agent), and the window's CPU % is B1's measure.

type b11Side struct {
	Name    string      `json:"name"`
	Runs    []runResult `json:"runs"`
	Offered []int64     `json:"frames_offered"`
	Encoded []int64     `json:"frames_encoded"`
	Bytes   []int64     `json:"bytes"`
	// CPUPercent is the median CPU of one core over the live window.
	CPUPercent f64 `json:"cpu_percent_median"`
	// EncodedFraction is encoded / offered live, over every repetition.
	EncodedFraction f64 `json:"encoded_fraction"`
	// MsPerFrame is CPU milliseconds per frame as fast as it goes, per
	// repetition, and their median.
	MsPerFrame       []float64 `json:"cpu_ms_per_frame"`
	MsPerFrameMedian f64       `json:"cpu_ms_per_frame_median"`
}

type b11Result struct {
	Stream string     `json:"stream"`
	Sides  []*b11Side `json:"sides"`
	// Ratio is x265's median CPU per frame over x264's.
	Ratio f64 `json:"cpu_ratio_x265_x264"`
}

// cpuPerFrame encodes frames frames of fragment (made not live) into out
// and returns the CPU milliseconds per frame ffprobe counts there.
func cpuPerFrame(ctx context.Context, fragment, out, format, log string, frames int) (float64, error) {
	p := strings.Replace(fragment, "videotestsrc is-live=true", fmt.Sprintf("videotestsrc is-live=false num-buffers=%d", frames), 1)
	p = strings.Replace(p, "queue max-size-buffers=4 max-size-bytes=0 max-size-time=0 leaky=downstream ! ", "", 1)
	cmd := gstCmd(p + " ! filesink location=" + out)
	lf, err := os.Create(log)
	if err != nil {
		return 0, err
	}
	defer func() { _ = lf.Close() }() // gst-launch's log for reading; the figure does not depend on it
	cmd.Stdout, cmd.Stderr = lf, lf
	if err := cmd.Start(); err != nil {
		return 0, err
	}
	stop := context.AfterFunc(ctx, func() { _ = cmd.Process.Kill() })
	defer stop()
	if err := cmd.Wait(); err != nil {
		return 0, fmt.Errorf("%s: %w (log: %s)", p, err, log)
	}
	n, _ := decodeCount(out, format)
	cpu := cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	return ratio(float64(cpu.Milliseconds()), float64(n)), nil
}

// x265Fragment is the encoder part of edgecam's pipeline for x265enc
// (encode/encoder.go), as x264Fragment is for x264enc.
func x265Fragment(s streamCfg) string {
	return fmt.Sprintf("videotestsrc is-live=true pattern=%s ! video/x-raw,width=%d,height=%d,framerate=%d/1 ! "+
		"queue max-size-buffers=4 max-size-bytes=0 max-size-time=0 leaky=downstream ! "+
		"videoconvert ! video/x-raw,format=I420 ! "+
		"x265enc bitrate=%d key-int-max=%d speed-preset=ultrafast tune=zerolatency option-string=open-gop=0:vbv-maxrate=%d:vbv-bufsize=%d ! "+
		"h265parse config-interval=-1 ! video/x-h265,stream-format=byte-stream,alignment=au",
		s.pattern, s.width, s.height, s.fps, s.kbps, s.fps*max(s.gopSeconds, 1), s.kbps, s.kbps)
}

func (b *bench) b11(ctx context.Context) error {
	s := hdStream
	r := &b11Result{Stream: fmt.Sprintf("%dx%d@%d videotestsrc %s, %d kbit/s, keyframe every %d s", s.width, s.height, s.fps, s.pattern, s.kbps, s.gopSeconds)}
	b.res.B11 = r
	dir := filepath.Join(b.work, "b11")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	sides := []struct {
		side          *b11Side
		fragment, ext string
		ffprobeFormat string
	}{
		{&b11Side{Name: "x264enc"}, x264Fragment(s), ".h264", "h264"},
		{&b11Side{Name: "x265enc"}, x265Fragment(s), ".h265", "hevc"},
	}
	for _, sd := range sides {
		r.Sides = append(r.Sides, sd.side)
	}
	defer r.summarise()
	offered := int64(s.fps) * int64((b.d.Warmup+b.d.B1Window).Seconds()+2)
	for rep := 0; rep < b.d.Reps && ctx.Err() == nil; rep++ {
		for i := range sides {
			sd := sides[(i+rep)%len(sides)] // alternate which goes first
			out := filepath.Join(dir, fmt.Sprintf("%s-%d%s", sd.side.Name, rep, sd.ext))
			// num-buffers ends the live source after the window.
			pipeline := fmt.Sprintf("%s ! filesink location=%s", sd.fragment, out)
			pipeline = strings.Replace(pipeline, "videotestsrc is-live=true", fmt.Sprintf("videotestsrc is-live=true num-buffers=%d", offered), 1)
			res, err := measure(ctx, runSpec{label: "gst-launch " + sd.side.Name, cmd: gstCmd(pipeline), endsItself: true,
				warmup: b.d.Warmup, window: b.d.B1Window, log: filepath.Join(dir, fmt.Sprintf("%s-%d.log", sd.side.Name, rep))})
			if err != nil {
				return err
			}
			n, _ := decodeCount(out, sd.ffprobeFormat)
			sd.side.Runs = append(sd.side.Runs, res)
			sd.side.Offered = append(sd.side.Offered, offered)
			sd.side.Encoded = append(sd.side.Encoded, n)
			var size int64
			if fi, err := os.Stat(out); err == nil {
				size = fi.Size()
			}
			sd.side.Bytes = append(sd.side.Bytes, size)
			logf("B11 rep %d %s live: %.2f CPU-s in %.0f s (%.0f%% of one core), %d of %d frames encoded", rep+1, sd.side.Name, res.CPUSeconds, res.WindowSec, res.CPUPercent, n, offered)
			frames := s.fps * int(b.d.B1Window.Seconds())
			ms, err := cpuPerFrame(ctx, sd.fragment, filepath.Join(dir, fmt.Sprintf("%s-%d-fast%s", sd.side.Name, rep, sd.ext)), sd.ffprobeFormat,
				filepath.Join(dir, fmt.Sprintf("%s-%d-fast.log", sd.side.Name, rep)), frames)
			if err != nil {
				return err
			}
			sd.side.MsPerFrame = append(sd.side.MsPerFrame, ms)
			logf("B11 rep %d %s: %.1f CPU-ms a frame over %d frames as fast as it goes (%.0f%% of one core at %d fps)", rep+1, sd.side.Name, ms, frames, ms*float64(s.fps)/10, s.fps)
		}
	}
	return nil
}

func (r *b11Result) summarise() {
	for _, s := range r.Sides {
		var pct []float64
		var enc, off int64
		for i, run := range s.Runs {
			pct = append(pct, run.CPUPercent)
			enc += s.Encoded[i]
			off += s.Offered[i]
		}
		s.CPUPercent = f64(median(pct))
		s.EncodedFraction = f64(ratio(float64(enc), float64(off)))
		s.MsPerFrameMedian = f64(median(s.MsPerFrame))
	}
	if len(r.Sides) == 2 {
		r.Ratio = f64(ratio(float64(r.Sides[1].MsPerFrameMedian), float64(r.Sides[0].MsPerFrameMedian)))
	}
}
