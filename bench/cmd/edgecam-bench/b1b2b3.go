package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"math"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// The stream of B1-B3: 1280x720 at 30 fps, x264enc ultrafast zerolatency.
// The pattern is snow: noise keeps the encoder at its bit rate (2 Mbit/s
// here, like a busy camera scene), where "ball" would give ~0.2 Mbit/s and
// hide the agent's per-byte costs.
var hdStream = streamCfg{name: "cam0", width: 1280, height: 720, fps: 30, kbps: 2000, pattern: "snow", gopSeconds: 1}

const metricsAddr = "127.0.0.1:9199"

type b1Result struct {
	Edgecam      []runResult `json:"edgecam"`
	GstFakesink  []runResult `json:"gst_fakesink"`
	Frames       []int64     `json:"edgecam_frames_in_kafka"`
	EdgecamCPU   f64         `json:"edgecam_cpu_seconds_median"`
	GstCPU       f64         `json:"gst_cpu_seconds_median"`
	CPURatio     f64         `json:"cpu_ratio"` // of medians
	PairRatios   []f64       `json:"cpu_ratio_per_repetition"`
	EdgecamPeak  f64         `json:"edgecam_peak_rss_mb_median"`
	GstPeak      f64         `json:"gst_peak_rss_mb_median"`
	GoalCPURatio f64         `json:"goal_cpu_ratio_max"`
	// AgentShare is the CPU of edgecam's own (Go) threads over the
	// process's, median: the agent's cost measured inside one run, free
	// of the run-to-run spread of the encoder's CPU.
	AgentCPU   f64 `json:"edgecam_go_threads_cpu_seconds_median"`
	AgentShare f64 `json:"edgecam_go_threads_share_median"`
	// The same runs measured from exec to b1FromExec after it, start-up
	// included (what a short run of each costs), medians.
	FromExecSec     f64   `json:"from_exec_seconds"`
	EdgecamExecCPU  f64   `json:"edgecam_from_exec_cpu_seconds_median"`
	GstExecCPU      f64   `json:"gst_from_exec_cpu_seconds_median"`
	ExecCPURatio    f64   `json:"from_exec_cpu_ratio"` // of medians
	ExecPairRatios  []f64 `json:"from_exec_cpu_ratio_per_repetition"`
	EdgecamPeakAnon f64   `json:"edgecam_peak_anon_mb_median"` // RssAnon+RssShmem
	GstPeakAnon     f64   `json:"gst_peak_anon_mb_median"`
	EdgecamPeakFile f64   `json:"edgecam_peak_file_mb_median"` // RssFile
	GstPeakFile     f64   `json:"gst_peak_file_mb_median"`
	GoalRSSRatio    f64   `json:"goal_peak_rss_ratio_max"`
	// CPU-ms per frame delivered (edgecam: acknowledged by Kafka;
	// gst-launch: reaching fakesink), medians, and their ratios: on a
	// loaded machine both sides get less CPU than they need, the live
	// source falls behind and the leaky queue drops frames, so CPU-s alone
	// compare runs that did different amounts of work.
	EdgecamMsPerFrame     f64 `json:"edgecam_cpu_ms_per_frame_median"`
	GstMsPerFrame         f64 `json:"gst_cpu_ms_per_frame_median"`
	PerFrameRatio         f64 `json:"cpu_per_frame_ratio"`
	EdgecamExecMsPerFrame f64 `json:"edgecam_from_exec_cpu_ms_per_frame_median"`
	GstExecMsPerFrame     f64 `json:"gst_from_exec_cpu_ms_per_frame_median"`
	ExecPerFrameRatio     f64 `json:"from_exec_cpu_per_frame_ratio"`
}

// b1FromExec is B1's second CPU figure: from exec to 20 s after it,
// start-up included, inside the same runs (warm-up + window is longer).
const b1FromExec = 20 * time.Second

