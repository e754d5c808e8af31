package spool

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/edgecam/edgecam/internal/durable"
)

// The segment index (seg-<seq>.idx beside seg-<seq>.log) is what Open would
// otherwise learn by reading the whole segment: written when the segment is
// sealed (rotation), so a restart reads one small file per sealed segment
// instead of the segment. doc.go describes the format in prose.
const (
	idxMagic   = "ECSPIDX1"
	idxVersion = 1
	idxFixed   = 80 // bytes before the runs
	idxCRCSize = 4
	// idxMaxRuns bounds what a damaged count can make Open allocate; a
	// segment holds a handful of runs (one per session of the stream).
	idxMaxRuns = 1 << 20
)

// idxName returns the index file name of a segment file name.
func idxName(segPath string) string { return strings.TrimSuffix(segPath, ".log") + ".idx" }

// segIndex is one decoded index.
type segIndex struct {
	segSize   int64 // size of the segment file it describes
	segMtime  int64 // its modification time, Unix ns
	records   int64
	keyframes int64
	firstSeq  int64
	lastSeq   int64
	firstCap  int64
	lastCap   int64
	seqs      runs
}

// encodeIndex returns the bytes of an index file.
func encodeIndex(x *segIndex) []byte {
	b := make([]byte, idxFixed, idxFixed+16*len(x.seqs)+idxCRCSize)
	le := binary.LittleEndian
	copy(b, idxMagic)
	le.PutUint32(b[8:], idxVersion)
	le.PutUint32(b[12:], uint32(len(x.seqs)))
	for i, v := range []int64{x.segSize, x.segMtime, x.records, x.keyframes, x.firstSeq, x.lastSeq, x.firstCap, x.lastCap} {
		le.PutUint64(b[16+8*i:], uint64(v))
	}
	for _, r := range x.seqs {
		b = le.AppendUint64(b, uint64(r.first))
		b = le.AppendUint64(b, uint64(r.n))
	}
	return le.AppendUint32(b, crc32.Checksum(b, crcTable))
}

var errIndex = errors.New("not a valid index")

// decodeIndex parses an index file, checking its framing, CRC and version
// and that its figures are consistent with each other (a CRC-valid index
// is still only trusted as far as it makes sense).
func decodeIndex(b []byte) (segIndex, error) {
	var x segIndex
	le := binary.LittleEndian
	if len(b) < idxFixed+idxCRCSize || string(b[:8]) != idxMagic {
		return x, fmt.Errorf("%w: short or no magic", errIndex)
	}
	n := int64(le.Uint32(b[12:]))
	if n > idxMaxRuns || int64(len(b)) != idxFixed+16*n+idxCRCSize {
		return x, fmt.Errorf("%w: length %d does not match %d runs", errIndex, len(b), n)
	}
	body := b[:len(b)-idxCRCSize]
	if crc32.Checksum(body, crcTable) != le.Uint32(b[len(body):]) {
		return x, fmt.Errorf("%w: CRC mismatch", errIndex)
	}
	if v := le.Uint32(b[8:]); v != idxVersion {
		// Unlike a segment, an index of another version is no reason to
		// refuse the spool: the segment is scanned instead.
		return x, fmt.Errorf("%w: version %d (this edgecam reads version %d)", errIndex, v, idxVersion)
	}
	f := func(i int) int64 { return int64(le.Uint64(b[16+8*i:])) }
	x = segIndex{segSize: f(0), segMtime: f(1), records: f(2), keyframes: f(3), firstSeq: f(4), lastSeq: f(5), firstCap: f(6), lastCap: f(7)}
	x.seqs = make(runs, n)
	for i := range x.seqs {
		o := idxFixed + 16*i
		x.seqs[i] = run{int64(le.Uint64(b[o:])), int64(le.Uint64(b[o+8:]))}
	}
	// Runs strictly increasing, spanning [firstSeq, lastSeq], summing to
	// records; a segment of records, its header and one record at least.
	prevEnd := int64(-1)
	for _, r := range x.seqs {
		if r.n <= 0 || r.first < 0 || r.first <= prevEnd || r.first > (1<<63-1)-r.n {
			return x, fmt.Errorf("%w: bad seq run", errIndex)
		}
		prevEnd = r.first + r.n - 1
	}
	if last, ok := x.seqs.last(); x.records <= 0 || !ok || x.seqs[0].first != x.firstSeq || last != x.lastSeq ||
		x.seqs.total() != x.records || x.keyframes < 0 || x.keyframes > x.records ||
		x.segSize < segHeaderSize || x.records > (x.segSize-segHeaderSize)/recHeaderSize {
		return x, fmt.Errorf("%w: inconsistent figures", errIndex)
	}
	return x, nil
}

