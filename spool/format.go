package spool

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math"
	"slices"
	"time"
)

// On-disk layout constants; doc.go describes the format in prose.
const (
	segMagic      = "ECSPOOL1"
	segVersion    = 1
	segHeaderSize = 16 // magic[8] version u32 crc32c(bytes 0..11) u32

	// recMagic starts every record. Its bytes (f1 17 5a ec) contain no zero
	// byte, so neither an H.264 start code nor a zero-filled tail can look
	// like it.
	recMagic      uint32 = 0xEC5A17F1
	recHeaderSize        = 45 // magic u32, length u32, crc u32, seq i64, flags u8, pts i64, dts i64, capture i64
	recCRCStart          = 12 // the CRC covers everything from here to the end of the payload
	recFixed             = recHeaderSize - recCRCStart

	flagKeyframe = 1 << 0
	// flagClockUnsynced: captured while the clock was not synchronised
	// (readers that predate it ignore the bit).
	flagClockUnsynced = 1 << 1
	// flagH265: the payload is an H.265 access unit, not H.264 (readers
	// that predate it ignore the bit and would take it for H.264: only
	// streams configured with codec: h265 set it).
	flagH265 = 1 << 2
	// flagAudio: the payload is an audio frame (AAC in ADTS; with
	// flagOpus an Opus packet). Readers that predate it ignore the bit;
	// they never see it, since only the audio track's own spool directory
	// (beside the video's, see agent) holds such records.
	flagAudio = 1 << 3
	flagOpus  = 1 << 4

	// zeroCapture encodes the zero time.Time, whose UnixNano is undefined.
	zeroCapture = math.MinInt64
)

// MaxPayload is the largest payload Append accepts: 32 MiB, far above any
// H.264 access unit a camera box produces. A length field above it is treated
// as corruption by recovery, which bounds how much a damaged length can make
// the reader allocate.
const MaxPayload = 32 << 20

// crcTable is the CRC-32C (Castagnoli) table; hash/crc32 uses the SSE4.2 /
// ARMv8 CRC instructions for it when the CPU has them. Never written after
// initialisation.
var crcTable = crc32.MakeTable(crc32.Castagnoli)

var recMagicBytes = binary.LittleEndian.AppendUint32(nil, recMagic)

// errUnsupportedVersion is returned when a segment header names a format
// version this code does not read (a newer edgecam wrote it).
var errUnsupportedVersion = errors.New("unsupported segment format version")

// putRecordHeader encodes the fixed header of r into b[:recHeaderSize],
// including the CRC over the header tail and payload.
func putRecordHeader(b []byte, r *Record) {
	_ = b[recHeaderSize-1]
	le := binary.LittleEndian
	le.PutUint32(b[0:], recMagic)
	le.PutUint32(b[4:], uint32(recFixed+len(r.Payload)))
	le.PutUint64(b[12:], uint64(r.Seq))
	var flags byte
	if r.Keyframe {
		flags |= flagKeyframe
	}
	if r.ClockUnsynced {
		flags |= flagClockUnsynced
	}
	if r.H265 {
		flags |= flagH265
	}
	if r.Audio {
		flags |= flagAudio
		if r.Opus {
			flags |= flagOpus
		}
	}
	b[20] = flags
	le.PutUint64(b[21:], uint64(r.PTS))
	le.PutUint64(b[29:], uint64(r.DTS))
	le.PutUint64(b[37:], uint64(encodeTime(r.Capture)))
	crc := crc32.Update(0, crcTable, b[recCRCStart:recHeaderSize])
	crc = crc32.Update(crc, crcTable, r.Payload)
	le.PutUint32(b[8:], crc)
}

func encodeTime(t time.Time) int64 {
	if t.IsZero() {
		return zeroCapture
	}
	return t.UnixNano()
}

func decodeTime(ns int64) time.Time {
	if ns == zeroCapture {
		return time.Time{}
	}
	return time.Unix(0, ns)
}

// recHeader is a decoded record header.
type recHeader struct {
	seq      int64
	keyframe bool
	unsynced bool
	h265     bool
	audio    bool
	opus     bool
	pts, dts int64
	capture  int64 // Unix ns or zeroCapture
	size     int64 // whole record on disk: header + payload
}

func decodeRecHeader(b []byte) recHeader {
	le := binary.LittleEndian
	return recHeader{
		seq:      int64(le.Uint64(b[12:])),
		keyframe: b[20]&flagKeyframe != 0,
		unsynced: b[20]&flagClockUnsynced != 0,
		h265:     b[20]&flagH265 != 0,
		audio:    b[20]&flagAudio != 0,
		opus:     b[20]&(flagAudio|flagOpus) == flagAudio|flagOpus,
		pts:      int64(le.Uint64(b[21:])),
		dts:      int64(le.Uint64(b[29:])),
		capture:  int64(le.Uint64(b[37:])),
		size:     recCRCStart + int64(le.Uint32(b[4:])),
	}
}

