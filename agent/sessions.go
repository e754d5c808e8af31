package agent

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// sessionLog remembers which agent run captured which seqs of a stream, so
// that frames delivered from the spool by a later run still carry the
// edgecam-session of the run that captured them. It is a small text file
// beside the stream's spool directory, one "<first seq> <session>" line per
// run, rewritten (temp file, fsync, rename) once per start.
type sessionLog struct {
	path    string
	entries []sessionEntry // by first seq
}

type sessionEntry struct {
	first   int64
	session string
}

// openSessionLog reads the log at path (missing is empty), drops the runs
// wholly below keepFrom (their frames are all delivered) and records that
// session starts at first.
func openSessionLog(path string, keepFrom, first int64, session string) (*sessionLog, error) {
	l := &sessionLog{path: path}
	data, err := os.ReadFile(path)
	if err != nil && !os.IsNotExist(err) {
		return nil, err
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) != 2 {
			continue // a damaged line only costs a header on old frames
		}
		seq, err := strconv.ParseInt(f[0], 10, 64)
		if err != nil || seq >= first {
			continue
		}
		l.entries = append(l.entries, sessionEntry{seq, f[1]})
	}
	sort.Slice(l.entries, func(i, j int) bool { return l.entries[i].first < l.entries[j].first })
	// Keep the last run starting at or below keepFrom and all later ones.
	cut := 0
	for i, e := range l.entries {
		if e.first <= keepFrom {
			cut = i
		}
	}
	l.entries = append(l.entries[cut:], sessionEntry{first, session})
	var b strings.Builder
	for _, e := range l.entries {
		fmt.Fprintf(&b, "%d %s\n", e.first, e.session)
	}
	if err := writeDurable(path, []byte(b.String())); err != nil {
		return nil, fmt.Errorf("session log %s: %w", path, err)
	}
	return l, nil
}

// of returns the session that captured seq ("" if unknown).
func (l *sessionLog) of(seq int64) string {
	i := sort.Search(len(l.entries), func(i int) bool { return l.entries[i].first > seq })
	if i == 0 {
		return ""
	}
	return l.entries[i-1].session
}

// writeDurable replaces the file at path with data so that a crash leaves
// either the old or the new file: a temporary file, fsync, rename, fsync of
// the directory.
func writeDurable(path string, data []byte) error {
	tmp := path + ".tmp"
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o640)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		_ = os.Remove(tmp) // best effort: err is the one to report
		return err
	}
	// Best effort: the rename is in place; the folder's fsync makes it
	// durable where the filesystem supports it.
	if d, derr := os.Open(filepath.Dir(path)); derr == nil {
		_ = d.Sync()
		_ = d.Close()
	}
	return nil
}
