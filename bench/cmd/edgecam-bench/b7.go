package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"golang.org/x/sys/unix"

	"github.com/edgecam/edgecam/spool"
)

// B7: start-up with a full spool. A spool of spool.DefaultMaxSize (2 GiB;
// 256 MiB in quick mode) of 4 Mbit/s frames is generated once into
// .cache/bench-spool/ and reused by later runs. Every measurement works on
// a fresh directory of hard links to it (Open and the agent only ever
// delete, truncate the newest segment's torn tail — it has none — or write
// new files), so the cache is never changed. "scan" links the segments
// alone: Open reads all of them, as it did before the segment indexes;
// "index" links their .idx files too.

const topicStartup = "edgecam.startup"

type b7Result struct {
	SpoolMB  f64    `json:"spool_mb"`
	Segments int    `json:"segments"`
	Frames   int64  `json:"frames"`
	LastSeq  int64  `json:"last_seq"`
	CacheDir string `json:"cache_dir"`
	// GenerateSeconds is how long generating the cache took (when it was
	// generated: GeneratedAt; Reused says whether this run did it).
	GenerateSeconds f64       `json:"generate_seconds"`
	GeneratedAt     time.Time `json:"generated_at"`
	Reused          bool      `json:"cache_reused"`
	// Open times, seconds, per repetition; cold: the spool's pages dropped
	// from the page cache first (posix_fadvise DONTNEED on every file),
	// as after a power cut.
	OpenScanCold  []f64 `json:"open_scan_cold_s"`
	OpenIndexCold []f64 `json:"open_index_cold_s"`
	OpenScanWarm  []f64 `json:"open_scan_warm_s"`
	OpenIndexWarm []f64 `json:"open_index_warm_s"`
	// ReadCold/ReadWarm time spool.Inspect of the same directory, scan
	// case: the read and verification of every segment that Open did
	// before the indexes, without the index files that Open now writes
	// for the segments it scanned.
	ReadCold []f64 `json:"inspect_cold_s"`
	ReadWarm []f64 `json:"inspect_warm_s"`
	// What Open did, from its Stats (the last repetition).
	ScanPath  string `json:"scan_path"`
	IndexPath string `json:"index_path"`
	// Start → first live frame in Kafka (its LogAppendTime; the ack
	// follows within a millisecond on one broker), seconds, per repetition:
	// edgecam run with the full spool, cold, of frames Kafka already holds
	// (so the agent discards them at start and the first frame it sends is
	// live, not backlog).
	StartScan  []f64 `json:"start_to_first_live_ack_scan_s"`
	StartIndex []f64 `json:"start_to_first_live_ack_index_s"`
	// FirstCapture is start → capture of that first frame (the camera
	// pipeline's own start-up), per repetition, index case.
	FirstCaptureIndex []f64  `json:"start_to_first_capture_index_s"`
	GoalStartSec      f64    `json:"goal_start_to_first_live_ack_s_max"`
	Method            string `json:"method"`
}

func (r *b7Result) med(xs []f64) float64 {
	fs := make([]float64, len(xs))
	for i, x := range xs {
		fs[i] = float64(x)
	}
	return median(fs)
}

// b7Cache describes a generated spool; it is written beside it once the
// generation has finished, so an interrupted one is started again.
type b7Cache struct {
	MaxSize         int64     `json:"max_size"`
	Bytes           int64     `json:"bytes"`
	Frames          int64     `json:"frames"`
	Segments        int       `json:"segments"`
	LastSeq         int64     `json:"last_seq"`
	GenerateSeconds float64   `json:"generate_seconds"`
	GeneratedAt     time.Time `json:"generated_at"`
	Format          int       `json:"format"` // bump to regenerate after a format change
}

const b7CacheFormat = 1