func (h *recHeader) record(payload []byte) Record {
	return Record{
		Seq:           h.seq,
		Keyframe:      h.keyframe,
		ClockUnsynced: h.unsynced,
		H265:          h.h265,
		Audio:         h.audio,
		Opus:          h.opus,
		PTS:           time.Duration(h.pts),
		DTS:           time.Duration(h.dts),
		Capture:       decodeTime(h.capture),
		Payload:       payload,
	}
}

// putSegmentHeader encodes a segment header into b[:segHeaderSize].
func putSegmentHeader(b []byte) {
	copy(b, segMagic)
	binary.LittleEndian.PutUint32(b[8:], segVersion)
	binary.LittleEndian.PutUint32(b[12:], crc32.Checksum(b[:12], crcTable))
}

// checkSegmentHeader reports whether b (the first bytes of a segment) holds
// a valid header. A verified header with another version is an error: a
// newer edgecam wrote the spool, and guessing would lose frames. The header
// CRC is what tells that apart from a header torn by a crash (magic written,
// version not), which is mere damage.
func checkSegmentHeader(b []byte) (bool, error) {
	if len(b) < segHeaderSize || string(b[:8]) != segMagic ||
		crc32.Checksum(b[:12], crcTable) != binary.LittleEndian.Uint32(b[12:]) {
		return false, nil
	}
	if v := binary.LittleEndian.Uint32(b[8:]); v != segVersion {
		return false, fmt.Errorf("%w %d (this edgecam reads version %d)", errUnsupportedVersion, v, segVersion)
	}
	return true, nil
}

// scanner reads records from one segment through a sliding window over an
// io.ReaderAt. It never returns a record whose CRC does not verify: a damaged
// region is skipped by searching forward for the next record magic whose
// record verifies, and whatever cannot be resynchronised at the end is
// reported as the tail.
type scanner struct {
	src   io.ReaderAt
	limit int64 // bytes of the segment that may be read
	off   int64 // where the next record is parsed

	win   []byte // window over src: win[:wlen] holds bytes at [wbase, wbase+wlen)
	wbase int64
	wlen  int
	pref  int // preferred window size; win grows to it (or to a record) on demand
}

const scanWindow = 256 << 10

func newScanner(src io.ReaderAt, limit, off int64, window int) *scanner {
	return &scanner{src: src, limit: limit, off: off, pref: window}
}

// reset points the scanner at another source, dropping the window.
func (sc *scanner) reset(src io.ReaderAt, limit, off int64) {
	sc.src, sc.limit, sc.off = src, limit, off
	sc.wbase, sc.wlen = 0, 0
}

// view returns the bytes [off, off+n), shortened at the limit. The slice is
// valid until the next call.
func (sc *scanner) view(off int64, n int64) ([]byte, error) {
	if off+n > sc.limit {
		n = sc.limit - off
	}
	if n <= 0 {
		return nil, nil
	}
	if off >= sc.wbase && off+n <= sc.wbase+int64(sc.wlen) {
		i := off - sc.wbase
		return sc.win[i : i+n], nil
	}
	want := min(max(n, int64(sc.pref)), sc.limit-off)
	if int64(len(sc.win)) < want {
		sc.win = make([]byte, want)
	}
	m, err := sc.src.ReadAt(sc.win[:want], off)
	if int64(m) < want {
		if err == nil || errors.Is(err, io.EOF) {
			// The file is shorter than we were told (a live spool on
			// Inspect, or damage): what is there is all there is.
			sc.limit = off + int64(m)
		} else {
			sc.wlen = 0
			return nil, err
		}
	}
	sc.wbase, sc.wlen = off, m
	return sc.win[:min(n, int64(m))], nil
}

// tryRecord parses a verified record at off; ok=false when the bytes there
// are not a complete record with a matching CRC.
func (sc *scanner) tryRecord(off int64) (h recHeader, payload []byte, ok bool, err error) {
	b, err := sc.view(off, recHeaderSize)
	if err != nil || len(b) < recHeaderSize {
		return h, nil, false, err
	}
	if binary.LittleEndian.Uint32(b) != recMagic {
		return h, nil, false, nil
	}
	length := int64(binary.LittleEndian.Uint32(b[4:]))
	if length < recFixed || length > recFixed+MaxPayload || off+recCRCStart+length > sc.limit {
		return h, nil, false, nil
	}
	b, err = sc.view(off, recCRCStart+length)
	if err != nil || int64(len(b)) < recCRCStart+length {
		return h, nil, false, err
	}
	if crc32.Checksum(b[recCRCStart:], crcTable) != binary.LittleEndian.Uint32(b[8:]) {
		return h, nil, false, nil
	}
	return decodeRecHeader(b), b[recHeaderSize:], true, nil
}

