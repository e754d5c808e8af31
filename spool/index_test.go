package spool

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// segSummary is what Open keeps of a segment, for comparing the index path
// with the scan.
type segSummary struct {
	path                     string
	size, records, keyframes int64
	firstSeq, lastSeq        int64
	firstCap, lastCap        int64
	seqs                     string
}

func summaries(s *Spool) []segSummary {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []segSummary
	for _, g := range s.segs {
		out = append(out, segSummary{g.path, g.size, g.records, g.keyframes, g.firstSeq, g.lastSeq, g.firstCap, g.lastCap, fmtRuns(g.seqs)})
	}
	return out
}

func fmtRuns(rs runs) string {
	var b []byte
	for _, r := range rs {
		b = binary.AppendVarint(b, r.first)
		b = binary.AppendVarint(b, r.n)
	}
	return string(b)
}

// indexedSpool writes a spool of several sealed segments with seq gaps (so
// the runs are more than one) and returns its directory and segment files.
func indexedSpool(t *testing.T) (string, []string) {
	t.Helper()
	dir := t.TempDir()
	s := mustOpen(t, dir, smallOpts())
	appendRange(t, s, 0, 100, 10, 3000)
	appendRange(t, s, 140, 200, 10, 3000) // a gap inside a segment
	appendRange(t, s, 200, 235, 5, 3000)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	files := segFiles(t, dir)
	idx, _ := filepath.Glob(filepath.Join(dir, "*.idx"))
	if len(files) < 5 || len(idx) != len(files)-1 {
		t.Fatalf("%d segments, %d indexes: want at least 5 and an index for each sealed one", len(files), len(idx))
	}
	return dir, files
}

// TestIndexMatchesScan: Open from the indexes knows exactly what Open from
// a scan of every segment knows, and returns the same records.
func TestIndexMatchesScan(t *testing.T) {
	dir, files := indexedSpool(t)
	scanDir := t.TempDir()
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		must(t, os.WriteFile(filepath.Join(scanDir, filepath.Base(f)), b, 0o640))
	}

	a := mustOpen(t, dir, smallOpts())
	defer a.Close()
	b := mustOpen(t, scanDir, smallOpts())
	defer b.Close()
	sa, sb := a.Stats(), b.Stats()
	if sa.IndexedAtOpen != len(files)-1 || sa.ScannedAtOpen != 1 || sb.IndexedAtOpen != 0 || sb.ScannedAtOpen != len(files) {
		t.Fatalf("indexed/scanned: %d/%d with indexes, %d/%d without", sa.IndexedAtOpen, sa.ScannedAtOpen, sb.IndexedAtOpen, sb.ScannedAtOpen)
	}
	ga, gb := summaries(a), summaries(b)
	for i := range ga {
		gb[i].path = ga[i].path
	}
	if !slices.Equal(ga, gb) {
		t.Fatalf("segments from the indexes:\n%+v\nfrom the scan:\n%+v", ga, gb)
	}
	sa.IndexedAtOpen, sa.ScannedAtOpen, sb.IndexedAtOpen, sb.ScannedAtOpen = 0, 0, 0, 0
	if sa != sb {
		t.Fatalf("Stats with indexes %+v\nwithout %+v", sa, sb)
	}
	ra, rb := drain(t, a), drain(t, b)
	if !slices.Equal(seqsOf(ra), seqsOf(rb)) || len(ra) != 195 {
		t.Fatalf("%d records with indexes, %d without", len(ra), len(rb))
	}
	for _, r := range ra {
		checkRecord(t, r, map[bool]int64{true: 5, false: 10}[r.Seq >= 200], 3000)
	}
	if a.Stats().Corrupt != 0 {
		t.Fatalf("Corrupt %d", a.Stats().Corrupt)
	}
}

