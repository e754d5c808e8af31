package spool

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"golang.org/x/sys/unix"
	"pgregory.net/rapid"
)

// modelRec is what the model remembers of an appended frame; the payload is
// derived from (epoch, seq, size).
type modelRec struct {
	seq     int64
	epoch   int64
	key     bool
	size    int
	capture time.Time
}

func (r modelRec) payload() []byte { return payloadFor(r.seq+r.epoch<<40, r.size) }

// spoolMachine drives a Spool and an in-memory model of what it must hold.
// Evictions depend on segment layout, which the model does not mirror: it
// learns them from the gaps Next reports and checks that every gap is
// exactly what Record.Evicted says, that evicted frames never come back,
// and that nothing is lost silently.
type spoolMachine struct {
	cfg      modelConfig
	dir      string
	opts     Options
	s        *Spool
	clock    time.Time
	keyEvery int64
	epoch    int64 // bumped at every reopen: seqs lost in a crash are reused with new payloads

	recs    []modelRec     // appended and not lost in a crash, by seq
	evicted map[int64]bool // seqs seen evicted (gaps reported by Next)
	nextSeq int64
	acked   int64 // model's Kafka: every seq <= acked delivered
	readSeq int64 // last seq returned by Next, or acked after Rewind/reopen
	durable int64 // highest seq known fsynced
}

// modelConfig sets the scale of a model run. Changing the draws of an
// existing configuration invalidates its committed fail files in
// testdata/rapid: add a configuration (and a test) instead.
type modelConfig struct {
	maxBurst  int     // frames per Append action
	maxFrame  int     // bytes per frame
	maxSizes  []int64 // MaxSize choices
	maxReads  int     // Next calls per Read action
	bigFrames bool    // sometimes a frame larger than a segment
	// indexDamage: a crash also drops, tears or garbles segment index
	// files (as a power cut before the directory fsync, or a torn write,
	// would). Open must then scan those segments and lose nothing.
	indexDamage bool
}

// TestModel: mixed workload (the configuration of the committed fail files).
func TestModel(t *testing.T) {
	runModel(t, mixedModel)
}

// TestModelEvictionHeavy: bigger bursts into a spool of two to four
// segments, so evictions hit frames in flight and Rewind has gaps to report.
func TestModelEvictionHeavy(t *testing.T) {
	runModel(t, modelConfig{maxBurst: 80, maxFrame: 6000, maxReads: 40,
		maxSizes: []int64{2 * MinSegmentSize, 3 * MinSegmentSize, 4 * MinSegmentSize}})
}

// TestModelIndexDamage: the mixed workload, with crashes that also damage
// the segment indexes.
func TestModelIndexDamage(t *testing.T) {
	runModel(t, indexModel)
}

var indexModel = modelConfig{maxBurst: 40, maxFrame: 4000, maxReads: 80, bigFrames: true, indexDamage: true,
	maxSizes: []int64{2 * MinSegmentSize, 4 * MinSegmentSize, 16 * MinSegmentSize}}

var mixedModel = modelConfig{maxBurst: 40, maxFrame: 4000, maxReads: 80, bigFrames: true,
	maxSizes: []int64{2 * MinSegmentSize, 4 * MinSegmentSize, 16 * MinSegmentSize}}

// TestModelRegressions replays the fail files rapid wrote for TestModel with
// the -rapid.steps they were found with (the step count changes how the
// recorded bits are read, so plain TestModel, at the default 30 steps,
// replays them only partly). With the bugs fixed the replays run out of
// recorded bits ("no longer valid") and pass; with a bug back they fail.
//   - ...154625: the model itself wrongly demanded a record after a crash
//     had lost everything newer than an evicted run.
//   - ...154744: a crash tore a new segment's header after its magic; Open
//     took the garbage version for a newer format and refused to start
//     (fixed with the header CRC).
func TestModelRegressions(t *testing.T) {
	for _, tc := range []struct{ file, steps string }{
		{"TestModel-20261126154625-22377.fail", "30"},
		{"TestModel-20261126154744-27827.fail", "100"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			setFlag(t, "rapid.failfile", filepath.Join("testdata", "rapid", "TestModel", tc.file))
			setFlag(t, "rapid.steps", tc.steps)
			setFlag(t, "rapid.checks", "0")
			setFlag(t, "rapid.nofailfile", "true")
			runModel(t, mixedModel)
		})
	}
}

