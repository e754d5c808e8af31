package spool

import (
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"syscall"
	"time"

	"golang.org/x/sys/unix"

	"github.com/edgecam/edgecam/internal/durable"
)

// Fsync is the policy deciding when appended frames are forced to stable
// storage. Whatever the policy, a segment is always fsynced before the next
// one is started (rotation), and Sync and Close always fsync.
type Fsync int

const (
	// FsyncInterval (the default) fsyncs at most Options.FsyncInterval after
	// the first frame not yet synced was appended, from a background timer
	// that runs only while there is unsynced data. A power cut loses at most
	// that window; a crash of the process alone loses nothing appended
	// (Append writes every record through to the page cache).
	FsyncInterval Fsync = iota
	// FsyncKeyframe fsyncs inside Append after every keyframe, so a power
	// cut loses at most the GOP being written. Append blocks for the fsync.
	// Frames after the last keyframe are not synced until the next one (or
	// Sync, or Close): use it only with a regular keyframe interval.
	FsyncKeyframe
	// FsyncAlways fsyncs inside every Append: nothing acknowledged by Append
	// is lost, at the cost of one fsync per frame (30 a second per camera,
	// which wears SD cards; use it on real disks).
	FsyncAlways
)

// String returns the config spelling of f: "interval", "keyframe" or "always".
func (f Fsync) String() string {
	switch f {
	case FsyncInterval:
		return "interval"
	case FsyncKeyframe:
		return "keyframe"
	case FsyncAlways:
		return "always"
	}
	return fmt.Sprintf("Fsync(%d)", int(f))
}

// Defaults and limits of Options.
const (
	// DefaultSegmentSize is the segment size used when Options.SegmentSize is 0.
	DefaultSegmentSize = 32 << 20
	// MinSegmentSize is the smallest Options.SegmentSize accepted.
	MinSegmentSize = 64 << 10
	// DefaultMaxSize is the disk budget used when Options.MaxSize is 0.
	DefaultMaxSize = 2 << 30
	// DefaultFsyncInterval is the FsyncInterval window used when
	// Options.FsyncInterval is 0.
	DefaultFsyncInterval = 500 * time.Millisecond

	writeBufferSize = 1 << 20
)

// Options configures Open. The zero value is usable: 32 MiB segments, a
// 2 GiB budget, no age limit, fsync every 500 ms, no logging.
type Options struct {
	// SegmentSize is the size in bytes at which the segment being written is
	// closed and a new one started — at the next keyframe, so a segment
	// grows past it by up to one GOP and every segment but possibly the
	// very first one starts with a keyframe. 0 means a quarter of MaxSize,
	// at least MinSegmentSize (64 KiB) and at most DefaultSegmentSize
	// (32 MiB); below MinSegmentSize Open fails. Eviction works on whole
	// segments, so this is also the granularity of what a full spool drops
	// at once: a quarter of it at most by default.
	SegmentSize int64

	// MaxSize is the disk budget in bytes for all segments of this spool
	// (buffered bytes included). When an Append takes the spool over it, the
	// oldest whole segments are deleted — their undelivered frames count as
	// evicted — until it fits again; the segment being written is never
	// deleted, so a stream without keyframes can exceed it. 0 means
	// DefaultMaxSize (2 GiB), or 2×SegmentSize when that is larger; it
	// must be at least 2×SegmentSize. The spool also evicts when the file
	// system reports it is full (ENOSPC), whatever MaxSize says.
	MaxSize int64

	// MaxAge evicts, on Append and on Open, every segment (but the one being
	// written) whose newest frame was captured longer than MaxAge ago,
	// according to Now and the frames' Capture times. 0 means no age limit;
	// negative is an error.
	MaxAge time.Duration

	// Fsync is the durability policy; the zero value is FsyncInterval.
	Fsync Fsync

	// FsyncInterval is the longest time appended frames stay unsynced under
	// the FsyncInterval policy. 0 means DefaultFsyncInterval (500 ms);
	// negative is an error. Ignored by the other policies.
	FsyncInterval time.Duration

	// Logger receives recovery, eviction and disk errors (never one line
	// per frame). nil discards them.
	Logger *slog.Logger

	// Now is the clock for MaxAge. nil means time.Now; tests set it.
	Now func() time.Time

	// writeBuffer overrides the 1 MiB write buffer (tests only).
	writeBuffer int
}

