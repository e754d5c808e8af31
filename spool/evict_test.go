package spool

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/edgecam/edgecam/internal/testkit"
)

// TestFullDiskTmpfs fills a real 8 MiB file system: with MaxSize far above
// it, Append must hit ENOSPC, evict the oldest segments and retry instead of
// failing, and leave nothing damaged behind.
func TestFullDiskTmpfs(t *testing.T) {
	mnt := testkit.Tmpfs(t, "8m", "TestNoSpaceSimulated covers the same path without it")
	dir := filepath.Join(mnt, "front")
	opts := Options{SegmentSize: 256 << 10, MaxSize: 64 << 20}
	s := mustOpen(t, dir, opts)
	const n = 2000 // 40 MB of 20 KB frames through an 8 MiB disk
	for seq := int64(0); seq < n; seq++ {
		if err := s.Append(mkrec(seq, 10, 20000)); err != nil {
			t.Fatalf("Append(%d) on a full disk: %v", seq, err)
		}
	}
	st := s.Stats()
	if st.NoSpace == 0 || st.EvictedSegments == 0 || st.Evicted == 0 {
		t.Fatalf("the disk never filled? %+v", st)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	t.Logf("%d ENOSPC, %d segments / %d frames evicted", st.NoSpace, st.EvictedSegments, st.Evicted)

	s = mustOpen(t, dir, opts)
	defer s.Close()
	if st := s.Stats(); st.Corrupt != 0 || st.Truncated != 0 {
		t.Fatalf("damage after a full disk: %+v", st)
	}
	recs := drain(t, s)
	if len(recs) == 0 || recs[len(recs)-1].Seq != n-1 {
		t.Fatalf("lost the newest frames: %d records", len(recs))
	}
	if recs[0].Evicted != recs[0].Seq || !recs[0].Keyframe {
		t.Fatalf("first record %d (key %v) Evicted %d", recs[0].Seq, recs[0].Keyframe, recs[0].Evicted)
	}
	checkContiguous(t, recs, -1)
	for _, r := range recs {
		checkRecord(t, r, 10, 20000)
	}
}

// diskBudget makes the spool's writes behave like a file system of the given
// size holding only the segment files: a write that would go past it writes
// what fits and fails with ENOSPC, as write(2) does.
func diskBudget(t *testing.T, dir string, budget *int64) func(f *os.File, b []byte, off int64) (int, error) {
	return func(f *os.File, b []byte, off int64) (int, error) {
		var used int64
		for _, p := range segFiles(t, dir) {
			if fi, err := os.Stat(p); err == nil {
				used += fi.Size()
			}
		}
		fi, err := f.Stat()
		if err != nil {
			return 0, err
		}
		maxEnd := *budget - used + fi.Size()
		if off+int64(len(b)) <= maxEnd {
			return f.WriteAt(b, off)
		}
		k := max(0, maxEnd-off)
		m, _ := f.WriteAt(b[:k], off)
		return m, &os.PathError{Op: "write", Path: f.Name(), Err: syscall.ENOSPC}
	}
}

func TestNoSpaceSimulated(t *testing.T) {
	dir := t.TempDir()
	opts := Options{SegmentSize: MinSegmentSize, MaxSize: 1 << 30, writeBuffer: 16 << 10}
	s := mustOpen(t, dir, opts)
	budget := int64(600 << 10)
	s.writeAt = diskBudget(t, dir, &budget)
	for seq := int64(0); seq < 2000; seq++ {
		if err := s.Append(mkrec(seq, 10, 2000)); err != nil {
			t.Fatalf("Append(%d): %v", seq, err)
		}
		if seq%97 == 0 {
			if err := s.Sync(); err != nil {
				t.Fatalf("Sync: %v", err)
			}
		}
	}
	st := s.Stats()
	if st.NoSpace == 0 || st.EvictedSegments == 0 {
		t.Fatalf("budget never hit: %+v", st)
	}
	recs := drain(t, s)
	checkContiguous(t, recs, -1)
	if recs[len(recs)-1].Seq != 1999 || recs[0].Evicted != st.Evicted {
		t.Fatalf("records %d..%d, first Evicted %d, Stats.Evicted %d", recs[0].Seq, recs[len(recs)-1].Seq, recs[0].Evicted, st.Evicted)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = mustOpen(t, dir, opts)
	defer s.Close()
	if st := s.Stats(); st.Corrupt != 0 || st.Truncated != 0 {
		t.Fatalf("partial writes left damage: %+v", st)
	}
	if got := drain(t, s); len(got) != len(recs) {
		t.Fatalf("%d records after reopen, %d before", len(got), len(recs))
	}
}

// TestNoSpaceNothingToEvict: when only the segment being written is left,
// Append reports ENOSPC, keeps what it had, and recovers once there is room.
func TestNoSpaceNothingToEvict(t *testing.T) {
	dir := t.TempDir()
	opts := Options{SegmentSize: MinSegmentSize, MaxSize: 1 << 30, writeBuffer: 16 << 10}
	s := mustOpen(t, dir, opts)
	defer s.Close()
	budget := int64(100 << 10)
	s.writeAt = diskBudget(t, dir, &budget)
	var seq int64
	var err error
	for ; seq < 1000; seq++ { // no keyframe after the first: one segment
		if err = s.Append(mkrec(seq, 1000, 2000)); err != nil {
			break
		}
	}
	if !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("Append past the disk: %v", err)
	}
	if last, _ := s.LastSeq(); last != seq-1 {
		t.Fatalf("LastSeq %d after failing %d", last, seq)
	}
	budget = 10 << 20
	if err := s.Append(mkrec(seq, 1000, 2000)); err != nil {
		t.Fatalf("Append once there is room: %v", err)
	}
	recs := drain(t, s)
	if int64(len(recs)) != seq+1 {
		t.Fatalf("%d records, want %d", len(recs), seq+1)
	}
	checkContiguous(t, recs, -1)
}

func TestEvictBySize(t *testing.T) {
	dir := t.TempDir()
	opts := Options{SegmentSize: MinSegmentSize, MaxSize: 4 * MinSegmentSize}
	s := mustOpen(t, dir, opts)
	defer s.Close()
	// GOP of 10 × 2 KB ≈ 20 KB; segments ≈ 64–84 KB.
	appendRange(t, s, 0, 1000, 10, 2000)
	st := s.Stats()
	if st.Bytes > opts.MaxSize {
		t.Fatalf("Bytes %d over MaxSize %d", st.Bytes, opts.MaxSize)
	}
	var onDisk int64
	for _, f := range segFiles(t, dir) {
		onDisk += fileSize(t, f)
	}
	if onDisk > st.Bytes {
		t.Fatalf("files hold %d bytes, Stats says %d", onDisk, st.Bytes)
	}
	if st.Evicted == 0 || st.EvictedSegments == 0 || st.EvictedPending != st.Evicted {
		t.Fatalf("stats %+v", st)
	}
	recs := drain(t, s)
	if recs[0].Evicted != recs[0].Seq || recs[0].Evicted != st.Evicted {
		t.Fatalf("first record %d carries Evicted=%d, Stats.Evicted=%d", recs[0].Seq, recs[0].Evicted, st.Evicted)
	}
	if !recs[0].Keyframe {
		t.Fatalf("after eviction the first record %d is not a keyframe", recs[0].Seq)
	}
	checkContiguous(t, recs, -1)
	if recs[len(recs)-1].Seq != 999 {
		t.Fatalf("last record %d", recs[len(recs)-1].Seq)
	}
	frames, _ := s.Len()
	if frames != int64(len(recs)) || frames+st.Evicted != 1000 {
		t.Fatalf("Len %d, drained %d, evicted %d", frames, len(recs), st.Evicted)
	}
	// Acking past the gap clears the pending count.
	s.Ack(recs[0].Seq)
	if p := s.Stats().EvictedPending; p != 0 {
		t.Fatalf("EvictedPending after ack past the gap = %d", p)
	}
}

func TestEvictionDuringDrainCountsOnlyUnreturned(t *testing.T) {
	s := mustOpen(t, t.TempDir(), Options{SegmentSize: MinSegmentSize, MaxSize: 4 * MinSegmentSize})
	defer s.Close()
	appendRange(t, s, 0, 100, 10, 2000)
	// Read and ack part of the oldest data, read a bit more (in flight).
	got := drain(t, s)[:15]
	s.Rewind()
	for range got {
		if _, _, err := s.Next(); err != nil {
			t.Fatal(err)
		}
	}
	s.Ack(9)
	appendRange(t, s, 100, 400, 10, 2000) // evicts everything up to some GOP
	recs := drain(t, s)
	checkContiguous(t, recs, 14) // gap counted from the last returned record
	s.Rewind()
	recs = drain(t, s)
	checkContiguous(t, recs, 9) // after Rewind, from the last acked one
	if recs[0].Evicted != recs[0].Seq-10 {
		t.Fatalf("after Rewind: first record %d Evicted %d", recs[0].Seq, recs[0].Evicted)
	}
	if st := s.Stats(); st.Evicted != recs[0].Seq-10 {
		t.Fatalf("Stats.Evicted %d, want %d (frames 0–9 were acked)", st.Evicted, recs[0].Seq-10)
	}
}

func TestEvictByAge(t *testing.T) {
	dir := t.TempDir()
	now := baseTime
	opts := smallOpts()
	opts.MaxAge = time.Minute
	opts.Now = func() time.Time { return now }
	s := mustOpen(t, dir, opts)
	// 30 fps, keyframe every 30: capture times span 10 s.
	appendRange(t, s, 0, 300, 30, 5000)
	if st := s.Stats(); st.Evicted != 0 {
		t.Fatalf("evicted %d young frames", st.Evicted)
	}
	now = baseTime.Add(time.Minute + 5*time.Second) // frames before 5 s are too old
	appendRange(t, s, 300, 301, 30, 5000)
	st := s.Stats()
	if st.Evicted == 0 {
		t.Fatal("nothing evicted by age")
	}
	if st.OldestCapture.Before(baseTime.Add(4 * time.Second)) {
		t.Fatalf("oldest remaining capture %v is older than MaxAge allows", st.OldestCapture)
	}
	recs := drain(t, s)
	if recs[0].Evicted != recs[0].Seq || recs[0].Evicted != st.Evicted {
		t.Fatalf("first record %d Evicted=%d, Stats.Evicted=%d", recs[0].Seq, recs[0].Evicted, st.Evicted)
	}
	checkContiguous(t, recs, -1)
	s.Close()

	// Age is enforced on Open too; the segment being written stays.
	now = baseTime.Add(time.Hour)
	s = mustOpen(t, dir, opts)
	defer s.Close()
	st = s.Stats()
	if st.Segments != 1 || st.NewestSeq != 300 {
		t.Fatalf("after Open an hour later: %+v", st)
	}
	recs = drain(t, s)
	if len(recs) == 0 || recs[0].Evicted != recs[0].Seq {
		t.Fatalf("after reopen: first record %+v", recs[0])
	}
}

func TestEvictedCountSurvivesReopen(t *testing.T) {
	dir := t.TempDir()
	opts := Options{SegmentSize: MinSegmentSize, MaxSize: 4 * MinSegmentSize}
	s := mustOpen(t, dir, opts)
	appendRange(t, s, 0, 500, 10, 2000)
	evicted := s.Stats().Evicted
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	info, err := Inspect(dir)
	if err != nil || info.EvictedPending != evicted {
		t.Fatalf("Inspect: pending %d, want %d (%v)", info.EvictedPending, evicted, err)
	}
	s = mustOpen(t, dir, opts)
	defer s.Close()
	if last, _ := s.LastSeq(); last != 499 {
		t.Fatalf("LastSeq %d", last)
	}
	recs := drain(t, s)
	if recs[0].Evicted != evicted || recs[0].Seq != evicted {
		t.Fatalf("after reopen first record %d Evicted %d, want %d", recs[0].Seq, recs[0].Evicted, evicted)
	}
	checkContiguous(t, recs, -1)
	// DiscardThrough past the gap (Kafka has it) trims the log.
	s.DiscardThrough(recs[0].Seq)
	s.Close()
	if info, _ := Inspect(dir); info.EvictedPending != 0 {
		t.Fatalf("eviction log not trimmed: %d", info.EvictedPending)
	}
}