// TestModelIndexDamageRegressions replays the fail files of
// TestModelIndexDamage (at the default 30 steps).
//   - ...094814: a torn index stayed in place and was ignored again at every
//     Open (fixed: Open rewrites the index of a clean sealed segment it
//     scanned).
func TestModelIndexDamageRegressions(t *testing.T) {
	for _, file := range []string{"TestModelIndexDamage-20261201094814-30771.fail"} {
		t.Run(file, func(t *testing.T) {
			setFlag(t, "rapid.failfile", filepath.Join("testdata", "rapid", "TestModelIndexDamage", file))
			setFlag(t, "rapid.checks", "0")
			setFlag(t, "rapid.nofailfile", "true")
			runModel(t, indexModel)
		})
	}
}

func setFlag(t *testing.T, name, value string) {
	old := flag.Lookup(name).Value.String()
	if err := flag.Set(name, value); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = flag.Set(name, old) }) // the value it had
}

func runModel(t *testing.T, cfg modelConfig) {
	rapid.Check(t, func(rt *rapid.T) {
		// tmpfs when there is one: fsync costs nothing there, and crashes
		// are simulated anyway.
		dir, err := os.MkdirTemp(tmpfsDir(), "spool-model-")
		if err != nil {
			rt.Fatal(err)
		}
		rt.Cleanup(func() { os.RemoveAll(dir) })
		m := &spoolMachine{
			cfg:      cfg,
			dir:      dir,
			clock:    baseTime,
			keyEvery: int64(rapid.IntRange(1, 30).Draw(rt, "keyEvery")),
			evicted:  map[int64]bool{},
			acked:    -1,
			readSeq:  -1,
			durable:  -1,
		}
		m.opts = Options{
			SegmentSize:   MinSegmentSize,
			MaxSize:       rapid.SampledFrom(cfg.maxSizes).Draw(rt, "maxSize"),
			MaxAge:        rapid.SampledFrom([]time.Duration{0, 20 * time.Second}).Draw(rt, "maxAge"),
			Fsync:         rapid.SampledFrom([]Fsync{FsyncInterval, FsyncKeyframe, FsyncAlways}).Draw(rt, "fsync"),
			FsyncInterval: time.Hour, // the timer must not sync behind the model's back
			Now:           func() time.Time { return m.clock },
			writeBuffer:   rapid.SampledFrom([]int{4 << 10, 64 << 10, 1 << 20}).Draw(rt, "writeBuffer"),
		}
		m.s, err = Open(dir, m.opts)
		if err != nil {
			rt.Fatal(err)
		}
		rt.Cleanup(func() { m.s.Close() }) // runs before the RemoveAll above
		rt.Repeat(rapid.StateMachineActions(m))
	})
}

func tmpfsDir() string {
	var st unix.Statfs_t
	if unix.Statfs("/dev/shm", &st) == nil && st.Type == unix.TMPFS_MAGIC && unix.Access("/dev/shm", unix.W_OK) == nil {
		return "/dev/shm"
	}
	return ""
}

func (m *spoolMachine) lastRec() int64 {
	if len(m.recs) == 0 {
		return -1
	}
	return m.recs[len(m.recs)-1].seq
}