// TestIndexNotTrusted: an index that is torn, damaged, of another version,
// stale or inconsistent is ignored, and the segment scanned.
func TestIndexNotTrusted(t *testing.T) {
	reCRC := func(b []byte) []byte {
		binary.LittleEndian.PutUint32(b[len(b)-4:], crc32.Checksum(b[:len(b)-4], crcTable))
		return b
	}
	for _, tc := range []struct {
		name   string
		damage func(t *testing.T, idx, seg string, b []byte)
	}{
		{"empty", func(t *testing.T, idx, _ string, b []byte) { must(t, os.WriteFile(idx, nil, 0o640)) }},
		{"torn", func(t *testing.T, idx, _ string, b []byte) { must(t, os.WriteFile(idx, b[:len(b)-7], 0o640)) }},
		{"zeros", func(t *testing.T, idx, _ string, b []byte) { must(t, os.WriteFile(idx, make([]byte, len(b)), 0o640)) }},
		{"bit flip", func(t *testing.T, idx, _ string, b []byte) { b[40] ^= 4; must(t, os.WriteFile(idx, b, 0o640)) }},
		{"other version", func(t *testing.T, idx, _ string, b []byte) {
			binary.LittleEndian.PutUint32(b[8:], 2)
			must(t, os.WriteFile(idx, reCRC(b), 0o640))
		}},
		{"records do not add up", func(t *testing.T, idx, _ string, b []byte) {
			binary.LittleEndian.PutUint64(b[32:], binary.LittleEndian.Uint64(b[32:])+1)
			must(t, os.WriteFile(idx, reCRC(b), 0o640))
		}},
		{"segment touched (mtime)", func(t *testing.T, _, seg string, _ []byte) {
			fi, _ := os.Stat(seg)
			must(t, os.Chtimes(seg, fi.ModTime(), fi.ModTime().Add(time.Second)))
		}},
		{"segment grew", func(t *testing.T, _, seg string, _ []byte) {
			fi, _ := os.Stat(seg)
			appendToFile(t, seg, make([]byte, 100)) // damage: counted by the scan
			must(t, os.Chtimes(seg, fi.ModTime(), fi.ModTime()))
		}},
		{"another segment's index", func(t *testing.T, idx, seg string, _ []byte) {
			other := filepath.Join(filepath.Dir(seg), segName(0))
			b, err := os.ReadFile(idxName(other))
			if err != nil {
				t.Fatal(err)
			}
			must(t, os.WriteFile(idx, b, 0o640))
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir, files := indexedSpool(t)
			seg := files[2]
			b, err := os.ReadFile(idxName(seg))
			if err != nil {
				t.Fatal(err)
			}
			tc.damage(t, idxName(seg), seg, b)
			s := mustOpen(t, dir, smallOpts())
			defer s.Close()
			st := s.Stats()
			if st.IndexesIgnored != 1 || st.IndexedAtOpen != len(files)-2 || st.ScannedAtOpen != 2 {
				t.Fatalf("ignored %d, indexed %d, scanned %d; want 1, %d, 2", st.IndexesIgnored, st.IndexedAtOpen, st.ScannedAtOpen, len(files)-2)
			}
			wantCorrupt := int64(0)
			if tc.name == "segment grew" {
				wantCorrupt = 1 // a zero-filled tail in a sealed segment
			}
			if st.Corrupt != wantCorrupt {
				t.Fatalf("Corrupt %d at Open, want %d", st.Corrupt, wantCorrupt)
			}
			if n := len(drain(t, s)); n != 195 || s.Stats().Corrupt != wantCorrupt {
				t.Fatalf("%d records, Corrupt %d", n, s.Stats().Corrupt)
			}
		})
	}
}

// TestIndexOrphanRemoved: an index whose segment is gone (a crash between
// deleting the two) is deleted by Open.
func TestIndexOrphanRemoved(t *testing.T) {
	dir, files := indexedSpool(t)
	if err := os.Remove(files[0]); err != nil {
		t.Fatal(err)
	}
	s := mustOpen(t, dir, smallOpts())
	defer s.Close()
	if _, err := os.Stat(idxName(files[0])); !os.IsNotExist(err) {
		t.Fatalf("orphan index still there: %v", err)
	}
	if st := s.Stats(); st.IndexedAtOpen != len(files)-2 || st.IndexesIgnored != 0 {
		t.Fatalf("%+v", st)
	}
}

