package main

import (
	"bufio"
	"context"
	"fmt"
	"image/color"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
)

// B9: passthrough at scale. N agent streams (encoder none) read one test IP
// camera (internal/rtsptest/rtsp-server.py, 1280x720@30, 4 Mbit/s, one
// shared live encoder, as a camera serves several clients) over RTSP/TCP
// on loopback into the real Kafka, against gst-launch running the same N
// rtspsrc ! rtph264depay ! h264parse chains into fakesink. One encoder
// for all N: a 2-core machine cannot also run 16 camera encoders, and the
// camera's CPU is not measured (only the agent's or gst-launch's tree).
// Every frame an agent stream captured must be in Kafka.
//
// Each agent run writes to a topic of its own, new and empty. On a shared
// topic (one partition, as B6 uses it) a stream resumes by reading the
// partition's tail backwards until it finds a record of its key, and the
// keys of the 16-camera run (ip4..ip15) are absent from the tail the
// 1- and 4-camera runs left: 12 of the 16 streams read hundreds of MB back
// from Kafka, missed resumeWait, spooled to disk and read the tail again
// in the background, all inside the measured window. That measured the
// resume scan, not passthrough (measured: 12 of 16 streams "Kafka did not
// answer at start", crc32 of fetched batches 6% of the agent's CPU).

var b9Cameras = []int{1, 4, 16}

// b9Topic is the topic of one agent run (see above): made empty for it.
func b9Topic(cameras, rep int) string { return fmt.Sprintf("edgecam.b9-%d-%d", cameras, rep) }

type b9Run struct {
	Cameras     int         `json:"cameras"`
	Edgecam     []runResult `json:"edgecam"`
	Gst         []runResult `json:"gst_fakesink"`
	Captured    []int64     `json:"edgecam_captured"`
	InKafka     []int64     `json:"edgecam_frames_in_kafka"`
	CPURatio    f64         `json:"cpu_ratio"` // of medians
	EdgecamCPU  f64         `json:"edgecam_cpu_percent_median"`
	GstCPU      f64         `json:"gst_cpu_percent_median"`
	EdgecamPeak f64         `json:"edgecam_peak_rss_mb_median"`
	GstPeak     f64         `json:"gst_peak_rss_mb_median"`
}

type b9Result struct {
	Runs      []*b9Run `json:"runs"`
	GoalRatio f64      `json:"goal_cpu_ratio_at_16_max"`
	Method    string   `json:"method"`
}

var capturedRe = regexp.MustCompile(`msg="stream stopped" stream=\S+ captured=(\d+)`)

func (b *bench) b9(ctx context.Context) error {
	r := &b9Result{GoalRatio: 1.10, Method: "one rtsp-server.py camera (1280x720@30, videotestsrc snow at 4000 kbit/s, GOP 30, shared media) on 127.0.0.1; " +
		"edgecam run with N streams of it (encoder none, RTSP over TCP) into Kafka (a new, empty topic and spool for each run) vs gst-launch-1.0 with N chains " +
		"rtspsrc protocols=tcp latency=200 ! rtph264depay wait-for-keyframe=true ! h264parse config-interval=-1 ! fakesink sync=false; " +
		"CPU and peak RSS of each process tree over the window after a warm-up; captured from the agent's stop lines, frames in Kafka from the topic's end offsets"}
	b.res.B9 = r
	url, stop, err := b9Camera(ctx, b.repo)
	if err != nil {
		return err
	}
	defer stop()
	for _, n := range b9Cameras {
		r.Runs = append(r.Runs, &b9Run{Cameras: n})
	}
	reps := b.d.B6Reps
	for rep := 0; rep < reps && ctx.Err() == nil; rep++ {
		for _, run := range r.Runs {
			n := run.Cameras
			dir := filepath.Join(b.work, fmt.Sprintf("b9-%d", n))
			topic := b9Topic(n, rep)
			cfg, err := b9Config(dir, b.k.brokers, topic, url, n)
			if err != nil {
				return err
			}
			for i := 0; i < 2; i++ {
				if (i == 0) == (rep%2 == 0) {
					if err := b.k.script(ctx, "topic", topic, "1"); err != nil {
						return err
					}
					from, err := b.k.endOffset(topic)
					if err != nil {
						return err
					}
					log := filepath.Join(dir, fmt.Sprintf("edgecam-%d.log", rep))
					res, err := measure(ctx, runSpec{label: fmt.Sprintf("edgecam %d RTSP", n), cmd: b.edgecamCmd(cfg),
						warmup: b.d.Warmup, window: b.d.B6Window, log: log})
					if err != nil {
						return err
					}
					to, err := b.k.endOffset(topic)
					if err != nil {
						return err
					}
					captured := capturedIn(log)
					run.Edgecam, run.Captured, run.InKafka = append(run.Edgecam, res), append(run.Captured, captured), append(run.InKafka, to-from)
					logf("B9 %d cameras, edgecam: %.0f%% CPU, peak RSS %.0f MB, %d captured, %d in Kafka", n, res.CPUPercent, res.PeakRSSMB, captured, to-from)
				} else {
					var p strings.Builder
					for range n {
						fmt.Fprintf(&p, " rtspsrc location=%s protocols=tcp latency=200 ! rtph264depay wait-for-keyframe=true ! "+
							"h264parse config-interval=-1 ! video/x-h264,stream-format=byte-stream,alignment=au ! fakesink sync=false", url)
					}
					res, err := measure(ctx, runSpec{label: fmt.Sprintf("gst-launch %d RTSP", n), cmd: gstCmd(p.String()),
						warmup: b.d.Warmup, window: b.d.B6Window, log: filepath.Join(dir, fmt.Sprintf("gst-%d.log", rep))})
					if err != nil {
						return err
					}
					run.Gst = append(run.Gst, res)
					logf("B9 %d cameras, gst-launch: %.0f%% CPU, peak RSS %.0f MB", n, res.CPUPercent, res.PeakRSSMB)
				}
			}
		}
	}
	for _, run := range r.Runs {
		cpu := func(x runResult) float64 { return x.CPUPercent }
		run.EdgecamCPU, run.GstCPU = f64(median(field(run.Edgecam, cpu))), f64(median(field(run.Gst, cpu)))
		run.CPURatio = f64(ratio(float64(run.EdgecamCPU), float64(run.GstCPU)))
		run.EdgecamPeak, run.GstPeak = f64(median(field(run.Edgecam, peakOf))), f64(median(field(run.Gst, peakOf)))
	}
	return nil
}

