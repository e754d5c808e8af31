package spool

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// hwmFile holds the sequence high-water mark: decimal, one line.
const hwmFile = "hwm"

func readHWM(dir string) (int64, error) {
	path := filepath.Join(dir, hwmFile)
	b, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return -1, nil
	}
	if err != nil {
		return 0, fmt.Errorf("spool: %w", err)
	}
	v, err := strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64)
	if err != nil || v < -1 {
		// Written by rename, so this is outside damage. Guessing could reuse
		// seqs already in Kafka; a person has to decide.
		return 0, fmt.Errorf("spool: %s holds %q, not a seq: fix or delete it (deleting is safe only if Kafka will be reachable at start)", path, strings.TrimSpace(string(b)))
	}
	return v, nil
}

// HighWater returns the persisted seq high-water mark: the largest upTo
// passed to Reserve, in this run or a previous one, or -1 if none ever was.
// Seqs up to it may already be in use (in Kafka); a run that cannot ask
// Kafka starts after it.
func (s *Spool) HighWater() int64 {
	s.hwmMu.Lock()
	defer s.hwmMu.Unlock()
	return s.hwm
}

// Reserve durably raises the high-water mark to upTo before the caller uses
// seqs up to it: the value is written to dir/hwm by write-temp, fsync,
// rename, directory fsync, so after Reserve returns nil it survives a power
// cut. It costs a few fsyncs; reserve ahead (e.g. a minute of frames) rather
// than per frame. A value not above the current mark is a no-op (the mark
// never goes down). It fails after Close or with the I/O error, in which
// case the mark is unchanged and the seqs must not be used.
func (s *Spool) Reserve(upTo int64) error {
	s.hwmMu.Lock()
	defer s.hwmMu.Unlock()
	s.mu.Lock()
	closed := s.closed
	s.mu.Unlock()
	if closed {
		return ErrClosed
	}
	if upTo <= s.hwm {
		return nil
	}
	if err := writeFileAtomic(s.dir, hwmFile, append(strconv.AppendInt(nil, upTo, 10), '\n')); err != nil {
		return err
	}
	s.hwm = upTo
	return nil
}
