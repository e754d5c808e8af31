package spool

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/edgecam/edgecam/internal/testkit"
)

func TestRoundTripAcrossSegmentsAndBuffer(t *testing.T) {
	dir := t.TempDir()
	s := mustOpen(t, dir, smallOpts())
	defer s.Close()
	appendRange(t, s, 0, 300, 30, 3000) // ~900 KB: many segments, tail still buffered
	if n := len(segFiles(t, dir)); n < 5 {
		t.Fatalf("got %d segments, want several", n)
	}
	recs := drain(t, s)
	if len(recs) != 300 {
		t.Fatalf("got %d records, want 300", len(recs))
	}
	for i, r := range recs {
		if r.Seq != int64(i) || r.Evicted != 0 {
			t.Fatalf("record %d: seq %d evicted %d", i, r.Seq, r.Evicted)
		}
		checkRecord(t, r, 30, 3000)
	}
	// Caught up, then a new frame shows up without any Sync.
	appendRange(t, s, 300, 301, 30, 10)
	r, ok, err := s.Next()
	if err != nil || !ok || r.Seq != 300 {
		t.Fatalf("Next after catching up: %v %v %v", r.Seq, ok, err)
	}
	if frames, _ := s.Len(); frames != 301 {
		t.Fatalf("Len frames = %d, want 301 (nothing acked)", frames)
	}
}

func TestRecordFieldsPreserved(t *testing.T) {
	s := mustOpen(t, t.TempDir(), Options{})
	defer s.Close()
	in := []Record{
		{Seq: 0, Keyframe: true, PTS: -5, DTS: -1 << 62, Capture: time.Unix(1700000000, 999999999).UTC(), Payload: []byte{}},
		{Seq: 7, PTS: 1<<63 - 1, Capture: time.Time{}, Payload: []byte("x")},
		{Seq: 1 << 40, Capture: time.Unix(0, 1), Payload: bytes.Repeat([]byte{0}, 1000)},
	}
	for _, r := range in {
		if err := s.Append(r); err != nil {
			t.Fatal(err)
		}
	}
	out := drain(t, s)
	if len(out) != len(in) {
		t.Fatalf("got %d records", len(out))
	}
	for i := range in {
		a, b := in[i], out[i]
		if a.Seq != b.Seq || a.Keyframe != b.Keyframe || a.PTS != b.PTS || a.DTS != b.DTS ||
			!a.Capture.Equal(b.Capture) || a.Capture.IsZero() != b.Capture.IsZero() || !bytes.Equal(a.Payload, b.Payload) {
			t.Errorf("record %d: wrote %+v, read %+v", i, a, b)
		}
	}
}

func TestAppendRejects(t *testing.T) {
	s := mustOpen(t, t.TempDir(), Options{})
	appendRange(t, s, 5, 6, 1, 10)
	for _, tc := range []struct {
		name string
		r    Record
		want string
	}{
		{"same seq", Record{Seq: 5}, "not above the last appended seq 5"},
		{"lower seq", Record{Seq: 4}, "not above"},
		{"negative", Record{Seq: -1}, "must not be negative"},
		{"too big", Record{Seq: 9, Payload: make([]byte, MaxPayload+1)}, "exceeds the maximum"},
	} {
		if err := s.Append(tc.r); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got %v, want error containing %q", tc.name, err, tc.want)
		}
	}
	if last, ok := s.LastSeq(); !ok || last != 5 {
		t.Fatalf("LastSeq = %d %v after rejected appends", last, ok)
	}
	s.Close()
	if err := s.Append(Record{Seq: 10}); !errors.Is(err, ErrClosed) {
		t.Fatalf("Append after Close: %v", err)
	}
	if _, _, err := s.Next(); !errors.Is(err, ErrClosed) {
		t.Fatalf("Next after Close: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("second Close: %v", err)
	}
}

func TestOptionsValidation(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		o    Options
		want string
	}{
		{Options{SegmentSize: 1000}, "below the minimum"},
		{Options{SegmentSize: 1 << 20, MaxSize: 1 << 20}, "at least twice"},
		{Options{MaxAge: -1}, "negative max age"},
		{Options{Fsync: 7}, "unknown fsync policy"},
		{Options{FsyncInterval: -time.Second}, "negative fsync interval"},
	} {
		if _, err := Open(dir, tc.o); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: got %v, want %q", tc.o, err, tc.want)
		}
	}
	if FsyncKeyframe.String() != "keyframe" || Fsync(9).String() != "Fsync(9)" {
		t.Error("Fsync.String")
	}
}