// resync searches from `from` for the next offset holding a verified record.
// It returns that offset (found=true) and the number of record magics seen in
// [start, offset) — the estimate of how many records the damaged region held.
func (sc *scanner) resync(start int64) (p int64, found bool, magics int64, err error) {
	if b, err := sc.view(start, 4); err != nil {
		return 0, false, 0, err
	} else if bytes.Equal(b, recMagicBytes) {
		magics++
	}
	pos := start + 1
	for sc.limit-pos >= recHeaderSize {
		chunk, err := sc.view(pos, min(sc.limit-pos, scanWindow))
		if err != nil {
			return 0, false, magics, err
		}
		if len(chunk) < recHeaderSize {
			break
		}
		i := bytes.Index(chunk, recMagicBytes)
		if i < 0 {
			pos += int64(len(chunk)) - int64(len(recMagicBytes)-1)
			continue
		}
		p := pos + int64(i)
		_, _, ok, err := sc.tryRecord(p)
		if err != nil {
			return 0, false, magics, err
		}
		if ok {
			return p, true, magics, nil
		}
		magics++
		pos = p + 1
	}
	// Count magics in the unsearchable last bytes too, for the tail estimate.
	if rest, err := sc.view(pos, sc.limit-pos); err == nil {
		magics += int64(bytes.Count(rest, recMagicBytes))
	}
	return 0, false, magics, nil
}

// scanResult is what next reports besides the record.
type scanEvent struct {
	// skipped estimates the damaged records skipped right before the
	// returned record (0 when none), and skippedAt is where that damage began.
	skipped   int64
	skippedAt int64
	// At the end (ok=false): tailMagics estimates the records in the
	// unreadable tail [sc.off, sc.limit).
	tailMagics int64
}

// next returns the next verified record at or after sc.off and advances past
// it. At the end it returns ok=false with sc.off at the start of the tail that
// holds no verifiable record (sc.off == sc.limit for a clean segment).
// The payload aliases the window: copy it before the next call.
func (sc *scanner) next() (h recHeader, payload []byte, recOff int64, ev scanEvent, ok bool, err error) {
	for {
		start := sc.off
		if start >= sc.limit {
			return h, nil, 0, ev, false, nil
		}
		h, payload, ok, err = sc.tryRecord(start)
		if err != nil {
			return h, nil, 0, ev, false, err
		}
		if ok {
			sc.off = start + h.size
			return h, payload, start, ev, true, nil
		}
		p, found, magics, err := sc.resync(start)
		if err != nil {
			return h, nil, 0, ev, false, err
		}
		if !found {
			ev.tailMagics = magics
			return h, nil, 0, ev, false, nil
		}
		if ev.skipped == 0 {
			ev.skippedAt = start
		}
		ev.skipped += max(1, magics)
		sc.off = p
	}
}

// segScan summarises one segment read from start to end.
type segScan struct {
	headerOK  bool
	records   int64
	firstSeq  int64
	lastSeq   int64
	firstCap  int64
	lastCap   int64
	keyframes int64
	seqs      runs
	corrupt   int64 // damaged records skipped between verified ones (estimate)
	validEnd  int64 // end of the last verified record (or of the header)
	tail      int64 // bytes after validEnd that hold no verified record
	tailRecs  int64 // estimate of the damaged records in the tail (record magics in it, at least 1)
	size      int64 // bytes scanned (the file may have been shorter than announced)
}

// scanSegment reads a whole segment of the given size. Records whose seq is
// not above prevSeq (or the previous record's) are counted as corrupt: seqs
// only grow, so such a record cannot be ours in this place. visit, if not
// nil, sees every accepted record; its payload aliases scanner memory.
func scanSegment(src io.ReaderAt, size int64, prevSeq int64, visit func(h *recHeader, payload []byte, off int64)) (segScan, error) {
	return scanSegmentWith(newScanner(src, size, 0, 1<<20), prevSeq, visit)
}

