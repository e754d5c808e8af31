//go:build powercutvm

// The power-cut tests (DESIGN.md, testing ladder step 8) run inside the
// qemu VM that vm/vm.sh boots for vm/powercut-guest.sh, once per boot, and
// are built only with -tags powercutvm (`make test-powercut`, vm/vm.mk).
// Each policy of spool.fsync has a virtual disk of its own (ext4, qemu
// cache=none) and an agent of its own (spool.mode always, Kafka
// unreachable), all three cut at the same moment:
//
//   - TestCut (boots 1..N): checks what the previous cut left (checkCut),
//     starts the agents, waits until each has appended frames, waits a
//     random further moment, notes what each had appended and what its
//     Append had returned for, and asks the host to cut the power.
//   - TestDrain (the last boot): checks the last cut, gives the agents a
//     Kafka (kfake, in this process), lets them drain their spools, reads
//     every record back and checks seqs, sessions and decoding.
//
// Every boot sees the earlier boots' run folders read-only under
// EDGECAM_PC_RUNS (boot-NN/cut-at: the host's moment of the cut;
// boot-NN/guest/POLICY.json: what that boot noted), and writes its own
// notes to EDGECAM_PC_OUT. Lines logged as "check: ..." are the summary.
package vm

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/edgecam/edgecam/kafka"
	"github.com/edgecam/edgecam/spool"
	"github.com/twmb/franz-go/pkg/kfake"
)

// The stream every agent runs: small, so three encoders fit an emulated
// 2-CPU guest.
const (
	pcFPS      = 15
	pcGOP      = time.Second // keyframe_interval
	pcInterval = spool.DefaultFsyncInterval
	pcKafka    = "127.0.0.1:9092" // kfake in TestDrain; nothing listens there before
	pcTopic    = "edgecam.video"
	// pcMinWritten: frames each agent must have appended before the cut
	// may come (2 s: more than one GOP and several fsync intervals).
	pcMinWritten = 2 * pcFPS
	// pcMaxDelay: the cut comes a random moment up to this long after
	// every agent has appended pcMinWritten frames.
	pcMaxDelay = 3 * time.Second
	// pcAllowance is what the time bound of the interval policy allows
	// beyond its window: the fsync itself on a loaded host (qemu's
	// fdatasync of the image file, O_DIRECT), and the agent's scheduling.
	// Without a working fsync the loss is the whole boot (ext4 writes
	// unsynced data back after 30 s, longer than a boot lasts), so this
	// still tells a working policy from none.
	pcAllowance = 2 * time.Second
)

var pcPolicies = []string{"interval", "keyframe", "always"}

// pcEnv is the test's environment, set by vm/powercut-guest.sh.
type pcEnv struct {
	bin, out, runs string
	boot           int
}

func pcSetup(t *testing.T) pcEnv {
	e := pcEnv{bin: os.Getenv("EDGECAM_BIN"), out: os.Getenv("EDGECAM_PC_OUT"), runs: os.Getenv("EDGECAM_PC_RUNS")}
	e.boot, _ = strconv.Atoi(os.Getenv("EDGECAM_PC_BOOT"))
	if e.bin == "" || e.out == "" || e.runs == "" || e.boot < 1 {
		t.Fatal("EDGECAM_BIN, EDGECAM_PC_OUT, EDGECAM_PC_RUNS and EDGECAM_PC_BOOT must be set (vm/powercut-guest.sh runs this test inside the VM of vm/vm.sh)")
	}
	return e
}

func (e pcEnv) mount(policy string) string { return "/mnt/" + policy }
func (e pcEnv) spoolDir(policy string) string {
	return filepath.Join(e.mount(policy), "spool", "cam0")
}