// writeIndex writes the index of a sealed segment whose file is fully
// written and fsynced: a temporary file, fsynced, renamed into place. The
// directory is fsynced later (dirDirty): until then a power cut may lose
// the index, and the segment is scanned at the next Open. An index is only
// ever an optimisation, so failing to write one (a full disk, say) is
// logged and counted; writeIndex reports whether it succeeded.
func (s *Spool) writeIndex(g *segment, keyframes int64) bool {
	fi, err := os.Stat(g.path)
	if err == nil && fi.Size() != g.size {
		err = fmt.Errorf("segment is %d bytes, expected %d", fi.Size(), g.size)
	}
	if err == nil {
		x := segIndex{segSize: g.size, segMtime: fi.ModTime().UnixNano(), records: g.records, keyframes: keyframes,
			firstSeq: g.firstSeq, lastSeq: g.lastSeq, firstCap: g.firstCap, lastCap: g.lastCap, seqs: g.seqs}
		err = durable.ReplaceFile(idxName(g.path), encodeIndex(&x), 0o640) // the directory: at the next Sync
	}
	if err != nil {
		s.st.IndexErrors++
		s.log.Error("spool: cannot write the segment index; the segment will be scanned at the next start", "file", g.path, "err", err)
		return false
	}
	s.dirDirty = true
	return true
}

// loadIndex returns the index of the segment at path when one exists and
// describes the file as it is now (same size and modification time) with
// seqs above prevSeq. ok=false means: scan the segment; why is logged when
// an index was there but is not used.
//
// The segment's 16-byte header is read too (one small read): a segment of a
// newer format version fails Open (the error) whatever an index says, and
// one with a damaged header is scanned.
func (s *Spool) loadIndex(path string, fi os.FileInfo, nameSeq, prevSeq int64) (segIndex, bool, error) {
	b, err := os.ReadFile(idxName(path))
	if err != nil {
		if !errors.Is(err, os.ErrNotExist) {
			s.log.Warn("spool: cannot read the segment index; scanning the segment", "file", path, "err", err)
		}
		return segIndex{}, false, nil
	}
	x, err := decodeIndex(b)
	if err == nil {
		var hdrOK bool
		if hdrOK, err = readSegmentHeader(path); err != nil {
			if errors.Is(err, errUnsupportedVersion) {
				return x, false, fmt.Errorf("spool: %s: %w", path, err)
			}
			return x, false, fmt.Errorf("spool: %w", err)
		}
		switch {
		case !hdrOK:
			err = errors.New("the segment's header is damaged")
		case x.segSize != fi.Size() || x.segMtime != fi.ModTime().UnixNano():
			err = fmt.Errorf("stale: it describes %d bytes modified at %d, the file has %d bytes modified at %d",
				x.segSize, x.segMtime, fi.Size(), fi.ModTime().UnixNano())
		case x.firstSeq < nameSeq || x.firstSeq <= prevSeq:
			err = fmt.Errorf("its first seq %d is below the file name's %d or not above the previous segment's last %d", x.firstSeq, nameSeq, prevSeq)
		}
	}
	if err != nil {
		s.st.IndexesIgnored++
		s.log.Warn("spool: ignoring the segment index; scanning the segment", "file", path, "err", err)
		return segIndex{}, false, nil
	}
	return x, true, nil
}

// readSegmentHeader reads and checks the header of the segment at path.
func readSegmentHeader(path string) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer func() { _ = f.Close() }() // read-only
	var hdr [segHeaderSize]byte
	n, err := f.ReadAt(hdr[:], 0)
	if err != nil && n < segHeaderSize && !errors.Is(err, io.EOF) {
		return false, err
	}
	return checkSegmentHeader(hdr[:n])
}

// removeIndex deletes the index of a segment, if any.
func (s *Spool) removeIndex(segPath string) {
	err := os.Remove(idxName(segPath))
	switch {
	case err == nil:
		s.dirDirty = true
	case errors.Is(err, os.ErrNotExist):
	default:
		s.log.Error("spool: cannot remove a segment index", "file", idxName(segPath), "err", err)
	}
}

// removeOrphanIndexes deletes the index files whose segment is gone (a
// crash between deleting a segment and its index).
func (s *Spool) removeOrphanIndexes(segNames []string) error {
	ents, err := os.ReadDir(s.dir)
	if err != nil {
		return err
	}
	have := make(map[string]bool, len(segNames))
	for _, n := range segNames {
		have[n] = true
	}
	for _, e := range ents {
		n := e.Name()
		if !strings.HasSuffix(n, ".idx") {
			continue
		}
		if _, ok := parseSegName(strings.TrimSuffix(n, ".idx") + ".log"); !ok || have[strings.TrimSuffix(n, ".idx")+".log"] {
			continue
		}
		if err := os.Remove(filepath.Join(s.dir, n)); err != nil && !errors.Is(err, syscall.ENOENT) {
			return err
		}
		s.dirDirty = true
	}
	return nil
}