// TestIndexDeletedWithSegment: acked and evicted segments take their index
// with them.
func TestIndexDeletedWithSegment(t *testing.T) {
	dir := t.TempDir()
	s := mustOpen(t, dir, Options{SegmentSize: MinSegmentSize, MaxSize: 4 * MinSegmentSize})
	appendRange(t, s, 0, 300, 10, 3000) // evicts
	s.Ack(250)
	s.Close()
	segs := segFiles(t, dir)
	idx, _ := filepath.Glob(filepath.Join(dir, "*.idx"))
	if s.Stats().EvictedSegments == 0 || len(idx) >= len(segs) {
		t.Fatalf("%d segments, %d indexes, %d evicted", len(segs), len(idx), s.Stats().EvictedSegments)
	}
	for _, p := range idx {
		if _, err := os.Stat(strings.TrimSuffix(p, ".idx") + ".log"); err != nil {
			t.Fatalf("index %s without its segment", p)
		}
	}
}

// TestIndexedSegmentBecomesActive: a rotation wrote the index, then a crash
// left the next segment without a complete record. Open removes that one;
// the indexed segment is appended to again, so it is scanned and its index
// goes (it would be stale).
func TestIndexedSegmentBecomesActive(t *testing.T) {
	dir, files := indexedSpool(t)
	newest := files[len(files)-1]
	prev := files[len(files)-2]
	if err := os.WriteFile(newest, segHeaderBytes(), 0o640); err != nil { // a fresh segment, nothing in it
		t.Fatal(err)
	}
	s := mustOpen(t, dir, smallOpts())
	st := s.Stats()
	if st.Truncated != segHeaderSize || st.IndexedAtOpen != len(files)-2 || st.ScannedAtOpen != 2 {
		t.Fatalf("%+v", st)
	}
	if _, err := os.Stat(idxName(prev)); !os.IsNotExist(err) {
		t.Fatalf("the index of the segment appended to is still there: %v", err)
	}
	last, _ := s.LastSeq()
	appendRange(t, s, last+1, last+4, 1000, 3000) // no keyframe: extends prev
	s.Close()
	s = mustOpen(t, dir, smallOpts())
	defer s.Close()
	if st := s.Stats(); st.Corrupt != 0 || st.Truncated != 0 || st.IndexesIgnored != 0 {
		t.Fatalf("%+v", st)
	}
	recs := drain(t, s)
	if recs[len(recs)-1].Seq != last+3 {
		t.Fatalf("ends at %d, want %d", recs[len(recs)-1].Seq, last+3)
	}
}

// TestIndexNewerSegmentVersionRefused: a valid index does not hide a
// segment written by a newer format: Open still reads each header.
func TestIndexNewerSegmentVersionRefused(t *testing.T) {
	dir, files := indexedSpool(t)
	hdr := segHeaderBytes()
	binary.LittleEndian.PutUint32(hdr[8:], 2)
	binary.LittleEndian.PutUint32(hdr[12:], crc32.Checksum(hdr[:12], crcTable))
	patchFileKeepMtime(t, files[1], 0, hdr)
	_, err := Open(dir, smallOpts())
	if err == nil || !bytes.Contains([]byte(err.Error()), []byte(filepath.Base(files[1]))) {
		t.Fatalf("newer version under a valid index: %v", err)
	}
}