func (o Options) withDefaults() (Options, error) {
	// The same two formulas as config.Spool.WithDefaults, which the agent
	// uses (TestDefaultsAgreeWithConfig keeps them so).
	if o.MaxSize == 0 {
		o.MaxSize = max(DefaultMaxSize, 2*o.SegmentSize)
	}
	if o.SegmentSize == 0 {
		o.SegmentSize = min(max(o.MaxSize/4, MinSegmentSize), DefaultSegmentSize)
	}
	if o.SegmentSize < MinSegmentSize {
		return o, fmt.Errorf("spool: segment size %d bytes is below the minimum of %d", o.SegmentSize, MinSegmentSize)
	}
	if o.MaxSize < 2*o.SegmentSize {
		return o, fmt.Errorf("spool: max size %d bytes must be at least twice the segment size (%d bytes)", o.MaxSize, o.SegmentSize)
	}
	if o.MaxAge < 0 {
		return o, fmt.Errorf("spool: negative max age %v", o.MaxAge)
	}
	switch o.Fsync {
	case FsyncInterval, FsyncKeyframe, FsyncAlways:
	default:
		return o, fmt.Errorf("spool: unknown fsync policy %d", int(o.Fsync))
	}
	if o.FsyncInterval == 0 {
		o.FsyncInterval = DefaultFsyncInterval
	}
	if o.FsyncInterval < 0 {
		return o, fmt.Errorf("spool: negative fsync interval %v", o.FsyncInterval)
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.writeBuffer == 0 {
		o.writeBuffer = writeBufferSize
	}
	return o, nil
}

// Record is one encoded frame as stored in the spool.
type Record struct {
	// Seq is the frame's sequence number: >= 0, strictly increasing across
	// Appends (gaps allowed), never reused.
	Seq int64
	// Keyframe marks an IDR frame; segments only start at one.
	Keyframe bool
	// ClockUnsynced: the capture time was taken while the box's clock was
	// not synchronised (a Pi before NTP answered); kept for the
	// edgecam-clock header of a frame delivered late.
	ClockUnsynced bool
	// H265: Payload is an H.265 access unit (else H.264); kept for the
	// edgecam-codec header of a frame delivered late, so frames spooled
	// before a change of the stream's codec keep theirs.
	H265 bool
	// Audio: Payload is an audio frame (AAC in ADTS, or with Opus an
	// Opus packet), not video; kept for the edgecam-codec header. An audio
	// track has a spool of its own, so a spool holds one track; the flag
	// lets `edgecam spool inspect` and a late delivery tell the codec.
	Audio bool
	// Opus, with Audio: the payload is an Opus packet (else AAC).
	Opus bool
	// PTS and DTS are the stream-clock timestamps, kept to the nanosecond.
	PTS, DTS time.Duration
	// Capture is the wall-clock capture time, kept to the nanosecond (as
	// Unix time: the location and monotonic reading are not kept). It drives
	// MaxAge.
	Capture time.Time
	// Payload is the encoded access unit, at most MaxPayload bytes. Append
	// copies it; Next returns a fresh slice the caller owns.
	Payload []byte
	// Evicted is ignored by Append. On a record returned by Next it is the
	// number of frames the spool evicted (MaxSize, MaxAge, disk full) whose
	// seqs lie between the previous record Next returned (or the last acked
	// one, after Open or Rewind) and this one: the value for the
	// edgecam-evicted header. It is computed from a persisted log of evicted
	// seqs, so it survives a restart.
	Evicted int64
}

// ErrClosed is returned by methods called after Close.
var ErrClosed = errors.New("spool: closed")

// ErrLocked matches (errors.Is) the error Open returns when another process
// holds the spool directory; the error itself is a *LockedError.
var ErrLocked = errors.New("spool: directory is locked")

// LockedError says which process holds a spool directory.
type LockedError struct {
	Dir string
	PID int // from dir/LOCK; 0 when it could not be read
}

// Error returns the message for the operator, e.g. "spool: /var/lib/edgecam/spool/front
// is locked by pid 812 (another edgecam running?)".
func (e *LockedError) Error() string {
	if e.PID > 0 {
		return fmt.Sprintf("spool: %s is locked by pid %d (another edgecam running?)", e.Dir, e.PID)
	}
	return fmt.Sprintf("spool: %s is locked by another process (another edgecam running?)", e.Dir)
}

// Is makes errors.Is(err, ErrLocked) true.
func (e *LockedError) Is(target error) bool { return target == ErrLocked }

// segment is the in-memory summary of one segment file.
type segment struct {
	path      string // seg-<seq of the first record appended to it>.log
	size      int64  // bytes in the file, plus the write buffer for the active segment
	records   int64  // verified records
	keyframes int64
	seqs      runs
	firstSeq  int64
	lastSeq   int64
	firstCap  int64
	lastCap   int64
	// verifiedEnd: bytes scanned (and their damage counted) at Open, so Next
	// does not count the same damage twice.
	verifiedEnd int64
	// synced is how much of the file is known to be on stable storage
	// (fsynced, or found at Open and fsynced there). Tests cut files back
	// to it to simulate a power cut.
	synced  int64
	deleted bool
}

// writer is the segment being appended to. Its bytes are [0, fileOff) in the
// file followed by buf; segment.size == fileOff + len(buf).
type writer struct {
	seg     *segment
	f       *os.File // O_RDWR: Next reads the flushed part through it
	buf     []byte
	fileOff int64
	dirty   bool // written since the last fsync
}

// Spool is an on-disk ring buffer of encoded frames for one stream. All
// methods are safe for concurrent use: typically the capture goroutine
// Appends while the producer goroutine calls Next and Ack.
type Spool struct {
	dir  string
	opts Options
	log  *slog.Logger

	// syncMu serialises fsyncs (Sync, the interval timer, Close) so that
	// segment.synced only grows. Lock order: hwmMu, syncMu, mu.
	syncMu sync.Mutex

	// mu guards everything below. fsync of segment data runs outside it
	// (on a dup of the descriptor) so a slow SD card does not stall Append.
	mu       sync.Mutex
	closed   bool
	lockFile *os.File
	segs     []*segment // oldest first; w.seg, if any, is last
	bytes    int64      // sum of segs[i].size
	w        writer
	dirDirty bool // files created or removed since the last directory fsync

	acked   int64 // every seq <= acked is delivered
	readSeq int64 // every seq <= readSeq was returned by Next or acked
	unacked int64 // verified records above acked in segs
	rseg    *segment
	src     segSource
	sc      *scanner
	rfile   *os.File // read descriptor for rfileSeg (not the active segment)
	rfSeg   *segment

	evicted      runs // evicted seqs above acked; persisted in dir/evicted
	sentEvicted  runs // evicted seqs in (acked, readSeq]: handed out, fate unknown (Stats.Evicted)
	evictedDirty bool // evicted changed since it was last written

	lastSeq  int64
	haveLast bool

	timer      *time.Timer
	timerArmed bool
	ready      chan struct{}

	st Stats

	hwmMu sync.Mutex
	hwm   int64

	// writeAt is a test hook standing in for (*os.File).WriteAt.
	writeAt func(f *os.File, b []byte, off int64) (int, error)
}

// Open opens (creating it and its parents if needed) the spool in dir, locks
// it against other processes, and recovers it: each sealed segment is taken
// from its index (seg-<seq>.idx, written when it was sealed) when a valid
// one matches the file, otherwise read and verified; the newest segment is
// always read, and its torn tail truncated (Stats.Truncated); damaged
// records in the segments read are skipped and counted (Stats.Corrupt);
// then MaxSize and MaxAge are applied. With every index in place Open reads
// one index and one segment header per sealed segment and the newest
// segment, so a full spool opens in well under a second even on an SD card;
// without them (a spool written before indexes, a crash that lost them) it
// reads the whole spool, about as long as reading MaxSize from the disk.
// Damage inside a segment taken from its index is found and counted by
// Next when it reads there (see the package doc, Recovery).
//
// Open fails with a *LockedError (errors.Is ErrLocked) naming the holder's
// pid when another process — or another Open in this one — holds dir; with
// an error naming the file when a segment was written by a newer format
// version (its header is checked even when an index describes it) or the
// high-water mark file is unreadable; or with the I/O error.
// The read cursor starts at the oldest record and nothing is acked: after a
// restart call DiscardThrough with what Kafka already has.
func Open(dir string, opts Options) (*Spool, error) {
	opts, err := opts.withDefaults()
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, fmt.Errorf("spool: %w", err)
	}
	lf, err := lockDir(dir)
	if err != nil {
		return nil, err
	}
	s := &Spool{
		dir:      dir,
		opts:     opts,
		log:      opts.Logger.With("spool", dir),
		lockFile: lf,
		acked:    -1,
		readSeq:  -1,
		ready:    make(chan struct{}, 1),
		sc:       newScanner(nil, 0, 0, scanWindow),
	}
	s.src.s = s
	s.w.buf = make([]byte, 0, opts.writeBuffer)
	fail := func(err error) (*Spool, error) {
		if s.w.f != nil {
			_ = s.w.f.Close() // open failed: err is the one to report
		}
		unlockDir(lf)
		return nil, err
	}
	if s.hwm, err = readHWM(dir); err != nil {
		return fail(err)
	}
	s.evicted = readEvicted(dir, s.log)
	if err := s.recover(); err != nil {
		return fail(err)
	}
	s.enforceLimits()
	if s.dirDirty {
		if err := syncDir(dir); err != nil {
			return fail(fmt.Errorf("spool: %w", err))
		}
		s.dirDirty = false
	}
	return s, nil
}

