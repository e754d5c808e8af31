package spool

import (
	"fmt"
	"os"
	"path/filepath"
)

// recover rebuilds the in-memory state from the directory: each sealed
// segment from its index when a valid one describes it, otherwise (and
// always for the newest segment) by reading and verifying it.
func (s *Spool) recover() error {
	if tmps, _ := filepath.Glob(filepath.Join(s.dir, "*.tmp")); len(tmps) > 0 {
		for _, t := range tmps { // a crash during writeFileAtomic or writeIndex
			_ = os.Remove(t) // best effort: the next open tries again
		}
		s.dirDirty = true
	}
	names, nameSeqs, err := listSegments(s.dir)
	if err != nil {
		return fmt.Errorf("spool: %w", err)
	}
	if err := s.removeOrphanIndexes(names); err != nil {
		return fmt.Errorf("spool: %w", err)
	}
	type scanned struct {
		seg     *segment
		res     segScan
		indexed bool  // from the index: res holds no damage counts
		prev    int64 // last seq of the segments before it
	}
	all := make([]scanned, 0, len(names))
	prev := int64(-1)
	lastWithRecords := -1
	scan := func(path string, size, prev int64) (*segment, segScan, error) {
		f, err := os.Open(path)
		if err != nil {
			return nil, segScan{}, fmt.Errorf("spool: %w", err)
		}
		res, err := scanSegment(f, size, prev, nil)
		_ = f.Close() // read-only
		if err != nil {
			return nil, res, fmt.Errorf("spool: %s: %w", path, err)
		}
		seg := &segment{path: path, size: res.size, records: res.records, keyframes: res.keyframes, seqs: res.seqs,
			firstSeq: res.firstSeq, lastSeq: res.lastSeq, firstCap: res.firstCap, lastCap: res.lastCap,
			verifiedEnd: res.size, synced: res.size}
		return seg, res, nil
	}
	for i, name := range names {
		path := filepath.Join(s.dir, name)
		fi, err := os.Stat(path)
		if err != nil {
			return fmt.Errorf("spool: %w", err)
		}
		sc := scanned{prev: prev}
		if i < len(names)-1 { // the newest segment may be torn: always scanned
			x, ok, err := s.loadIndex(path, fi, nameSeqs[i], prev)
			if err != nil {
				return err
			}
			if ok {
				sc.indexed = true
				sc.res = segScan{headerOK: true, records: x.records, keyframes: x.keyframes, size: x.segSize}
				// Nothing of it was read: Next verifies and counts damage
				// from the header on.
				sc.seg = &segment{path: path, size: x.segSize, records: x.records, keyframes: x.keyframes, seqs: x.seqs,
					firstSeq: x.firstSeq, lastSeq: x.lastSeq, firstCap: x.firstCap, lastCap: x.lastCap,
					verifiedEnd: segHeaderSize, synced: x.segSize}
				s.st.IndexedAtOpen++
			}
		}
		if !sc.indexed {
			if sc.seg, sc.res, err = scan(path, fi.Size(), prev); err != nil {
				return err
			}
			s.st.ScannedAtOpen++
		}
		all = append(all, sc)
		if sc.res.records > 0 {
			prev = sc.seg.lastSeq
			lastWithRecords = i
		}
	}
	for lastWithRecords >= 0 && all[lastWithRecords].indexed {
		// The newest segment had no complete record and goes: the one
		// before becomes the segment appended to. It was sealed, but read
		// it anyway, as its tail is what the next appends follow.
		i := lastWithRecords
		seg, res, err := scan(all[i].seg.path, all[i].seg.size, all[i].prev)
		if err != nil {
			return err
		}
		s.st.IndexedAtOpen--
		s.st.ScannedAtOpen++
		all[i] = scanned{seg: seg, res: res, prev: all[i].prev}
		if res.records > 0 {
			break
		}
		lastWithRecords--
		for lastWithRecords >= 0 && all[lastWithRecords].res.records == 0 {
			lastWithRecords--
		}
	}
	indexing := true
	for i, sc := range all {
		seg, res := sc.seg, sc.res
		switch {
		case res.records == 0:
			// Nothing verifiable: a segment created just before a crash
			// (newest) or destroyed by damage (older). Its name would only
			// mislead, so it goes.
			if i > lastWithRecords {
				s.st.Truncated += res.size
				s.log.Warn("spool: removing segment without a complete record (torn at creation)", "file", seg.path, "bytes", res.size)
			} else {
				s.st.Corrupt += res.corrupt + res.tailRecs
				s.log.Error("spool: removing segment without a single valid record", "file", seg.path, "bytes", res.size)
			}
			if err := os.Remove(seg.path); err != nil {
				return fmt.Errorf("spool: %w", err)
			}
			s.dirDirty = true
			continue
		case i == lastWithRecords:
			s.st.Corrupt += res.corrupt
			if res.tail > 0 {
				// The torn end of the last write before a crash or power
				// cut: a short header, a short payload, zeros, or a record
				// whose CRC fails because its blocks never reached the disk.
				if err := truncateFile(seg.path, res.validEnd); err != nil {
					return fmt.Errorf("spool: truncating torn tail: %w", err)
				}
				s.st.Truncated += res.tail
				s.log.Warn("spool: truncated torn tail", "file", seg.path, "bytes", res.tail, "at", res.validEnd)
				seg.size, seg.verifiedEnd, seg.synced = res.validEnd, res.validEnd, res.validEnd
			}
			if res.headerOK {
				// Appends will change it: an index of it (written at a
				// rotation just before a crash) would only be stale.
				s.removeIndex(seg.path)
				f, err := os.OpenFile(seg.path, os.O_RDWR, 0)
				if err != nil {
					return fmt.Errorf("spool: %w", err)
				}
				// After a process crash the tail may sit in the page cache
				// only; make it as durable as the rest before appending.
				if err := f.Sync(); err != nil {
					_ = f.Close() // the fsync error is the one to report
					return fmt.Errorf("spool: fsync %s: %w", seg.path, err)
				}
				s.w = writer{seg: seg, f: f, buf: s.w.buf, fileOff: seg.size}
			} else {
				s.log.Error("spool: newest segment has a damaged header; sealing it and starting a new one on the next append", "file", seg.path)
			}
		default:
			if res.corrupt+res.tailRecs > 0 {
				s.st.Corrupt += res.corrupt + res.tailRecs
			} else if !sc.indexed && res.headerOK && indexing {
				// Sealed, read through and clean, but without a valid
				// index (lost in a power cut, torn, or a spool from before
				// indexes): write it, so the next Open need not read it.
				// After a failure (a full or read-only disk) don't try the
				// others: one error line, not one per segment.
				indexing = s.writeIndex(seg, res.keyframes)
			}
		}
		if res.corrupt > 0 || (i != lastWithRecords && res.tailRecs > 0) || !res.headerOK {
			s.log.Error("spool: skipped damaged records (bad CRC or framing)", "file", seg.path,
				"records", res.corrupt+res.tailRecs, "header_ok", res.headerOK)
		}
		s.segs = append(s.segs, seg)
		s.bytes += seg.size
		s.unacked += seg.records
	}
	if n := len(s.segs); n > 0 {
		s.lastSeq, s.haveLast = s.segs[n-1].lastSeq, true
		// Seqs logged as evicted but still on disk: a crash came between
		// writing the log and deleting the segment. They are not evicted.
		if s.evicted.dropFrom(s.segs[0].firstSeq) {
			s.evictedDirty = true
		}
	}
	if l, ok := s.evicted.last(); ok && (!s.haveLast || l > s.lastSeq) {
		s.lastSeq, s.haveLast = l, true
	}
	return nil
}

func truncateFile(path string, size int64) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	err = f.Truncate(size)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
