package spool

import (
	"time"

	"bytes"
	"encoding/binary"
	"hash/crc32"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// encodeRecord returns the on-disk bytes of r.
func encodeRecord(r Record) []byte {
	b := make([]byte, recHeaderSize+len(r.Payload))
	putRecordHeader(b, &r)
	copy(b[recHeaderSize:], r.Payload)
	return b
}

func appendToFile(t *testing.T, path string, data []byte) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write(data); err != nil {
		t.Fatal(err)
	}
	f.Close()
}

func patchFile(t *testing.T, path string, off int64, data []byte) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteAt(data, off); err != nil {
		t.Fatal(err)
	}
	f.Close()
}

// TestCorruptionAndTornTail damages records in the middle of segments in
// several ways and tears the end of the last one, then checks that every
// intact record comes back and the damage is counted exactly. Without
// indexes Open scans the damaged segments and counts the damage; with valid
// indexes (the damage is bit rot: the files keep their size and mtime) Open
// reads only the newest segment, and Next counts the damage as it reads
// through it — the same total, once. (Before the indexes this test expected
// Corrupt 5 right after Open: the "scan" case keeps that expectation.)
func TestCorruptionAndTornTail(t *testing.T) {
	t.Run("scan", func(t *testing.T) { testCorruptionAndTornTail(t, true) })
	t.Run("index", func(t *testing.T) { testCorruptionAndTornTail(t, false) })
}

func testCorruptionAndTornTail(t *testing.T, dropIndexes bool) {
	dir := t.TempDir()
	opts := smallOpts()
	s := mustOpen(t, dir, opts)
	appendRange(t, s, 0, 200, 10, 5000) // GOP 50 KB, segments of 2 GOPs
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	files := segFiles(t, dir)
	if len(files) < 6 {
		t.Fatalf("%d segments", len(files))
	}
	if dropIndexes {
		removeIndexes(t, dir)
	}
	atOpen := int64(5) // damage counted by Open
	patchFile := patchFile
	if !dropIndexes {
		atOpen = 0
		patchFile = patchFileKeepMtime
	}
	lost := map[int64]bool{}
	// (a) a flipped payload byte: CRC fails, length intact.
	offs, _, seqs, _ := recordOffsets(t, files[1])
	patchFile(t, files[1], offs[2]+recHeaderSize+100, []byte{0xFF ^ payloadFor(seqs[2], 5000)[100]})
	lost[seqs[2]] = true
	// (b) a length field pointing past the end of the file.
	offs, _, seqs, _ = recordOffsets(t, files[2])
	patchFile(t, files[2], offs[3]+4, binary.LittleEndian.AppendUint32(nil, 30<<20))
	lost[seqs[3]] = true
	// (c) a length field shortened to something plausible.
	offs, _, seqs, _ = recordOffsets(t, files[3])
	patchFile(t, files[3], offs[1]+4, binary.LittleEndian.AppendUint32(nil, 40))
	lost[seqs[1]] = true
	// (d) zeros across the end of one record and the CRC/seq of the next
	// (its magic survives): two records lost.
	offs, _, seqs, _ = recordOffsets(t, files[4])
	patchFile(t, files[4], offs[6]-50, make([]byte, 50))
	patchFile(t, files[4], offs[6]+8, make([]byte, 12))
	lost[seqs[5]], lost[seqs[6]] = true, true
	// (e) the last segment torn in the middle of its last record.
	last := files[len(files)-1]
	offs, _, seqs, _ = recordOffsets(t, last)
	cut := offs[len(offs)-1] + 1000
	torn := fileSize(t, last) - offs[len(offs)-1]
	if err := os.Truncate(last, cut); err != nil {
		t.Fatal(err)
	}
	lost[seqs[len(seqs)-1]] = true

	info, err := Inspect(dir)
	if err != nil {
		t.Fatal(err)
	}
	if info.Corrupt != 5 || info.TornBytes != 1000 {
		t.Fatalf("Inspect: corrupt %d torn %d", info.Corrupt, info.TornBytes)
	}

	s = mustOpen(t, dir, opts)
	st := s.Stats()
	if st.Corrupt != atOpen || st.Truncated != 1000 {
		t.Fatalf("after reopen: Corrupt %d (want %d) Truncated %d (want 1000)", st.Corrupt, atOpen, st.Truncated)
	}
	wantIdx := len(files) - 1
	if dropIndexes {
		wantIdx = 0
	}
	if st.IndexedAtOpen != wantIdx || st.ScannedAtOpen != len(files)-wantIdx {
		t.Fatalf("after reopen: %d segments from their index, %d scanned; want %d and %d", st.IndexedAtOpen, st.ScannedAtOpen, wantIdx, len(files)-wantIdx)
	}
	_ = torn
	if fileSize(t, last) != cut-1000 {
		t.Fatalf("torn tail not truncated: %d", fileSize(t, last))
	}
	if last, _ := s.LastSeq(); last != 198 {
		t.Fatalf("LastSeq %d", last)
	}
	recs := drain(t, s)
	var got []int64
	for _, r := range recs {
		checkRecord(t, r, 10, 5000)
		if r.Evicted != 0 {
			t.Fatalf("damage reported as eviction on %d", r.Seq)
		}
		got = append(got, r.Seq)
	}
	var want []int64
	for seq := int64(0); seq < 200; seq++ {
		if !lost[seq] {
			want = append(want, seq)
		}
	}
	if !slices.Equal(got, want) {
		t.Fatalf("recovered %v\nwant %v", got, want)
	}
	if c := s.Stats().Corrupt; c != 5 {
		t.Fatalf("Corrupt %d after reading everything, want 5", c)
	}
	// Reading through the damage again does not count it twice.
	s.Rewind()
	drain(t, s)
	if c := s.Stats().Corrupt; c != 5 {
		t.Fatalf("Corrupt grew to %d on re-reading", c)
	}
	// Appending continues after the cut; a clean reopen finds no new tail.
	appendRange(t, s, 200, 210, 10, 5000)
	s.Close()
	s = mustOpen(t, dir, opts)
	defer s.Close()
	if st := s.Stats(); st.Corrupt != atOpen || st.Truncated != 0 {
		t.Fatalf("second reopen: %+v", st)
	}
	if n := len(drain(t, s)); n != len(want)+10 {
		t.Fatalf("second reopen: %d records", n)
	}
	if c := s.Stats().Corrupt; c != 5 {
		t.Fatalf("second reopen: Corrupt %d after reading everything, want 5", c)
	}
}

