package spool

import (
	"bytes"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

func TestRewind(t *testing.T) {
	s := mustOpen(t, t.TempDir(), smallOpts())
	defer s.Close()
	appendRange(t, s, 0, 100, 30, 3000)
	first := drain(t, s)
	s.Ack(41)
	if _, ok, _ := s.Next(); ok {
		t.Fatal("Next returned a record twice without Rewind")
	}
	select {
	case <-s.Ready():
	default:
	}
	s.Rewind()
	select {
	case <-s.Ready():
	default:
		t.Fatal("Rewind did not signal Ready")
	}
	again := drain(t, s)
	if len(again) != 58 || again[0].Seq != 42 {
		t.Fatalf("after Rewind got %d records from %d", len(again), again[0].Seq)
	}
	for i, r := range again {
		if !bytes.Equal(r.Payload, first[42+i].Payload) || r.Evicted != 0 {
			t.Fatalf("record %d differs after Rewind", r.Seq)
		}
	}
	// Rewind with everything acked: nothing.
	s.Ack(99)
	s.Rewind()
	if _, ok, _ := s.Next(); ok {
		t.Fatal("record returned after everything was acked")
	}
	if f, _ := s.Len(); f != 0 {
		t.Fatalf("Len = %d", f)
	}
}

func TestAckDeletesDeliveredSegments(t *testing.T) {
	dir := t.TempDir()
	s := mustOpen(t, dir, smallOpts())
	defer s.Close()
	appendRange(t, s, 0, 300, 30, 5000) // 10 GOPs of 150 KB: 10 segments
	if n := len(segFiles(t, dir)); n != 10 {
		t.Fatalf("%d segments", n)
	}
	s.Ack(59)
	if files := segFiles(t, dir); len(files) != 8 || filepath.Base(files[0]) != segName(60) {
		t.Fatalf("after Ack(59): %v", files)
	}
	s.Ack(75) // inside a segment: it stays
	if n := len(segFiles(t, dir)); n != 8 {
		t.Fatalf("after Ack(75): %d segments", n)
	}
	if f, _ := s.Len(); f != 300-76 {
		t.Fatalf("Len %d", f)
	}
	recs := drain(t, s)
	if recs[0].Seq != 76 {
		t.Fatalf("Next after Ack starts at %d", recs[0].Seq)
	}
	// Fully delivered: the active segment is past the segment size, so it
	// goes too, and the next frame starts a fresh one.
	s.Ack(299)
	if n := len(segFiles(t, dir)); n != 0 {
		t.Fatalf("after acking everything: %d segments", n)
	}
	if st := s.Stats(); st.Bytes != 0 || st.Segments != 0 || st.Acked != 300 {
		t.Fatalf("stats %+v", st)
	}
	appendRange(t, s, 300, 301, 30, 10)
	if files := segFiles(t, dir); len(files) != 1 || filepath.Base(files[0]) != segName(300) {
		t.Fatalf("new segment: %v", files)
	}
	if r, ok, _ := s.Next(); !ok || r.Seq != 300 {
		t.Fatalf("Next: %v %v", r.Seq, ok)
	}
}

func TestSmallActiveSegmentKeptUntilClose(t *testing.T) {
	dir := t.TempDir()
	s := mustOpen(t, dir, Options{})
	appendRange(t, s, 0, 10, 30, 100)
	drain(t, s)
	s.Ack(9) // small active segment: kept (no create/delete per frame)
	if n := len(segFiles(t, dir)); n != 1 {
		t.Fatalf("%d segments", n)
	}
	if f, b := s.Len(); f != 0 || b != 0 {
		t.Fatalf("Len %d %d", f, b)
	}
	s.Close() // fully delivered: removed
	if n := len(segFiles(t, dir)); n != 0 {
		t.Fatalf("after Close: %d segments", n)
	}
}

func TestDiscardThroughAfterRestart(t *testing.T) {
	dir := t.TempDir()
	s := mustOpen(t, dir, smallOpts())
	appendRange(t, s, 0, 200, 30, 4000)
	s.Close()

	s = mustOpen(t, dir, smallOpts())
	if last, ok := s.LastSeq(); !ok || last != 199 {
		t.Fatalf("LastSeq %d %v", last, ok)
	}
	s.DiscardThrough(120) // Kafka already has 0..120
	recs := drain(t, s)
	if len(recs) != 79 || recs[0].Seq != 121 || recs[0].Evicted != 0 {
		t.Fatalf("after DiscardThrough: %d records from %d", len(recs), recs[0].Seq)
	}
	if st := s.Stats(); st.OldestSeq != 120 { // segment starting at 120 still needed
		t.Fatalf("OldestSeq %d", st.OldestSeq)
	}
	s.DiscardThrough(500) // Kafka is ahead of us: everything goes, active included
	if n := len(segFiles(t, dir)); n != 0 {
		t.Fatalf("%d segments left", n)
	}
	if last, ok := s.LastSeq(); !ok || last != 199 {
		t.Fatalf("LastSeq after discarding all: %d %v", last, ok)
	}
	// Appending at or below an acked seq is allowed (seqs only have to grow)
	// but such a frame is already delivered.
	appendRange(t, s, 200, 210, 30, 10)
	if f, _ := s.Len(); f != 0 {
		t.Fatalf("Len %d", f)
	}
	if _, ok, _ := s.Next(); ok {
		t.Fatal("Next returned a discarded frame")
	}
	s.Close()
}

func TestPayloadNotAliased(t *testing.T) {
	s := mustOpen(t, t.TempDir(), Options{SegmentSize: MinSegmentSize, MaxSize: 4 * MinSegmentSize, writeBuffer: 8192})
	defer s.Close()
	in := payloadFor(1, 3000)
	keep := bytes.Clone(in)
	if err := s.Append(Record{Seq: 1, Keyframe: true, Payload: in}); err != nil {
		t.Fatal(err)
	}
	clear(in) // the caller reuses its buffer: the spool copied it
	r1, _, _ := s.Next()
	got := bytes.Clone(r1.Payload)
	if !bytes.Equal(got, keep) {
		t.Fatal("Append did not copy the payload")
	}
	// Push enough through buffer, window and eviction to reuse every
	// internal buffer, reading as we go.
	for seq := int64(2); seq < 400; seq++ {
		appendRange(t, s, seq, seq+1, 10, 3000)
		if _, _, err := s.Next(); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(r1.Payload, got) {
		t.Fatal("payload returned by Next changed later: it aliases an internal buffer")
	}
}

func TestConcurrentAppendAndDrain(t *testing.T) {
	s := mustOpen(t, t.TempDir(), Options{SegmentSize: MinSegmentSize, MaxSize: 1 << 30, FsyncInterval: time.Millisecond})
	defer s.Close()
	const n = 3000
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for seq := int64(0); seq < n; seq++ {
			if err := s.Append(mkrec(seq, 30, 1000)); err != nil {
				t.Error(err)
				return
			}
		}
	}()
	next := int64(0)
	timeout := time.After(2 * time.Minute) // an outer bound
	for next < n {
		r, ok, err := s.Next()
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			select {
			case <-s.Ready():
			case <-timeout:
				t.Fatalf("stuck at %d", next)
			}
			continue
		}
		if r.Seq != next {
			t.Fatalf("got %d want %d", r.Seq, next)
		}
		checkRecord(t, r, 30, 1000)
		if next%7 == 0 {
			s.Ack(r.Seq)
		}
		next++
	}
	wg.Wait()
}