func TestRotationOnlyAtKeyframes(t *testing.T) {
	dir := t.TempDir()
	s := mustOpen(t, dir, smallOpts())
	// 20 KB frames, keyframe every 30: a GOP is ~600 KB, ten times the
	// segment size, so every segment is one whole GOP.
	appendRange(t, s, 0, 200, 30, 20000)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	files := segFiles(t, dir)
	if len(files) != 7 { // GOPs starting at 0,30,...,180
		t.Fatalf("got %d segments, want 7", len(files))
	}
	for i, f := range files {
		_, _, seqs, keys := recordOffsets(t, f)
		if !keys[0] {
			t.Errorf("%s starts with a non-keyframe (seq %d)", f, seqs[0])
		}
		if want := filepath.Base(f); want != segName(seqs[0]) {
			t.Errorf("%s: first seq %d", f, seqs[0])
		}
		for j := 1; j < len(keys); j++ {
			if keys[j] {
				t.Errorf("%s: keyframe %d inside a segment that had reached the segment size", f, seqs[j])
			}
		}
		if i < len(files)-1 && fileSize(t, f) < MinSegmentSize {
			t.Errorf("%s sealed below the segment size", f)
		}
	}

	// Without keyframes nothing rotates: one segment grows past the size.
	dir2 := t.TempDir()
	s2 := mustOpen(t, dir2, smallOpts())
	appendRange(t, s2, 1, 100, 1000, 5000)
	s2.Close()
	if files := segFiles(t, dir2); len(files) != 1 || fileSize(t, files[0]) < 400000 {
		t.Fatalf("without keyframes: %d segments", len(files))
	}
}

func TestReopenContinues(t *testing.T) {
	dir := t.TempDir()
	s := mustOpen(t, dir, smallOpts())
	appendRange(t, s, 0, 50, 30, 4000)
	s.Close()
	s = mustOpen(t, dir, smallOpts())
	if last, ok := s.LastSeq(); !ok || last != 49 {
		t.Fatalf("LastSeq %d %v", last, ok)
	}
	if err := s.Append(mkrec(49, 30, 10)); err == nil {
		t.Fatal("append of an old seq accepted after reopen")
	}
	// Reserved gap after restart (seq jumps): no Evicted reported for it.
	appendRange(t, s, 1000, 1040, 30, 4000)
	s.Close()
	s = mustOpen(t, dir, smallOpts())
	defer s.Close()
	recs := drain(t, s)
	if len(recs) != 90 {
		t.Fatalf("%d records", len(recs))
	}
	for i, r := range recs {
		want := int64(i)
		if i >= 50 {
			want = int64(i) + 950
		}
		if r.Seq != want || r.Evicted != 0 {
			t.Fatalf("record %d: seq %d evicted %d", i, r.Seq, r.Evicted)
		}
		checkRecord(t, r, 30, 4000)
	}
	if st := s.Stats(); st.Corrupt != 0 || st.Truncated != 0 {
		t.Fatalf("clean reopen reported damage: %+v", st)
	}
}

func TestLargePayloadBypassesBuffer(t *testing.T) {
	dir := t.TempDir()
	s := mustOpen(t, dir, Options{writeBuffer: 4096})
	for seq, n := range []int{100, 10000, 50, 3 << 20, 4000, 0} {
		if err := s.Append(Record{Seq: int64(seq), Keyframe: true, Payload: payloadFor(int64(seq), n)}); err != nil {
			t.Fatal(err)
		}
	}
	check := func(recs []Record) {
		t.Helper()
		if len(recs) != 6 {
			t.Fatalf("%d records", len(recs))
		}
		for _, r := range recs {
			if !bytes.Equal(r.Payload, payloadFor(r.Seq, len(r.Payload))) {
				t.Fatalf("record %d damaged", r.Seq)
			}
		}
	}
	check(drain(t, s))
	s.Close()
	s = mustOpen(t, dir, Options{})
	defer s.Close()
	check(drain(t, s))
}