func segName(seq int64) string { return fmt.Sprintf("seg-%020d.log", seq) }

// parseSegName returns the seq of a segment file name.
func parseSegName(name string) (int64, bool) {
	var seq int64
	if len(name) != len("seg-")+20+len(".log") || name[:4] != "seg-" || name[24:] != ".log" {
		return 0, false
	}
	for _, c := range name[4:24] {
		if c < '0' || c > '9' {
			return 0, false
		}
		seq = seq*10 + int64(c-'0')
		if seq < 0 {
			return 0, false
		}
	}
	return seq, true
}

// listSegments returns the segment files of dir, oldest first.
func listSegments(dir string) ([]string, []int64, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil, err
	}
	var names []string
	var seqs []int64
	for _, e := range ents { // ReadDir sorts by name; zero-padded names sort by seq
		if seq, ok := parseSegName(e.Name()); ok && e.Type().IsRegular() {
			names = append(names, e.Name())
			seqs = append(seqs, seq)
		}
	}
	return names, seqs, nil
}

// Append adds r to the spool. It is written to the segment file before
// Append returns (one write; the page cache keeps it through a crash of the
// process) and forced to stable storage by the fsync policy; a new segment is started when r is a keyframe and the current one has
// reached SegmentSize. Afterwards MaxSize and MaxAge are enforced by deleting
// the oldest whole segments.
//
// Append fails, appending nothing, when r.Seq is negative or not above every
// seq appended before (LastSeq), when the payload exceeds MaxPayload, after
// Close, or on an I/O error. A full disk (ENOSPC) is not an error while
// older segments can be evicted to make room; when only the segment being
// written is left, the error wraps syscall.ENOSPC and r is not appended.
// Under FsyncAlways and
// FsyncKeyframe the error may also come from the fsync, after r was written.
func (s *Spool) Append(r Record) error { return s.append(r, false) }

