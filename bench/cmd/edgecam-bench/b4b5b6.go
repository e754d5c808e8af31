package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	toxiproxy "github.com/Shopify/toxiproxy/v2"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/rs/zerolog"
)

// The proxy of B4: kafka.sh gives the broker a PROXIED listener on 9292
// (+ port offset) that advertises 9392 (+ offset), where this proxy
// listens; stopping it cuts every connection of the agent (as
// e2e/faults_test.go does).

type point struct {
	T float64 `json:"t"` // seconds since the agent started (capture time)
	V float64 `json:"v"`
}

type b4Result struct {
	BitrateKbps       int       `json:"bitrate_kbps"`
	CutSeconds        f64       `json:"cut_seconds"`
	Frames            int       `json:"frames"`
	BacklogFrames     int       `json:"backlog_frames"`
	BacklogMediaSec   f64       `json:"backlog_media_seconds"`
	BacklogMB         f64       `json:"backlog_mb"`
	DrainSeconds      f64       `json:"drain_seconds"`
	DrainMultiple     f64       `json:"drain_multiple_of_real_time"`
	CatchUpMultiple   f64       `json:"catch_up_multiple_from_restore"` // reconnect included
	DrainMBps         f64       `json:"drain_mb_per_s"`
	ReconnectSeconds  f64       `json:"first_backlog_append_after_restore_seconds"`
	BackToLiveSeconds f64       `json:"back_under_1s_after_restore_seconds"`
	SpoolBytesDuring  int64     `json:"spool_bytes_during_cut"`
	SpoolBytesPerHour f64       `json:"spool_gb_per_outage_hour"`
	CutAt             f64       `json:"cut_at_seconds"`
	RestoredAt        f64       `json:"restored_at_seconds"`
	Latency           []point   `json:"latency_per_frame_s"`
	GoalDrainMultiple f64       `json:"goal_drain_multiple_min"`
	Run               runResult `json:"run"`
	SeqGaps           int       `json:"seq_gaps"`
	Duplicate         int       `json:"duplicates"`
}

func (b *bench) b4(ctx context.Context) error {
	r := &b4Result{BitrateKbps: 4000, GoalDrainMultiple: 20}
	b.res.B4 = r
	dir := filepath.Join(b.work, "b4")
	s := hdStream
	s.name, s.kbps = "outage", r.BitrateKbps
	proxyAddr, proxiedAddr := b.k.proxy()
	cfg, err := writeConfig(dir, proxyAddr, topicOutage, []streamCfg{s}, "")
	if err != nil {
		return err
	}
	srv := toxiproxy.NewServer(toxiproxy.NewMetricsContainer(prometheus.NewRegistry()), zerolog.Nop())
	proxy := toxiproxy.NewProxy(srv, "kafka", proxyAddr, proxiedAddr)
	if err := proxy.Start(); err != nil {
		return fmt.Errorf("toxiproxy on %s (is an e2e test using it?): %w", proxyAddr, err)
	}
	defer proxy.Stop()
	from, err := b.k.endOffset(topicOutage)
	if err != nil {
		return err
	}
	var cutAt, restoredAt time.Time
	var spoolAtCut, spoolBeforeRestore int64
	started := time.Now()
	rs := runSpec{label: "edgecam (outage)", cmd: b.edgecamCmd(cfg), warmup: b.d.B4Before,
		window: b.d.B4Cut + b.d.B4After, log: filepath.Join(dir, "edgecam.log"),
		during: func(ctx context.Context, pid int) {
			logf("B4: cutting Kafka for %s", b.d.B4Cut)
			proxy.Stop()
			cutAt = time.Now()
			spoolAtCut = ioWriteBytes(pid)
			if !sleepCtx(ctx, b.d.B4Cut-time.Second) {
				return
			}
			spoolBeforeRestore = ioWriteBytes(pid)
			sleepCtx(ctx, time.Second)
			if err := proxy.Start(); err != nil {
				logf("B4: restoring the proxy: %v", err)
			}
			restoredAt = time.Now()
			logf("B4: Kafka restored")
			<-ctx.Done()
		}}
	res, err := measure(ctx, rs)
	if err != nil {
		return err
	}
	r.Run = res
	to, err := b.k.endOffset(topicOutage)
	if err != nil {
		return err
	}
	recs, err := b.k.readRecords(topicOutage, from, to-from)
	if err != nil {
		return err
	}
	r.Frames = len(recs)
	if restoredAt.IsZero() {
		return fmt.Errorf("the outage did not complete")
	}
	r.CutSeconds = f64(restoredAt.Sub(cutAt).Seconds())
	r.CutAt, r.RestoredAt = f64(cutAt.Sub(started).Seconds()), f64(restoredAt.Sub(started).Seconds())
	r.SpoolBytesDuring = spoolBeforeRestore - spoolAtCut
	r.SpoolBytesPerHour = f64(float64(r.SpoolBytesDuring) / (b.d.B4Cut - time.Second).Seconds() * 3600 / 1e9)
	analyseOutage(r, recs, started, restoredAt)
	logf("B4: %d frames, backlog %d frames (%.1f s of video, %.1f MB) drained in %.2f s = %.1f× real time; live (<1 s) %.2f s after restore",
		r.Frames, r.BacklogFrames, r.BacklogMediaSec, r.BacklogMB, r.DrainSeconds, r.DrainMultiple, r.BackToLiveSeconds)
	return nil
}