func scanSegmentWith(sc *scanner, prevSeq int64, visit func(h *recHeader, payload []byte, off int64)) (segScan, error) {
	var res segScan
	hdr, err := sc.view(0, segHeaderSize)
	if err != nil {
		return res, err
	}
	res.headerOK, err = checkSegmentHeader(hdr)
	if err != nil {
		return res, err
	}
	sc.off = min(segHeaderSize, sc.limit)
	if res.headerOK {
		res.validEnd = segHeaderSize
	}
	for {
		h, payload, off, ev, ok, err := sc.next()
		if err != nil {
			return res, err
		}
		res.corrupt += ev.skipped
		if !ok {
			if sc.off < sc.limit {
				res.tailRecs = max(1, ev.tailMagics)
			}
			// validEnd may lie before sc.off when a record with a
			// non-increasing seq was dropped at the very end: those bytes
			// belong to the tail too.
			res.size = sc.limit
			res.tail = sc.limit - res.validEnd
			return res, nil
		}
		if h.seq <= prevSeq || h.seq < 0 {
			res.corrupt++
			continue
		}
		prevSeq = h.seq
		if res.records == 0 {
			res.firstSeq, res.firstCap = h.seq, h.capture
		}
		res.records++
		res.lastSeq, res.lastCap = h.seq, h.capture
		if h.keyframe {
			res.keyframes++
		}
		res.seqs.add(h.seq)
		res.validEnd = off + h.size
		if visit != nil {
			visit(&h, payload, off)
		}
	}
}

// run is a block of consecutive seqs [first, first+n).
type run struct{ first, n int64 }

// runs is an ordered list of seq blocks. Frames of one session are
// consecutive, so a segment's or the eviction log's seqs take a handful of
// runs however many frames they hold.
type runs []run

func (rs *runs) add(seq int64) {
	if n := len(*rs); n > 0 {
		last := &(*rs)[n-1]
		if last.first+last.n == seq {
			last.n++
			return
		}
	}
	*rs = append(*rs, run{seq, 1})
}

// addRuns appends the seqs of o above `above` (o must come after rs).
func (rs *runs) addRuns(o runs, above int64) {
	for _, r := range o {
		first, n := r.first, r.n
		if first+n-1 <= above {
			continue
		}
		if first <= above {
			n -= above + 1 - first
			first = above + 1
		}
		if k := len(*rs); k > 0 && (*rs)[k-1].first+(*rs)[k-1].n == first {
			(*rs)[k-1].n += n
			continue
		}
		*rs = append(*rs, run{first, n})
	}
}

// countIn counts the seqs s with lo < s < hi.
func (rs runs) countIn(lo, hi int64) int64 {
	var c int64
	for _, r := range rs {
		a, b := max(r.first, lo+1), min(r.first+r.n-1, hi-1)
		if a <= b {
			c += b - a + 1
		}
	}
	return c
}

// countAbove counts the seqs above x.
func (rs runs) countAbove(x int64) int64 { return rs.countIn(x, math.MaxInt64) }

// dropThrough removes the seqs <= x.
func (rs *runs) dropThrough(x int64) {
	i := 0
	for i < len(*rs) && (*rs)[i].first+(*rs)[i].n-1 <= x {
		i++
	}
	*rs = (*rs)[i:]
	if len(*rs) > 0 && (*rs)[0].first <= x {
		(*rs)[0].n -= x + 1 - (*rs)[0].first
		(*rs)[0].first = x + 1
	}
}

// remove removes seq.
func (rs *runs) remove(seq int64) {
	for i, r := range *rs {
		if seq < r.first || seq >= r.first+r.n {
			continue
		}
		switch {
		case r.n == 1:
			*rs = slices.Delete(*rs, i, i+1)
		case seq == r.first:
			(*rs)[i] = run{r.first + 1, r.n - 1}
		case seq == r.first+r.n-1:
			(*rs)[i].n--
		default:
			*rs = slices.Insert(*rs, i+1, run{seq + 1, r.first + r.n - 1 - seq})
			(*rs)[i].n = seq - r.first
		}
		return
	}
}

// dropAbove removes the seqs > x.
func (rs *runs) dropAbove(x int64) {
	for len(*rs) > 0 {
		r := &(*rs)[len(*rs)-1]
		switch {
		case r.first > x:
			*rs = (*rs)[:len(*rs)-1]
			continue
		case r.first+r.n-1 > x:
			r.n = x - r.first + 1
		}
		return
	}
}

func (rs runs) total() int64 {
	var c int64
	for _, r := range rs {
		c += r.n
	}
	return c
}

func (rs runs) last() (int64, bool) {
	if len(rs) == 0 {
		return 0, false
	}
	r := rs[len(rs)-1]
	return r.first + r.n - 1, true
}
