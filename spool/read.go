package spool

import (
	"errors"
	"fmt"
	"io"
	"os"
)

// segSource reads the segment under the read cursor: a sealed segment
// through a read-only descriptor, the active one through its own descriptor
// for the flushed part and straight from the write buffer for the rest, so
// a reader tailing the writer never forces small writes.
type segSource struct {
	s   *Spool
	seg *segment
}

func (src *segSource) ReadAt(p []byte, off int64) (int, error) {
	s := src.s
	if src.seg == s.w.seg {
		return s.readActive(p, off)
	}
	if s.rfSeg != src.seg {
		if s.rfile != nil {
			_ = s.rfile.Close() // read-only
			s.rfile, s.rfSeg = nil, nil
		}
		f, err := os.Open(src.seg.path)
		if err != nil {
			return 0, err
		}
		s.rfile, s.rfSeg = f, src.seg
	}
	return s.rfile.ReadAt(p, off)
}

func (s *Spool) readActive(p []byte, off int64) (int, error) {
	w := &s.w
	n := 0
	if off < w.fileOff {
		k := min(int64(len(p)), w.fileOff-off)
		m, err := w.f.ReadAt(p[:k], off)
		n += m
		if err != nil && !errors.Is(err, io.EOF) {
			return n, err
		}
		if int64(m) < k {
			return n, io.ErrUnexpectedEOF
		}
	}
	if n < len(p) {
		if b := off + int64(n) - w.fileOff; b < int64(len(w.buf)) {
			n += copy(p[n:], w.buf[b:])
		}
	}
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}

// Next returns the next record the read cursor has not returned yet, in seq
// order across segments — including frames still in the write buffer — and
// ok=false when the cursor has caught up (wait on Ready). Records acked
// meanwhile are skipped. Evicted is set as documented on Record. The Payload
// is a fresh slice owned by the caller.
//
// Every returned record's CRC verified; damage met on the way is skipped
// and counted in Stats.Corrupt. Next fails after Close or on a read error,
// in which case the cursor stays put and a later call retries.
func (s *Spool) Next() (Record, bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return Record{}, false, ErrClosed
	}
	for {
		if s.rseg == nil || s.rseg.deleted {
			g := s.firstSegAbove(s.readSeq)
			if g == nil {
				s.rseg = nil
				return Record{}, false, nil
			}
			s.setCursor(g)
		}
		g := s.rseg
		s.sc.limit = g.size
		h, payload, _, ev, ok, err := s.sc.next()
		if err != nil {
			s.sc.reset(&s.src, g.size, s.sc.off) // drop the window, retry later
			return Record{}, false, fmt.Errorf("spool: read %s: %w", g.path, err)
		}
		if ev.skipped > 0 && ev.skippedAt >= g.verifiedEnd {
			s.st.Corrupt += ev.skipped
			s.log.Error("spool: skipped damaged records while reading", "file", g.path, "offset", ev.skippedAt, "records", ev.skipped)
		}
		if !ok {
			if g == s.w.seg {
				return Record{}, false, nil
			}
			if s.sc.off < s.sc.limit && s.sc.off >= g.verifiedEnd {
				s.st.Corrupt += max(1, ev.tailMagics)
				s.log.Error("spool: damaged end of segment", "file", g.path, "offset", s.sc.off)
			}
			// Read through, damage counted: a Rewind does not count it again.
			g.verifiedEnd = max(g.verifiedEnd, s.sc.limit)
			next := s.segAfter(g)
			if next == nil {
				return Record{}, false, nil
			}
			s.setCursor(next)
			continue
		}
		if g != s.w.seg {
			// A segment taken from its index is verified here, as Next
			// reads it; what lies before sc.off is counted now.
			g.verifiedEnd = max(g.verifiedEnd, s.sc.off)
		}
		if h.seq <= s.readSeq {
			continue // acked (after Rewind) or not increasing (damage counted at Open)
		}
		p := make([]byte, len(payload)) // make+copy: the compiler skips zeroing
		copy(p, payload)
		rec := h.record(p)
		rec.Evicted = s.evicted.countIn(s.readSeq, h.seq)
		s.readSeq = h.seq
		return rec, true, nil
	}
}