// capturedIn sums the captured counts of a finished agent's "stream
// stopped" lines.
func capturedIn(log string) int64 {
	data, err := os.ReadFile(log)
	if err != nil {
		return -1
	}
	var n int64
	for _, m := range capturedRe.FindAllStringSubmatch(string(data), -1) {
		v, _ := strconv.ParseInt(m[1], 10, 64)
		n += v
	}
	return n
}

// b9Config writes an agent config with n passthrough streams of url into
// topic.
func b9Config(dir, brokers, topic, url string, n int) (string, error) {
	var s strings.Builder
	fmt.Fprintf(&s, "device:\n  id: bench-b9\nkafka:\n  brokers: [%q]\n  topic: %s\nspool:\n  dir: %s\nstreams:\n", brokers, topic, filepath.Join(dir, "spool-"+topic))
	for i := range n {
		fmt.Fprintf(&s, "  - name: ip%d\n    source: {type: rtsp, url: %q, transport: tcp}\n    encoder: none\n", i, url)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	path := filepath.Join(dir, "edgecam.yaml")
	return path, os.WriteFile(path, []byte(s.String()), 0o644)
}

// b9Camera starts the test camera on a free port and returns its URL.
func b9Camera(ctx context.Context, repo string) (string, func(), error) {
	cmd := exec.CommandContext(ctx, "/usr/bin/python3", filepath.Join(repo, "internal/rtsptest/rtsp-server.py"),
		"--port", "0", "--width", "1280", "--height", "720", "--fps", "30", "--bitrate", "4000", "--gop", "30", "--pattern", "snow")
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return "", nil, err
	}
	if err := cmd.Start(); err != nil {
		return "", nil, fmt.Errorf("B9 camera: %w", err)
	}
	stop := func() {
		_ = syscall.Kill(cmd.Process.Pid, syscall.SIGTERM)
		done := make(chan struct{})
		go func() { _ = cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(30 * time.Second):
			_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
			<-done
		}
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	url, ok := strings.CutPrefix(strings.TrimSpace(line), "ready ")
	if err != nil {
		stop()
		return "", nil, fmt.Errorf("B9 camera: no ready line: %w", err)
	}
	if !ok {
		stop()
		return "", nil, fmt.Errorf("B9 camera: %q, not a ready line", line)
	}
	return url, stop, nil
}

// b9Chart draws CPU (% of one core) and peak RSS against the number of
// cameras, edgecam and gst-launch, side by side.
func b9Chart(r *b9Result, save func(*plot.Plot, string, vg.Length, vg.Length)) {
	line := func(p *plot.Plot, label string, c color.Color, y func(*b9Run) float64) {
		pts := plotter.XYs{}
		for _, run := range r.Runs {
			if v := y(run); !math.IsNaN(v) {
				pts = append(pts, plotter.XY{X: float64(run.Cameras), Y: v})
			}
		}
		l, s, err := plotter.NewLinePoints(pts)
		if err != nil {
			return
		}
		l.Color, s.Color = c, c
		p.Add(l, s)
		p.Legend.Add(label, l, s)
	}
	edgecam, gst := color.RGBA{R: 60, G: 110, B: 180, A: 255}, color.RGBA{R: 200, G: 90, B: 60, A: 255}
	cpu := plot.New()
	cpu.Title.Text = "B9: RTSP passthrough, CPU"
	cpu.X.Label.Text, cpu.Y.Label.Text = "cameras (1280x720@30, 4 Mbit/s)", "% of one core"
	line(cpu, "edgecam → Kafka", edgecam, func(x *b9Run) float64 { return float64(x.EdgecamCPU) })
	line(cpu, "gst-launch → fakesink", gst, func(x *b9Run) float64 { return float64(x.GstCPU) })
	cpu.Legend.Top, cpu.Legend.Left = true, true
	cpu.Y.Min = 0
	save(cpu, "rtsp-cpu", 4*vg.Inch, 3*vg.Inch)
	rss := plot.New()
	rss.Title.Text = "B9: RTSP passthrough, peak RSS"
	rss.X.Label.Text, rss.Y.Label.Text = "cameras (1280x720@30, 4 Mbit/s)", "MB"
	line(rss, "edgecam → Kafka", edgecam, func(x *b9Run) float64 { return float64(x.EdgecamPeak) })
	line(rss, "gst-launch → fakesink", gst, func(x *b9Run) float64 { return float64(x.GstPeak) })
	rss.Legend.Top, rss.Legend.Left = true, true
	rss.Y.Min = 0
	save(rss, "rtsp-rss", 4*vg.Inch, 3*vg.Inch)
}