// bootNote is what one boot notes for one policy, as POLICY.json.
type bootNote struct {
	Boot   int    `json:"boot"`
	Policy string `json:"policy"`
	// Opened: the spool as this boot found it, before its agent ran (the
	// previous boot's cut); nil on the first boot.
	Opened *spoolCheck `json:"opened,omitempty"`
	// BootClock and CutClock: host minus guest clock at boot and just
	// before the cut.
	BootClock clockOffset  `json:"boot_clock"`
	CutClock  *clockOffset `json:"cut_clock,omitempty"`
	// Cut: what the agent had done when the cut was asked for.
	Cut *cutNote `json:"cut,omitempty"`
}

// spoolCheck is a spool opened after a cut.
type spoolCheck struct {
	TornBefore  int64      `json:"torn_bytes_before"` // Inspect's TornBytes before Open
	Truncated   int64      `json:"truncated_bytes"`   // Open cut that much
	Corrupt     int64      `json:"corrupt_records"`
	Records     int64      `json:"records"`
	Seqs        [][2]int64 `json:"seqs"` // runs of consecutive seqs
	LastSeq     int64      `json:"last_seq"`
	LastCapture int64      `json:"last_capture_ns"` // guest clock
	Keyframes   []int64    `json:"-"`
}

// cutNote: the agent's progress at the moment the cut was asked for.
type cutNote struct {
	DelayMS  int64  `json:"delay_ms"` // the random wait
	Session  string `json:"session"`
	FirstSeq int64  `json:"first_seq"` // of this boot's session
	Written  int64  `json:"written"`   // edgecam_spool_written_frames_total: Appends returned
	Returned int64  `json:"returned_seq"`
	// ReturnedKey is the last keyframe among the returned Appends: under
	// the keyframe policy its Append fsynced it and all before it.
	ReturnedKey int64 `json:"returned_keyframe_seq"`
	// Newest* is the newest record in the segment files (the page cache):
	// appended, durable or not.
	NewestSeq     int64 `json:"newest_seq"`
	NewestCapture int64 `json:"newest_capture_ns"`
	GuestNow      int64 `json:"guest_now_ns"` // right after reading them
}

// clockOffset is host minus guest wall clock, measured through the results
// share: the host's file system stamps a file the guest creates there with
// the host's clock. Uncertainty: half the round trip plus the host's
// timestamp granularity (one tick, a few ms).
type clockOffset struct {
	OffsetNS int64 `json:"offset_ns"`
	RTTNS    int64 `json:"rtt_ns"`
}

func measureClock(t *testing.T, dir string) clockOffset {
	t.Helper()
	best := clockOffset{RTTNS: 1 << 62}
	p := filepath.Join(dir, "clock-probe")
	for range 7 {
		t1 := time.Now()
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		f.Close()
		fi, err := os.Stat(p)
		t2 := time.Now()
		if err != nil {
			t.Fatal(err)
		}
		os.Remove(p)
		if rtt := t2.Sub(t1); rtt < time.Duration(best.RTTNS) {
			mid := t1.Add(rtt / 2)
			best = clockOffset{OffsetNS: fi.ModTime().Sub(mid).Nanoseconds(), RTTNS: rtt.Nanoseconds()}
		}
	}
	return best
}

// checkSpool: the spool of a stream opens after a cut (spool.Open's
// recovery), and what it holds, read through Next.
func checkSpool(t *testing.T, dir string) *spoolCheck {
	t.Helper()
	info, err := spool.Inspect(dir)
	if err != nil {
		t.Fatalf("spool inspect %s after the cut: %v", dir, err)
	}
	s, err := spool.Open(dir, spool.Options{})
	if err != nil {
		t.Fatalf("the spool %s does not open after the cut: %v", dir, err)
	}
	c := &spoolCheck{TornBefore: info.TornBytes, LastSeq: -1}
	prev := int64(-2)
	for {
		r, ok, err := s.Next()
		if err != nil {
			s.Close()
			t.Fatalf("spool %s: reading after the cut: %v", dir, err)
		}
		if !ok {
			break
		}
		if r.Seq <= prev {
			t.Errorf("spool %s: seq %d after %d", dir, r.Seq, prev)
		}
		if r.Seq == prev+1 {
			c.Seqs[len(c.Seqs)-1][1] = r.Seq
		} else {
			c.Seqs = append(c.Seqs, [2]int64{r.Seq, r.Seq})
		}
		if r.Keyframe {
			c.Keyframes = append(c.Keyframes, r.Seq)
		}
		prev = r.Seq
		c.Records++
		c.LastSeq, c.LastCapture = r.Seq, r.Capture.UnixNano()
	}
	st := s.Stats()
	c.Truncated, c.Corrupt = st.Truncated, st.Corrupt
	if err := s.Close(); err != nil {
		t.Fatalf("spool %s: close after the check: %v", dir, err)
	}
	return c
}

