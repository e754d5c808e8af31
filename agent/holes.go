package agent

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/edgecam/edgecam/internal/durable"
)

// holeLog remembers the stored frames Kafka failed while it acknowledged a
// later frame of the same stream: the only frames below Kafka's last seq
// that Kafka does not hold. A restart's resume reads Kafka's last seq and
// would otherwise drop everything up to it from the spool (trimToKafka). It
// is a small text file beside the stream's spool directory, one seq a line,
// rewritten (temp file, fsync, rename) when a hole appears or is filled —
// rare events: a non-retriable produce error.
//
// A failure is recorded by the producer's callback, before it returns:
// kgo runs the callbacks of failed records before any record produced
// after them can be acknowledged, so when Kafka holds a later seq the
// failed one is on disk already, whatever the deliverer had collected when
// the process died.
//
// It also keeps the highest seq Kafka was known to hold (through), from the
// first hole on and after the holes are filled: once holes were sent
// again, the last record of the key in Kafka can be a resent hole, below
// frames Kafka took before it.
type holeLog struct {
	path    string
	mu      sync.Mutex // add runs on the producer's callback goroutine
	seqs    []int64    // sorted
	through int64      // Kafka holds every seq <= through but seqs; -1: unknown
}

// openHoleLog reads the log at path (missing is empty; a damaged line is
// skipped, which can only cost its frame being taken as delivered).
func openHoleLog(path string) (*holeLog, error) {
	l := &holeLog{path: path, through: -1}
	data, err := os.ReadFile(path)
	if err != nil && !os.IsNotExist(err) {
		return nil, fmt.Errorf("resend list %s: %w", path, err)
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := sc.Text()
		if t, ok := strings.CutPrefix(line, "through "); ok {
			if v, err := strconv.ParseInt(t, 10, 64); err == nil {
				l.through = max(l.through, v)
			}
			continue
		}
		if seq, err := strconv.ParseInt(line, 10, 64); err == nil && seq >= 0 {
			l.seqs = append(l.seqs, seq)
		}
	}
	slices.Sort(l.seqs)
	l.seqs = slices.Compact(l.seqs)
	return l, nil
}

func (l *holeLog) has(seq int64) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	_, ok := slices.BinarySearch(l.seqs, seq)
	return ok
}

func (l *holeLog) first() (int64, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.seqs) == 0 {
		return 0, false
	}
	return l.seqs[0], true
}

func (l *holeLog) len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.seqs)
}

// add records seqs and persists the log before it returns.
func (l *holeLog) add(seqs ...int64) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.seqs = append(l.seqs, seqs...)
	slices.Sort(l.seqs)
	l.seqs = slices.Compact(l.seqs)
	return l.save()
}

// settle forgets the seqs <= through: Kafka has them now, or they were
// dropped and counted.
func (l *holeLog) settle(through int64) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.seqs) == 0 || l.seqs[0] > through {
		return nil
	}
	i, _ := slices.BinarySearch(l.seqs, through+1)
	l.seqs = l.seqs[i:]
	return l.save()
}

// knownThrough records that Kafka holds every seq <= through but the
// holes, and returns the highest such mark known (persisted while there
// are holes).
func (l *holeLog) knownThrough(through int64) (int64, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if through <= l.through {
		return l.through, nil
	}
	had := l.through >= 0 || len(l.seqs) > 0
	l.through = through
	if !had {
		return through, nil // no hole ever: Kafka's last seq says it all
	}
	return through, l.save()
}

func (l *holeLog) save() error {
	if len(l.seqs) == 0 && l.through < 0 {
		if err := os.Remove(l.path); err != nil && !os.IsNotExist(err) {
			return fmt.Errorf("resend list %s: %w", l.path, err)
		}
		return nil
	}
	var b []byte
	if l.through >= 0 {
		b = append(strconv.AppendInt(append(b, "through "...), l.through, 10), '\n')
	}
	for _, s := range l.seqs {
		b = strconv.AppendInt(b, s, 10)
		b = append(b, '\n')
	}
	if err := durable.WriteFile(l.path, b, 0o640); err != nil {
		return fmt.Errorf("resend list %s: %w", l.path, err)
	}
	return nil
}