type b3Result struct {
	// Per frame, from the B1 edgecam runs: capture (edgecam-capture-ns)
	// to the broker's append time (LogAppendTime, ms resolution).
	CaptureToKafka pct `json:"capture_to_kafka"`
	// capture → appsink, written by the agent (EDGECAM_BENCH_ENCODE_TRACE).
	CaptureToAppsink pct `json:"capture_to_appsink"`
	// Per frame: capture→Kafka minus capture→appsink, the agent's part.
	Agent pct `json:"agent"`
	// From the agent's own histogram edgecam_capture_to_ack_seconds,
	// when it serves /metrics: the B1 windows only (two scrapes each),
	// quantiles by linear interpolation within buckets, so only as fine
	// as the buckets.
	MetricsCaptureToAck *pct   `json:"metrics_capture_to_ack,omitempty"`
	Method              string `json:"method"`
	GoalAgentP99ms      f64    `json:"goal_agent_p99_ms_max"`
}

// b1 runs edgecam and the bare pipeline alternately; the edgecam runs also
// give B3's latencies.
func (b *bench) b1(ctx context.Context) error {
	r := &b1Result{GoalCPURatio: 1.02, GoalRSSRatio: 1.25}
	b.res.B1 = r
	dir := filepath.Join(b.work, "b1")
	var metrics string
	if b.metrics {
		metrics = metricsAddr
	}
	cfg, err := writeConfig(dir, b.k.brokers, topicBench, []streamCfg{hdStream}, metrics)
	if err != nil {
		return err
	}
	var toKafka, toSink, agent []time.Duration
	hist := map[float64]float64{}
	// Summarise whatever ran, also after a failure.
	defer func() {
		r.summarise()
		b3 := &b3Result{CaptureToKafka: percentiles(toKafka), CaptureToAppsink: percentiles(toSink), Agent: percentiles(agent), GoalAgentP99ms: 20,
			Method: "per frame, from the B1 edgecam runs: capture→Kafka is the broker's LogAppendTime (ms resolution) minus edgecam-capture-ns; " +
				"capture→appsink is written per frame by the agent's puller (EDGECAM_BENCH_ENCODE_TRACE); agent = the difference for the same frame"}
		if len(hist) > 0 {
			q := histQuantiles(hist)
			b3.MetricsCaptureToAck = &q
		}
		b.res.B3 = b3
	}()
	fromExec := b1FromExec
	if fromExec > b.d.Warmup+b.d.B1Window {
		fromExec = b.d.Warmup + b.d.B1Window // BENCH_QUICK
	}
	for rep := 0; rep < b.d.B1Reps && ctx.Err() == nil; rep++ {
		for i := 0; i < 2; i++ {
			if (i == 0) == (rep%2 == 0) {
				trace := filepath.Join(dir, fmt.Sprintf("trace-%d", rep))
				from, err := b.k.endOffset(topicBench)
				if err != nil {
					return err
				}
				rs := runSpec{label: "edgecam", cmd: b.edgecamCmd(cfg, "EDGECAM_BENCH_ENCODE_TRACE="+trace),
					warmup: b.d.Warmup, window: b.d.B1Window, fromExec: fromExec, log: filepath.Join(dir, fmt.Sprintf("edgecam-%d.log", rep)),
					frames: func() int64 {
						n, err := b.k.endOffset(topicBench)
						if err != nil {
							return 0
						}
						return n - from
					}}
				if b.metrics {
					// The histogram counts from the agent's start: the
					// window is the difference of two scrapes.
					before := map[float64]float64{}
					rs.atWindowStart = func(int) { scrapeHistogram("http://"+metricsAddr+"/metrics", "edgecam_capture_to_ack_seconds", before) }
					rs.atWindowEnd = func(int) {
						after := map[float64]float64{}
						scrapeHistogram("http://"+metricsAddr+"/metrics", "edgecam_capture_to_ack_seconds", after)
						for le, n := range after {
							hist[le] += n - before[le]
						}
					}
				}
				res, err := measure(ctx, rs)
				if err != nil {
					return err
				}
				r.Edgecam = append(r.Edgecam, res)
				to, err := b.k.endOffset(topicBench)
				if err != nil {
					return err
				}
				r.Frames = append(r.Frames, to-from)
				recs, err := b.k.readRecords(topicBench, from, to-from)
				if err != nil {
					return err
				}
				enc := readTrace(trace)
				if len(enc) == 0 {
					logf("B3: this edgecam wrote no encoder trace (%s; a build without it?): capture→appsink and the agent's part are not measured", "EDGECAM_BENCH_ENCODE_TRACE")
				}
				for _, rec := range recs {
					c := time.Unix(0, rec.captureNs)
					if c.Before(res.start) || c.After(res.end) {
						continue
					}
					toKafka = append(toKafka, rec.latency())
					if e, ok := enc[rec.captureNs]; ok {
						toSink = append(toSink, e)
						agent = append(agent, rec.latency()-e)
					}
				}
				logf("B1 rep %d edgecam: %.2f CPU-s in %.0f s (%.0f%%; Go threads %.2f), from exec %.2f CPU-s in %.0f s, peak RSS %.1f MB (anon %.1f, file %.1f), %d frames",
					rep+1, res.CPUSeconds, res.WindowSec, res.CPUPercent, res.MainThreadsCPU, res.ExecCPUSeconds, res.ExecSec, res.PeakRSSMB, res.PeakAnonMB, res.PeakFileMB, to-from)
			} else {
				// -v with fakesink silent=false prints a line per frame
				// reaching the sink (a few microseconds each): the
				// frame count. -q would silence it.
				log := filepath.Join(dir, fmt.Sprintf("gst-%d.log", rep))
				cmd := exec.Command("gst-launch-1.0", append([]string{"-v", "-e"}, strings.Fields(x264Fragment(hdStream)+" ! fakesink sync=false silent=false name=out")...)...)
				res, err := measure(ctx, runSpec{label: "gst-launch fakesink", cmd: cmd,
					warmup: b.d.Warmup, window: b.d.B1Window, fromExec: fromExec, log: log,
					frames: func() int64 { return countInFile(log, "out: last-message = chain") }})
				if err != nil {
					return err
				}
				r.GstFakesink = append(r.GstFakesink, res)
				logf("B1 rep %d gst-launch: %.2f CPU-s in %.0f s (%.0f%%), from exec %.2f CPU-s in %.0f s, peak RSS %.1f MB (anon %.1f, file %.1f)",
					rep+1, res.CPUSeconds, res.WindowSec, res.CPUPercent, res.ExecCPUSeconds, res.ExecSec, res.PeakRSSMB, res.PeakAnonMB, res.PeakFileMB)
			}
		}
	}
	return nil
}