// has reports whether the runs hold every seq of lo..hi.
func has(runs [][2]int64, lo, hi int64) bool {
	for _, r := range runs {
		if r[0] <= lo && hi <= r[1] {
			return true
		}
	}
	return lo > hi
}

// readNote reads what boot n noted for policy (from the host's run folder).
func (e pcEnv) readNote(t *testing.T, n int, policy string) bootNote {
	t.Helper()
	var b bootNote
	raw, err := os.ReadFile(filepath.Join(e.runs, fmt.Sprintf("boot-%02d", n), "guest", policy+".json"))
	if err == nil {
		err = json.Unmarshal(raw, &b)
	}
	if err != nil {
		t.Fatalf("boot %d's note for %s: %v", n, policy, err)
	}
	return b
}

// cutAt is the host's moment of boot n's cut (vm/vm.sh's DIR/cut-at) and
// the host's time stamp of the guest's request (the cut file's mtime).
func (e pcEnv) cutAt(t *testing.T, n int) (at, asked time.Time) {
	t.Helper()
	dir := filepath.Join(e.runs, fmt.Sprintf("boot-%02d", n))
	raw, err := os.ReadFile(filepath.Join(dir, "cut-at"))
	if err != nil {
		t.Fatalf("boot %d: no cut-at from vm/vm.sh: %v", n, err)
	}
	ns, err := strconv.ParseInt(strings.Fields(string(raw))[0], 10, 64)
	if err != nil {
		t.Fatalf("boot %d: cut-at %q: %v", n, raw, err)
	}
	fi, err := os.Stat(filepath.Join(dir, "guest", "cut"))
	if err != nil {
		t.Fatal(err)
	}
	return time.Unix(0, ns), fi.ModTime()
}

// cutFigures is one cut of one policy, as the figures table shows it.
type cutFigures struct {
	boot                                         int
	loss, lag, unsynced, reaction, offset, wrote time.Duration
	rtt                                          time.Duration
	appendedLost, keptLast, returned, rkey       int64
	truncated, corrupt                           int64
}

