package spool

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// payloadFor returns n deterministic bytes for seq, so a record read back can
// be checked without keeping what was written.
func payloadFor(seq int64, n int) []byte {
	b := make([]byte, n)
	x := uint64(seq)*0x9E3779B97F4A7C15 + 1
	for i := 0; i < n; i += 8 {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		var w [8]byte
		binary.LittleEndian.PutUint64(w[:], x)
		copy(b[i:], w[:])
	}
	return b
}

var baseTime = time.Date(2025, 3, 1, 12, 0, 0, 123456789, time.UTC)

// mkrec makes the record for seq: keyframe every keyEvery frames.
func mkrec(seq int64, keyEvery int64, size int) Record {
	return Record{
		Seq:      seq,
		Keyframe: seq%keyEvery == 0,
		PTS:      time.Duration(seq) * 33333333,
		DTS:      time.Duration(seq)*33333333 - 66666666,
		Capture:  baseTime.Add(time.Duration(seq) * 33333333),
		Payload:  payloadFor(seq, size),
	}
}

func mustOpen(t testing.TB, dir string, opts Options) *Spool {
	t.Helper()
	s, err := Open(dir, opts)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return s
}

func appendRange(t testing.TB, s *Spool, from, to int64, keyEvery int64, size int) {
	t.Helper()
	for seq := from; seq < to; seq++ {
		if err := s.Append(mkrec(seq, keyEvery, size)); err != nil {
			t.Fatalf("Append(%d): %v", seq, err)
		}
	}
}

// drain calls Next until it reports ok=false.
func drain(t testing.TB, s *Spool) []Record {
	t.Helper()
	var out []Record
	for {
		r, ok, err := s.Next()
		if err != nil {
			t.Fatalf("Next: %v", err)
		}
		if !ok {
			return out
		}
		out = append(out, r)
	}
}

// checkRecord verifies r is exactly what mkrec(r.Seq, keyEvery, size) made.
func checkRecord(t testing.TB, r Record, keyEvery int64, size int) {
	t.Helper()
	want := mkrec(r.Seq, keyEvery, size)
	if r.Keyframe != want.Keyframe || r.PTS != want.PTS || r.DTS != want.DTS || !r.Capture.Equal(want.Capture) {
		t.Fatalf("record %d: got key=%v pts=%v dts=%v cap=%v, want key=%v pts=%v dts=%v cap=%v",
			r.Seq, r.Keyframe, r.PTS, r.DTS, r.Capture, want.Keyframe, want.PTS, want.DTS, want.Capture)
	}
	if !bytes.Equal(r.Payload, want.Payload) {
		t.Fatalf("record %d: payload differs (len %d, want %d)", r.Seq, len(r.Payload), len(want.Payload))
	}
}

// checkContiguous verifies recs are in order and every gap equals Evicted.
func checkContiguous(t testing.TB, recs []Record, prev int64) {
	t.Helper()
	for _, r := range recs {
		if gap := r.Seq - prev - 1; gap != r.Evicted {
			t.Fatalf("record %d after %d: gap %d but Evicted=%d", r.Seq, prev, gap, r.Evicted)
		}
		prev = r.Seq
	}
}

// tb is what the helpers need of testing.TB and *rapid.T.
type tb interface {
	Helper()
	Fatal(args ...any)
	Fatalf(format string, args ...any)
}

func segFiles(t tb, dir string) []string {
	t.Helper()
	names, _, err := listSegments(dir)
	if err != nil {
		t.Fatal(err)
	}
	for i := range names {
		names[i] = filepath.Join(dir, names[i])
	}
	return names
}

func fileSize(t tb, path string) int64 {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Size()
}

// recordOffsets lists the offsets and sizes of the verified records of a segment file.
func recordOffsets(t testing.TB, path string) (offs, sizes []int64, seqs []int64, keys []bool) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fi, _ := f.Stat()
	_, err = scanSegment(f, fi.Size(), -1, func(h *recHeader, _ []byte, off int64) {
		offs = append(offs, off)
		sizes = append(sizes, h.size)
		seqs = append(seqs, h.seq)
		keys = append(keys, h.keyframe)
	})
	if err != nil {
		t.Fatal(err)
	}
	return
}

// smallOpts is a spool with 64 KiB segments.
func smallOpts() Options {
	return Options{SegmentSize: MinSegmentSize, MaxSize: 1 << 30}
}

func seqsOf(recs []Record) []int64 {
	out := make([]int64, len(recs))
	for i, r := range recs {
		out[i] = r.Seq
	}
	return out
}