func (r *b1Result) summarise() {
	r.PairRatios = nil
	for i := range min(len(r.Edgecam), len(r.GstFakesink)) {
		r.PairRatios = append(r.PairRatios, f64(ratio(r.Edgecam[i].CPUSeconds/r.Edgecam[i].WindowSec, r.GstFakesink[i].CPUSeconds/r.GstFakesink[i].WindowSec)))
	}
	r.EdgecamCPU, r.GstCPU = f64(median(field(r.Edgecam, cpuOf))), f64(median(field(r.GstFakesink, cpuOf)))
	r.CPURatio = f64(ratio(float64(r.EdgecamCPU), float64(r.GstCPU)))
	r.EdgecamPeak, r.GstPeak = f64(median(field(r.Edgecam, peakOf))), f64(median(field(r.GstFakesink, peakOf)))
	r.AgentCPU = f64(median(field(r.Edgecam, func(x runResult) float64 { return x.MainThreadsCPU })))
	execOf := func(x runResult) float64 { return x.ExecCPUSeconds }
	r.ExecPairRatios = nil
	for i := range min(len(r.Edgecam), len(r.GstFakesink)) {
		r.ExecPairRatios = append(r.ExecPairRatios, f64(ratio(r.Edgecam[i].ExecCPUSeconds, r.GstFakesink[i].ExecCPUSeconds)))
	}
	if len(r.Edgecam) > 0 {
		r.FromExecSec = f64(r.Edgecam[0].ExecSec)
	}
	r.EdgecamExecCPU, r.GstExecCPU = f64(median(field(r.Edgecam, execOf))), f64(median(field(r.GstFakesink, execOf)))
	r.ExecCPURatio = f64(ratio(float64(r.EdgecamExecCPU), float64(r.GstExecCPU)))
	msPer := func(cpu float64, frames int64) float64 {
		if frames <= 0 {
			return math.NaN()
		}
		return 1000 * cpu / float64(frames)
	}
	winMs := func(x runResult) float64 { return msPer(x.CPUSeconds, x.WindowFrames) }
	execMs := func(x runResult) float64 { return msPer(x.ExecCPUSeconds, x.ExecFrames) }
	finite := func(xs []float64) []float64 {
		return slices.DeleteFunc(xs, math.IsNaN)
	}
	r.EdgecamMsPerFrame, r.GstMsPerFrame = f64(median(finite(field(r.Edgecam, winMs)))), f64(median(finite(field(r.GstFakesink, winMs))))
	r.PerFrameRatio = f64(ratio(float64(r.EdgecamMsPerFrame), float64(r.GstMsPerFrame)))
	r.EdgecamExecMsPerFrame, r.GstExecMsPerFrame = f64(median(finite(field(r.Edgecam, execMs)))), f64(median(finite(field(r.GstFakesink, execMs))))
	r.ExecPerFrameRatio = f64(ratio(float64(r.EdgecamExecMsPerFrame), float64(r.GstExecMsPerFrame)))
	anonOf := func(x runResult) float64 { return x.PeakAnonMB }
	fileOf := func(x runResult) float64 { return x.PeakFileMB }
	r.EdgecamPeakAnon, r.GstPeakAnon = f64(median(field(r.Edgecam, anonOf))), f64(median(field(r.GstFakesink, anonOf)))
	r.EdgecamPeakFile, r.GstPeakFile = f64(median(field(r.Edgecam, fileOf))), f64(median(field(r.GstFakesink, fileOf)))
	r.AgentShare = f64(median(field(r.Edgecam, func(x runResult) float64 { return ratio(x.MainThreadsCPU, x.CPUSeconds) })))
}