// patchFileKeepMtime patches a file the way bit rot does: same size, same
// modification time (so a segment index still matches it).
func patchFileKeepMtime(t *testing.T, path string, off int64, data []byte) {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	patchFile(t, path, off, data)
	if err := os.Chtimes(path, fi.ModTime(), fi.ModTime()); err != nil {
		t.Fatal(err)
	}
}

func removeIndexes(t *testing.T, dir string) {
	t.Helper()
	idx, _ := filepath.Glob(filepath.Join(dir, "*.idx"))
	for _, p := range idx {
		if err := os.Remove(p); err != nil {
			t.Fatal(err)
		}
	}
}

func TestTornTailVariants(t *testing.T) {
	next := mkrec(60, 30, 3000)
	enc := encodeRecord(next)
	badCRC := bytes.Clone(enc)
	badCRC[recHeaderSize+7] ^= 1
	beyond := bytes.Clone(enc[:recHeaderSize])
	binary.LittleEndian.PutUint32(beyond[4:], 1<<20)
	beyond = append(beyond, make([]byte, 100)...)

	for _, tc := range []struct {
		name   string
		tail   []byte // appended to the last segment
		newSeg []byte // or: a new segment file with these bytes
	}{
		{name: "short header", tail: enc[:20]},
		{name: "short payload", tail: enc[:recHeaderSize+1500]},
		{name: "zero filled", tail: make([]byte, 8192)},
		{name: "length beyond EOF", tail: beyond},
		{name: "bad CRC on the last record", tail: badCRC},
		{name: "garbage", tail: payloadFor(99, 777)},
		{name: "whole record then zeros", tail: append(bytes.Clone(enc[:recHeaderSize+2999]), make([]byte, 4096)...)},
		{name: "new segment torn in its header", newSeg: []byte("ECSPOO")},
		{name: "new empty segment", newSeg: []byte{}},
		{name: "new segment with header and half a record", newSeg: append(segHeaderBytes(), enc[:100]...)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			s := mustOpen(t, dir, smallOpts())
			appendRange(t, s, 0, 60, 30, 3000)
			s.Close()
			files := segFiles(t, dir)
			var damage int64
			if tc.newSeg != nil {
				if err := os.WriteFile(filepath.Join(dir, segName(60)), tc.newSeg, 0o640); err != nil {
					t.Fatal(err)
				}
				damage = int64(len(tc.newSeg))
			} else {
				appendToFile(t, files[len(files)-1], tc.tail)
				damage = int64(len(tc.tail))
			}
			s = mustOpen(t, dir, smallOpts())
			st := s.Stats()
			if st.Truncated != damage || st.Corrupt != 0 {
				t.Fatalf("Truncated %d (want %d) Corrupt %d", st.Truncated, damage, st.Corrupt)
			}
			if got := segFiles(t, dir); !slices.Equal(got, files) {
				t.Fatalf("segments %v, want %v", got, files)
			}
			if last, _ := s.LastSeq(); last != 59 {
				t.Fatalf("LastSeq %d", last)
			}
			if err := s.Append(next); err != nil {
				t.Fatal(err)
			}
			s.Close()
			s = mustOpen(t, dir, smallOpts())
			defer s.Close()
			if st := s.Stats(); st.Truncated != 0 || st.Corrupt != 0 {
				t.Fatalf("reopen after repair: %+v", st)
			}
			recs := drain(t, s)
			if len(recs) != 61 {
				t.Fatalf("%d records", len(recs))
			}
			for _, r := range recs {
				checkRecord(t, r, 30, 3000)
			}
		})
	}
}