// AppendSent appends r like Append and moves the read cursor past it: the
// caller has handed r to Kafka already (outage mode writing the frames it
// holds in flight to the spool). Next does not return r; after Rewind it
// does, like every record not acked. Besides Append's reasons it fails,
// appending nothing, when Next still has records to return before r: the
// cursor must have caught up with LastSeq.
func (s *Spool) AppendSent(r Record) error { return s.append(r, true) }

func (s *Spool) append(r Record, sent bool) error {
	if r.Seq < 0 {
		return fmt.Errorf("spool: append seq %d: seqs must not be negative", r.Seq)
	}
	if len(r.Payload) > MaxPayload {
		return fmt.Errorf("spool: append seq %d: payload of %d bytes exceeds the maximum of %d", r.Seq, len(r.Payload), MaxPayload)
	}
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return ErrClosed
	}
	if s.haveLast && r.Seq <= s.lastSeq {
		s.mu.Unlock()
		return fmt.Errorf("spool: append seq %d: not above the last appended seq %d", r.Seq, s.lastSeq)
	}
	if sent && s.haveLast && s.readSeq < s.lastSeq {
		s.mu.Unlock()
		return fmt.Errorf("spool: append seq %d as handed out: Next has not returned seqs up to %d yet", r.Seq, s.lastSeq)
	}
	if err := s.appendLocked(&r); err != nil {
		s.mu.Unlock()
		return err
	}
	if sent {
		// Past r without reading it back: the scanner goes to the end of
		// the segment it was written to.
		s.readSeq = r.Seq
		s.setCursor(s.w.seg)
		s.sc.reset(&s.src, s.w.seg.size, s.w.seg.size)
	}
	sync := s.opts.Fsync == FsyncAlways || (s.opts.Fsync == FsyncKeyframe && r.Keyframe)
	if s.opts.Fsync == FsyncInterval && !s.timerArmed {
		s.timerArmed = true
		if s.timer == nil {
			s.timer = time.AfterFunc(s.opts.FsyncInterval, s.onTimer)
		} else {
			s.timer.Reset(s.opts.FsyncInterval)
		}
	}
	s.mu.Unlock()
	if !sent {
		select {
		case s.ready <- struct{}{}:
		default:
		}
	}
	if sync {
		return s.Sync()
	}
	return nil
}

