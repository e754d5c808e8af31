package main

import (
	"fmt"
	"image/color"
	"math"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
)

// results is the JSON file of one run.
type results struct {
	Started     time.Time  `json:"started"`
	DurationSec float64    `json:"duration_seconds"`
	Quick       bool       `json:"quick"`
	Durations   durations  `json:"durations"`
	Machine     machine    `json:"machine"`
	B1          *b1Result  `json:"b1_agent_overhead,omitempty"`
	B2          *b2Result  `json:"b2_naive_pipeline,omitempty"`
	B3          *b3Result  `json:"b3_latency,omitempty"`
	B4          *b4Result  `json:"b4_outage_recovery,omitempty"`
	B5          *b5Result  `json:"b5_spool,omitempty"`
	B6          *b6Result  `json:"b6_scale,omitempty"`
	B7          *b7Result  `json:"b7_startup,omitempty"`
	B8          *b8Result  `json:"b8_camera_formats,omitempty"`
	B9          *b9Result  `json:"b9_rtsp_scale,omitempty"`
	B10         *b10Start  `json:"b10_startup_720p,omitempty"`
	B11         *b11Result `json:"b11_h265_cpu,omitempty"`
	Errors      []string   `json:"errors,omitempty"`
	Charts      []string   `json:"charts"`
}

func nan() float64 { return math.NaN() }

func sortFloats(xs []float64) { slices.Sort(xs) }

// row is one line of the summary: a figure, its goal, and whether it is
// met (informational: benchmarks never fail the build).
type row struct{ bench, what, value, goal, status string }

func status(ok bool, measured bool) string {
	switch {
	case !measured:
		return "n/a"
	case ok:
		return "met"
	}
	return "NOT met"
}

func isNum(x f64) bool { return !math.IsNaN(float64(x)) && !math.IsInf(float64(x), 0) }