// Append appends a burst of frames, sometimes one larger than a segment.
func (m *spoolMachine) Append(t *rapid.T) {
	n := rapid.IntRange(1, m.cfg.maxBurst).Draw(t, "frames")
	size := rapid.IntRange(0, m.cfg.maxFrame).Draw(t, "size")
	big := m.cfg.bigFrames && rapid.IntRange(0, 15).Draw(t, "big") == 0
	for i := 0; i < n; i++ {
		mr := modelRec{seq: m.nextSeq, epoch: m.epoch, key: m.nextSeq%m.keyEvery == 0, size: (size + i*131) % (m.cfg.maxFrame + 1), capture: m.clock}
		if big && i == n/2 {
			mr.size = 70000
		}
		r := Record{Seq: mr.seq, Keyframe: mr.key, PTS: time.Duration(mr.seq + mr.epoch<<40), DTS: -time.Duration(mr.seq), Capture: mr.capture, Payload: mr.payload()}
		if err := m.s.Append(r); err != nil {
			t.Fatalf("Append(%d): %v", mr.seq, err)
		}
		m.recs = append(m.recs, mr)
		m.nextSeq++
		m.clock = m.clock.Add(33 * time.Millisecond)
		if m.opts.Fsync == FsyncAlways || (m.opts.Fsync == FsyncKeyframe && mr.key) {
			m.durable = mr.seq
		}
	}
}

func (m *spoolMachine) Sync(t *rapid.T) {
	if err := m.s.Sync(); err != nil {
		t.Fatalf("Sync: %v", err)
	}
	m.durable = m.lastRec()
}

// Read calls Next a few times and checks every record against the model.
func (m *spoolMachine) Read(t *rapid.T) {
	k := rapid.IntRange(1, m.cfg.maxReads).Draw(t, "reads")
	for range k {
		r, ok, err := m.s.Next()
		if err != nil {
			t.Fatalf("Next: %v", err)
		}
		if !ok {
			// Caught up: whatever the model has past readSeq must be evicted.
			// Usually that is nothing (the newest frames are in the segment
			// being written, which is never evicted), but a crash can lose
			// every frame after an evicted run; the gap is then reported on
			// the next frame appended.
			var missing int64
			for _, r := range m.recs {
				if r.seq > m.readSeq && !m.evicted[r.seq] {
					missing++
				}
			}
			if pending := m.s.Stats().EvictedPending; missing > pending {
				t.Fatalf("Next caught up at %d but %d frames after it were appended and only %d evicted", m.readSeq, missing, pending)
			}
			return
		}
		m.checkNext(t, r)
	}
}

func (m *spoolMachine) checkNext(t *rapid.T, r Record) {
	if r.Seq <= m.readSeq {
		t.Fatalf("Next returned %d after %d: out of order or twice", r.Seq, m.readSeq)
	}
	i := sort.Search(len(m.recs), func(i int) bool { return m.recs[i].seq >= r.Seq })
	if i == len(m.recs) || m.recs[i].seq != r.Seq {
		t.Fatalf("Next returned %d, which was never appended (or was lost)", r.Seq)
	}
	if m.evicted[r.Seq] {
		t.Fatalf("Next returned %d, which was reported evicted", r.Seq)
	}
	mr := m.recs[i]
	if r.Keyframe != mr.key || r.PTS != time.Duration(mr.seq+mr.epoch<<40) || r.DTS != -time.Duration(mr.seq) ||
		!r.Capture.Equal(mr.capture) || !bytes.Equal(r.Payload, mr.payload()) {
		t.Fatalf("record %d differs from what was appended (len %d want %d)", r.Seq, len(r.Payload), mr.size)
	}
	// Every frame between the previous record and this one is gone: the
	// gap must be exactly the evicted count.
	j := sort.Search(len(m.recs), func(i int) bool { return m.recs[i].seq > m.readSeq })
	if gap := int64(i - j); gap != r.Evicted {
		t.Fatalf("record %d after %d: %d frames missing, Evicted=%d", r.Seq, m.readSeq, gap, r.Evicted)
	}
	for _, g := range m.recs[j:i] {
		m.evicted[g.seq] = true
	}
	m.readSeq = r.Seq
}

