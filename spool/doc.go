// Package spool is the on-disk ring buffer that holds a stream's encoded
// frames while Kafka cannot take them, and that survives crashes and power
// cuts.
//
// It owns one directory per stream: segment files, framing with CRC32C,
// GOP-aligned eviction, the fsync policy, crash recovery, and the stream's
// seq high-water mark. It must never drop a frame silently: every frame it
// loses is either counted as evicted (and reported on the next record Next
// returns, for the edgecam-evicted header) or counted as corrupt, and it
// never returns a frame whose CRC does not verify. It knows nothing about
// Kafka: the caller Acks what Kafka acknowledged, and after a restart
// discards what Kafka already has (DiscardThrough), because acks are not
// persisted — Kafka is the source of truth for "delivered".
//
// # Use
//
//	s, err := spool.Open(dir, spool.Options{MaxSize: 2 << 30})
//	s.DiscardThrough(lastSeqInKafka)          // after a restart
//	s.Append(spool.Record{Seq: 42, Keyframe: true, Payload: au, ...})
//	for {
//		r, ok, err := s.Next()                  // oldest not yet returned
//		if !ok { <-s.Ready(); continue }        // caught up: wait, don't poll
//		produce(r)                              // r.Evicted > 0 → edgecam-evicted
//	}
//	s.Ack(seq)                                // Kafka acknowledged up to seq
//	s.Rewind()                                // producer failed: resend unacked
//
// # Directory
//
//	LOCK                       flock(2)ed while open; holds the owner's pid
//	seg-<20-digit seq>.log     segments, named after the seq of their first record
//	seg-<20-digit seq>.idx     index of a sealed segment (what Open needs of it)
//	evicted                    log of evicted seqs not yet delivered past (text)
//	hwm                        seq high-water mark, decimal (Reserve)
//	*.tmp                      leftovers of an interrupted atomic write; removed by Open
//
// evicted and hwm are replaced atomically: write a temporary file, fsync,
// rename, fsync the directory. The evicted log lists runs of seqs, one
// "<first seq> <count>" line each after the line "edgecam spool evicted v1".
// It exists because a seq gap alone cannot tell evicted frames from frames
// that never reached the spool (delivered from memory in outage mode) or seqs
// reserved by a previous run; it is written before the evicted files are
// deleted, and trimmed to what is not acked.
//
// # Segment format (version 1)
//
// All integers little-endian. A segment starts with a 16-byte header:
//
//	offset size
//	0      8    magic "ECSPOOL1"
//	8      4    format version, u32 = 1
//	12     4    CRC-32C of bytes [0, 12)
//
// The header CRC tells a header torn by a crash (magic written, version
// not) — damage, repaired like any torn tail — from a header written by a
// newer edgecam, which Open refuses rather than misread.
//
// Records follow, back to back, each a 45-byte header and the payload:
//
//	offset size
//	0      4    record magic, u32 0xEC5A17F1 (bytes f1 17 5a ec)
//	4      4    length, u32: bytes after the CRC field = 33 + payload length
//	8      4    CRC-32C (Castagnoli) of bytes [12, 12+length)
//	12     8    seq, i64
//	20     1    flags, bit 0 = keyframe, bit 1 = clock unsynced, bit 2 =
//	            H.265 payload, bit 3 = audio payload (AAC in ADTS), bit 4
//	            (with bit 3) = Opus payload (other bits zero, ignored on
//	            read; only an audio track's spool sets bits 3 and 4)
//	21     8    PTS, i64 nanoseconds
//	29     8    DTS, i64 nanoseconds
//	37     8    capture time, i64 Unix nanoseconds (math.MinInt64 = zero time)
//	45     n    payload (one H.264 or H.265 access unit, or one audio
//	            frame), n <= MaxPayload (32 MiB)
//
// The CRC does not cover magic and length: a damaged length makes the CRC be
// computed over the wrong bytes and fail. Seqs strictly increase within and
// across segments. Every segment but possibly the first one written starts
// with a keyframe: rotation to a new segment happens only at a keyframe once
// the current one has reached Options.SegmentSize, so a segment can exceed
// it by up to one GOP. Overhead: 45 bytes per frame, 16 per segment — at
// 30 fps that is 4.9 MB per hour, 0.27% of a 4 Mbit/s stream (1.80 GB per
// hour of payload); the default 2 GiB holds about 1 h 11 min of such an
// outage.
//
// # Segment index (version 1)
//
// When a segment is sealed (rotation: flushed and fsynced) a small index
// file is written beside it, seg-<seq>.idx, holding what Open would learn
// by reading the segment. All integers little-endian:
//
//	offset size
//	0      8    magic "ECSPIDX1"
//	8      4    index format version, u32 = 1
//	12     4    number of seq runs n, u32
//	16     8    segment file size in bytes, i64
//	24     8    segment file modification time, i64 Unix nanoseconds
//	32     8    records, i64
//	40     8    keyframes, i64
//	48     8    first seq, i64
//	56     8    last seq, i64
//	64     8    first capture time, i64 Unix ns (math.MinInt64 = zero time)
//	72     8    last capture time, i64 Unix ns
//	80     16n  seq runs, each first seq i64 and count i64, ascending
//	80+16n 4    CRC-32C of bytes [0, 80+16n)
//
// It is written to seg-<seq>.idx.tmp, fsynced and renamed into place after
// the segment's own fsync; the directory is fsynced with the next Sync, so
// a power cut before that may lose the index (never the segment), and Open
// then scans that segment. It is about a hundred bytes (one file system
// block) per segment and is not counted in MaxSize. It is deleted with its
// segment (after it; Open deletes an index left without its segment), and
// when Open picks a segment that has one as the segment to append to.
//
// Open uses an index only when its CRC verifies, its version is 1, its
// figures are consistent (the runs add up to the records and span first to
// last seq), it matches the segment file's current size and modification
// time, and its seqs lie above the previous segment's; otherwise it logs
// why, counts it in Stats.IndexesIgnored and scans the segment; a sealed
// segment that it scans and finds clean gets its index (re)written, so a
// lost index, or a spool written before indexes, costs one scan. Open still
// reads each segment's 16-byte header, so a segment of a newer format
// version is refused whatever its index says, and one whose header is
// damaged is scanned. A failure to write an index (a full disk) is logged
// and counted in Stats.IndexErrors; the segment is then scanned at the next
// Open. Stats.IndexedAtOpen and ScannedAtOpen say which path each segment
// took.
//
// # Recovery
//
// Open reads the newest segment, and every sealed segment without a valid
// index, in seq order and verifies every record:
//
//   - The newest segment's torn tail — short header, short payload, zeros,
//     a length beyond the end of the file, or a final record whose CRC fails
//     because its blocks never reached the disk — is truncated and counted
//     in Stats.Truncated (bytes). A newest segment with no complete record
//     is removed (and the segment before it, which becomes the one appended
//     to, is read even if it has an index).
//   - A record in the middle of a segment whose magic, length or CRC is bad
//     is skipped and counted in Stats.Corrupt. To resynchronise after a
//     damaged length the reader searches forward for the next record magic
//     whose record verifies; one skipped region counts as the number of
//     record magics it contains, at least one.
//   - A CRC-valid record whose seq is not above the previous one is counted
//     as corrupt and skipped (it cannot be ours in that place).
//   - A segment header with a newer version fails Open; a damaged header
//     is logged, its records are still read, and if it is the newest
//     segment, appends start a new segment instead of extending it.
//
// A sealed segment taken from its index is not read at Open: damage inside
// it that leaves its size and modification time as they were (bit rot on
// the card) is found by Next when it reads through it, skipped the same
// way, and counted in Stats.Corrupt then — once, a Rewind reading it again
// does not count it twice. Until then Len and the eviction counts include
// the damaged records as the index lists them (as for damage that appears
// while the spool runs). A non-increasing seq inside such a segment is
// skipped by Next without being counted.
//
// Damage is never repaired in older segments (they stay byte-for-byte as
// they are); only the newest segment's tail is cut.
//
// With the indexes Open reads one index file and one segment header per
// sealed segment, plus the newest segment (at most SegmentSize plus a GOP):
// for a full 2 GiB spool of 32 MiB segments, 63 indexes, 63 headers and
// 32 MiB — 0.03 s on the benchmark VM (make bench, B7), by estimate about a
// second on an SD card reading 30–40 MB/s. Without them it reads the whole
// spool: 1.3 s on that VM, about a minute on such an SD card.
//
// # Durability
//
// Append writes every record through to its segment file (one sequential
// write per frame, so the page cache holds it through a crash of the
// process: a kill -9 loses nothing appended). Options.Fsync picks when the
// page cache is forced to the card: every Options.FsyncInterval (default
// 500 ms, from a timer armed only while there is unsynced data), after every
// keyframe, or after every frame; the kernel coalesces the writes in
// between, so the card sees large writes. A segment is always fsynced
// before the next one starts, and the directory after files are created or
// removed (on the next Sync).
//
// # Eviction
//
// When the spool grows over Options.MaxSize, when the newest frame of the
// oldest segment is older than Options.MaxAge, or when a write fails with
// ENOSPC, the oldest whole segments are deleted — whole GOPs, never the
// segment being written. Their frames that were not acked count as evicted.
// Next reports, on the first record after a gap, how many evicted seqs lie
// in the gap since the previous record it returned (or the last acked one
// after Open or Rewind) — exactly the seq gap when seqs are consecutive.
package spool
