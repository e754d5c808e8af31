package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// B8 camera formats: the CPU of one 1280x720@30 V4L2 camera in each format
// edgecam takes, with the agent's own pipeline after the source
// (capture.Fragment and encode's launchString / passthroughLaunch):
//
//	raw    YUYV frames → leaky queue → videoconvert I420 → x264enc → h264parse
//	mjpeg  JPEG frames → leaky queue → jpegdec → videoconvert I420 → x264enc → h264parse
//	h264   the camera's H.264 access units → h264parse (passthrough)
//
// No camera here, so the camera is a loop of 60 frames read from files by
// multifilesrc (the same source cost for every format: a read from the
// page cache), timestamped at 30 fps by rawvideoparse, jpegdec and
// h264parse from the caps' framerate and paced by fakesink sync=true, as
// v4l2src is by the camera. The frames are GStreamer's test patterns,
// encoded once per run: snow (noise: the worst case for JPEG and H.264
// alike, the encoder at its bit rate as in B1) and ball (a flat picture:
// the easy case). A real scene lies between; its JPEG frames are usually
// 100-200 KB at 720p.
//
// The figure is CPU per frame, not per window, so a loaded machine that
// falls behind real time does not make a format look cheaper: each run
// encodes a fixed number of frames (num-buffers), its CPU (user + system,
// every thread, from wait4) less that of a one-frame run of the same
// pipeline (start-up, encoder set-up) is divided by the frames, and shown
// as the share of one core at 30 fps.
type b8Result struct {
	Sides  []b8Side `json:"sides"`
	Method string   `json:"method"`
}

type b8Side struct {
	Format   string `json:"format"`
	Content  string `json:"content"`
	Pipeline string `json:"pipeline"`
	FrameKB  f64    `json:"source_frame_kb_mean"`
	Frames   int    `json:"frames_per_run"`
	// FrameMs is the CPU per frame of each repetition, milliseconds.
	FrameMs       []f64 `json:"cpu_ms_per_frame"`
	FrameMsMedian f64   `json:"cpu_ms_per_frame_median"`
	// CPUPercent is FrameMsMedian at 30 fps, in % of one core.
	CPUPercent f64 `json:"cpu_percent_of_one_core_at_30fps"`
}

const b8Frames = 60

// b8Sources encodes the loops of one content into dir: raw YUYV, JPEG
// (4:2:2, quality 85, as webcams send) and H.264 (x264enc at B1's bit rate
// and a 1 s GOP, standing in for the camera's encoder).
func b8Sources(ctx context.Context, dir, pattern string) error {
	s := hdStream
	caps := fmt.Sprintf("width=%d,height=%d,framerate=%d/1", s.width, s.height, s.fps)
	gen := map[string]string{
		"raw":   fmt.Sprintf("video/x-raw,format=YUY2,%s ! multifilesink location=%s/raw-%%05d.yuv", caps, dir),
		"mjpeg": fmt.Sprintf("video/x-raw,format=Y42B,%s ! jpegenc quality=85 ! multifilesink location=%s/mjpeg-%%05d.jpg", caps, dir),
		"h264": fmt.Sprintf("video/x-raw,format=I420,%s ! x264enc bitrate=%d key-int-max=%d bframes=0 speed-preset=ultrafast tune=zerolatency ! "+
			"h264parse config-interval=-1 ! video/x-h264,stream-format=byte-stream,alignment=au ! multifilesink location=%s/h264-%%05d.h264", caps, s.kbps, s.fps, dir),
	}
	for _, f := range []string{"raw", "mjpeg", "h264"} {
		cmd := gstCmd(fmt.Sprintf("videotestsrc num-buffers=%d pattern=%s ! %s", b8Frames, pattern, gen[f]))
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("encoding the %s %s loop: %w: %s", pattern, f, err, out)
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
	}
	return nil
}

// b8Pipeline is the measured pipeline of one format.
func b8Pipeline(dir, format string, frames int) string {
	s := hdStream
	size := fmt.Sprintf("width=%d,height=%d,framerate=%d/1", s.width, s.height, s.fps)
	// Not leaky as in the agent: the source is not live, the sink paces
	// it, and every frame must be encoded for the per-frame figure.
	queue := "queue max-size-buffers=4 max-size-bytes=0 max-size-time=0"
	x264 := fmt.Sprintf("videoconvert ! video/x-raw,format=I420 ! x264enc bitrate=%d key-int-max=%d bframes=0 speed-preset=ultrafast tune=zerolatency",
		s.kbps, s.fps*max(s.gopSeconds, 1))
	parse := "h264parse config-interval=-1 ! video/x-h264,stream-format=byte-stream,alignment=au ! fakesink sync=true"
	src := func(file, caps string) string {
		return fmt.Sprintf("multifilesrc location=%s loop=true num-buffers=%d caps=%s,%s", filepath.Join(dir, file), frames, caps, size)
	}
	switch format {
	case "raw":
		return fmt.Sprintf("multifilesrc location=%s loop=true num-buffers=%d ! rawvideoparse format=yuy2 width=%d height=%d framerate=%d/1 ! %s ! %s ! %s",
			filepath.Join(dir, "raw-%05d.yuv"), frames, s.width, s.height, s.fps, queue, x264, parse)
	case "mjpeg":
		return fmt.Sprintf("%s ! %s ! jpegdec ! %s ! %s", src("mjpeg-%05d.jpg", "image/jpeg"), queue, x264, parse)
	}
	return fmt.Sprintf("%s ! %s", src("h264-%05d.h264", "video/x-h264,stream-format=byte-stream,alignment=au"), parse)
}