// Ack acknowledges part of what Next returned, as Kafka would.
func (m *spoolMachine) Ack(t *rapid.T) {
	if m.readSeq <= m.acked {
		t.Skip("nothing in flight")
	}
	seq := rapid.Int64Range(m.acked+1, m.readSeq).Draw(t, "ack")
	m.s.Ack(seq)
	m.acked = seq
}

func (m *spoolMachine) Rewind(t *rapid.T) {
	m.s.Rewind()
	m.readSeq = m.acked
}

// Tick lets time pass (for MaxAge).
func (m *spoolMachine) Tick(t *rapid.T) {
	if m.opts.MaxAge == 0 {
		t.Skip("no age limit")
	}
	m.clock = m.clock.Add(time.Duration(rapid.Int64Range(0, int64(15*time.Second)).Draw(t, "tick")))
}

// Crash drops the write buffer and closes every descriptor without a flush,
// then damages the active segment as a power cut or kernel would, and
// reopens.
func (m *spoolMachine) Crash(t *rapid.T) {
	mode := rapid.IntRange(0, 4).Draw(t, "crashMode")
	for _, f := range m.s.crash() {
		cut := f.written
		switch {
		case mode == 0: // process killed: what reached the page cache survives
		case mode == 1: // power cut: only what was fsynced
			cut = f.synced
		case f.active: // power cut tearing the unsynced part at a random byte
			cut = rapid.Int64Range(f.synced, f.written).Draw(t, "cut")
		case f.synced < f.written: // (sealed segments are synced: never)
			cut = rapid.Int64Range(f.synced, f.written).Draw(t, "cutSealed")
		}
		if cut < f.written {
			if err := os.Truncate(f.path, cut); err != nil {
				t.Fatal(err)
			}
		}
		if !f.active {
			continue
		}
		switch mode { // the file being written may also get blocks never written
		case 3: // zero-filled blocks allocated but never written
			appendBytes(t, f.path, make([]byte, rapid.IntRange(1, 5000).Draw(t, "zeros")))
		case 4: // stale garbage
			appendBytes(t, f.path, payloadFor(rapid.Int64().Draw(t, "garbageSeed"), rapid.IntRange(1, 5000).Draw(t, "garbage")))
		}
	}
	damaged := 0
	if m.cfg.indexDamage {
		damaged = m.damageIndexes(t)
	}
	m.reopen(t, true)
	if ig := m.s.Stats().IndexesIgnored; ig > int64(damaged) {
		t.Fatalf("Open ignored %d indexes, but the crash damaged only %d", ig, damaged)
	}
}

// damageIndexes keeps, drops, tears or garbles each index file and returns
// how many it left in place damaged.
func (m *spoolMachine) damageIndexes(t *rapid.T) int {
	idx, _ := filepath.Glob(filepath.Join(m.dir, "*.idx"))

	damaged := 0
	for _, p := range idx {
		switch rapid.IntRange(0, 3).Draw(t, "indexFate") {
		case 1: // lost: the rename never reached the disk
			if err := os.Remove(p); err != nil {
				t.Fatal(err)
			}
		case 2: // torn
			size := fileSize(t, p)
			if err := os.Truncate(p, rapid.Int64Range(0, size-1).Draw(t, "indexCut")); err != nil {
				t.Fatal(err)
			}
			damaged++
		case 3: // one bit flipped
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			i := rapid.IntRange(0, 8*len(b)-1).Draw(t, "indexBit")
			b[i/8] ^= 1 << (i % 8)
			if err := os.WriteFile(p, b, 0o640); err != nil {
				t.Fatal(err)
			}
			damaged++
		}
	}
	return damaged
}

