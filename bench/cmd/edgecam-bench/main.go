// Command edgecam-bench is `make bench`: it measures edgecam against the
// alternatives users have (a bare GStreamer pipeline, the naive
// gst-launch | kcat -P recipe) side by side in one run on one machine,
// prints a summary table and writes bench/results/<timestamp>.json, .md and
// PNG charts. It reports; it never fails on a timing (exit status 1 only
// when a benchmark could not run at all).
//
//	B1 agent overhead     edgecam run vs gst-launch … ! fakesink (CPU, RSS)
//	B2 naive pipeline     vs gst-launch … ! mpegtsmux | kcat -P (framed, newline-split)
//	B3 latency            capture→Kafka, capture→appsink, their difference
//	B4 outage recovery    Kafka cut 60 s: drain speed, time back to live
//	B5 spool              append/drain MB/s vs a plain file; bytes per outage hour
//	B6 scale              1, 2, 4 streams; 10-minute RSS soak
//	B7 start-up           Open of a full 2 GiB spool, scan vs index; start → first live frame acked
//	B8 camera formats     CPU of a 720p30 V4L2 camera: raw vs MJPEG decoded and encoded vs H.264 passed through
//	B9 RTSP at scale      1, 4, 16 passthrough cameras vs gst-launch rtspsrc chains (CPU, RSS)
//	B10 start-up, 720p    start → first frame acked, x264 1280x720, empty spool
//	B11 H.265 CPU         x265enc vs x264enc, 1280x720@30, gst-launch (no Kafka)
//
// BENCH_QUICK=1 (or -quick) shortens every phase for a smoke check.
//
// It owns bench/results and its work folder. It never fails on a timing,
// is never part of `make test`, and never uses the test broker: the Kafka it
// starts listens on the usual ports + 1000. It imports no edgecam package: it
// measures the built binary (bin/edgecam) from outside, like a user.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"time"
)

// durations of one run of the suite.
type durations struct {
	Reps         int           `json:"repetitions"`
	B1Reps       int           `json:"b1_repetitions"`
	Warmup       time.Duration `json:"warmup_ns"`
	B1Window     time.Duration `json:"b1_window_ns"`
	B2Window     time.Duration `json:"b2_window_ns"`
	B4Before     time.Duration `json:"b4_before_ns"`
	B4Cut        time.Duration `json:"b4_cut_ns"`
	B4After      time.Duration `json:"b4_after_ns"`
	B5BenchTime  string        `json:"b5_benchtime"`
	B6Window     time.Duration `json:"b6_window_ns"`
	B6Reps       int           `json:"b6_repetitions"`
	Soak         time.Duration `json:"soak_ns"`
	SoakEvery    time.Duration `json:"soak_sample_every_ns"`
	SoakWarmup   time.Duration `json:"soak_warmup_ns"`
	ScaleStreams []int         `json:"scale_streams"`
}

func fullDurations() durations {
	return durations{Reps: 5, B1Reps: 7, Warmup: 5 * time.Second, B1Window: 30 * time.Second, B2Window: 20 * time.Second,
		B4Before: 20 * time.Second, B4Cut: 60 * time.Second, B4After: 60 * time.Second, B5BenchTime: "1s",
		B6Window: 20 * time.Second, B6Reps: 2, Soak: 10 * time.Minute, SoakEvery: 10 * time.Second,
		SoakWarmup: time.Minute, ScaleStreams: []int{1, 2, 4}}
}

func quickDurations() durations {
	return durations{Reps: 2, B1Reps: 2, Warmup: 2 * time.Second, B1Window: 5 * time.Second, B2Window: 5 * time.Second,
		B4Before: 5 * time.Second, B4Cut: 10 * time.Second, B4After: 15 * time.Second, B5BenchTime: "200ms",
		B6Window: 4 * time.Second, B6Reps: 1, Soak: 20 * time.Second, SoakEvery: 2 * time.Second,
		SoakWarmup: 6 * time.Second, ScaleStreams: []int{1, 2, 4}}
}

// bench is one run of the suite.
type bench struct {
	repo, bin, out, work string
	stamp                string
	d                    durations
	k                    *kafkaEnv
	metrics              bool // the agent serves /metrics (config key metrics.listen)
	keep                 bool // keep work
	res                  *results
}

func logf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "bench %s: %s\n", time.Now().Format("15:04:05"), fmt.Sprintf(format, args...))
}