func (b *bench) rows() []row {
	var rs []row
	add := func(bench, what, value, goal, st string) { rs = append(rs, row{bench, what, value, goal, st}) }
	res := b.res
	if r := res.B1; r != nil {
		add("B1", "CPU-s, edgecam → Kafka (median)", fmt.Sprintf("%.2f", float64(r.EdgecamCPU)), "", "")
		add("B1", "CPU-s, gst-launch → fakesink (median)", fmt.Sprintf("%.2f", float64(r.GstCPU)), "", "")
		add("B1", "CPU ratio edgecam / gst-launch, steady window", fmt.Sprintf("%.3f", float64(r.CPURatio)), "≤ 1.02", status(r.CPURatio <= r.GoalCPURatio, isNum(r.CPURatio)))
		add("B1", fmt.Sprintf("CPU ratio from exec, %.0f s with start-up (%.2f / %.2f CPU-s)", float64(r.FromExecSec), float64(r.EdgecamExecCPU), float64(r.GstExecCPU)),
			fmt.Sprintf("%.3f", float64(r.ExecCPURatio)), "≤ 1.02", status(r.ExecCPURatio <= r.GoalCPURatio, isNum(r.ExecCPURatio)))
		add("B1", fmt.Sprintf("CPU-ms per frame delivered, steady window: edgecam %.2f / gst-launch %.2f", float64(r.EdgecamMsPerFrame), float64(r.GstMsPerFrame)),
			fmt.Sprintf("%.3f", float64(r.PerFrameRatio)), "≤ 1.02", status(r.PerFrameRatio <= r.GoalCPURatio, isNum(r.PerFrameRatio)))
		add("B1", fmt.Sprintf("CPU-ms per frame delivered, from exec: edgecam %.2f / gst-launch %.2f", float64(r.EdgecamExecMsPerFrame), float64(r.GstExecMsPerFrame)),
			fmt.Sprintf("%.3f", float64(r.ExecPerFrameRatio)), "≤ 1.02", status(r.ExecPerFrameRatio <= r.GoalCPURatio, isNum(r.ExecPerFrameRatio)))
		add("B1", "edgecam's Go threads (agent, Kafka client) share of its CPU", fmt.Sprintf("%.1f%% (%.2f CPU-s)", 100*float64(r.AgentShare), float64(r.AgentCPU)), "", "")
		rssRatio := f64(ratio(float64(r.EdgecamPeak), float64(r.GstPeak)))
		add("B1", "peak RSS MB edgecam / gst-launch", fmt.Sprintf("%.1f / %.1f (%.2f×)", float64(r.EdgecamPeak), float64(r.GstPeak), float64(rssRatio)), "≤ 1.25×", status(rssRatio <= r.GoalRSSRatio, isNum(rssRatio)))
		add("B1", "peak anonymous MB (RssAnon+RssShmem: not reclaimable) edgecam / gst-launch", fmt.Sprintf("%.1f / %.1f (%.2f×)", float64(r.EdgecamPeakAnon), float64(r.GstPeakAnon), ratio(float64(r.EdgecamPeakAnon), float64(r.GstPeakAnon))), "", "")
		add("B1", "peak file-backed MB (RssFile: binary and libraries in the page cache, reclaimable) edgecam / gst-launch", fmt.Sprintf("%.1f / %.1f", float64(r.EdgecamPeakFile), float64(r.GstPeakFile)), "", "")
	}
	if r := res.B2; r != nil && len(r.Sides) > 0 {
		for i, s := range r.Sides {
			if i > 0 {
				add("B2", s.Name+": CPU ratio to edgecam", fmt.Sprintf("%.3f (%.2f / %.2f CPU-s)", float64(s.CPURatio), float64(s.CPUMedian), float64(r.Sides[0].CPUMedian)), "", "")
			}
			tot := func(xs []int64) (n int64) {
				for _, x := range xs {
					n += x
				}
				return n
			}
			add("B2", s.Name+": frames decoded / encoded", fmt.Sprintf("%d / %d (%.1f%%), %d decoder errors", tot(s.FramesDecoded), tot(s.FramesEncoded), 100*float64(s.DecodedFraction), tot(s.DecodeErrors)), "", "")
		}
	}
	if r := res.B3; r != nil {
		add("B3", "capture→Kafka p50/p95/p99 ms", fmt.Sprintf("%.1f / %.1f / %.1f", float64(r.CaptureToKafka.P50), float64(r.CaptureToKafka.P95), float64(r.CaptureToKafka.P99)), "", "")
		add("B3", "capture→appsink (encoder) p50/p95/p99 ms", fmt.Sprintf("%.1f / %.1f / %.1f", float64(r.CaptureToAppsink.P50), float64(r.CaptureToAppsink.P95), float64(r.CaptureToAppsink.P99)), "", "")
		add("B3", "agent (difference) p50/p95/p99 ms", fmt.Sprintf("%.1f / %.1f / %.1f", float64(r.Agent.P50), float64(r.Agent.P95), float64(r.Agent.P99)), "p99 ≤ 20", status(r.Agent.P99 <= 20, isNum(r.Agent.P99)))
		if m := r.MetricsCaptureToAck; m != nil {
			add("B3", "capture→ack p50/p95/p99 ms (agent's histogram, bucket-interpolated)", fmt.Sprintf("%.1f / %.1f / %.1f", float64(m.P50), float64(m.P95), float64(m.P99)), "", "")
		}
	}
	if r := res.B4; r != nil {
		add("B4", "drain speed, × real time", fmt.Sprintf("%.1f (%.1f s of video in %.2f s, %.1f MB/s)", float64(r.DrainMultiple), float64(r.BacklogMediaSec), float64(r.DrainSeconds), float64(r.DrainMBps)), "≥ 20", status(r.DrainMultiple >= 20, isNum(r.DrainMultiple)))
		add("B4", "live (< 1 s) again after restore", fmt.Sprintf("%.2f s (first backlog frame in Kafka after %.2f s; catch-up incl. reconnect %.1f×)", float64(r.BackToLiveSeconds), float64(r.ReconnectSeconds), float64(r.CatchUpMultiple)), "", "")
		add("B4", "frames / seq gaps / duplicates", fmt.Sprintf("%d / %d / %d", r.Frames, r.SeqGaps, r.Duplicate), "", "")
	}
	if r := res.B5; r != nil {
		for _, p := range []string{"interval", "keyframe", "always"} {
			if a, ok := r.Append[p]; ok {
				add("B5", "spool append vs plain file MB/s, fsync "+p, fmt.Sprintf("%.0f / %.0f = %.2f", float64(a), float64(r.PlainFile[p]), float64(r.Ratio[p])), "≥ 0.8", status(r.Ratio[p] >= 0.8, isNum(r.Ratio[p])))
			}
		}
		add("B5", "spool drain MB/s", fmt.Sprintf("%.0f", float64(r.DrainMBps)), "", "")
		if res.B4 != nil {
			add("B5", "spool GB per hour of outage (4 Mbit/s)", fmt.Sprintf("%.2f", float64(res.B4.SpoolBytesPerHour)), "", "")
		}
	}
	if r := res.B6; r != nil {
		for _, s := range r.Scale {
			add("B6", fmt.Sprintf("%d × 640x360: CPU %%/stream, peak RSS MB", s.Streams), fmt.Sprintf("%.1f%%, %.0f MB (%.0f of %.0f fps in Kafka)", float64(s.CPUPerStream), float64(s.PeakRSSMB), float64(s.FramesPerSec), float64(s.ExpectedPerSe)), "", "")
		}
		add("B6", fmt.Sprintf("soak %d streams, RSS growth after warm-up", r.SoakStreams), fmt.Sprintf("%+.1f%% (%.1f → %.1f MB)", float64(r.SoakGrowth), float64(r.SoakWarmRSS), float64(r.SoakEndRSS)), "< 5%", status(r.SoakGrowth < 5, isNum(r.SoakGrowth)))
	}
	if r := res.B7; r != nil {
		add("B7", fmt.Sprintf("Open, full %.0f MiB spool (%d segments), cold: scan / index", float64(r.SpoolMB), r.Segments),
			fmt.Sprintf("%.3f s / %.3f s", r.med(r.OpenScanCold), r.med(r.OpenIndexCold)), "", "")
		add("B7", "Open, warm page cache: scan / index", fmt.Sprintf("%.3f s / %.3f s", r.med(r.OpenScanWarm), r.med(r.OpenIndexWarm)), "", "")
		add("B7", "the scan alone (spool.Inspect, no index written), cold / warm", fmt.Sprintf("%.3f s / %.3f s", r.med(r.ReadCold), r.med(r.ReadWarm)), "", "")
		idx := r.med(r.StartIndex)
		add("B7", "start → first live frame acked, full spool, cold: scan / index", fmt.Sprintf("%.2f s / %.2f s (first capture at %.2f s)", r.med(r.StartScan), idx, r.med(r.FirstCaptureIndex)), "index < 2 s", status(idx < 2, isNum(f64(idx))))
		gen := fmt.Sprintf("generated in %.0f s on %s", float64(r.GenerateSeconds), r.GeneratedAt.Format("2006-01-02"))
		if !r.Reused {
			gen = fmt.Sprintf("generated by this run in %.0f s", float64(r.GenerateSeconds))
		}
		add("B7", "test spool", fmt.Sprintf("%d frames of 4 Mbit/s; %s, cached in %s", r.Frames, gen, r.CacheDir), "", "")
	}
	if r := res.B8; r != nil {
		r.rows(add)
	}
	if r := res.B9; r != nil {
		for _, run := range r.Runs {
			var capt, kafka int64
			for i := range run.Captured {
				capt, kafka = capt+run.Captured[i], kafka+run.InKafka[i]
			}
			goal, met := "", ""
			if run.Cameras == 16 {
				goal, met = "≤ 1.10", status(float64(run.CPURatio) <= 1.10, isNum(run.CPURatio))
			}
			add("B9", fmt.Sprintf("%d RTSP cameras 720p passthrough: CPU edgecam / gst-launch; peak RSS", run.Cameras),
				fmt.Sprintf("%.3f (%.1f%% / %.1f%%); %.0f / %.0f MB; %d of %d captured in Kafka", float64(run.CPURatio), float64(run.EdgecamCPU), float64(run.GstCPU),
					float64(run.EdgecamPeak), float64(run.GstPeak), kafka, capt), goal, met)
		}
	}
	if r := res.B10; r != nil {
		ack := (&b7Result{}).med(r.StartToAck)
		add("B10", "start → first frame acked, 1280x720 x264, empty spool", fmt.Sprintf("%.2f s (first capture at %.2f s)", ack, (&b7Result{}).med(r.StartToCapture)), "≤ 1.5 s", status(ack <= 1.5, isNum(f64(ack))))
	}
	if r := res.B11; r != nil {
		for _, s := range r.Sides {
			var bytes, offered int64
			for i, n := range s.Bytes {
				bytes, offered = bytes+n, offered+s.Offered[i]
			}
			kbps := ratio(float64(bytes)*8/1000, float64(offered)/float64(hdStream.fps))
			add("B11", s.Name+" alone (gst-launch, 1280x720 snow): CPU-ms a frame (% of one core at 30 fps)", fmt.Sprintf("%.1f ms (%.0f%%)", float64(s.MsPerFrameMedian), float64(s.MsPerFrameMedian)*3), "", "")
			add("B11", s.Name+" live at 30 fps: CPU of one core, frames encoded of those offered, bit rate", fmt.Sprintf("%.0f%%, %.1f%%, %.0f kbit/s", float64(s.CPUPercent), 100*float64(s.EncodedFraction), kbps), "", "")
		}
		add("B11", "CPU a frame, x265enc / x264enc", fmt.Sprintf("%.2f", float64(r.Ratio)), "", "")
	}
	return rs
}

