package spool

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// Info describes a spool directory as Inspect found it on disk.
type Info struct {
	Dir      string
	Segments []SegmentInfo
	// Frames and Bytes total the verified records and the segment files.
	Frames, Bytes int64
	// Corrupt totals the damaged records skipped (an estimate, see
	// Stats.Corrupt); TornBytes the bytes after the newest segment's last
	// verified record — a torn tail, or on a live spool frames still being
	// written.
	Corrupt, TornBytes int64
	// FirstSeq/LastSeq and FirstCapture/LastCapture span the verified
	// records (-1 and zero when there are none).
	FirstSeq, LastSeq         int64
	FirstCapture, LastCapture time.Time
	// EvictedPending is the number of evicted frames listed in the eviction
	// log (dir/evicted): their gap has not been delivered past yet.
	EvictedPending int64
	// HighWater is the persisted seq high-water mark, -1 if none.
	HighWater int64
	// LockPID is the pid written in dir/LOCK by the last process that held
	// the spool (0 if none). It does not say whether that process still
	// runs; Inspect never touches the lock.
	LockPID int
}

// SegmentInfo describes one segment file.
type SegmentInfo struct {
	Name  string // file name, seg-<first seq, 20 digits>.log
	Bytes int64  // file size
	// HeaderOK is false when the segment header is damaged (records are
	// still read).
	HeaderOK bool
	// Frames and Keyframes count the verified records.
	Frames, Keyframes int64
	// FirstSeq/LastSeq and FirstCapture/LastCapture span the verified
	// records (-1 and zero when there are none).
	FirstSeq, LastSeq         int64
	FirstCapture, LastCapture time.Time
	// Corrupt estimates the damaged records skipped between verified ones;
	// TornBytes counts the bytes after the last verified record.
	Corrupt   int64
	TornBytes int64
}

// Inspect reads the spool in dir without taking its lock and without writing
// anything, so it works on a spool in use by a running agent (the newest
// segment may then show the frames being written as TornBytes, and segments
// deleted while Inspect runs are left out). It fails when dir cannot be
// listed, a segment cannot be read, or the high-water mark file is damaged.
func Inspect(dir string) (Info, error) {
	info := Info{Dir: dir, FirstSeq: -1, LastSeq: -1, LockPID: readLockPID(dir)}
	names, _, err := listSegments(dir)
	if err != nil {
		return info, fmt.Errorf("spool: %w", err)
	}
	if info.HighWater, err = readHWM(dir); err != nil {
		return info, err
	}
	if data, err := os.ReadFile(filepath.Join(dir, evictedFile)); err == nil {
		if rs, err := parseEvicted(data); err == nil {
			info.EvictedPending = rs.total()
		}
	}
	prev := int64(-1)
	for i, name := range names {
		f, err := os.Open(filepath.Join(dir, name))
		if errors.Is(err, os.ErrNotExist) {
			continue // delivered or evicted meanwhile
		}
		if err != nil {
			return info, fmt.Errorf("spool: %w", err)
		}
		fi, err := f.Stat()
		if err != nil {
			_ = f.Close() // read-only
			return info, fmt.Errorf("spool: %w", err)
		}
		res, err := scanSegment(f, fi.Size(), prev, nil)
		_ = f.Close() // read-only
		if err != nil {
			return info, fmt.Errorf("spool: %s: %w", name, err)
		}
		si := SegmentInfo{Name: name, Bytes: res.size, HeaderOK: res.headerOK, Frames: res.records,
			Keyframes: res.keyframes, FirstSeq: -1, LastSeq: -1, Corrupt: res.corrupt, TornBytes: res.tail}
		if i < len(names)-1 {
			si.Corrupt += res.tailRecs
		}
		if res.records > 0 {
			si.FirstSeq, si.LastSeq = res.firstSeq, res.lastSeq
			si.FirstCapture, si.LastCapture = decodeTime(res.firstCap), decodeTime(res.lastCap)
			if info.FirstSeq < 0 {
				info.FirstSeq, info.FirstCapture = si.FirstSeq, si.FirstCapture
			}
			info.LastSeq, info.LastCapture = si.LastSeq, si.LastCapture
			prev = res.lastSeq
		}
		info.Segments = append(info.Segments, si)
		info.Frames += si.Frames
		info.Bytes += si.Bytes
		info.Corrupt += si.Corrupt
		if i == len(names)-1 {
			info.TornBytes = si.TornBytes
		}
	}
	return info, nil
}
