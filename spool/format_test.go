package spool

import (
	"bytes"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

var genCorpus = flag.Bool("gen-fuzz-corpus", false, "rewrite testdata/fuzz/FuzzSegmentReader seeds")

type seenRec struct {
	off, size, seq int64
	key            bool
	payload        []byte
}

// scanAll runs scanSegment over data with the given window.
func scanAll(t *testing.T, data []byte, window int) (segScan, []seenRec) {
	t.Helper()
	var recs []seenRec
	sc := newScanner(bytes.NewReader(data), int64(len(data)), 0, window)
	res, err := scanSegmentWith(sc, -1, func(h *recHeader, payload []byte, off int64) {
		recs = append(recs, seenRec{off, h.size, h.seq, h.keyframe, bytes.Clone(payload)})
	})
	if errors.Is(err, errUnsupportedVersion) {
		t.Skip("newer segment version: refused, as it should be")
	}
	if err != nil {
		t.Fatalf("scan: %v", err)
	}
	return res, recs
}

// FuzzSegmentReader feeds arbitrary bytes to the segment reader: it must not
// panic, must only return records whose CRC matches the raw bytes where it
// says they are, in increasing seq order without overlapping, and must
// agree with itself whatever its window size and after its own truncation.
func FuzzSegmentReader(f *testing.F) {
	for _, seed := range fuzzSeeds() {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		res, recs := scanAll(t, data, 1<<20)
		end, prevSeq := int64(segHeaderSize), int64(-1)
		for _, r := range recs {
			if r.off < end || r.off+r.size > int64(len(data)) {
				t.Fatalf("record at %d+%d overlaps or overruns (end %d, len %d)", r.off, r.size, end, len(data))
			}
			raw := data[r.off : r.off+r.size]
			if binary.LittleEndian.Uint32(raw) != recMagic || int64(binary.LittleEndian.Uint32(raw[4:]))+recCRCStart != r.size {
				t.Fatalf("record at %d: bad framing", r.off)
			}
			if crc32.Checksum(raw[recCRCStart:], crcTable) != binary.LittleEndian.Uint32(raw[8:]) {
				t.Fatalf("record at %d returned with a CRC that does not match", r.off)
			}
			if !bytes.Equal(raw[recHeaderSize:], r.payload) || r.seq != int64(binary.LittleEndian.Uint64(raw[12:])) {
				t.Fatalf("record at %d: payload or seq differs from the bytes", r.off)
			}
			if r.seq <= prevSeq {
				t.Fatalf("seq %d after %d", r.seq, prevSeq)
			}
			end, prevSeq = r.off+r.size, r.seq
		}
		if res.records != int64(len(recs)) || res.validEnd < 0 || res.validEnd > int64(len(data)) ||
			res.tail != int64(len(data))-res.validEnd || (len(recs) > 0 && res.validEnd != end) {
			t.Fatalf("summary %+v inconsistent with %d records ending at %d (len %d)", res, len(recs), end, len(data))
		}
		// A tiny window (many refills, records larger than the window)
		// must see exactly the same.
		res2, recs2 := scanAll(t, data, 64)
		if !slices.EqualFunc(recs, recs2, func(a, b seenRec) bool { return a.off == b.off && a.seq == b.seq }) || !runsEqual(res, res2) {
			t.Fatalf("window 64 disagrees:\n%+v\n%+v", res, res2)
		}
		// Recovery truncates at validEnd: the result holds the same records
		// and no tail.
		res3, recs3 := scanAll(t, data[:res.validEnd], 1<<20)
		if len(recs3) != len(recs) || res3.tail != 0 {
			t.Fatalf("after truncation at %d: %d records (want %d), tail %d", res.validEnd, len(recs3), len(recs), res3.tail)
		}
	})
}

func runsEqual(a, b segScan) bool {
	if !slices.Equal(a.seqs, b.seqs) {
		return false
	}
	a.seqs, b.seqs = nil, nil
	return fmt.Sprint(a) == fmt.Sprint(b)
}

// fuzzSeeds builds valid and damaged segments.
func fuzzSeeds() [][]byte {
	seg := segHeaderBytes()
	var offs []int
	for seq := int64(0); seq < 12; seq++ {
		offs = append(offs, len(seg))
		seg = append(seg, encodeRecord(mkrec(seq, 5, int(seq*37%200)))...)
	}
	clone := func(mod func(b []byte) []byte) []byte { return mod(bytes.Clone(seg)) }
	return [][]byte{
		seg,
		segHeaderBytes(),
		{},
		clone(func(b []byte) []byte { return b[:len(b)-7] }),                          // torn payload
		clone(func(b []byte) []byte { return b[:offs[11]+20] }),                       // torn header
		clone(func(b []byte) []byte { return append(b, make([]byte, 300)...) }),       // zero tail
		clone(func(b []byte) []byte { b[offs[4]+recHeaderSize+1] ^= 0x40; return b }), // bad CRC mid-segment
		clone(func(b []byte) []byte { // length beyond EOF mid-segment
			binary.LittleEndian.PutUint32(b[offs[6]+4:], 1<<24)
			return b
		}),
		clone(func(b []byte) []byte { // zeroed region across two records
			clear(b[offs[2]+10 : offs[3]+6])
			return b
		}),
		clone(func(b []byte) []byte { copy(b, "XXXXXXXX"); return b }),           // bad segment header
		clone(func(b []byte) []byte { return append(b, b[offs[1]:offs[3]]...) }), // replayed old records
	}
}