// countInFile counts the occurrences of s in the file at path (0 when it
// cannot be read).
func countInFile(path, s string) int64 {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	return int64(bytes.Count(b, []byte(s)))
}

// readTrace reads the encoder-latency trace: capture ns → capture→appsink.
func readTrace(path string) map[int64]time.Duration {
	m := map[int64]time.Duration{}
	f, err := os.Open(path)
	if err != nil {
		return m
	}
	defer func() { _ = f.Close() }() // read-only
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		a, c, ok := strings.Cut(sc.Text(), " ")
		if !ok {
			continue
		}
		capNs, err1 := strconv.ParseInt(a, 10, 64)
		age, err2 := strconv.ParseInt(c, 10, 64)
		if err1 == nil && err2 == nil {
			m[capNs] = time.Duration(age)
		}
	}
	return m
}

// scrapeHistogram adds the cumulative buckets (le → count, summed over
// label sets) of a Prometheus histogram to into.
func scrapeHistogram(url, name string, into map[float64]float64) {
	c := http.Client{Timeout: 5 * time.Second}
	resp, err := c.Get(url)
	if err != nil {
		return
	}
	defer func() { _ = resp.Body.Close() }() // read to the end below
	body, _ := io.ReadAll(resp.Body)
	for _, l := range strings.Split(string(body), "\n") {
		if !strings.HasPrefix(l, name+"_bucket{") {
			continue
		}
		i := strings.Index(l, `le="`)
		if i < 0 {
			continue
		}
		rest := l[i+4:]
		j := strings.IndexByte(rest, '"')
		if j < 0 {
			continue
		}
		le, err := strconv.ParseFloat(rest[:j], 64)
		if err != nil {
			continue // +Inf is implied by the largest bucket
		}
		f := strings.Fields(l)
		v, err := strconv.ParseFloat(f[len(f)-1], 64)
		if err == nil {
			into[le] += v
		}
	}
}