// analyseOutage derives the drain figures from the per-frame records. The
// backlog is every frame captured before the link came back and appended
// after; draining it took from its first to its last append.
func analyseOutage(r *b4Result, recs []record, started, restored time.Time) {
	R := restored.UnixMilli()
	var firstCap, lastCap, firstApp, lastApp int64
	var bytes int64
	lastSeq := int64(-1)
	for _, rec := range recs {
		if lastSeq >= 0 {
			switch {
			case rec.seq <= lastSeq:
				r.Duplicate++
			case rec.seq > lastSeq+1:
				r.SeqGaps++
			}
		}
		lastSeq = rec.seq
		r.Latency = append(r.Latency, point{T: float64(rec.captureNs-started.UnixNano()) / 1e9, V: rec.latency().Seconds()})
		if rec.appendMs < R || rec.captureNs >= restored.UnixNano() {
			continue
		}
		if r.BacklogFrames == 0 {
			firstCap, firstApp = rec.captureNs, rec.appendMs
		}
		lastCap, lastApp = rec.captureNs, rec.appendMs
		r.BacklogFrames++
		bytes += int64(rec.size)
	}
	r.BacklogMB = f64(float64(bytes) / 1e6)
	r.BacklogMediaSec = f64(float64(lastCap-firstCap) / 1e9)
	r.DrainSeconds = f64(float64(lastApp-firstApp) / 1e3)
	r.DrainMultiple = f64(ratio(float64(r.BacklogMediaSec), float64(r.DrainSeconds)))
	r.DrainMBps = f64(ratio(float64(r.BacklogMB), float64(r.DrainSeconds)))
	r.ReconnectSeconds = f64(float64(firstApp-R) / 1e3)
	r.CatchUpMultiple = f64(ratio(float64(r.BacklogMediaSec), float64(lastApp-R)/1e3))
	// Back to live: the append time of the first frame after the restore
	// from which every frame's latency stays under 1 s.
	live := int64(-1)
	for i := len(recs) - 1; i >= 0; i-- {
		if recs[i].latency() >= time.Second {
			break
		}
		if recs[i].appendMs >= R {
			live = recs[i].appendMs
		}
	}
	r.BackToLiveSeconds = f64(nanIf(live < 0, float64(live-R)/1e3))
}

func nanIf(cond bool, v float64) float64 {
	if cond {
		return nan()
	}
	return v
}

// ioWriteBytes is what the process has written to storage
// (/proc/PID/io write_bytes): during a cut, the spool.
func ioWriteBytes(pid int) int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/io", pid))
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, "write_bytes:"); ok {
			n, _ := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
			return n
		}
	}
	return 0
}

type b5Result struct {
	// MB/s of payload per fsync policy, medians over the repetitions.
	Append       map[string]f64 `json:"append_mb_s"`
	PlainFile    map[string]f64 `json:"plain_file_mb_s"`
	Ratio        map[string]f64 `json:"append_to_plain_ratio"`
	DrainMBps    f64            `json:"drain_mb_s"`
	GoalRatio    f64            `json:"goal_ratio_min"`
	PerOutageHr  f64            `json:"spool_gb_per_outage_hour_at_4mbit"` // from B4
	Raw          string         `json:"raw_file"`
	BenchTime    string         `json:"benchtime"`
	Repetitions  int            `json:"repetitions"`
	AllocsAppend map[string]f64 `json:"allocs_per_append"`
}

var benchLine = regexp.MustCompile(`^(Benchmark\S+?)(?:-\d+)?\s+\d+\s+([\d.]+) ns/op(?:\s+([\d.]+) MB/s)?(?:\s+(\d+) B/op\s+(\d+) allocs/op)?`)

