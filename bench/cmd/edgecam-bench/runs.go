package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// streamCfg is one stream of an edgecam config.
type streamCfg struct {
	name               string
	width, height, fps int
	kbps               int
	pattern            string // videotestsrc pattern
	gopSeconds         int
}

// x264Fragment is the encoder part of edgecam's pipeline for x264enc
// (encode/encoder.go and encode/pipeline.go, launchString): the baselines
// run exactly this, so the difference is appsink and the agent.
func x264Fragment(s streamCfg) string {
	return fmt.Sprintf("videotestsrc is-live=true pattern=%s ! video/x-raw,width=%d,height=%d,framerate=%d/1 ! "+
		"queue max-size-buffers=4 max-size-bytes=0 max-size-time=0 leaky=downstream ! "+
		"videoconvert ! video/x-raw,format=I420 ! "+
		"x264enc bitrate=%d key-int-max=%d bframes=0 speed-preset=ultrafast tune=zerolatency ! "+
		"h264parse config-interval=-1 ! video/x-h264,stream-format=byte-stream,alignment=au",
		s.pattern, s.width, s.height, s.fps, s.kbps, s.fps*max(s.gopSeconds, 1))
}

// writeConfig writes an edgecam config for streams into dir.
func writeConfig(dir, brokers, topic string, streams []streamCfg, metrics string) (string, error) {
	var b strings.Builder
	fmt.Fprintf(&b, "device:\n  id: bench\nkafka:\n  brokers: [%q]\n  topic: %s\n", brokers, topic)
	fmt.Fprintf(&b, "spool:\n  dir: %s\n", filepath.Join(dir, "spool"))
	if metrics != "" {
		fmt.Fprintf(&b, "metrics:\n  listen: %s\n", metrics)
	}
	b.WriteString("streams:\n")
	for _, s := range streams {
		fmt.Fprintf(&b, "  - name: %s\n    source: {type: test, pattern: %s}\n    width: %d\n    height: %d\n    fps: %d\n"+
			"    bitrate_kbps: %d\n    keyframe_interval: %ds\n    encoder: x264enc\n",
			s.name, s.pattern, s.width, s.height, s.fps, s.kbps, max(s.gopSeconds, 1))
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	path := filepath.Join(dir, "edgecam.yaml")
	return path, os.WriteFile(path, []byte(b.String()), 0o644)
}

// runSpec is one process (tree) measured over a window.
type runSpec struct {
	label  string
	cmd    *exec.Cmd
	warmup time.Duration // not measured: start-up, encoder ramp
	window time.Duration // measured
	// endsItself: the process finishes on its own shortly after the
	// window (a source with num-buffers); otherwise it gets SIGINT.
	endsItself bool
	// atWindowStart runs just before the window's first sample.
	atWindowStart func(pid int)
	// atWindowEnd runs just before the end-of-window sample is taken
	// and the process is stopped (e.g. to scrape its metrics).
	atWindowEnd func(pid int)
	// during runs in the window, in parallel (e.g. RSS sampling); it
	// must return when ctx ends.
	during func(ctx context.Context, pid int)
	log    string // file receiving stdout/stderr (unless set on cmd)
	// fromExec, when set, also measures the CPU of the tree from its
	// start (exec) to this moment after it: start-up included, as a short
	// run of the program costs. At most warmup+window: the run waits for
	// this sample before it stops the process.
	fromExec time.Duration
	// frames, when set, counts the frames the process has delivered so
	// far; it is read with each CPU sample (from exec, window start and
	// end), so CPU can be divided by the frames it bought. It may run
	// concurrently with itself.
	frames func() int64
}

// runResult is what a window measured.
type runResult struct {
	Label      string   `json:"label"`
	CPUSeconds float64  `json:"cpu_seconds"`
	WindowSec  float64  `json:"window_seconds"`
	CPUPercent float64  `json:"cpu_percent"` // of one core
	PeakRSSMB  float64  `json:"peak_rss_mb"`
	RSSMB      float64  `json:"rss_mb"`
	Processes  []string `json:"processes"`
	ExitErr    string   `json:"exit_error,omitempty"`
	// MainThreadsCPU is the CPU of the threads named like the process
	// (for edgecam: its Go threads, i.e. the agent without GStreamer).
	MainThreadsCPU float64 `json:"main_threads_cpu_seconds"`
	// ExecCPUSeconds is the tree's CPU from exec to ExecSec after it
	// (runSpec.fromExec; 0 when not asked).
	ExecCPUSeconds float64 `json:"exec_cpu_seconds,omitempty"`
	ExecSec        float64 `json:"exec_seconds,omitempty"`
	// The largest resident memory by kind sampled (every 250 ms, from
	// exec to the end of the window), MiB: PeakAnonMB is RssAnon+RssShmem
	// (the processes' own memory), PeakFileMB RssFile (the binary and
	// libraries mapped from the page cache), PeakSampledMB their sum; the
	// kernel's exact peak of the total is PeakRSSMB (VmHWM).
	PeakAnonMB    float64 `json:"peak_anon_mb,omitempty"`
	PeakFileMB    float64 `json:"peak_file_mb,omitempty"`
	PeakSampledMB float64 `json:"peak_sampled_rss_mb,omitempty"`
	// Frames delivered in the window and from exec to ExecSec
	// (runSpec.frames; 0 when not counted).
	WindowFrames int64 `json:"window_frames,omitempty"`
	ExecFrames   int64 `json:"exec_frames,omitempty"`

	start, end time.Time // of the window
}

// measure starts the command, waits out the warm-up, samples its process
// tree's CPU time over the window and its memory at the end, then stops
// it (SIGINT, then SIGKILL after 30 s) and waits for it.
func measure(ctx context.Context, rs runSpec) (runResult, error) {
	res := runResult{Label: rs.label}
	if rs.log != "" && rs.cmd.Stdout == nil {
		lf, err := os.Create(rs.log)
		if err != nil {
			return res, err
		}
		defer func() { _ = lf.Close() }() // the agent's log for reading; the figures do not depend on it
		rs.cmd.Stdout, rs.cmd.Stderr = lf, lf
	}
	rs.cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := rs.cmd.Start(); err != nil {
		return res, fmt.Errorf("%s: %w", rs.label, err)
	}
	pid := rs.cmd.Process.Pid
	// From exec: memory by kind, and the CPU of start-up.
	mctx, mcancel := context.WithCancel(ctx)
	defer mcancel()
	var peaks memPeaks
	memDone := make(chan struct{})
	go func() { peaks.follow(mctx, pid); close(memDone) }()
	countFrames := func() int64 {
		if rs.frames == nil {
			return 0
		}
		return rs.frames()
	}
	type execSample struct {
		cpu    float64
		frames int64
	}
	execCPU := make(chan execSample, 1)
	if rs.fromExec > 0 {
		go func() {
			t := time.NewTimer(rs.fromExec)
			defer t.Stop()
			select {
			case <-mctx.Done():
			case <-t.C:
				// Every process of the tree was born after exec, so its
				// counters are its CPU since then.
				c := cpuSeconds(treeSample{}, sampleTree(pid))
				execCPU <- execSample{c, countFrames()}
			}
		}()
	}
	exited := make(chan error, 1)
	go func() { exited <- rs.cmd.Wait() }()
	stop := func() error {
		if !rs.endsItself {
			_ = syscall.Kill(pid, syscall.SIGINT) // gone already: exited tells
		}
		select {
		case err := <-exited:
			return err
		case <-time.After(30*time.Second + rs.window):
			_ = syscall.Kill(-pid, syscall.SIGKILL)
			return fmt.Errorf("did not stop within 30 s: killed (%w)", <-exited)
		}
	}
	if !sleepCtx(ctx, rs.warmup) {
		_ = stop() // interrupted: ctx's error is the one to report
		return res, ctx.Err()
	}
	select {
	case err := <-exited:
		return res, fmt.Errorf("%s exited during warm-up: %w (log: %s)", rs.label, err, rs.log)
	default:
	}
	dctx, dcancel := context.WithCancel(ctx)
	done := make(chan struct{})
	if rs.during != nil {
		go func() { rs.during(dctx, pid); close(done) }()
	} else {
		close(done)
	}
	if rs.atWindowStart != nil {
		rs.atWindowStart(pid)
	}
	f0 := countFrames()
	t0, s0, m0 := time.Now(), sampleTree(pid), mainThreadsTicks(pid)
	sleepCtx(ctx, rs.window)
	if rs.atWindowEnd != nil {
		rs.atWindowEnd(pid)
	}
	s1, m1 := sampleTree(pid), mainThreadsTicks(pid)
	res.WindowFrames = countFrames() - f0
	res.start, res.end = t0, time.Now()
	res.WindowSec = res.end.Sub(t0).Seconds()
	dcancel()
	<-done
	res.CPUSeconds = cpuSeconds(s0, s1)
	res.MainThreadsCPU = float64(m1-m0) / clockTicks
	res.CPUPercent = 100 * res.CPUSeconds / res.WindowSec
	res.PeakRSSMB, res.RSSMB = treeMemMB(pid)
	if rs.fromExec > 0 {
		// Due by now, or within a moment when it is the window's end.
		select {
		case c := <-execCPU:
			res.ExecCPUSeconds, res.ExecFrames, res.ExecSec = c.cpu, c.frames, rs.fromExec.Seconds()
		case <-ctx.Done():
		}
	}
	mcancel()
	<-memDone
	res.PeakSampledMB, res.PeakAnonMB, res.PeakFileMB = peaks.get()
	res.Processes = processNames(pid)
	if err := stop(); err != nil {
		res.ExitErr = err.Error()
	}
	return res, ctx.Err()
}

func sleepCtx(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}

// edgecamCmd is `edgecam run` of a config, with extra environment.
func (b *bench) edgecamCmd(cfg string, env ...string) *exec.Cmd {
	cmd := exec.Command(b.bin, "run", "--config", cfg)
	cmd.Env = append(os.Environ(), env...)
	return cmd
}

// gstCmd is gst-launch-1.0 of a pipeline description (one word per
// argument, as a shell would pass it: gst-launch rejects the whole
// description as a single argument).
func gstCmd(pipeline string) *exec.Cmd {
	return exec.Command("gst-launch-1.0", append([]string{"-q", "-e"}, strings.Fields(pipeline)...)...)
}