func (s *Spool) appendLocked(r *Record) error {
	var err error
	switch {
	case s.w.seg == nil:
		err = s.newSegment(r.Seq)
	case r.Keyframe && s.w.seg.records > 0 && s.w.seg.size >= s.opts.SegmentSize:
		err = s.rotate(r.Seq)
	}
	if err != nil {
		return err
	}
	size := int64(recHeaderSize + len(r.Payload))
	w := &s.w
	if int64(len(w.buf))+size > int64(cap(w.buf)) {
		if err := s.flush(); err != nil {
			return err
		}
	}
	if size <= int64(cap(w.buf)) {
		n := len(w.buf)
		w.buf = w.buf[:n+int(size)]
		putRecordHeader(w.buf[n:], r)
		copy(w.buf[n+recHeaderSize:], r.Payload)
		// Write through: once Append returns, the record is in the file
		// (the page cache), so a crash of the process loses nothing that
		// was appended; the fsync policy decides when it reaches the disk.
		if err := s.flush(); err != nil {
			w.buf = w.buf[:n]
			return err
		}
	} else {
		// Bigger than the buffer (which flush just emptied): straight to
		// the file.
		var hdr [recHeaderSize]byte
		putRecordHeader(hdr[:], r)
		if err := s.writeOut(hdr[:], r.Payload); err != nil {
			return err
		}
	}
	seg := w.seg
	seg.size += size
	s.bytes += size
	if seg.records == 0 {
		seg.firstSeq, seg.firstCap = r.Seq, encodeTime(r.Capture)
	}
	seg.records++
	if r.Keyframe {
		seg.keyframes++
	}
	seg.lastSeq, seg.lastCap = r.Seq, encodeTime(r.Capture)
	seg.seqs.add(r.Seq)
	s.lastSeq, s.haveLast = r.Seq, true
	if r.Seq > s.acked {
		s.unacked++
	}
	s.st.Appended++
	s.st.AppendedBytes += int64(len(r.Payload))
	s.enforceLimits()
	return nil
}