func (b *bench) b7(ctx context.Context) error {
	r := &b7Result{GoalStartSec: 2, Method: "Open: spool.Open on a fresh directory of hard links to the cached spool, page cache of its files dropped first (cold) or not (warm, right after a cold run); " +
		"scan = segments without their .idx files (Open reads every segment, and writes their indexes), index = with them; " +
		"the scan alone = spool.Inspect of the scan directory (the reading and verifying Open did before the indexes, without writing any). " +
		"Start → first live ack: edgecam run on the same directory (one 640x360@30 stream), Kafka already holding the spool's last seq for the stream's key, from process start to the LogAppendTime of its first record"}
	b.res.B7 = r
	maxSize := int64(spool.DefaultMaxSize)
	if b.res.Quick {
		maxSize = 256 << 20
	}
	cache := filepath.Join(b.repo, ".cache", "bench-spool", fmt.Sprintf("spool-%dMiB", maxSize>>20))
	r.CacheDir, _ = filepath.Rel(b.repo, cache)
	c, generated, err := b7EnsureCache(ctx, cache, maxSize)
	if err != nil {
		return err
	}
	r.SpoolMB, r.Segments, r.Frames, r.LastSeq = f64(float64(c.Bytes)/(1<<20)), c.Segments, c.Frames, c.LastSeq
	r.GenerateSeconds, r.GeneratedAt, r.Reused = f64(c.GenerateSeconds), c.GeneratedAt, !generated
	dir := filepath.Join(b.work, "b7")
	for rep := 0; rep < b.d.Reps && ctx.Err() == nil; rep++ {
		for j := 0; j < 2; j++ {
			withIdx := (j == 0) == (rep%2 == 0)
			run := filepath.Join(dir, "open")
			cold, st, err := b7Open(cache, run, maxSize, withIdx, true)
			if err != nil {
				return err
			}
			warm, _, err := b7Open(cache, run, maxSize, withIdx, false)
			if err != nil {
				return err
			}
			if !withIdx {
				rc, rw, err := b7Inspect(cache, run)
				if err != nil {
					return err
				}
				r.ReadCold, r.ReadWarm = append(r.ReadCold, f64(rc.Seconds())), append(r.ReadWarm, f64(rw.Seconds()))
			}
			path := fmt.Sprintf("%d segments from their index, %d scanned", st.IndexedAtOpen, st.ScannedAtOpen)
			if withIdx {
				r.OpenIndexCold, r.OpenIndexWarm, r.IndexPath = append(r.OpenIndexCold, f64(cold.Seconds())), append(r.OpenIndexWarm, f64(warm.Seconds())), path
			} else {
				r.OpenScanCold, r.OpenScanWarm, r.ScanPath = append(r.OpenScanCold, f64(cold.Seconds())), append(r.OpenScanWarm, f64(warm.Seconds())), path
			}
			logf("B7 rep %d Open %s: %.3f s cold, %.3f s warm (%s)", rep+1, map[bool]string{true: "index", false: "scan"}[withIdx], cold.Seconds(), warm.Seconds(), path)
		}
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	// Kafka holds the spool's frames already: one record of the stream's
	// key with the spool's last seq stands for them.
	stream := sdStream
	stream.name = "startup"
	if err := b.k.seedSeq(topicStartup, "bench/"+stream.name, c.LastSeq); err != nil {
		return err
	}
	for rep := 0; rep < b.d.Reps && ctx.Err() == nil; rep++ {
		for j := 0; j < 2; j++ {
			withIdx := (j == 0) == (rep%2 == 0)
			run := filepath.Join(dir, fmt.Sprintf("agent-%d-%d", rep, j))
			start, capture, err := b.b7Start(ctx, cache, run, stream, withIdx)
			_ = os.RemoveAll(run) // hard links and the frames of this run only; a leftover costs disk, not the figure
			if err != nil {
				return err
			}
			if withIdx {
				r.StartIndex = append(r.StartIndex, f64(start.Seconds()))
				r.FirstCaptureIndex = append(r.FirstCaptureIndex, f64(capture.Seconds()))
			} else {
				r.StartScan = append(r.StartScan, f64(start.Seconds()))
			}
			logf("B7 rep %d start → first live ack, %s: %.2f s (first frame captured at %.2f s)", rep+1, map[bool]string{true: "index", false: "scan"}[withIdx], start.Seconds(), capture.Seconds())
		}
	}
	return nil
}

// b7EnsureCache generates the cached spool unless a complete one of this
// size is there.
func b7EnsureCache(ctx context.Context, cache string, maxSize int64) (c b7Cache, generated bool, err error) {
	if data, err := os.ReadFile(cache + ".json"); err == nil && json.Unmarshal(data, &c) == nil &&
		c.MaxSize == maxSize && c.Format == b7CacheFormat {
		if _, err := os.Stat(cache); err == nil {
			logf("B7: reusing the %d MiB spool in %s (generated %s in %.0f s)", c.Bytes>>20, cache, c.GeneratedAt.Format(time.RFC3339), c.GenerateSeconds)
			return c, false, nil
		}
	}
	_ = os.Remove(cache + ".json") // may not exist; regenerated below
	if err := os.RemoveAll(cache); err != nil {
		return c, true, err
	}
	logf("B7: generating a %d MiB spool of 4 Mbit/s frames in %s (once; later runs reuse it)", maxSize>>20, cache)
	t0 := time.Now()
	s, err := spool.Open(cache, spool.Options{MaxSize: maxSize})
	if err != nil {
		return c, true, err
	}
	// 4 Mbit/s at 30 fps, one keyframe a second: 60 kB keyframes, 15 kB
	// others (16.5 kB on average); the bytes are pseudo-random (the CRC
	// does not care), stamped with the seq so no two frames are equal.
	noise := make([]byte, 64<<10)
	x := uint64(0x9E3779B97F4A7C15)
	for i := range noise {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		noise[i] = byte(x)
	}
	capture := time.Now().Add(-2 * time.Hour)
	var seq int64
	nextReport := int64(256 << 20)
	for ; ctx.Err() == nil; seq++ {
		key := seq%30 == 0
		size := 15000
		if key {
			size = 60000
		}
		if st := s.Stats(); st.Bytes+int64(45+size) > maxSize {
			break
		} else if st.Bytes >= nextReport {
			logf("B7: generated %d MiB (%.0f s)", st.Bytes>>20, time.Since(t0).Seconds())
			nextReport += 256 << 20
		}
		p := noise[:size]
		copy(p, strconv.FormatInt(seq, 10))
		if err := s.Append(spool.Record{Seq: seq, Keyframe: key, PTS: time.Duration(seq) * time.Second / 30,
			DTS: time.Duration(seq) * time.Second / 30, Capture: capture.Add(time.Duration(seq) * time.Second / 30), Payload: p}); err != nil {
			_ = s.Close() // the Append error is the one to report
			return c, true, err
		}
	}
	st := s.Stats()
	if err := s.Close(); err != nil {
		return c, true, err
	}
	if ctx.Err() != nil {
		return c, true, ctx.Err()
	}
	if st.EvictedSegments > 0 {
		return c, true, fmt.Errorf("generating the spool evicted %d segments", st.EvictedSegments)
	}
	c = b7Cache{MaxSize: maxSize, Bytes: st.Bytes, Frames: st.Appended, Segments: st.Segments, LastSeq: st.NewestSeq,
		GenerateSeconds: time.Since(t0).Seconds(), GeneratedAt: time.Now().UTC(), Format: b7CacheFormat}
	data, _ := json.MarshalIndent(c, "", "  ")
	if err := os.WriteFile(cache+".json", data, 0o644); err != nil {
		return c, true, err
	}
	logf("B7: generated %d MiB, %d segments, %d frames in %.0f s", c.Bytes>>20, c.Segments, c.Frames, c.GenerateSeconds)
	return c, true, nil
}

// b7Link makes dir a spool of hard links to the cached one's segments, and
// their indexes when withIdx.
func b7Link(cache, dir string, withIdx bool) error {
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return err
	}
	ents, err := os.ReadDir(cache)
	if err != nil {
		return err
	}
	for _, e := range ents {
		n := e.Name()
		if !strings.HasPrefix(n, "seg-") || (!strings.HasSuffix(n, ".log") && (!withIdx || !strings.HasSuffix(n, ".idx"))) {
			continue
		}
		if err := os.Link(filepath.Join(cache, n), filepath.Join(dir, n)); err != nil {
			return err
		}
	}
	return nil
}