func TestAppendSent(t *testing.T) {
	s := mustOpen(t, t.TempDir(), smallOpts())
	defer s.Close()
	appendRange(t, s, 0, 5, 5, 1000)
	if err := s.AppendSent(mkrec(5, 5, 1000)); err == nil {
		t.Fatal("AppendSent with unread records before it succeeded")
	}
	if last, _ := s.LastSeq(); last != 4 {
		t.Fatalf("a refused AppendSent appended: last seq %d", last)
	}
	if got := drain(t, s); len(got) != 5 {
		t.Fatalf("drained %d records, want 5", len(got))
	}
	for seq := int64(5); seq < 8; seq++ {
		if err := s.AppendSent(mkrec(seq, 5, 1000)); err != nil {
			t.Fatal(err)
		}
	}
	if got := drain(t, s); len(got) != 0 {
		t.Fatalf("Next returned %d records appended as handed out", len(got))
	}
	appendRange(t, s, 8, 9, 5, 1000)
	if got := drain(t, s); len(got) != 1 || got[0].Seq != 8 {
		t.Fatalf("after AppendSent, Next returned %v", seqsOf(got))
	}
	// Not acked: a Rewind returns them like every other record.
	s.Rewind()
	got := drain(t, s)
	checkContiguous(t, got, -1)
	if len(got) != 9 {
		t.Fatalf("after Rewind: %v", seqsOf(got))
	}
	for _, r := range got {
		checkRecord(t, r, 5, 1000)
	}
}