// flush writes the write buffer to the segment file.
func (s *Spool) flush() error {
	if len(s.w.buf) == 0 {
		return nil
	}
	if err := s.writeOut(s.w.buf); err != nil {
		return err
	}
	s.w.buf = s.w.buf[:0]
	return nil
}

// writeOut writes bufs at the end of the active segment file. A failed write
// is rolled back (the file truncated to where it was), so the file only ever
// holds whole records; on ENOSPC the oldest segment is evicted and the write
// retried while there is one to evict.
func (s *Spool) writeOut(bufs ...[]byte) error {
	w := &s.w
	for {
		off := w.fileOff
		var err error
		for _, b := range bufs {
			var n int
			if s.writeAt != nil {
				n, err = s.writeAt(w.f, b, off)
			} else {
				n, err = w.f.WriteAt(b, off)
			}
			off += int64(n)
			if err != nil {
				break
			}
		}
		if err == nil {
			w.fileOff = off
			w.dirty = true
			return nil
		}
		if off > w.fileOff {
			if terr := w.f.Truncate(w.fileOff); terr != nil {
				// Harmless: the next write overwrites the partial bytes,
				// and recovery cuts whatever is left past the last record.
				s.log.Error("spool: cannot roll back a partial write", "file", w.seg.path, "err", terr)
			}
		}
		if !isNoSpace(err) {
			return fmt.Errorf("spool: write %s: %w", w.seg.path, err)
		}
		s.st.NoSpace++
		if !s.evictOldest("disk full") {
			return fmt.Errorf("spool: write %s: %w (nothing left to evict: the file system is too small for one segment, or something else fills it)", w.seg.path, err)
		}
	}
}

func isNoSpace(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT)
}

// newSegment creates the segment file for a first record with seq.
func (s *Spool) newSegment(seq int64) error {
	path := filepath.Join(s.dir, segName(seq))
	for {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o640)
		if err != nil {
			if isNoSpace(err) && s.evictOldest("disk full") {
				s.st.NoSpace++
				continue
			}
			return fmt.Errorf("spool: %w", err)
		}
		seg := &segment{path: path, size: segHeaderSize}
		var hdr [segHeaderSize]byte
		putSegmentHeader(hdr[:])
		s.w = writer{seg: seg, f: f, buf: append(s.w.buf[:0], hdr[:]...)}
		s.segs = append(s.segs, seg)
		s.bytes += segHeaderSize
		s.dirDirty = true
		return nil
	}
}

// rotate seals the active segment (flush, fsync, close) and starts a new one.
func (s *Spool) rotate(seq int64) error {
	if err := s.flush(); err != nil {
		return err
	}
	old := s.w
	// Not dirty but not known synced: a Sync is fsyncing it right now,
	// outside mu. Wait for the disk here too, so the segment is durable
	// before its index is written and the next segment started.
	if old.dirty || old.seg.synced < old.fileOff {
		if err := old.f.Sync(); err != nil {
			s.st.SyncErrors++
			return fmt.Errorf("spool: fsync %s: %w", old.seg.path, err)
		}
		s.st.Syncs++
		old.seg.synced = old.fileOff
	}
	if err := old.f.Close(); err != nil {
		return fmt.Errorf("spool: close %s: %w", old.seg.path, err)
	}
	s.w = writer{buf: old.buf[:0]}
	if old.seg.lastSeq <= s.acked {
		s.removeSegment(old.seg)
	} else if old.seg.records > 0 && old.seg.synced == old.seg.size {
		// Sealed and on the disk: record what the next Open needs of it,
		// so that Open does not have to read it.
		s.writeIndex(old.seg, old.seg.keyframes)
	}
	return s.newSegment(seq)
}