// checkCut checks boot n's cut of policy against what boot n noted and what
// this boot found (opened): the structural promises are asserted, the
// times measured.
func (e pcEnv) checkCut(t *testing.T, n int, policy string, opened *spoolCheck) cutFigures {
	t.Helper()
	prev := e.readNote(t, n, policy)
	if prev.Cut == nil || prev.CutClock == nil {
		t.Fatalf("boot %d noted no cut for %s", n, policy)
	}
	c := prev.Cut
	at, asked := e.cutAt(t, n)
	off := time.Duration(prev.CutClock.OffsetNS)
	f := cutFigures{boot: n, offset: off, rtt: time.Duration(prev.CutClock.RTTNS),
		keptLast: opened.LastSeq, returned: c.Returned, rkey: c.ReturnedKey,
		truncated: opened.Truncated, corrupt: opened.Corrupt}
	kept := time.Unix(0, opened.LastCapture)
	// The loss: capture time of the newest frame kept (guest clock, put on
	// the host's) against the moment the host killed qemu.
	f.loss = at.Sub(kept.Add(off))
	f.reaction = at.Sub(asked)
	// From reading the segment files to asking for the cut (host clock).
	f.wrote = asked.Sub(time.Unix(0, c.GuestNow).Add(off))
	f.lag = time.Duration(c.GuestNow - c.NewestCapture)
	f.unsynced = time.Duration(c.NewestCapture - opened.LastCapture)
	f.appendedLost = c.NewestSeq - opened.LastSeq

	// What was kept before stays kept: the spool only grew since.
	if n > 1 && prev.Opened != nil {
		for _, r := range prev.Opened.Seqs {
			if !has(opened.Seqs, r[0], r[1]) {
				t.Errorf("%s, cut %d: seqs %d..%d were in the spool after cut %d and are gone", policy, n, r[0], r[1], n-1)
			}
		}
	}
	switch policy {
	case "always":
		// Every Append that had returned was fsynced.
		if !has(opened.Seqs, c.FirstSeq, c.Returned) {
			t.Errorf("always, cut %d: seqs %d..%d had been appended (and fsynced) before the cut; the spool kept %v", n, c.FirstSeq, c.Returned, tailRuns(opened.Seqs))
		}
	case "keyframe":
		// The Append of the last keyframe fsynced it and everything before.
		if c.ReturnedKey < 0 {
			t.Errorf("keyframe, cut %d: no keyframe among the %d frames appended before the cut", n, c.Written)
		} else if !has(opened.Seqs, c.FirstSeq, c.ReturnedKey) {
			t.Errorf("keyframe, cut %d: seqs %d..%d (through the keyframe %d, fsynced by its Append) were appended before the cut; the spool kept %v", n, c.FirstSeq, c.ReturnedKey, c.ReturnedKey, tailRuns(opened.Seqs))
		}
	case "interval":
		// A time bound, on the guest's clock only: of what was appended
		// when the cut was asked for, no more than the window (and the
		// allowance) is lost.
		if f.unsynced > pcInterval+pcAllowance {
			t.Errorf("interval, cut %d: the newest frame kept (seq %d) was captured %v before the newest one appended when the cut was asked for (seq %d); the bound is the %v window + %v", n, opened.LastSeq, f.unsynced, c.NewestSeq, pcInterval, pcAllowance)
		}
	}
	return f
}

func tailRuns(runs [][2]int64) [][2]int64 {
	if len(runs) > 3 {
		return runs[len(runs)-3:]
	}
	return runs
}

// agent is one `edgecam run` of a policy.
type pcAgent struct {
	policy, metrics string
	cmd             *exec.Cmd
	exited          chan error
}

func (e pcEnv) startAgent(t *testing.T, i int, policy, broker string) *pcAgent {
	t.Helper()
	a := &pcAgent{policy: policy, metrics: fmt.Sprintf("127.0.0.1:%d", 9101+i)}
	cfg := filepath.Join(e.out, policy+".yaml")
	if err := os.WriteFile(cfg, []byte(fmt.Sprintf(`device: {id: pc-%s}
kafka: {brokers: [%q], topic: %s}
spool: {dir: %s, mode: always, fsync: %s, max_size: 32MiB, segment_size: 1MiB}
metrics: {listen: %q}
streams:
  - name: cam0
    source: {type: test, pattern: ball}
    width: 320
    height: 240
    fps: %d
    bitrate_kbps: 200
    keyframe_interval: %v
    encoder: x264enc
`, policy, broker, pcTopic, filepath.Join(e.mount(policy), "spool"), policy, a.metrics, pcFPS, pcGOP)), 0o644); err != nil {
		t.Fatal(err)
	}
	logf, err := os.Create(filepath.Join(e.out, policy+"-agent.log"))
	if err != nil {
		t.Fatal(err)
	}
	a.cmd = exec.Command(e.bin, "run", "--config", cfg)
	a.cmd.Stdout, a.cmd.Stderr = logf, logf
	if err := a.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	a.exited = make(chan error, 1)
	go func() { a.exited <- a.cmd.Wait(); logf.Close() }()
	return a
}

// stop ends the agent cleanly (SIGINT), killing it after an outer bound.
func (a *pcAgent) stop() {
	_ = a.cmd.Process.Signal(os.Interrupt) // gone already: exited says so
	select {
	case <-a.exited:
	case <-time.After(time.Minute):
		a.cmd.Process.Kill()
		<-a.exited
	}
}