// TestEvictedInFlightThenAcked: frames evicted after Next returned them are
// not counted as evicted when the caller then acks them (Kafka had them);
// they are when a Rewind gives up on them.
func TestEvictedInFlightThenAcked(t *testing.T) {
	for _, acked := range []bool{true, false} {
		s := mustOpen(t, t.TempDir(), Options{SegmentSize: MinSegmentSize, MaxSize: 4 * MinSegmentSize})
		appendRange(t, s, 0, 100, 10, 2000)
		for range 15 {
			if _, _, err := s.Next(); err != nil {
				t.Fatal(err)
			}
		}
		appendRange(t, s, 100, 400, 10, 2000) // evicts the oldest GOPs, 0–14 among them
		st := s.Stats()
		if st.EvictedInFlight != 15 {
			t.Fatalf("EvictedInFlight %d, want 15", st.EvictedInFlight)
		}
		before := st.Evicted
		if acked {
			s.Ack(14)
		} else {
			s.Rewind()
		}
		st = s.Stats()
		want := before
		if !acked {
			want += 15
		}
		if st.Evicted != want || st.EvictedInFlight != 0 {
			t.Fatalf("acked %v: Evicted %d (want %d), EvictedInFlight %d", acked, st.Evicted, want, st.EvictedInFlight)
		}
		s.Close()
	}
}

// TestClockUnsyncedKept: the flag of a frame captured before the clock was
// synchronised survives the spool (and a reopen), for the edgecam-clock
// header of a frame delivered late.
func TestClockUnsyncedKept(t *testing.T) {
	dir := t.TempDir()
	s := mustOpen(t, dir, smallOpts())
	for seq := int64(0); seq < 4; seq++ {
		r := mkrec(seq, 2, 500)
		r.ClockUnsynced = seq%2 == 1
		if err := s.Append(r); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	s = mustOpen(t, dir, smallOpts())
	defer s.Close()
	got := drain(t, s)
	if len(got) != 4 {
		t.Fatalf("%d records", len(got))
	}
	for _, r := range got {
		if r.ClockUnsynced != (r.Seq%2 == 1) {
			t.Errorf("seq %d: ClockUnsynced %v", r.Seq, r.ClockUnsynced)
		}
		checkRecord(t, r, 2, 500)
	}
}

// TestH265Kept: the codec bit of each frame survives the spool and a
// reopen, independent of the clock bit, for the edgecam-codec header of a
// frame delivered late (frames spooled before the stream's codec changed
// keep theirs).
func TestH265Kept(t *testing.T) {
	dir := t.TempDir()
	s := mustOpen(t, dir, smallOpts())
	for seq := int64(0); seq < 6; seq++ {
		r := mkrec(seq, 2, 500)
		r.H265 = seq >= 3
		r.ClockUnsynced = seq%2 == 1
		if err := s.Append(r); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	s = mustOpen(t, dir, smallOpts())
	defer s.Close()
	got := drain(t, s)
	if len(got) != 6 {
		t.Fatalf("%d records", len(got))
	}
	for _, r := range got {
		if r.H265 != (r.Seq >= 3) || r.ClockUnsynced != (r.Seq%2 == 1) {
			t.Errorf("seq %d: H265 %v, ClockUnsynced %v", r.Seq, r.H265, r.ClockUnsynced)
		}
		checkRecord(t, r, 2, 500)
	}
}
