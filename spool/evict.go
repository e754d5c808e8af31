package spool

import (
	"bufio"
	"bytes"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
)

// evictedFile logs the seqs of evicted frames that are not acked yet, so the
// Evicted count of the next record survives a restart. A seq gap alone cannot
// tell: frames delivered from memory in outage mode, and seqs reserved by a
// previous run, leave gaps too.
const evictedFile = "evicted"

const evictedHeader = "edgecam spool evicted v1"

// enforceLimits deletes the oldest segments while the spool is over MaxSize
// or their newest frame is older than MaxAge. The segment being written is
// never deleted.
func (s *Spool) enforceLimits() {
	var victims []*segment
	total := s.bytes
	var cutoff int64
	if s.opts.MaxAge > 0 {
		cutoff = encodeTime(s.opts.Now().Add(-s.opts.MaxAge))
	}
	reason := "max size"
	for _, g := range s.segs {
		if g == s.w.seg {
			break
		}
		over := total > s.opts.MaxSize
		old := s.opts.MaxAge > 0 && g.records > 0 && g.lastCap != zeroCapture && g.lastCap < cutoff
		if !over && !old {
			break
		}
		if !over {
			reason = "max age"
		}
		victims = append(victims, g)
		total -= g.size
	}
	if len(victims) > 0 {
		s.evictSegments(victims, reason)
	}
}

// evictOldest evicts the oldest segment to make room on a full disk; false
// when only the segment being written is left.
func (s *Spool) evictOldest(reason string) bool {
	if len(s.segs) == 0 || s.segs[0] == s.w.seg {
		return false
	}
	s.evictSegments(s.segs[:1:1], reason)
	return true
}

// evictSegments deletes the given oldest segments, counting their frames not
// yet acked as evicted. The eviction log is made durable before the files
// go, so a crash in between only leaves frames logged as evicted that are
// still on disk (Open reconciles that); on a full disk the log is retried
// once the files are gone.
func (s *Spool) evictSegments(victims []*segment, reason string) {
	var lost int64
	for _, g := range victims {
		// Seqs above the read cursor were never handed out: lost. Those
		// handed out and not acked wait for their fate (Stats.Evicted).
		lost += g.seqs.countAbove(s.readSeq)
		var sent runs
		sent.addRuns(g.seqs, s.acked)
		sent.dropAbove(s.readSeq)
		s.sentEvicted = append(s.sentEvicted, sent...)
		s.evicted.addRuns(g.seqs, s.acked)
	}
	s.st.Evicted += lost
	s.st.EvictedSegments += int64(len(victims))
	perr := s.saveEvicted()
	for _, g := range victims {
		s.log.Warn("spool: evicted segment", "reason", reason, "file", filepath.Base(g.path),
			"frames", g.records, "undelivered", g.seqs.countAbove(s.acked), "first_seq", g.firstSeq, "last_seq", g.lastSeq)
		s.removeSegment(g)
	}
	if perr != nil {
		if perr = s.saveEvicted(); perr != nil {
			s.log.Error("spool: cannot persist the eviction log; after a crash the gap will not be reported", "err", perr)
		}
	}
}

// saveEvicted writes the eviction log (or removes it when empty).
func (s *Spool) saveEvicted() error {
	path := filepath.Join(s.dir, evictedFile)
	if len(s.evicted) == 0 {
		if err := os.Remove(path); err != nil && !os.IsNotExist(err) {
			s.evictedDirty = true
			return fmt.Errorf("spool: %w", err)
		}
		s.evictedDirty = false
		s.dirDirty = true
		return nil
	}
	b := append(make([]byte, 0, 64+24*len(s.evicted)), evictedHeader+"\n"...)
	for _, r := range s.evicted {
		b = strconv.AppendInt(b, r.first, 10)
		b = append(b, ' ')
		b = strconv.AppendInt(b, r.n, 10)
		b = append(b, '\n')
	}
	if err := writeFileAtomic(s.dir, evictedFile, b); err != nil {
		s.evictedDirty = true
		return err
	}
	s.evictedDirty = false
	return nil
}

// readEvicted loads the eviction log; a damaged one is logged and ignored
// (the only loss is the Evicted count on one record).
func readEvicted(dir string, log *slog.Logger) runs {
	data, err := os.ReadFile(filepath.Join(dir, evictedFile))
	if err != nil {
		if !os.IsNotExist(err) {
			log.Error("spool: cannot read the eviction log", "err", err)
		}
		return nil
	}
	rs, err := parseEvicted(data)
	if err != nil {
		log.Error("spool: ignoring damaged eviction log", "file", filepath.Join(dir, evictedFile), "err", err)
		return nil
	}
	return rs
}

func parseEvicted(data []byte) (runs, error) {
	sc := bufio.NewScanner(bytes.NewReader(data))
	if !sc.Scan() || sc.Text() != evictedHeader {
		return nil, fmt.Errorf("missing header %q", evictedHeader)
	}
	var rs runs
	for sc.Scan() {
		f := bytes.Fields(sc.Bytes())
		if len(f) != 2 {
			return nil, fmt.Errorf("bad line %q", sc.Text())
		}
		first, err1 := strconv.ParseInt(string(f[0]), 10, 64)
		n, err2 := strconv.ParseInt(string(f[1]), 10, 64)
		if err1 != nil || err2 != nil || first < 0 || n <= 0 || first > (1<<63-1)-n {
			return nil, fmt.Errorf("bad line %q", sc.Text())
		}
		if l, ok := rs.last(); ok && first <= l {
			return nil, fmt.Errorf("seqs out of order at %q", sc.Text())
		}
		rs = append(rs, run{first, n})
	}
	return rs, sc.Err()
}

// dropFrom removes the seqs >= x and reports whether anything changed.
func (rs *runs) dropFrom(x int64) bool {
	changed := false
	for len(*rs) > 0 {
		last := &(*rs)[len(*rs)-1]
		switch {
		case last.first >= x:
			*rs = (*rs)[:len(*rs)-1]
			changed = true
			continue
		case last.first+last.n > x:
			last.n = x - last.first
			changed = true
		}
		break
	}
	return changed
}

// writeFileAtomic replaces dir/name with data: write a temporary file,
// fsync it, rename it over the old one, fsync the directory. A crash leaves
// either the old or the new content, never a mix.
func writeFileAtomic(dir, name string, data []byte) error {
	tmp := filepath.Join(dir, name+".tmp")
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o640)
	if err != nil {
		return fmt.Errorf("spool: %w", err)
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, filepath.Join(dir, name))
	}
	if err != nil {
		_ = os.Remove(tmp) // best effort: recover removes a leftover *.tmp
		return fmt.Errorf("spool: writing %s: %w", filepath.Join(dir, name), err)
	}
	if err := syncDir(dir); err != nil {
		return fmt.Errorf("spool: fsync directory: %w", err)
	}
	return nil
}