func main() {
	repo, _ := os.Getwd()
	bin := flag.String("bin", "bin/edgecam", "the edgecam binary to measure")
	out := flag.String("out", "bench/results", "directory for the results")
	quick := flag.Bool("quick", os.Getenv("BENCH_QUICK") != "" && os.Getenv("BENCH_QUICK") != "0", "short phases, for a smoke check (also BENCH_QUICK=1)")
	brokers := flag.String("brokers", os.Getenv("BENCH_BROKERS"), "use this running Kafka of kafka.sh on its default ports (127.0.0.1:9092; B4 then needs 9392 free) instead of starting and stopping one on ports +1000")
	keep := flag.Bool("keep", false, "keep the work directory (configs, agent logs) under .cache/")
	only := flag.String("only", os.Getenv("BENCH_ONLY"), "comma-separated subset, e.g. B1,B3 (B3 needs B1)")
	flag.Parse()

	d := fullDurations()
	if *quick {
		d = quickDurations()
	}
	b := &bench{repo: repo, out: *out, d: d, keep: *keep, stamp: time.Now().UTC().Format("20060102T150405Z")}
	b.bin, _ = filepath.Abs(*bin)
	b.k = &kafkaEnv{repo: repo, brokers: *brokers, managed: *brokers == ""}
	if b.k.managed {
		b.k.offset = benchPortOffset
		b.k.brokers = fmt.Sprintf("127.0.0.1:%d", 9092+benchPortOffset)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := b.run(ctx, *only, *quick)
	stop()
	if err != nil {
		logf("error: %v", err)
		os.Exit(1)
	}
}

func (b *bench) run(ctx context.Context, only string, quick bool) error {
	want := func(name string) bool {
		return only == "" || strings.Contains(","+strings.ToUpper(only)+",", ","+name+",")
	}
	if err := os.MkdirAll(b.out, 0o755); err != nil {
		return err
	}
	work, err := os.MkdirTemp(filepath.Join(b.repo, ".cache"), "bench-")
	if err != nil {
		if err = os.MkdirAll(filepath.Join(b.repo, ".cache"), 0o755); err == nil {
			work, err = os.MkdirTemp(filepath.Join(b.repo, ".cache"), "bench-")
		}
		if err != nil {
			return err
		}
	}
	b.work = work
	defer func() {
		if len(b.res.Errors) == 0 && !b.keep {
			_ = os.RemoveAll(work) // in the temporary folder
		} else {
			logf("work directory (configs, agent logs) kept in %s", work)
		}
	}()
	start := time.Now()
	b.res = &results{Started: start.UTC(), Quick: quick, Durations: b.d, Machine: describeMachine(b.bin, b.k)}
	b.metrics = b.metricsSupported()
	logf("machine: %s, %d cores, %s, Kafka %s; metrics endpoint: %v",
		b.res.Machine.CPU, b.res.Machine.Cores, b.res.Machine.GStreamer, b.res.Machine.Kafka, b.metrics)

	if want("B1") || want("B2") || want("B3") || want("B4") || want("B6") || want("B7") || want("B9") || want("B10") {
		if err := b.k.up(ctx); err != nil {
			return err
		}
		defer b.k.down()
	}
	phases := []struct {
		name string
		run  func(context.Context) error
	}{
		{"B1", b.b1}, {"B2", b.b2}, {"B4", b.b4}, {"B5", b.b5}, {"B6", b.b6}, {"B7", b.b7}, {"B8", b.b8}, {"B9", b.b9}, {"B10", b.b10}, {"B11", b.b11},
	}
	for _, p := range phases {
		// B1's runs also measure B3.
		if run := want(p.name) || (p.name == "B1" && want("B3")); !run {
			continue
		}
		if ctx.Err() != nil {
			break
		}
		t := time.Now()
		logf("%s: start", p.name)
		if err := p.run(ctx); err != nil {
			// One phase failing leaves the others' figures useful.
			logf("%s failed: %v", p.name, err)
			b.res.Errors = append(b.res.Errors, fmt.Sprintf("%s: %v", p.name, err))
		}
		logf("%s: done in %s", p.name, time.Since(t).Round(time.Second))
	}
	b.res.DurationSec = time.Since(start).Seconds()
	return b.write()
}

// metricsSupported checks whether this edgecam accepts metrics.listen.
func (b *bench) metricsSupported() bool {
	cfg, err := writeConfig(filepath.Join(b.work, "probe"), b.k.brokers, topicBench,
		[]streamCfg{{name: "probe", width: 640, height: 360, fps: 30, kbps: 500, pattern: "ball"}}, "127.0.0.1:9199")
	if err != nil {
		return false
	}
	return exec.Command(b.bin, "config", "check", "--config", cfg).Run() == nil
}

// machine describes where the figures were measured.
type machine struct {
	CPU       string `json:"cpu"`
	Cores     int    `json:"cores"`
	Kernel    string `json:"kernel"`
	GStreamer string `json:"gstreamer"`
	Kafka     string `json:"kafka"`
	Kcat      string `json:"kcat"`
	Go        string `json:"go"`
	Edgecam   string `json:"edgecam"`
	Load1     string `json:"load_at_start"`
}

func describeMachine(bin string, k *kafkaEnv) machine {
	m := machine{Cores: runtime.NumCPU(), Go: runtime.Version(), Kafka: kafkaVersion() + " (KRaft, 1 broker, 127.0.0.1)"}
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if v, ok := strings.CutPrefix(l, "model name"); ok {
				m.CPU = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(v), ":"))
				break
			}
		}
	}
	first := func(name string, args ...string) string {
		out, _ := exec.Command(name, args...).CombinedOutput()
		line, _, _ := strings.Cut(strings.TrimSpace(string(out)), "\n")
		return line
	}
	m.Kernel = first("uname", "-sr")
	m.GStreamer = strings.TrimPrefix(first("gst-launch-1.0", "--version"), "gst-launch-1.0 version ")
	m.Kcat = first("kcat", "-V")
	if out, err := exec.Command("kcat", "-V").CombinedOutput(); err == nil {
		for _, l := range strings.Split(string(out), "\n") {
			if strings.Contains(l, "librdkafka") || strings.HasPrefix(l, "kcat -") {
				m.Kcat = strings.TrimSpace(l)
			}
		}
	}
	m.Edgecam = first(bin, "version")
	if b, err := os.ReadFile("/proc/loadavg"); err == nil {
		m.Load1 = strings.Join(strings.Fields(string(b))[:3], " ")
	}
	return m
}

func (b *bench) write() error {
	base := filepath.Join(b.out, b.stamp)
	charts := b.charts(base)
	b.res.Charts = charts
	js, err := json.MarshalIndent(b.res, "", "  ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(base+".json", js, 0o644); err != nil {
		return err
	}
	md := b.markdown()
	if err := os.WriteFile(base+".md", []byte(md), 0o644); err != nil {
		return err
	}
	fmt.Println(b.table())
	logf("wrote %s.json, %s.md and %d charts", base, base, len(charts))
	return nil
}