// removeSegment deletes a segment that is not being written (or, when the
// caller dropped it, whose writer is gone) from disk and from the list.
func (s *Spool) removeSegment(g *segment) {
	if g == s.w.seg {
		_ = s.w.f.Close() // its file is deleted next
		s.w = writer{buf: s.w.buf[:0]}
	}
	if s.rfSeg == g {
		// An open descriptor would keep the blocks allocated: close it, or
		// evicting for space frees nothing.
		_ = s.rfile.Close() // read-only
		s.rfile, s.rfSeg = nil, nil
	}
	if err := os.Remove(g.path); err != nil && !errors.Is(err, os.ErrNotExist) {
		s.log.Error("spool: cannot remove segment", "file", g.path, "err", err)
	}
	// After the segment: a crash in between leaves an orphan index, which
	// Open deletes, rather than a segment to scan.
	s.removeIndex(g.path)
	for i, x := range s.segs {
		if x == g {
			s.segs = append(s.segs[:i], s.segs[i+1:]...)
			break
		}
	}
	s.bytes -= g.size
	s.unacked -= g.seqs.countAbove(s.acked)
	g.deleted = true
	s.dirDirty = true
}

// Sync writes the buffer out and fsyncs the segment being written, and the
// directory when segment files were created or removed since the last time.
// When it returns nil, every frame appended before the call survives a power
// cut. It fails after Close or with the I/O error; a failed fsync is retried
// by the next Sync (but see fsync(2): the kernel may already have dropped
// the dirty pages, so treat repeated failures as a dying disk).
func (s *Spool) Sync() error {
	s.syncMu.Lock()
	defer s.syncMu.Unlock()
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return ErrClosed
	}
	if err := s.flush(); err != nil {
		s.mu.Unlock()
		return err
	}
	fd := -1
	seg, off := s.w.seg, s.w.fileOff
	var err error
	if s.w.f != nil && s.w.dirty {
		// fsync a duplicate descriptor outside mu: rotation may close the
		// original meanwhile, and Append/Next must not wait for the disk.
		if fd, err = unix.Dup(int(s.w.f.Fd())); err != nil {
			s.mu.Unlock()
			return fmt.Errorf("spool: %w", err)
		}
		s.w.dirty = false
	}
	dirDirty := s.dirDirty
	s.dirDirty = false
	s.mu.Unlock()

	if fd >= 0 {
		err = unix.Fsync(fd)
		_ = unix.Close(fd) // a dup of the writer's descriptor: the fsync's result is what counts
		if err != nil {
			err = fmt.Errorf("spool: fsync %s: %w", seg.path, err)
		}
	}
	var derr error
	if dirDirty {
		derr = syncDir(s.dir)
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	if fd >= 0 {
		if err != nil {
			s.st.SyncErrors++
			if s.w.seg == seg {
				s.w.dirty = true
			}
		} else {
			s.st.Syncs++
			seg.synced = max(seg.synced, off)
		}
	}
	if derr != nil {
		s.dirDirty = true
		s.st.SyncErrors++
		err = errors.Join(err, fmt.Errorf("spool: fsync directory: %w", derr))
	}
	return err
}

func (s *Spool) onTimer() {
	s.mu.Lock()
	s.timerArmed = false
	closed := s.closed
	s.mu.Unlock()
	if closed {
		return
	}
	if err := s.Sync(); err != nil && !errors.Is(err, ErrClosed) {
		s.log.Error("spool: periodic sync failed", "err", err)
	}
}

func syncDir(dir string) error { return durable.SyncDir(dir) }

// Ready returns a channel that receives a value after every successful
// Append and after Rewind: block on it instead of polling when Next reports
// ok=false. Signals coalesce (capacity 1), so after a receive call Next until
// it reports ok=false again. The channel is never closed.
func (s *Spool) Ready() <-chan struct{} { return s.ready }