// histQuantiles interpolates p50/p95/p99 within cumulative buckets.
func histQuantiles(h map[float64]float64) pct {
	var les []float64
	for le := range h {
		les = append(les, le)
	}
	sortFloats(les)
	total := h[les[len(les)-1]]
	q := func(p float64) f64 {
		want := p * total
		prevLe, prevC := 0.0, 0.0
		for _, le := range les {
			c := h[le]
			if c >= want && c > prevC {
				return f64(1000 * (prevLe + (le-prevLe)*(want-prevC)/(c-prevC)))
			}
			prevLe, prevC = le, c
		}
		return f64(1000 * les[len(les)-1])
	}
	return pct{N: int(total), P50: q(0.5), P95: q(0.95), P99: q(0.99)}
}

// b2Side is one of the B2 contenders.
type b2Side struct {
	Name            string      `json:"name"`
	Runs            []runResult `json:"runs"`
	Records         []int64     `json:"records"`
	FramesEncoded   []int64     `json:"frames_encoded"`
	FramesDecoded   []int64     `json:"frames_decoded"`
	DecodeErrors    []int64     `json:"decode_errors"`
	CPUMedian       f64         `json:"cpu_seconds_median"`
	CPURatio        f64         `json:"cpu_ratio_to_edgecam"`
	PeakMedian      f64         `json:"peak_rss_mb_median"`
	DecodedFraction f64         `json:"decoded_fraction_median"`
}

type b2Result struct {
	Sides  []*b2Side `json:"sides"`
	Recipe string    `json:"recipe"`
}

// The naive pipelines: the same source and encoder, muxed to MPEG-TS, piped
// into kcat -P. "framed" keeps records whole by base64 lines of exactly
// 1128 bytes (6 TS packets; kcat splits at newlines, which base64 never
// emits); "newline" is the recipe as found: binary split at 0x0a bytes.
func naivePipeline(s streamCfg, frames int, framed bool, brokers, key string) string {
	src := strings.Replace(x264Fragment(s), "is-live=true", fmt.Sprintf("is-live=true num-buffers=%d", frames), 1)
	gst := "gst-launch-1.0 -q -e " + src + " ! mpegtsmux ! fdsink fd=1"
	kcat := fmt.Sprintf("kcat -P -b %s -t %s -p 0 -k %s", brokers, topicNaive, key)
	if framed {
		return gst + " | base64 -w 1504 | " + kcat
	}
	return gst + " | " + kcat
}