// b5 runs the spool package's benchmarks, the spool's Append and a plain
// buffered file (same payloads, same fsync policy) in alternating order,
// in a directory on the repository's disk.
func (b *bench) b5(ctx context.Context) error {
	r := &b5Result{Append: map[string]f64{}, PlainFile: map[string]f64{}, Ratio: map[string]f64{}, AllocsAppend: map[string]f64{},
		GoalRatio: 0.8, BenchTime: b.d.B5BenchTime, Repetitions: b.d.Reps}
	b.res.B5 = r
	dir := filepath.Join(b.work, "b5")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	testBin := filepath.Join(dir, "spool.test")
	if out, err := exec.CommandContext(ctx, "go", "test", "-c", "-o", testBin, "./spool/").CombinedOutput(); err != nil {
		return fmt.Errorf("go test -c ./spool/: %w\n%s", err, out)
	}
	raw := filepath.Join(b.out, b.stamp+"-spool.txt")
	rawF, err := os.Create(raw)
	if err != nil {
		return err
	}
	defer func() { _ = rawF.Close() }() // a copy of the output for the record; the figures come from out
	r.Raw = raw
	mbs := map[string][]float64{}
	allocs := map[string][]float64{}
	for rep := 0; rep < b.d.Reps && ctx.Err() == nil; rep++ {
		order := []string{"^BenchmarkAppend$", "^BenchmarkPlainFile$", "^BenchmarkDrain$"}
		if rep%2 == 1 {
			order[0], order[1] = order[1], order[0]
		}
		for _, pat := range order {
			cmd := exec.CommandContext(ctx, testBin, "-test.run", "^$", "-test.bench", pat, "-test.benchmem", "-test.benchtime", b.d.B5BenchTime)
			cmd.Dir = filepath.Join(b.repo, "spool")
			cmd.Env = append(os.Environ(), "TMPDIR="+dir)
			out, err := cmd.CombinedOutput()
			_, _ = rawF.Write(out) // as its Close
			if err != nil {
				return fmt.Errorf("spool benchmark %s: %w\n%s", pat, err, out)
			}
			sc := bufio.NewScanner(strings.NewReader(string(out)))
			for sc.Scan() {
				m := benchLine.FindStringSubmatch(sc.Text())
				if m == nil || m[3] == "" {
					continue
				}
				v, _ := strconv.ParseFloat(m[3], 64)
				mbs[m[1]] = append(mbs[m[1]], v)
				if m[5] != "" {
					a, _ := strconv.ParseFloat(m[5], 64)
					allocs[m[1]] = append(allocs[m[1]], a)
				}
			}
		}
	}
	for name, vs := range mbs {
		switch {
		case strings.HasPrefix(name, "BenchmarkAppend/"):
			r.Append[strings.TrimPrefix(name, "BenchmarkAppend/")] = f64(median(vs))
			r.AllocsAppend[strings.TrimPrefix(name, "BenchmarkAppend/")] = f64(median(allocs[name]))
		case strings.HasPrefix(name, "BenchmarkPlainFile/"):
			r.PlainFile[strings.TrimPrefix(name, "BenchmarkPlainFile/")] = f64(median(vs))
		case strings.HasPrefix(name, "BenchmarkDrain"):
			r.DrainMBps = f64(median(vs))
		}
	}
	for p, a := range r.Append {
		r.Ratio[p] = f64(ratio(float64(a), float64(r.PlainFile[p])))
	}
	if b.res.B4 != nil {
		r.PerOutageHr = b.res.B4.SpoolBytesPerHour
	}
	logf("B5: append %v MB/s, plain %v MB/s, drain %.0f MB/s", r.Append, r.PlainFile, r.DrainMBps)
	return nil
}

type scaleRun struct {
	Streams       int         `json:"streams"`
	Runs          []runResult `json:"runs"`
	CPUPerStream  f64         `json:"cpu_percent_per_stream_median"`
	PeakRSSMB     f64         `json:"peak_rss_mb_median"`
	RSSMB         f64         `json:"rss_mb_median"`
	FramesPerSec  f64         `json:"frames_per_second_in_kafka"`
	ExpectedPerSe f64         `json:"frames_per_second_expected"`
}

type b6Result struct {
	Scale        []*scaleRun `json:"scale"`
	SoakStreams  int         `json:"soak_streams"`
	SoakRSS      []point     `json:"soak_rss_mb"`
	SoakWarmRSS  f64         `json:"soak_rss_mb_after_warmup"`
	SoakEndRSS   f64         `json:"soak_rss_mb_end"`
	SoakGrowth   f64         `json:"soak_growth_percent"`
	GoalGrowth   f64         `json:"goal_growth_percent_max"`
	SoakCPU      f64         `json:"soak_cpu_percent"`
	SoakRun      runResult   `json:"soak_run"`
	SoakWarmupSe f64         `json:"soak_warmup_seconds"`
}