// pipelineCPU runs a finite pipeline and returns its CPU seconds (user and
// system, all its threads).
func pipelineCPU(ctx context.Context, pipeline string) (float64, error) {
	cmd := exec.CommandContext(ctx, "gst-launch-1.0", append([]string{"-q"}, strings.Fields(pipeline)...)...)
	if out, err := cmd.CombinedOutput(); err != nil {
		return 0, fmt.Errorf("%s: %w: %s", pipeline, err, out)
	}
	return (cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()).Seconds(), nil
}

// meanKB is the mean size of the files matching glob.
func meanKB(glob string) float64 {
	files, _ := filepath.Glob(glob)
	var total int64
	for _, f := range files {
		if fi, err := os.Stat(f); err == nil {
			total += fi.Size()
		}
	}
	if len(files) == 0 {
		return nan()
	}
	return float64(total) / float64(len(files)) / 1024
}

func (b *bench) b8(ctx context.Context) error {
	frames := int(b.d.B2Window.Seconds()) * hdStream.fps
	r := &b8Result{Method: fmt.Sprintf("gst-launch-1.0 of the agent's pipeline per format after the source; the source a loop of %d frames "+
		"(multifilesrc from the page cache, paced by fakesink sync=true); CPU per frame = (CPU of a %d-frame run - CPU of a 1-frame run) / %d, "+
		"user + system of every thread (wait4); shown at 30 fps as %% of one core; median of %d repetitions, the formats alternating within each",
		b8Frames, frames, frames-1, min(b.d.Reps, 3))}
	b.res.B8 = r
	defer r.summarise()
	for _, content := range []string{"snow", "ball"} {
		dir := filepath.Join(b.work, "b8", content)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		if err := b8Sources(ctx, dir, content); err != nil {
			return err
		}
		base := len(r.Sides)
		for _, f := range []string{"raw", "mjpeg", "h264"} {
			ext := map[string]string{"raw": "yuv", "mjpeg": "jpg", "h264": "h264"}[f]
			r.Sides = append(r.Sides, b8Side{Format: f, Content: content, Pipeline: b8Pipeline(dir, f, frames), Frames: frames,
				FrameKB: f64(meanKB(filepath.Join(dir, f+"-*."+ext)))})
		}
		for rep := 0; rep < min(b.d.Reps, 3) && ctx.Err() == nil; rep++ {
			for i := range 3 {
				side := &r.Sides[base+(i+rep)%3]
				one, err := pipelineCPU(ctx, b8Pipeline(dir, side.Format, 1))
				if err != nil {
					return err
				}
				all, err := pipelineCPU(ctx, side.Pipeline)
				if err != nil {
					return err
				}
				ms := (all - one) / float64(frames-1) * 1000
				side.FrameMs = append(side.FrameMs, f64(ms))
				logf("B8 rep %d %s %s: %.2f CPU-s for %d frames, %.2f for 1: %.2f ms a frame (%.1f%% of a core at %d fps)",
					rep+1, content, side.Format, all, frames, one, ms, ms*float64(hdStream.fps)/10, hdStream.fps)
			}
		}
		// The loops take 150 MB: gone before the next content.
		for _, f := range []string{"raw-*.yuv", "mjpeg-*.jpg", "h264-*.h264"} {
			files, _ := filepath.Glob(filepath.Join(dir, f))
			for _, p := range files {
				_ = os.Remove(p) // work files; the run's work folder goes too
			}
		}
	}
	return nil
}

func (r *b8Result) summarise() {
	for i := range r.Sides {
		s := &r.Sides[i]
		var ms []float64
		for _, x := range s.FrameMs {
			ms = append(ms, float64(x))
		}
		s.FrameMsMedian = f64(median(ms))
		s.CPUPercent = f64(median(ms) * float64(hdStream.fps) / 10)
	}
}

// b8Rows are B8's lines of the summary.
func (r *b8Result) rows(add func(bench, what, value, goal, st string)) {
	for _, s := range r.Sides {
		what := map[string]string{"raw": "raw YUYV → x264enc", "mjpeg": "MJPEG → jpegdec → x264enc", "h264": "camera H.264 → h264parse (passthrough)"}[s.Format]
		add("B8", fmt.Sprintf("1280x720@30 %s, %s: CPU %% of a core at 30 fps (median)", what, s.Content),
			fmt.Sprintf("%.1f%% (%.2f ms a frame; source frames %.0f KB)", float64(s.CPUPercent), float64(s.FrameMsMedian), float64(s.FrameKB)), "", "")
	}
}

// b8Pipelines lists the measured pipelines for the report.
func (r *b8Result) pipelines() string {
	var sb strings.Builder
	seen := map[string]bool{}
	for _, s := range r.Sides {
		if !seen[s.Format] {
			seen[s.Format] = true
			fmt.Fprintf(&sb, "- %s: `%s`\n", s.Format, s.Pipeline)
		}
	}
	return sb.String()
}