// metric is one series of the agent's metrics; ok=false when the agent
// does not answer (yet) or has no such series.
func (a *pcAgent) metric(name string) (float64, bool) {
	resp, err := http.Get("http://" + a.metrics + "/metrics")
	if err != nil {
		return 0, false
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return 0, false
	}
	// The frame metrics are per track (label track, since the audio
	// track); cam0 has only its video.
	key := name + `{stream="cam0",track="video"} `
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, key); ok {
			f, err := strconv.ParseFloat(v, 64)
			return f, err == nil
		}
	}
	return 0, false
}

// pcWait polls cond every 200 ms until it holds or limit (an outer bound,
// not a timing check) passed.
func pcWait(limit time.Duration, cond func() bool) bool {
	end := time.Now().Add(limit)
	for !cond() {
		if time.Now().After(end) {
			return false
		}
		time.Sleep(200 * time.Millisecond)
	}
	return true
}

// session is the last line of the stream's session log: the first seq and
// the id of the run that writes now.
func (e pcEnv) session(t *testing.T, policy string) (int64, string) {
	t.Helper()
	b, err := os.ReadFile(e.spoolDir(policy) + ".sessions")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Fields(strings.TrimSpace(string(b)))
	if len(lines) < 2 {
		t.Fatalf("session log %q", b)
	}
	first, err := strconv.ParseInt(lines[len(lines)-2], 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	return first, lines[len(lines)-1]
}

// liveRecord is a record header read from a segment file while the agent
// writes it (spool/doc.go, "Segment format").
type liveRecord struct {
	seq      int64
	keyframe bool
	capture  int64
}

// readLive reads the verified records of the segment files in dir, as the
// page cache holds them (whether on the disk or not), from seq from on.
func readLive(t *testing.T, dir string, from int64) []liveRecord {
	t.Helper()
	names, _ := filepath.Glob(filepath.Join(dir, "seg-*.log"))
	sort.Strings(names)
	var recs []liveRecord
	castagnoli := crc32.MakeTable(crc32.Castagnoli)
	le := binary.LittleEndian
	for _, name := range names {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for off := 16; off+45 <= len(b); {
			n := int(le.Uint32(b[off+4:]))
			if le.Uint32(b[off:]) != 0xEC5A17F1 || n < 33 || off+12+n > len(b) ||
				crc32.Checksum(b[off+12:off+12+n], castagnoli) != le.Uint32(b[off+8:]) {
				break // the end being written
			}
			r := liveRecord{seq: int64(le.Uint64(b[off+12:])), keyframe: b[off+20]&1 != 0, capture: int64(le.Uint64(b[off+37:]))}
			if r.seq >= from {
				recs = append(recs, r)
			}
			off += 12 + n
		}
	}
	return recs
}

func (e pcEnv) mustNote(t *testing.T, b bootNote) {
	t.Helper()
	raw, _ := json.MarshalIndent(b, "", "  ")
	if err := os.WriteFile(filepath.Join(e.out, b.Policy+".json"), raw, 0o644); err != nil {
		t.Fatal(err)
	}
}

// openAll checks every policy's spool as this boot found it, and the
// previous boot's cut.
func (e pcEnv) openAll(t *testing.T) map[string]*bootNote {
	t.Helper()
	notes := map[string]*bootNote{}
	for _, p := range pcPolicies {
		b := &bootNote{Boot: e.boot, Policy: p}
		notes[p] = b
		if e.boot == 1 {
			if _, err := os.Stat(e.spoolDir(p)); !errors.Is(err, os.ErrNotExist) {
				t.Fatalf("boot 1: %s already holds a spool (the disk image must be new): %v", e.spoolDir(p), err)
			}
			continue
		}
		b.Opened = checkSpool(t, e.spoolDir(p))
		f := e.checkCut(t, e.boot-1, p, b.Opened)
		t.Logf("check: %s cut %d: spool opens (torn %d B cut, %d corrupt), kept through seq %d; lost %s of capture before the cut (pipeline lag %s, appended-not-durable %s, %d frames; read to cut %s; clock offset %s ± %s)",
			p, f.boot, f.truncated, f.corrupt, f.keptLast, ms(f.loss), ms(f.lag), ms(f.unsynced), f.appendedLost, ms(f.wrote+f.reaction), ms(f.offset), ms(f.rtt/2))
	}
	return notes
}

func ms(d time.Duration) string { return fmt.Sprintf("%.0f ms", float64(d)/float64(time.Millisecond)) }

// TestCut: one boot between two power cuts.
func TestCut(t *testing.T) {
	e := pcSetup(t)
	notes := e.openAll(t)
	clk := measureClock(t, e.out)
	for _, p := range pcPolicies {
		notes[p].BootClock = clk
	}
	t.Logf("check: boot %d: clock offset host-guest %s ± %s", e.boot, ms(time.Duration(clk.OffsetNS)), ms(time.Duration(clk.RTTNS/2)))
	if t.Failed() {
		return
	}
	agents := make([]*pcAgent, len(pcPolicies))
	for i, p := range pcPolicies {
		agents[i] = e.startAgent(t, i, p, pcKafka)
	}
	defer func() {
		for _, a := range agents {
			a.stop()
		}
	}()
	const written = "edgecam_spool_written_frames_total"
	for _, a := range agents {
		if !pcWait(5*time.Minute, func() bool { v, _ := a.metric(written); return v >= pcMinWritten }) {
			v, _ := a.metric(written)
			t.Fatalf("%s: the agent appended %v frames in 5 min, want %d (see %s-agent.log)", a.policy, v, pcMinWritten, a.policy)
		}
	}
	// A random moment, not a synchronisation: the cut may come anywhere.
	delay := rand.N(pcMaxDelay)
	time.Sleep(delay)
	// The clock first: from the reads below to the cut, as little as can be.
	clk = measureClock(t, e.out)
	for _, a := range agents {
		first, session := e.session(t, a.policy)
		w, ok := a.metric(written)
		if !ok {
			t.Fatalf("%s: no %s", a.policy, written)
		}
		c := &cutNote{DelayMS: delay.Milliseconds(), Session: session, FirstSeq: first, Written: int64(w),
			Returned: first + int64(w) - 1, ReturnedKey: -1}
		recs := readLive(t, e.spoolDir(a.policy), first)
		c.GuestNow = time.Now().UnixNano()
		for _, r := range recs {
			if r.keyframe && r.seq <= c.Returned {
				c.ReturnedKey = r.seq
			}
		}
		if len(recs) == 0 || recs[len(recs)-1].seq < c.Returned {
			t.Fatalf("%s: the segment files hold %d records of this session, fewer than the %d appended", a.policy, len(recs), c.Written)
		}
		last := recs[len(recs)-1]
		c.NewestSeq, c.NewestCapture = last.seq, last.capture
		notes[a.policy].Cut = c
	}
	for _, p := range pcPolicies {
		notes[p].CutClock = &clk
		e.mustNote(t, *notes[p])
	}
	// The power cut: vm/vm.sh kills qemu when it sees the file.
	if err := os.WriteFile(filepath.Join(e.out, "cut"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	time.Sleep(2 * time.Minute)
	t.Fatal("asked for the power cut 2 min ago and still running: is vm/vm.sh run with --power-cut-on cut?")
}

// TestDrain: the last boot. The agents get a Kafka, drain what the cuts
// left, and everything is read back.
func TestDrain(t *testing.T) {
	e := pcSetup(t)
	notes := e.openAll(t)
	if t.Failed() {
		return
	}
	c, err := kfake.NewCluster(kfake.NumBrokers(1), kfake.Ports(9092), kfake.SeedTopics(1, pcTopic))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	agents := make([]*pcAgent, len(pcPolicies))
	for i, p := range pcPolicies {
		agents[i] = e.startAgent(t, i, p, pcKafka)
	}
	stopped := false
	stop := func() {
		if !stopped {
			for _, a := range agents {
				a.stop()
			}
			stopped = true
		}
	}
	defer stop()
	// Drained: Kafka acknowledged what the spool held and a second of live
	// frames after it.
	for _, a := range agents {
		want := float64(notes[a.policy].Opened.Records + pcFPS)
		if !pcWait(10*time.Minute, func() bool { v, _ := a.metric("edgecam_frames_acked_total"); return v >= want }) {
			v, _ := a.metric("edgecam_frames_acked_total")
			t.Fatalf("%s: Kafka acknowledged %v frames in 10 min, want %v (see %s-agent.log)", a.policy, v, want, a.policy)
		}
	}
	stop()
	for _, p := range pcPolicies {
		e.readBack(t, p, notes[p].Opened)
	}
	e.figures(t, notes)
}

// figures sums up every cut of every policy (figures.txt): the loss in
// capture time before the cut, and what it is made of.
func (e pcEnv) figures(t *testing.T, notes map[string]*bootNote) {
	t.Helper()
	var b strings.Builder
	b.WriteString(`loss      host's moment of the cut - capture time of the newest frame kept (guest clock + offset)
lag       capture -> in the segment file: age of the newest frame appended, when the cut was asked for
unsynced  capture time of that frame - of the newest frame kept (guest clock; < 0: later frames were kept too)
lost#     its seq - the newest seq kept
read>cut  from reading the segment files to the kill (host clock): frames appended meanwhile are not in lag
offset    host - guest clock, ± half the round trip of the measurement
`)
	fmt.Fprintf(&b, "%-8s %3s %6s %7s %7s %9s %6s %8s %8s %6s %7s %7s\n", "policy", "cut", "delay", "loss", "lag", "unsynced", "lost#", "read>cut", "offset", "±", "torn", "corrupt")
	for _, p := range pcPolicies {
		var losses, lags, unsynced []time.Duration
		for n := 1; n < e.boot; n++ {
			opened := notes[p].Opened
			if n+1 < e.boot {
				opened = e.readNote(t, n+1, p).Opened
			}
			f := e.checkCut(t, n, p, opened)
			losses, lags, unsynced = append(losses, f.loss), append(lags, f.lag), append(unsynced, f.unsynced)
			fmt.Fprintf(&b, "%-8s %3d %6d %7s %7s %9s %6d %8s %8s %6s %7d %7d\n", p, n, e.readNote(t, n, p).Cut.DelayMS,
				ms(f.loss), ms(f.lag), ms(f.unsynced), f.appendedLost, ms(f.wrote+f.reaction), ms(f.offset), ms(f.rtt/2), f.truncated, f.corrupt)
		}
		if len(losses) == 0 {
			continue
		}
		t.Logf("check: %s: %d cuts; loss min/median/max %s; pipeline lag %s; appended-not-durable %s",
			p, len(losses), spread(losses), spread(lags), spread(unsynced))
	}
	if err := os.WriteFile(filepath.Join(e.out, "figures.txt"), []byte(b.String()), 0o644); err != nil {
		t.Errorf("figures.txt: %v", err)
	}
	t.Logf("figures:\n%s", b.String())
}

// spread is min/median/max of ds.
func spread(ds []time.Duration) string {
	ds = append([]time.Duration(nil), ds...)
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	return fmt.Sprintf("%s/%s/%s", ms(ds[0]), ms(ds[len(ds)/2]), ms(ds[len(ds)-1]))
}

// readBack reads policy's stream back from Kafka: seqs strictly increase
// (no duplicate, order kept); a gap only right before the first record of a
// new session (a cut: the frames it lost and the seqs the next run reserved
// ahead); each earlier session's frames are exactly what the spool held
// after the last cut; the stream decodes.
func (e pcEnv) readBack(t *testing.T, policy string, opened *spoolCheck) {
	t.Helper()
	key := "pc-" + policy + "/cam0"
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	h264, err := os.Create(filepath.Join(e.out, policy+".h264"))
	if err != nil {
		t.Fatal(err)
	}
	var (
		n, gaps, dups int64
		last          int64 = -1
		session       string
		sessions      []string
		runs          [][2]int64
		firstOf       = map[string]int64{}
	)
	err = kafka.Tail(ctx, kafka.Config{Brokers: []string{pcKafka}, Topic: pcTopic}, key, kafka.TailOptions{From: kafka.FromStart, StopAtEnd: true},
		func(r *kafka.Record) error {
			n++
			switch {
			case n > 1 && r.Seq <= last:
				dups++
				t.Errorf("%s: seq %d after %d (offset %d)", policy, r.Seq, last, r.Offset)
				return nil
			case n > 1 && r.Seq > last+1 && r.Session == session:
				gaps++
				t.Errorf("%s: seqs %d..%d missing inside session %s", policy, last+1, r.Seq-1, session)
			}
			if r.Session != session {
				if _, seen := firstOf[r.Session]; seen {
					t.Errorf("%s: session %s again at seq %d", policy, r.Session, r.Seq)
				}
				session = r.Session
				sessions = append(sessions, session)
				firstOf[session] = r.Seq
			}
			if n > 1 && r.Seq == last+1 {
				runs[len(runs)-1][1] = r.Seq
			} else {
				runs = append(runs, [2]int64{r.Seq, r.Seq})
			}
			last = r.Seq
			_, err := h264.Write(r.Value)
			return err
		})
	h264.Close()
	if err != nil {
		t.Fatalf("%s: reading back: %v", policy, err)
	}
	// The earlier runs' frames are what the spool held after the last cut.
	final := opened.LastSeq
	var old [][2]int64
	for _, r := range runs {
		if r[0] <= final {
			old = append(old, [2]int64{r[0], min(r[1], final)})
		}
	}
	if fmt.Sprint(mergeRuns(old)) != fmt.Sprint(opened.Seqs) {
		t.Errorf("%s: Kafka holds seqs %v of the earlier runs; the spool held %v after the last cut", policy, mergeRuns(old), opened.Seqs)
	}
	// Each boot's session starts at the seq that boot noted.
	for b := 1; b < e.boot; b++ {
		c := e.readNote(t, b, policy).Cut
		if first, ok := firstOf[c.Session]; ok && first != c.FirstSeq {
			t.Errorf("%s: boot %d's session %s starts at seq %d in Kafka, at %d in its session log", policy, b, c.Session, first, c.FirstSeq)
		}
	}
	decoded := decodeCount(t, filepath.Join(e.out, policy+".h264"))
	if decoded != n-dups {
		t.Errorf("%s: ffprobe decoded %d frames of %d records", policy, decoded, n-dups)
	}
	t.Logf("check: %s: read back %d records in %d sessions, seqs ...%v: %d gaps, each right before a new session, %d inside one; %d duplicates; ffprobe decoded %d",
		policy, n, len(sessions), tailRuns(runs), len(runs)-1, gaps, dups, decoded)
}

// mergeRuns joins adjacent runs.
func mergeRuns(rs [][2]int64) [][2]int64 {
	var out [][2]int64
	for _, r := range rs {
		if len(out) > 0 && out[len(out)-1][1]+1 == r[0] {
			out[len(out)-1][1] = r[1]
			continue
		}
		out = append(out, r)
	}
	return out
}

// decodeCount decodes every frame of an H.264 byte stream with ffprobe and
// returns how many it decoded; a decoder complaint fails the test.
func decodeCount(t *testing.T, path string) int64 {
	t.Helper()
	cmd := exec.Command("ffprobe", "-v", "error", "-f", "h264", "-count_frames", "-select_streams", "v:0",
		"-show_entries", "stream=nb_read_frames", "-of", "csv=p=0", path)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	b, err := cmd.Output()
	if err != nil || stderr.Len() > 0 {
		t.Errorf("ffprobe %s: %v\n%s", path, err, stderr.String())
	}
	n, _ := strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64)
	return n
}