var sdStream = streamCfg{width: 640, height: 360, fps: 30, kbps: 800, pattern: "snow", gopSeconds: 1}

func sdStreams(n int) []streamCfg {
	var ss []streamCfg
	for i := range n {
		s := sdStream
		s.name = fmt.Sprintf("s%d", i+1)
		ss = append(ss, s)
	}
	return ss
}

func (b *bench) b6(ctx context.Context) error {
	r := &b6Result{GoalGrowth: 5}
	b.res.B6 = r
	for _, n := range b.d.ScaleStreams {
		r.Scale = append(r.Scale, &scaleRun{Streams: n, ExpectedPerSe: f64(n * sdStream.fps)})
	}
	for rep := 0; rep < b.d.B6Reps && ctx.Err() == nil; rep++ {
		for j := range r.Scale {
			sr := r.Scale[j]
			if rep%2 == 1 {
				sr = r.Scale[len(r.Scale)-1-j]
			}
			dir := filepath.Join(b.work, fmt.Sprintf("b6-%d", sr.Streams))
			cfg, err := writeConfig(dir, b.k.brokers, topicScale, sdStreams(sr.Streams), "")
			if err != nil {
				return err
			}
			from, err := b.k.endOffset(topicScale)
			if err != nil {
				return err
			}
			res, err := measure(ctx, runSpec{label: fmt.Sprintf("edgecam %d×640x360", sr.Streams), cmd: b.edgecamCmd(cfg),
				warmup: b.d.Warmup, window: b.d.B6Window, log: filepath.Join(dir, fmt.Sprintf("edgecam-%d.log", rep))})
			if err != nil {
				return err
			}
			to, _ := b.k.endOffset(topicScale)
			sr.Runs = append(sr.Runs, res)
			sr.FramesPerSec = f64(float64(to-from) / (res.WindowSec + b.d.Warmup.Seconds()))
			logf("B6 %d streams: %.0f%% CPU (%.0f%% per stream), peak RSS %.0f MB", sr.Streams, res.CPUPercent, res.CPUPercent/float64(sr.Streams), res.PeakRSSMB)
		}
	}
	for _, sr := range r.Scale {
		sr.CPUPerStream = f64(median(field(sr.Runs, func(x runResult) float64 { return x.CPUPercent })) / float64(sr.Streams))
		sr.PeakRSSMB = f64(median(field(sr.Runs, peakOf)))
		sr.RSSMB = f64(median(field(sr.Runs, func(x runResult) float64 { return x.RSSMB })))
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	// The soak: the largest configuration, RSS sampled at a fixed period.
	n := b.d.ScaleStreams[len(b.d.ScaleStreams)-1]
	r.SoakStreams = n
	r.SoakWarmupSe = f64(b.d.SoakWarmup.Seconds())
	dir := filepath.Join(b.work, "soak")
	cfg, err := writeConfig(dir, b.k.brokers, topicScale, sdStreams(n), "")
	if err != nil {
		return err
	}
	var mu sync.Mutex
	started := time.Now()
	logf("B6: soak, %d streams for %s, RSS every %s", n, b.d.Soak, b.d.SoakEvery)
	res, err := measure(ctx, runSpec{label: "soak", cmd: b.edgecamCmd(cfg), warmup: time.Second, window: b.d.Soak,
		log: filepath.Join(dir, "edgecam.log"),
		during: func(ctx context.Context, pid int) {
			t := time.NewTicker(b.d.SoakEvery)
			defer t.Stop()
			for {
				mu.Lock()
				r.SoakRSS = append(r.SoakRSS, point{T: time.Since(started).Seconds(), V: float64(statusKB(pid, "VmRSS")) / 1024})
				mu.Unlock()
				select {
				case <-ctx.Done():
					return
				case <-t.C:
				}
			}
		}})
	if err != nil {
		return err
	}
	r.SoakRun = res
	r.SoakCPU = f64(res.CPUPercent)
	warm := nan()
	for _, p := range r.SoakRSS {
		if p.T >= b.d.SoakWarmup.Seconds() {
			warm = p.V
			break
		}
	}
	if len(r.SoakRSS) > 0 {
		end := r.SoakRSS[len(r.SoakRSS)-1].V
		r.SoakWarmRSS, r.SoakEndRSS = f64(warm), f64(end)
		r.SoakGrowth = f64(100 * (end - warm) / warm)
	}
	logf("B6 soak: RSS %.1f MB after warm-up, %.1f MB at the end (%+.1f%%)", float64(r.SoakWarmRSS), float64(r.SoakEndRSS), float64(r.SoakGrowth))
	return nil
}