// table is the summary printed at the end of make bench.
func (b *bench) table() string {
	rs := b.rows()
	w := [4]int{5, 10, 10, 6}
	for _, r := range rs {
		w[0], w[1], w[2] = max(w[0], len(r.what)+6), max(w[1], len([]rune(r.value))), max(w[2], len([]rune(r.goal)))
	}
	var sb strings.Builder
	m := b.res.Machine
	fmt.Fprintf(&sb, "\nedgecam benchmarks %s%s — %s, %d cores, GStreamer %s, Kafka %s\n", b.stamp, map[bool]string{true: " (QUICK: figures are indicative only)"}[b.res.Quick], m.CPU, m.Cores, m.GStreamer, m.Kafka)
	for _, r := range rs {
		fmt.Fprintf(&sb, "%-3s %-*s %-*s %-*s %s\n", r.bench, w[0], r.what, w[1], r.value, w[2], r.goal, r.status)
	}
	for _, e := range b.res.Errors {
		fmt.Fprintf(&sb, "error: %s\n", e)
	}
	return sb.String()
}

func (b *bench) markdown() string {
	var sb strings.Builder
	m := b.res.Machine
	fmt.Fprintf(&sb, "# edgecam benchmarks %s\n\n", b.stamp)
	if b.res.Quick {
		sb.WriteString("**Quick run (BENCH_QUICK=1): short phases, 2 repetitions — a smoke check, not figures to quote.**\n\n")
	}
	fmt.Fprintf(&sb, "Machine: %s, %d cores, %s; GStreamer %s; Kafka %s; %s; %s; edgecam %s. Load average at start: %s. Run took %s.\n\n",
		m.CPU, m.Cores, m.Kernel, m.GStreamer, m.Kafka, m.Kcat, m.Go, m.Edgecam, m.Load1, time.Duration(b.res.DurationSec*float64(time.Second)).Round(time.Second))
	d := b.res.Durations
	fmt.Fprintf(&sb, "Every comparison alternates its sides within the run, %d repetitions (B1 %d), medians. Windows: B1 %s (and from exec to 20 s, start-up included), B2 %s after a %s warm-up; B4 cut %s; B6 %s per size, soak %s.\n\n",
		d.Reps, d.B1Reps, d.B1Window, d.B2Window, d.Warmup, d.B4Cut, d.B6Window, d.Soak)
	sb.WriteString("| | figure | value | goal | |\n|---|---|---|---|---|\n")
	for _, r := range b.rows() {
		fmt.Fprintf(&sb, "| %s | %s | %s | %s | %s |\n", r.bench, r.what, r.value, r.goal, r.status)
	}
	if r := b.res.B3; r != nil {
		fmt.Fprintf(&sb, "\nB3 method: %s.\n", r.Method)
	}
	if r := b.res.B11; r != nil {
		fmt.Fprintf(&sb, "\nB11: %s, live, alternately; the source offers a fixed number of frames, ffprobe counts those encoded (a leaky queue before the encoder drops what it cannot take, as in the agent).\n", r.Stream)
	}
	if r := b.res.B7; r != nil {
		fmt.Fprintf(&sb, "\nB7 method: %s. Open paths: scan: %s; index: %s.\n", r.Method, r.ScanPath, r.IndexPath)
	}
	if r := b.res.B8; r != nil {
		fmt.Fprintf(&sb, "\nB8 method: %s. Pipelines:\n%s", r.Method, r.pipelines())
	}
	if r := b.res.B2; r != nil {
		fmt.Fprintf(&sb, "\nB2 naive recipe (newline-split): `%s`; the framed variant inserts `base64 -w 1504` (1128-byte records, 6 TS packets) before kcat and decodes with `base64 -d`. Decoded frames: ffprobe -count_frames over the concatenated record values.\n", r.Recipe)
	}
	for _, e := range b.res.Errors {
		fmt.Fprintf(&sb, "\nerror: %s\n", e)
	}
	sb.WriteString("\n")
	for _, c := range b.res.Charts {
		fmt.Fprintf(&sb, "![%s](%s)\n", strings.TrimSuffix(filepath.Base(c), ".png"), filepath.Base(c))
	}
	return sb.String()
}