// TestWriteFuzzCorpus regenerates the committed seed corpus with
// -gen-fuzz-corpus, and otherwise checks it is there.
func TestWriteFuzzCorpus(t *testing.T) {
	dir := filepath.Join("testdata", "fuzz", "FuzzSegmentReader")
	if !*genCorpus {
		if m, _ := filepath.Glob(filepath.Join(dir, "seed-*")); len(m) == 0 {
			t.Fatalf("no seed corpus in %s: run go test -run TestWriteFuzzCorpus -gen-fuzz-corpus", dir)
		}
		return
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for i, seed := range fuzzSeeds() {
		content := fmt.Sprintf("go test fuzz v1\n[]byte(%q)\n", seed)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("seed-%02d", i)), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestRuns(t *testing.T) {
	var rs runs
	for _, s := range []int64{1, 2, 3, 7, 8, 20} {
		rs.add(s)
	}
	if want := (runs{{1, 3}, {7, 2}, {20, 1}}); !slices.Equal(rs, want) {
		t.Fatalf("add: %v", rs)
	}
	for _, tc := range []struct{ lo, hi, want int64 }{
		{0, 100, 6}, {1, 8, 3}, {2, 21, 4}, {3, 7, 0}, {-5, 2, 1}, {20, 21, 0},
	} {
		if got := rs.countIn(tc.lo, tc.hi); got != tc.want {
			t.Errorf("countIn(%d,%d) = %d, want %d", tc.lo, tc.hi, got, tc.want)
		}
	}
	var ev runs
	ev.addRuns(rs, 2)
	ev.addRuns(runs{{21, 4}}, 0)
	if want := (runs{{3, 1}, {7, 2}, {20, 5}}); !slices.Equal(ev, want) {
		t.Fatalf("addRuns: %v", ev)
	}
	ev.dropThrough(7)
	if want := (runs{{8, 1}, {20, 5}}); !slices.Equal(ev, want) {
		t.Fatalf("dropThrough: %v", ev)
	}
	if !ev.dropFrom(22) || !slices.Equal(ev, runs{{8, 1}, {20, 2}}) || ev.dropFrom(100) {
		t.Fatalf("dropFrom: %v", ev)
	}
	if l, ok := ev.last(); !ok || l != 21 || ev.total() != 3 {
		t.Fatalf("last/total: %d %d", l, ev.total())
	}
	rs2, err := parseEvicted([]byte(evictedHeader + "\n5 3\n10 1\n"))
	if err != nil || !slices.Equal(rs2, runs{{5, 3}, {10, 1}}) {
		t.Fatalf("parseEvicted: %v %v", rs2, err)
	}
	for _, bad := range []string{"", "x\n", evictedHeader + "\n5\n", evictedHeader + "\n5 0\n", evictedHeader + "\n5 3\n6 1\n"} {
		if _, err := parseEvicted([]byte(bad)); err == nil {
			t.Errorf("parseEvicted(%q) accepted", bad)
		}
	}
}

func TestSegName(t *testing.T) {
	for _, seq := range []int64{0, 1, 1 << 40, 1<<63 - 1} {
		if got, ok := parseSegName(segName(seq)); !ok || got != seq {
			t.Errorf("%d → %q → %d %v", seq, segName(seq), got, ok)
		}
	}
	for _, bad := range []string{"seg-1.log", "seg-0000000000000000000a.log", "seg-99999999999999999999.log", "xseg-00000000000000000000.log"} {
		if _, ok := parseSegName(bad); ok {
			t.Errorf("%q parsed", bad)
		}
	}
}

func TestRunsRemove(t *testing.T) {
	for _, tc := range []struct {
		seq  int64
		want runs
	}{
		{5, runs{{0, 5}, {6, 4}, {20, 1}}},
		{0, runs{{1, 9}, {20, 1}}},
		{9, runs{{0, 9}, {20, 1}}},
		{20, runs{{0, 10}}},
		{15, runs{{0, 10}, {20, 1}}},
	} {
		rs := runs{{0, 10}, {20, 1}}
		rs.remove(tc.seq)
		if !slices.Equal(rs, tc.want) {
			t.Errorf("remove(%d) = %v, want %v", tc.seq, rs, tc.want)
		}
	}
}