func segHeaderBytes() []byte {
	b := make([]byte, segHeaderSize)
	putSegmentHeader(b)
	return b
}

func TestDamagedHeaders(t *testing.T) {
	dir := t.TempDir()
	s := mustOpen(t, dir, smallOpts())
	appendRange(t, s, 0, 90, 30, 3000)
	s.Close()
	files := segFiles(t, dir)
	if len(files) != 3 {
		t.Fatalf("%d segments", len(files))
	}
	// Damaged header on the newest segment: records still read, the
	// segment sealed, appends go to a new one.
	patchFile(t, files[2], 0, []byte("XXXX"))
	s = mustOpen(t, dir, smallOpts())
	if n := len(drain(t, s)); n != 90 {
		t.Fatalf("%d records", n)
	}
	appendRange(t, s, 90, 95, 30, 3000)
	s.Close()
	if got := segFiles(t, dir); len(got) != 4 || filepath.Base(got[3]) != segName(90) {
		t.Fatalf("segments %v", got)
	}
	// A torn header — magic intact, the rest garbage — on the newest
	// segment is damage: the segment goes, nothing else is refused.
	torn := filepath.Join(dir, segName(95))
	if err := os.WriteFile(torn, []byte("ECSPOOL1\x07\x00"), 0o640); err != nil {
		t.Fatal(err)
	}
	s = mustOpen(t, dir, smallOpts())
	if st := s.Stats(); st.Truncated != 10 {
		t.Fatalf("torn header: %+v", st)
	}
	s.Close()
	// A newer format version (verified header) is refused, naming the file.
	hdr := segHeaderBytes()
	binary.LittleEndian.PutUint32(hdr[8:], 2)
	binary.LittleEndian.PutUint32(hdr[12:], crc32.Checksum(hdr[:12], crcTable))
	patchFile(t, files[0], 0, hdr)
	_, err := Open(dir, smallOpts())
	if err == nil || !bytes.Contains([]byte(err.Error()), []byte(filepath.Base(files[0]))) {
		t.Fatalf("newer version: %v", err)
	}
}

// TestNonIncreasingSeqIsCorrupt: a CRC-valid record whose seq goes backwards
// (say, a block from another file) is skipped.
func TestNonIncreasingSeqIsCorrupt(t *testing.T) {
	dir := t.TempDir()
	s := mustOpen(t, dir, smallOpts())
	appendRange(t, s, 0, 10, 30, 100)
	s.Close()
	files := segFiles(t, dir)
	appendToFile(t, files[0], encodeRecord(mkrec(3, 30, 100)))
	appendToFile(t, files[0], encodeRecord(mkrec(10, 30, 100)))
	s = mustOpen(t, dir, smallOpts())
	defer s.Close()
	recs := drain(t, s)
	if len(recs) != 11 || recs[10].Seq != 10 || s.Stats().Corrupt != 1 {
		t.Fatalf("%d records, corrupt %d", len(recs), s.Stats().Corrupt)
	}
}

// TestDamageAfterOpenIsSkippedByNext: a bit flip in a sealed segment while
// the spool runs is skipped by Next and counted.
func TestDamageAfterOpenIsSkippedByNext(t *testing.T) {
	dir := t.TempDir()
	s := mustOpen(t, dir, smallOpts())
	defer s.Close()
	appendRange(t, s, 0, 90, 30, 3000)
	files := segFiles(t, dir)
	offs, _, seqs, _ := recordOffsets(t, files[0])
	patchFile(t, files[0], offs[4]+recHeaderSize, []byte{0xAA, 0xBB})
	recs := drain(t, s)
	if len(recs) != 89 || s.Stats().Corrupt != 1 {
		t.Fatalf("%d records, corrupt %d", len(recs), s.Stats().Corrupt)
	}
	for _, r := range recs {
		if r.Seq == seqs[4] {
			t.Fatal("damaged record returned")
		}
		checkRecord(t, r, 30, 3000)
	}
}

// TestAbandonKeepsAppended: a crash of the process (Abandon: nothing
// flushed, nothing fsynced) keeps every frame Append returned for, since
// Append writes through to the page cache. Before the write-through, the
// frames in the 1 MiB write buffer were lost to a kill -9 (found by the
// agent's delivery model).
func TestAbandonKeepsAppended(t *testing.T) {
	dir := t.TempDir()
	opts := Options{SegmentSize: MinSegmentSize, FsyncInterval: time.Hour}
	s := mustOpen(t, dir, opts)
	appendRange(t, s, 0, 50, 10, 3000)
	s.Abandon()
	s = mustOpen(t, dir, opts)
	defer s.Close()
	if last, ok := s.LastSeq(); !ok || last != 49 {
		t.Fatalf("after a crash the spool ends at %d (ok %v), want 49", last, ok)
	}
	for want := int64(0); want < 50; want++ {
		r, ok, err := s.Next()
		if err != nil || !ok || r.Seq != want {
			t.Fatalf("Next = seq %d, %v, %v; want seq %d", r.Seq, ok, err, want)
		}
	}
}