// b7DropCache drops the cached spool's pages from the page cache (the
// files are clean: written and fsynced when it was generated).
func b7DropCache(cache string) error {
	ents, err := os.ReadDir(cache)
	if err != nil {
		return err
	}
	for _, e := range ents {
		f, err := os.Open(filepath.Join(cache, e.Name()))
		if err != nil {
			return err
		}
		err = unix.Fadvise(int(f.Fd()), 0, 0, unix.FADV_DONTNEED)
		_ = f.Close() // read-only
		if err != nil {
			return fmt.Errorf("posix_fadvise DONTNEED: %w", err)
		}
	}
	return nil
}

// b7Open times spool.Open of a fresh link directory.
func b7Open(cache, dir string, maxSize int64, withIdx, cold bool) (time.Duration, spool.Stats, error) {
	if err := b7Link(cache, dir, withIdx); err != nil {
		return 0, spool.Stats{}, err
	}
	defer func() { _ = os.RemoveAll(dir) }() // links into the cache: a leftover costs disk, not the figure
	if cold {
		if err := b7DropCache(cache); err != nil {
			return 0, spool.Stats{}, err
		}
	}
	t0 := time.Now()
	s, err := spool.Open(dir, spool.Options{MaxSize: maxSize})
	d := time.Since(t0)
	if err != nil {
		return 0, spool.Stats{}, err
	}
	st := s.Stats()
	if err := s.Close(); err != nil {
		return 0, st, err
	}
	if st.Corrupt != 0 || st.Truncated != 0 || st.EvictedSegments != 0 {
		return d, st, fmt.Errorf("the cached spool is not clean: %+v", st)
	}
	return d, st, nil
}