func TestFsyncPolicies(t *testing.T) {
	for _, tc := range []struct {
		policy Fsync
		want   int64 // fsyncs for 60 frames, keyframe every 30
	}{
		{FsyncAlways, 60},
		{FsyncKeyframe, 2},
	} {
		s := mustOpen(t, t.TempDir(), Options{Fsync: tc.policy})
		appendRange(t, s, 0, 60, 30, 100)
		if got := s.Stats().Syncs; got != tc.want {
			t.Errorf("%v: %d fsyncs, want %d", tc.policy, got, tc.want)
		}
		s.Close()
	}
	// Interval: nothing synchronous (the timer is an hour away, so however
	// long the appends take, a sync would be Append's own)...
	s := mustOpen(t, t.TempDir(), Options{FsyncInterval: time.Hour})
	appendRange(t, s, 0, 60, 30, 100)
	if got := s.Stats().Syncs; got != 0 {
		t.Fatalf("interval policy synced inside Append (%d)", got)
	}
	s.Close()
	// ... and the timer syncs everything shortly after: the test waits for
	// that, however late the timer fires (it may even fire between the
	// appends, and once more after them).
	s = mustOpen(t, t.TempDir(), Options{FsyncInterval: 20 * time.Millisecond})
	defer s.Close()
	appendRange(t, s, 0, 60, 30, 100)
	state := func() (synced, written int64, buffered int) {
		s.mu.Lock()
		defer s.mu.Unlock()
		return s.w.seg.synced, s.w.fileOff, len(s.w.buf)
	}
	testkit.Wait(t, "the interval timer's fsync of every frame appended", time.Minute, 5*time.Millisecond, func() bool {
		synced, written, buffered := state()
		return synced == written && buffered == 0
	})
	if synced, written, buffered := state(); synced < 60*145 || s.Stats().Syncs == 0 {
		t.Fatalf("after the timer: synced %d written %d buffered %d, %d fsyncs", synced, written, buffered, s.Stats().Syncs)
	}
}

func TestCrashKeepsSyncedFrames(t *testing.T) {
	dir := t.TempDir()
	opts := Options{FsyncInterval: time.Hour, writeBuffer: 16 << 10}
	s := mustOpen(t, dir, opts)
	appendRange(t, s, 0, 100, 30, 2000)
	if err := s.Sync(); err != nil {
		t.Fatal(err)
	}
	appendRange(t, s, 100, 150, 30, 2000) // written, not synced (or still buffered)
	files := s.crash()
	if len(files) != 1 || files[0].synced == files[0].written {
		t.Fatalf("crash reported %+v", files)
	}
	if err := os.Truncate(files[0].path, files[0].synced); err != nil {
		t.Fatal(err)
	}
	s = mustOpen(t, dir, opts)
	defer s.Close()
	if last, _ := s.LastSeq(); last != 99 {
		t.Fatalf("LastSeq after crash %d, want 99", last)
	}
	recs := drain(t, s)
	if len(recs) != 100 {
		t.Fatalf("%d records", len(recs))
	}
	if st := s.Stats(); st.Truncated != 0 || st.Corrupt != 0 {
		t.Fatalf("%+v", st)
	}
}

// TestOnDiskOverhead pins the figure in doc.go: 45 bytes per frame and 16
// per segment, so an hour of a 4 Mbit/s, 30 fps outage takes 1.8 GB of
// payload plus 4.86 MB of headers.
func TestOnDiskOverhead(t *testing.T) {
	dir := t.TempDir()
	s := mustOpen(t, dir, Options{})
	const frames, size = 90, 16667 // 4 Mbit/s at 30 fps ≈ 16.7 KB a frame
	appendRange(t, s, 0, frames, 30, size)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if got, want := fileSize(t, segFiles(t, dir)[0]), int64(segHeaderSize+frames*(recHeaderSize+size)); got != want {
		t.Fatalf("%d bytes on disk, want %d", got, want)
	}
	perHour := int64(4e6/8*3600) + 30*3600*recHeaderSize
	if perHour != 1_804_860_000 {
		t.Fatalf("per hour %d", perHour)
	}
}