func (b *bench) b2(ctx context.Context) error {
	r := &b2Result{Recipe: naivePipeline(hdStream, 0, false, b.k.brokers, "KEY")}
	b.res.B2 = r
	dir := filepath.Join(b.work, "b2")
	cfg, err := writeConfig(dir, b.k.brokers, topicBench, []streamCfg{hdStream}, "")
	if err != nil {
		return err
	}
	sides := []*b2Side{{Name: "edgecam"}, {Name: "gst | base64 | kcat -P (framed)"}, {Name: "gst | kcat -P (newline-split)"}}
	r.Sides = sides
	frames := int((b.d.Warmup+b.d.B2Window)/time.Second)*hdStream.fps + hdStream.fps
	defer r.summarise()
	for rep := 0; rep < b.d.Reps && ctx.Err() == nil; rep++ {
		for j := range sides {
			i := (j + rep) % len(sides) // rotate who goes first
			s := sides[i]
			topic := topicNaive
			if i == 0 {
				topic = topicBench
			}
			from, err := b.k.endOffset(topic)
			if err != nil {
				return err
			}
			rs := runSpec{label: s.Name, warmup: b.d.Warmup, window: b.d.B2Window, log: filepath.Join(dir, fmt.Sprintf("%d-%d.log", i, rep))}
			if i == 0 {
				rs.cmd = b.edgecamCmd(cfg)
			} else {
				key := fmt.Sprintf("naive-%d-%d", i, rep)
				rs.cmd = exec.Command("bash", "-o", "pipefail", "-c", naivePipeline(hdStream, frames, i == 1, b.k.brokers, key))
				rs.endsItself = true
			}
			res, err := measure(ctx, rs)
			if err != nil {
				return err
			}
			to, err := b.k.endOffset(topic)
			if err != nil {
				return err
			}
			dump := filepath.Join(dir, fmt.Sprintf("dump-%d-%d", i, rep))
			if err := b.k.dumpValues(topic, from, to-from, dump); err != nil {
				return err
			}
			format := "mpegts"
			encoded := int64(frames)
			switch i {
			case 0:
				format, encoded = "h264", to-from
			case 1:
				if err := base64Decode(dump); err != nil {
					return err
				}
			}
			dec, errs := decodeCount(dump, format)
			_ = os.Remove(dump) // a scratch file in the work folder
			s.Runs = append(s.Runs, res)
			s.Records = append(s.Records, to-from)
			s.FramesEncoded = append(s.FramesEncoded, encoded)
			s.FramesDecoded = append(s.FramesDecoded, dec)
			s.DecodeErrors = append(s.DecodeErrors, errs)
			logf("B2 rep %d %s: %.2f CPU-s (%.0f%%), peak RSS %.0f MB, %d records, %d/%d frames decoded, %d decoder errors",
				rep+1, s.Name, res.CPUSeconds, res.CPUPercent, res.PeakRSSMB, to-from, dec, encoded, errs)
		}
	}
	return nil
}

func (r *b2Result) summarise() {
	sides := r.Sides
	for _, s := range sides {
		s.CPUMedian = f64(median(field(s.Runs, cpuOf)))
		s.CPURatio = f64(ratio(float64(s.CPUMedian), float64(sides[0].CPUMedian)))
		s.PeakMedian = f64(median(field(s.Runs, peakOf)))
		var fr []float64
		for k := range s.FramesDecoded {
			fr = append(fr, ratio(float64(s.FramesDecoded[k]), float64(s.FramesEncoded[k])))
		}
		s.DecodedFraction = f64(median(fr))
	}
}

func base64Decode(path string) error {
	out, err := os.Create(path + ".ts")
	if err != nil {
		return err
	}
	cmd := exec.Command("base64", "-d", "-i", path)
	cmd.Stdout = out
	err = cmd.Run()
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("base64 -d: %w", err)
	}
	return os.Rename(path+".ts", path)
}

// decodeCount decodes a file with ffprobe and returns the frames it could
// decode and the number of errors it printed.
func decodeCount(path, format string) (frames, errs int64) {
	cmd := exec.Command("ffprobe", "-v", "error", "-f", format, "-count_frames", "-select_streams", "v:0",
		"-show_entries", "stream=nb_read_frames", "-of", "csv=p=0", path)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, _ := cmd.Output()
	// MPEG-TS prints the stream once more inside its program: the first
	// number is the count.
	for _, l := range strings.Fields(string(out)) {
		if n, err := strconv.ParseInt(strings.Trim(l, ","), 10, 64); err == nil {
			frames = n
			break
		}
	}
	for _, l := range strings.Split(stderr.String(), "\n") {
		if strings.TrimSpace(l) != "" {
			errs++
		}
	}
	return frames, errs
}