// Reopen closes cleanly and opens again: nothing may be lost or damaged.
func (m *spoolMachine) Reopen(t *rapid.T) {
	if err := m.s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	m.reopen(t, false)
	// Close sealed nothing new, and the Open before rewrote what a crash
	// had damaged: every index there must be valid.
	if ig := m.s.Stats().IndexesIgnored; ig != 0 {
		t.Fatalf("a clean reopen ignored %d segment indexes", ig)
	}
}

func appendBytes(t *rapid.T, path string, b []byte) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.Write(b); err != nil {
		t.Fatal(err)
	}
}

func (m *spoolMachine) reopen(t *rapid.T, crashed bool) {
	s, err := Open(m.dir, m.opts)
	if err != nil {
		t.Fatalf("Open after %s: %v", map[bool]string{true: "crash", false: "Close"}[crashed], err)
	}
	m.s = s
	st := s.Stats()
	if st.Corrupt != 0 || (!crashed && st.Truncated != 0) {
		t.Fatalf("reopen found damage: corrupt %d truncated %d", st.Corrupt, st.Truncated)
	}
	last, ok := s.LastSeq()
	modelLast := m.lastRec()
	if ok && last > modelLast {
		t.Fatalf("LastSeq %d after reopen, but only %d was appended", last, modelLast)
	}
	if crashed {
		if m.durable > m.acked && (!ok || last < m.durable) {
			t.Fatalf("frame %d was fsynced and not delivered, but the spool recovered only up to %d (%v)", m.durable, last, ok)
		}
	} else if modelLast > m.acked && (!ok || last != modelLast) {
		t.Fatalf("clean reopen: LastSeq %d %v, want %d", last, ok, modelLast)
	}
	// Frames past the recovered end were lost in the crash (allowed: not
	// synced). The model forgets them; their seqs are reused.
	keep := m.acked
	if ok {
		keep = max(keep, last)
	}
	i := sort.Search(len(m.recs), func(i int) bool { return m.recs[i].seq > keep })
	m.recs = m.recs[:i]
	m.nextSeq = max(m.lastRec(), m.acked) + 1
	m.durable = m.lastRec() // Open fsyncs what it recovered
	m.epoch++
	// What the agent does at start: Kafka has everything up to acked.
	s.DiscardThrough(m.acked)
	m.readSeq = m.acked
}

func (m *spoolMachine) Check(t *rapid.T) {
	st := m.s.Stats()
	frames, _ := m.s.Len()
	var want int64
	for _, r := range m.recs {
		if r.seq > m.acked {
			want++
		}
	}
	if frames+st.EvictedPending != want {
		t.Fatalf("Len %d + evicted pending %d != %d frames appended and not acked", frames, st.EvictedPending, want)
	}
	if st.Segments > 1 && st.Bytes > m.opts.MaxSize {
		t.Fatalf("%d bytes in %d segments, MaxSize %d", st.Bytes, st.Segments, m.opts.MaxSize)
	}
	if st.Corrupt != 0 {
		t.Fatalf("Corrupt = %d", st.Corrupt)
	}
	var onDisk int64
	for _, p := range segFiles(t, m.dir) {
		onDisk += fileSize(t, p)
	}
	m.s.mu.Lock()
	buffered := int64(len(m.s.w.buf))
	m.s.mu.Unlock()
	if onDisk+buffered != st.Bytes {
		t.Fatalf("files %d + buffer %d != Stats.Bytes %d", onDisk, buffered, st.Bytes)
	}
	info, err := Inspect(m.dir)
	if err != nil || info.Corrupt != 0 || info.TornBytes != 0 || info.Bytes != onDisk {
		t.Fatalf("Inspect of the live spool: %v corrupt %d torn %d bytes %d (files %d)", err, info.Corrupt, info.TornBytes, info.Bytes, onDisk)
	}
	if last, ok := m.s.LastSeq(); ok && last != m.lastRec() && m.lastRec() > m.acked {
		t.Fatalf("LastSeq %d, model %d", last, m.lastRec())
	}
}
