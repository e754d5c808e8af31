package spool

import "time"

// Stats is a snapshot of a spool's counters and contents. Counters count
// since Open; the rest describes the spool now.
type Stats struct {
	// Appended is the number of frames Append accepted; AppendedBytes their
	// payload bytes (on disk each frame also takes a 45-byte header).
	Appended, AppendedBytes int64
	// Acked is the number of frames on disk that Ack or DiscardThrough
	// marked delivered.
	Acked int64
	// Evicted is the number of undelivered frames deleted by MaxSize,
	// MaxAge or a full disk; EvictedSegments the segment files deleted for
	// those reasons. A frame deleted while handed out (returned by Next or
	// appended with AppendSent, and not acked) counts only once its fate is
	// known: when Rewind gives up on what was handed out; an Ack past it
	// means the caller delivered it (or counted it itself).
	Evicted, EvictedSegments int64
	// EvictedInFlight is the number of frames deleted while handed out
	// whose fate is not known yet (see Evicted).
	EvictedInFlight int64
	// EvictedPending is the number of evicted frames whose gap is not yet
	// behind an acked record: Next reports them (again after Rewind) through
	// Record.Evicted. It includes evictions from before Open.
	EvictedPending int64
	// Corrupt estimates the records skipped because their CRC or framing
	// was damaged (one per record magic found in a damaged region, at least
	// one per region): in the segments Open scanned, at Open; in those it
	// took from their index, when Next first reads through the damage.
	Corrupt int64
	// IndexedAtOpen and ScannedAtOpen count the segments Open took from
	// their index and those it read through (the newest one always, and
	// any without a valid index). IndexesIgnored counts the indexes Open
	// found and did not trust (torn, stale, another version: the segment
	// was scanned); IndexErrors the indexes that could not be written at
	// rotation (the segment will be scanned at the next Open).
	IndexedAtOpen, ScannedAtOpen int
	IndexesIgnored, IndexErrors  int64
	// Truncated is the number of bytes cut at Open from the torn end of the
	// newest segment (or removed with segments torn at creation).
	Truncated int64
	// NoSpace counts writes that hit ENOSPC/EDQUOT and made the spool evict.
	NoSpace int64
	// Syncs and SyncErrors count fsyncs of segment data.
	Syncs, SyncErrors int64
	// Unacked is the number of frames not yet acked (as Len).
	Unacked int64
	// Segments and Bytes describe the segment files, including the write
	// buffer.
	Segments int
	Bytes    int64
	// OldestSeq/OldestCapture describe the first frame on disk (it may be
	// acked already, if its segment is still needed); NewestSeq/NewestCapture
	// the last. Seqs are -1 and times zero when the spool holds no frame.
	OldestSeq, NewestSeq         int64
	OldestCapture, NewestCapture time.Time
}

// Stats returns a snapshot of the counters. It is cheap (no I/O) and works
// after Close, returning the last values.
func (s *Spool) Stats() Stats {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.st
	st.Unacked = s.unacked
	st.EvictedPending = s.evicted.countAbove(s.acked)
	st.EvictedInFlight = s.sentEvicted.total()
	st.Segments = len(s.segs)
	st.Bytes = s.bytes
	st.OldestSeq, st.NewestSeq = -1, -1
	for _, g := range s.segs {
		if g.records > 0 {
			st.OldestSeq, st.OldestCapture = g.firstSeq, decodeTime(g.firstCap)
			break
		}
	}
	for i := len(s.segs) - 1; i >= 0; i-- {
		if g := s.segs[i]; g.records > 0 {
			st.NewestSeq, st.NewestCapture = g.lastSeq, decodeTime(g.lastCap)
			break
		}
	}
	return st
}