// LastSeq returns the highest seq appended — in this run or, after Open,
// found in the segments or the eviction log — and false when the spool has
// never held a frame (or everything was delivered and deleted before the
// last Close). The next Append must use a larger seq.
func (s *Spool) LastSeq() (int64, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.lastSeq, s.haveLast
}

// Len returns how many frames are not acked yet and the bytes of the segment
// files (plus write buffer) holding them. Bytes count whole segments, so the
// oldest one's already-acked frames are included until it is deleted.
func (s *Spool) Len() (frames int64, bytes int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.unacked, s.unackedBytes()
}

func (s *Spool) unackedBytes() int64 {
	var b int64
	for i := len(s.segs) - 1; i >= 0; i-- {
		if g := s.segs[i]; g.records > 0 && g.lastSeq <= s.acked {
			break
		}
		b += s.segs[i].size
	}
	if s.unacked == 0 {
		return 0
	}
	return b
}

// Close writes out the buffer, fsyncs, deletes the segment being written if
// every frame in it was acked, persists the eviction log, and releases the
// directory lock. It returns the first error met (the lock is released
// anyway); a second Close returns nil.
func (s *Spool) Close() error {
	s.hwmMu.Lock() // no Reserve may write dir/hwm once the lock is released
	defer s.hwmMu.Unlock()
	s.syncMu.Lock()
	defer s.syncMu.Unlock()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	if s.timer != nil {
		s.timer.Stop()
	}
	var errs []error
	if g := s.w.seg; g != nil && (g.records == 0 || g.lastSeq <= s.acked) {
		s.w.buf = s.w.buf[:0] // delivered: no need to write it
		s.removeSegment(g)
	}
	if s.w.f != nil {
		if err := s.flush(); err != nil {
			errs = append(errs, err)
		}
		if s.w.dirty {
			if err := s.w.f.Sync(); err != nil {
				errs = append(errs, fmt.Errorf("spool: fsync %s: %w", s.w.seg.path, err))
			}
		}
		if err := s.w.f.Close(); err != nil {
			errs = append(errs, fmt.Errorf("spool: %w", err))
		}
	}
	if s.evictedDirty {
		if err := s.saveEvicted(); err != nil {
			errs = append(errs, err)
		}
	}
	if s.dirDirty {
		if err := syncDir(s.dir); err != nil {
			errs = append(errs, fmt.Errorf("spool: fsync directory: %w", err))
		}
	}
	if s.rfile != nil {
		_ = s.rfile.Close() // read-only
		s.rfile, s.rfSeg = nil, nil
	}
	unlockDir(s.lockFile)
	return errors.Join(errs...)
}

// Abandon ends the spool the way a killed process would: the write buffer is
// dropped, nothing is flushed or fsynced, and every descriptor (the lock's
// too) is closed, so the directory can be opened again at once. What reached
// the files stays, as the page cache keeps it through a process crash. It is
// for the crash tests of the spool's callers (the agent's delivery model);
// a program that wants to stop calls Close.
func (s *Spool) Abandon() { s.crash() }

// crashFile is a segment file as a crash left it: written bytes reached the
// file (page cache), synced bytes reached the disk.
type crashFile struct {
	path            string
	synced, written int64
	active          bool // the segment being written
}

// crash simulates a process crash for tests: the write buffer is dropped and
// every descriptor closed without flushing or fsyncing. It reports every
// segment file, oldest first, with how much of it was written and fsynced.
func (s *Spool) crash() []crashFile {
	s.syncMu.Lock()
	defer s.syncMu.Unlock()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = true
	if s.timer != nil {
		s.timer.Stop()
	}
	var files []crashFile
	for _, g := range s.segs {
		written := g.size
		if g == s.w.seg {
			written = s.w.fileOff
		}
		files = append(files, crashFile{g.path, min(g.synced, written), written, g == s.w.seg})
	}
	// A crash reports nothing: every error is ignored.
	if s.w.f != nil {
		_ = s.w.f.Close()
	}
	if s.rfile != nil {
		_ = s.rfile.Close()
	}
	_ = s.lockFile.Close()
	return files
}