// charts writes the PNGs and returns their paths.
func (b *bench) charts(base string) []string {
	var out []string
	save := func(p *plot.Plot, name string, w, h vg.Length) {
		path := base + "-" + name + ".png"
		if err := p.Save(w, h, path); err != nil {
			logf("chart %s: %v", name, err)
			return
		}
		out = append(out, path)
	}
	res := b.res
	if res.B1 != nil || res.B2 != nil {
		var names []string
		var cpu plotter.Values
		if r := res.B1; r != nil && len(r.Edgecam) > 0 {
			names = append(names, "edgecam → Kafka", "gst-launch → fakesink")
			cpu = append(cpu, median(field(r.Edgecam, func(x runResult) float64 { return x.CPUPercent })),
				median(field(r.GstFakesink, func(x runResult) float64 { return x.CPUPercent })))
		}
		if r := res.B2; r != nil {
			for _, s := range r.Sides[1:] {
				if len(s.Runs) == 0 {
					continue
				}
				names = append(names, strings.ReplaceAll(strings.TrimPrefix(s.Name, "gst | "), " (", "\n("))
				cpu = append(cpu, median(field(s.Runs, func(x runResult) float64 { return x.CPUPercent })))
			}
		}
		if len(cpu) > 0 {
			p := plot.New()
			p.Title.Text = "B1/B2: CPU of one 1280x720@30 stream (x264 ultrafast), median"
			p.Y.Label.Text = "% of one core"
			bars, err := plotter.NewBarChart(cpu, vg.Points(40))
			if err == nil {
				bars.Color = color.RGBA{R: 60, G: 110, B: 180, A: 255}
				p.Add(bars)
				p.NominalX(names...)
				p.Y.Min = 0
				save(p, "cpu", 7*vg.Inch, 4*vg.Inch)
			}
		}
	}
	if r := res.B4; r != nil && len(r.Latency) > 0 {
		p := plot.New()
		p.Title.Text = fmt.Sprintf("B4: capture→Kafka per frame, %d kbit/s, Kafka cut %.0f s", r.BitrateKbps, float64(r.CutSeconds))
		p.X.Label.Text = "capture time, s since start"
		p.Y.Label.Text = "latency, s (log)"
		p.Y.Scale = plot.LogScale{}
		p.Y.Tick.Marker = plot.LogTicks{Prec: -1}
		xys := make(plotter.XYs, len(r.Latency))
		for i, pt := range r.Latency {
			xys[i] = plotter.XY{X: pt.T, Y: max(pt.V, 0.001)}
		}
		if sc, err := plotter.NewScatter(xys); err == nil {
			sc.Radius = vg.Points(1)
			sc.Color = color.RGBA{R: 60, G: 110, B: 180, A: 255}
			p.Add(sc)
		}
		for _, t := range []float64{float64(r.CutAt), float64(r.RestoredAt)} {
			if l, err := plotter.NewLine(plotter.XYs{{X: t, Y: 0.001}, {X: t, Y: math.Max(100, float64(r.CutSeconds)*2)}}); err == nil {
				l.Color = color.RGBA{R: 200, G: 50, B: 50, A: 255}
				l.Dashes = []vg.Length{vg.Points(4), vg.Points(3)}
				p.Add(l)
			}
		}
		save(p, "outage-latency", 8*vg.Inch, 4*vg.Inch)
	}
	if r := res.B6; r != nil && len(r.SoakRSS) > 0 {
		p := plot.New()
		p.Title.Text = fmt.Sprintf("B6: RSS of edgecam, %d streams 640x360@30, soak", r.SoakStreams)
		p.X.Label.Text = "s since start"
		p.Y.Label.Text = "RSS, MB"
		xys := make(plotter.XYs, len(r.SoakRSS))
		for i, pt := range r.SoakRSS {
			xys[i] = plotter.XY{X: pt.T, Y: pt.V}
		}
		if l, s, err := plotter.NewLinePoints(xys); err == nil {
			p.Add(l, s)
		}
		p.Y.Min = 0
		save(p, "soak-rss", 7*vg.Inch, 4*vg.Inch)
	}
	if r := res.B6; r != nil && len(r.Scale) > 0 {
		p := plot.New()
		p.Title.Text = "B6: CPU per stream (640x360@30), median"
		p.Y.Label.Text = "% of one core per stream"
		var vs plotter.Values
		var names []string
		for _, s := range r.Scale {
			vs = append(vs, float64(s.CPUPerStream))
			names = append(names, fmt.Sprintf("%d stream(s)", s.Streams))
		}
		if bars, err := plotter.NewBarChart(vs, vg.Points(40)); err == nil {
			p.Add(bars)
			p.NominalX(names...)
			p.Y.Min = 0
			save(p, "scale-cpu", 5*vg.Inch, 4*vg.Inch)
		}
	}
	if r := res.B9; r != nil && len(r.Runs) > 0 {
		b9Chart(r, save)
	}
	if r := res.B7; r != nil && len(r.OpenScanCold) > 0 {
		p := plot.New()
		p.Title.Text = fmt.Sprintf("B7: start-up with a full %.0f MiB spool, median", float64(r.SpoolMB))
		p.Y.Label.Text = "seconds"
		names := []string{"Open, cold", "Open, warm", "start → first\nlive frame acked"}
		scan := plotter.Values{r.med(r.OpenScanCold), r.med(r.OpenScanWarm), r.med(r.StartScan)}
		idx := plotter.Values{r.med(r.OpenIndexCold), r.med(r.OpenIndexWarm), r.med(r.StartIndex)}
		for i := range scan {
			if math.IsNaN(scan[i]) {
				scan[i] = 0
			}
			if math.IsNaN(idx[i]) {
				idx[i] = 0
			}
		}
		w := vg.Points(30)
		if a, err := plotter.NewBarChart(scan, w); err == nil {
			if b, err := plotter.NewBarChart(idx, w); err == nil {
				a.Color, b.Color = color.RGBA{R: 200, G: 90, B: 60, A: 255}, color.RGBA{R: 60, G: 110, B: 180, A: 255}
				a.Offset, b.Offset = -w/2, w/2
				p.Add(a, b)
				p.Legend.Add("scan (no index)", a)
				p.Legend.Add("segment index", b)
				p.Legend.Top, p.Legend.Left = true, true
				p.NominalX(names...)
				p.Y.Min = 0
				save(p, "startup", 6*vg.Inch, 4*vg.Inch)
			}
		}
	}
	return out
}