// b7Inspect times spool.Inspect of a fresh link directory without indexes,
// cold then warm.
func b7Inspect(cache, dir string) (cold, warm time.Duration, err error) {
	if err := b7Link(cache, dir, false); err != nil {
		return 0, 0, err
	}
	defer func() { _ = os.RemoveAll(dir) }() // links into the cache: a leftover costs disk, not the figure
	for i, d := range []*time.Duration{&cold, &warm} {
		if i == 0 {
			if err := b7DropCache(cache); err != nil {
				return 0, 0, err
			}
		}
		t0 := time.Now()
		info, err := spool.Inspect(dir)
		*d = time.Since(t0)
		if err != nil {
			return 0, 0, err
		}
		if info.Corrupt != 0 || info.TornBytes != 0 {
			return 0, 0, fmt.Errorf("the cached spool is not clean: %d corrupt, %d torn bytes", info.Corrupt, info.TornBytes)
		}
	}
	return cold, warm, nil
}

// b7Start runs edgecam on a link directory, cold, and returns the time from
// its start to the broker's append of its first record, and to that
// record's capture.
func (b *bench) b7Start(ctx context.Context, cache, dir string, stream streamCfg, withIdx bool) (time.Duration, time.Duration, error) {
	if err := b7Link(cache, filepath.Join(dir, "spool", stream.name), withIdx); err != nil {
		return 0, 0, err
	}
	cfg, err := writeConfig(dir, b.k.brokers, topicStartup, []streamCfg{stream}, "")
	if err != nil {
		return 0, 0, err
	}
	from, err := b.k.endOffset(topicStartup)
	if err != nil {
		return 0, 0, err
	}
	wctx, cancel := context.WithTimeout(ctx, 3*time.Minute)
	defer cancel()
	// Waits for the first record at or after from.
	kc := exec.CommandContext(wctx, "kcat", "-C", "-q", "-b", b.k.brokers, "-t", topicStartup, "-p", "0",
		"-o", strconv.FormatInt(from, 10), "-c", "1", "-f", "%T %h\n")
	out, err := kc.StdoutPipe()
	if err != nil {
		return 0, 0, err
	}
	if err := kc.Start(); err != nil {
		return 0, 0, fmt.Errorf("kcat: %w", err)
	}
	defer func() { _ = kc.Wait() }() // ended by wctx; its output was read
	if err := b7DropCache(cache); err != nil {
		return 0, 0, err
	}
	cmd := b.edgecamCmd(cfg)
	lf, err := os.Create(filepath.Join(b.work, fmt.Sprintf("b7-%s.log", filepath.Base(dir))))
	if err != nil {
		return 0, 0, err
	}
	defer func() { _ = lf.Close() }() // the log of a run whose figure is taken
	cmd.Stdout, cmd.Stderr = lf, lf
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	t0 := time.Now()
	if err := cmd.Start(); err != nil {
		return 0, 0, err
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	defer func() {
		_ = syscall.Kill(cmd.Process.Pid, syscall.SIGINT) // gone already: exited says so
		var err error
		select {
		case err = <-exited:
		case <-time.After(30 * time.Second):
			_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
			err = <-exited
		}
		if err != nil { // after SIGINT or SIGKILL: says nothing the figure needs
			logf("B7: edgecam run ended: %v", err)
		}
	}()
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		select {
		case err := <-exited:
			return 0, 0, fmt.Errorf("edgecam exited before its first record reached Kafka: %w (log: %s)", err, lf.Name())
		default:
		}
		return 0, 0, fmt.Errorf("no record from edgecam within 3 minutes: %w (log: %s)", err, lf.Name())
	}
	ts, hdrs, _ := strings.Cut(strings.TrimSpace(line), " ")
	appendMs, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return 0, 0, fmt.Errorf("kcat: unexpected %q", line)
	}
	var capNs, seq int64 = 0, -1
	for _, h := range strings.Split(hdrs, ",") {
		name, v, _ := strings.Cut(h, "=")
		switch name {
		case "edgecam-capture-ns":
			capNs, _ = strconv.ParseInt(v, 10, 64)
		case "edgecam-seq":
			seq, _ = strconv.ParseInt(v, 10, 64)
		}
	}
	if capNs < t0.UnixNano() {
		return 0, 0, fmt.Errorf("the first record edgecam sent (seq %d) was captured before it started: backlog, not live (log: %s)", seq, lf.Name())
	}
	return time.Duration(appendMs*1e6 - t0.UnixNano()), time.Duration(capNs - t0.UnixNano()), nil
}

// seedSeq produces one record of key with the given edgecam-seq, standing
// for frames Kafka holds already.
func (k *kafkaEnv) seedSeq(topic, key string, seq int64) error {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, "kcat", "-P", "-b", k.brokers, "-t", topic, "-p", "0", "-k", key,
		"-H", fmt.Sprintf("edgecam-seq=%d", seq))
	cmd.Stdin = strings.NewReader("seed\n")
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("kcat -P %s: %w\n%s", topic, err, out)
	}
	return nil
}