func TestIndexRoundTrip(t *testing.T) {
	x := segIndex{segSize: 1 << 25, segMtime: time.Now().UnixNano(), records: 9, keyframes: 2, firstSeq: 5, lastSeq: 20,
		firstCap: 1, lastCap: zeroCapture, seqs: runs{{5, 3}, {10, 5}, {20, 1}}}
	b := encodeIndex(&x)
	if len(b) != idxFixed+16*3+idxCRCSize {
		t.Fatalf("%d bytes", len(b))
	}
	y, err := decodeIndex(b)
	if err != nil || fmtRuns(y.seqs) != fmtRuns(x.seqs) {
		t.Fatalf("%v %+v", err, y)
	}
	y.seqs = x.seqs
	if fmtRuns(y.seqs) != fmtRuns(x.seqs) || y.segSize != x.segSize || y.segMtime != x.segMtime || y.records != x.records ||
		y.keyframes != x.keyframes || y.firstSeq != x.firstSeq || y.lastSeq != x.lastSeq || y.firstCap != x.firstCap || y.lastCap != x.lastCap {
		t.Fatalf("got %+v want %+v", y, x)
	}
}

// FuzzIndexDecode: decodeIndex must not panic on any bytes, and what it
// accepts must encode back to the same bytes.
func FuzzIndexDecode(f *testing.F) {
	f.Add(encodeIndex(&segIndex{segSize: 1000, records: 2, firstSeq: 1, lastSeq: 2, seqs: runs{{1, 2}}}))
	f.Add([]byte(idxMagic))
	f.Fuzz(func(t *testing.T, b []byte) {
		x, err := decodeIndex(b)
		if err != nil {
			return
		}
		if !bytes.Equal(encodeIndex(&x), b) {
			t.Fatalf("accepted bytes do not round-trip")
		}
	})
}

// TestIndexWriteFails: the index cannot be written at rotation (as if the
// crash came between the segment's fsync and its index): counted, nothing
// else fails, and the next Open scans that segment and writes its index.
func TestIndexWriteFails(t *testing.T) {
	dir := t.TempDir()
	s := mustOpen(t, dir, smallOpts())
	seg0 := filepath.Join(dir, segName(0))
	if err := os.Mkdir(idxName(seg0)+".tmp", 0o750); err != nil { // the temporary file cannot be created
		t.Fatal(err)
	}
	appendRange(t, s, 0, 60, 30, 3000) // seg-0 sealed at seq 30
	if st := s.Stats(); st.IndexErrors != 1 {
		t.Fatalf("IndexErrors %d, want 1", st.IndexErrors)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(idxName(seg0)); !os.IsNotExist(err) {
		t.Fatalf("an index for seg-0: %v", err)
	}
	s = mustOpen(t, dir, smallOpts())
	if st := s.Stats(); st.ScannedAtOpen != 2 || st.IndexedAtOpen != 0 || st.Corrupt != 0 {
		t.Fatalf("%+v", st)
	}
	if n := len(drain(t, s)); n != 60 {
		t.Fatalf("%d records", n)
	}
	s.Close()
	s = mustOpen(t, dir, smallOpts()) // the first Open wrote the index
	defer s.Close()
	if st := s.Stats(); st.ScannedAtOpen != 1 || st.IndexedAtOpen != 1 {
		t.Fatalf("%+v", st)
	}
}

// TestIndexRewriteStopsAtFirstFailure: Open writes the missing indexes of
// the segments it scanned, but after one failure (full or read-only disk)
// it stops trying: one error, not one per segment.
func TestIndexRewriteStopsAtFirstFailure(t *testing.T) {
	dir, files := indexedSpool(t)
	removeIndexes(t, dir)
	blocker := idxName(files[0]) + ".tmp"
	if err := os.MkdirAll(filepath.Join(blocker, "x"), 0o750); err != nil { // not empty: Open cannot clear it
		t.Fatal(err)
	}
	s := mustOpen(t, dir, smallOpts())
	defer s.Close()
	if st := s.Stats(); st.IndexErrors != 1 || st.ScannedAtOpen != len(files) {
		t.Fatalf("%+v", st)
	}
	if idx, _ := filepath.Glob(filepath.Join(dir, "*.idx")); len(idx) != 0 {
		t.Fatalf("indexes written after a failure: %v", idx)
	}
}

// must fails the test on a setup step's error.
func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