func (s *Spool) setCursor(g *segment) {
	s.rseg = g
	s.src.seg = g
	s.sc.reset(&s.src, g.size, segHeaderSize)
}

// firstSegAbove returns the oldest segment holding a seq above seq.
func (s *Spool) firstSegAbove(seq int64) *segment {
	for _, g := range s.segs {
		if g.records > 0 && g.lastSeq > seq {
			return g
		}
	}
	return nil
}

func (s *Spool) segAfter(g *segment) *segment {
	for i, x := range s.segs {
		if x == g && i+1 < len(s.segs) {
			return s.segs[i+1]
		}
	}
	return nil
}

// Ack marks every record with Seq <= seq as delivered (Kafka acknowledged
// it). Segments holding only delivered records are deleted; the segment
// being written is deleted too once it is fully delivered and has reached
// SegmentSize (a smaller one stays, so a writer followed closely by acks
// does not create and delete a file per frame; Close and DiscardThrough
// delete it). Acks at or below an earlier one are ignored. Ack never fails;
// after Close it does nothing.
func (s *Spool) Ack(seq int64) { s.ack(seq, false) }

// DiscardThrough drops every record with Seq <= seq, like Ack, and also
// deletes the segment being written when nothing in it is left. Call it
// after Open with the last seq Kafka already has, so the spool does not
// send it again.
func (s *Spool) DiscardThrough(seq int64) { s.ack(seq, true) }

func (s *Spool) ack(seq int64, discard bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed || seq <= s.acked {
		return
	}
	var n int64
	for _, g := range s.segs {
		if g.records == 0 || g.firstSeq > seq {
			break
		}
		n += g.seqs.countIn(s.acked, seq+1)
	}
	s.unacked -= n
	s.st.Acked += n
	s.acked = seq
	if s.readSeq < seq {
		s.readSeq = seq
	}
	if len(s.evicted) > 0 && s.evicted[0].first <= seq {
		s.evicted.dropThrough(seq)
		s.evictedDirty = true
	}
	s.sentEvicted.dropThrough(seq) // delivered after all, or counted by the caller
	for len(s.segs) > 0 {
		g := s.segs[0]
		if g.records > 0 && g.lastSeq > seq {
			break
		}
		if g == s.w.seg && !discard && (g.records == 0 || g.size < s.opts.SegmentSize) {
			break
		}
		if g == s.w.seg {
			s.w.buf = s.w.buf[:0] // all delivered: nothing to write
		}
		s.removeSegment(g)
	}
}

// Settled tells the spool that the caller settled seq, a record Next
// returned and not acked (Kafka has it, or the caller counted it under a
// reason of its own): if it was evicted after Next returned it, a Rewind
// does not count it as evicted. Call it before Rewind for the records that
// a cumulative Ack cannot pass yet.
func (s *Spool) Settled(seq int64) {
	s.mu.Lock()
	s.sentEvicted.remove(seq)
	s.mu.Unlock()
}

// Rewind moves the read cursor back to the first record not acked, so Next
// returns again what it returned since the last Ack — after a producer error
// or a reconnect. Frames evicted meanwhile are reported again through
// Record.Evicted; those evicted after Next had returned them now count in
// Stats.Evicted. It signals Ready; after Close it does nothing.
func (s *Spool) Rewind() {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return
	}
	s.readSeq = s.acked
	s.rseg = nil
	// What was handed out and evicted meanwhile is not returned again.
	s.st.Evicted += s.sentEvicted.total()
	s.sentEvicted = nil
	s.mu.Unlock()
	select {
	case s.ready <- struct{}{}:
	default:
	}
}
