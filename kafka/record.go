package kafka

import (
	"fmt"
	"strconv"
	"time"

	"github.com/twmb/franz-go/pkg/kgo"
)

// Header names of the record format (DESIGN.md, "The Kafka record").
const (
	HeaderSeq       = "edgecam-seq"
	HeaderPTS       = "edgecam-pts"
	HeaderDTS       = "edgecam-dts"
	HeaderCaptureNs = "edgecam-capture-ns"
	HeaderKeyframe  = "edgecam-keyframe"
	HeaderCodec     = "edgecam-codec"
	// HeaderSession is a random id of the agent run that captured the
	// frame: a seq gap at a session change is a restart, not a loss.
	HeaderSession = "edgecam-session"
	// HeaderEvicted is present only on the first record after the spool
	// dropped frames: how many (the seq gap just before this record).
	HeaderEvicted = "edgecam-evicted"
	// HeaderClock is present only on frames captured while the box's clock
	// was not synchronised (a Raspberry Pi without a real-time clock before
	// NTP answered): "unsynced"; their capture times are the box's guess.
	HeaderClock = "edgecam-clock"
	// HeaderTrack is "video" or "audio"; a record without it is video
	// (written before tracks existed). Each track of a key has its own
	// edgecam-seq.
	HeaderTrack = "edgecam-track"
)

// The tracks of a stream (HeaderTrack).
const (
	TrackVideo = "video"
	TrackAudio = "audio"
)

// Record is one encoded frame of one stream, as stored in Kafka.
type Record struct {
	// Key is "<device-id>/<stream>": all frames of a stream share one
	// partition, so Kafka keeps them in order.
	Key string
	// Seq is the frame's sequence number in its stream: from 0, +1 per
	// frame, never reused.
	Seq int64
	// PTS and DTS are presentation and decode times on the stream clock.
	PTS, DTS time.Duration
	// CaptureTime is the wall-clock capture time (nanosecond precision).
	CaptureTime time.Time
	// Keyframe marks IDR frames (SPS/PPS included; H.265: IRAP frames
	// with VPS/SPS/PPS): decoding can start here.
	Keyframe bool
	// Codec is "h264" or "h265"; an audio track's "aac" or "opus".
	Codec string
	// Track is TrackVideo or TrackAudio; empty is read as video (and
	// written as video).
	Track string
	// Value is the access unit, Annex-B.
	Value []byte
	// Session identifies the agent run that captured the frame; empty
	// omits the header.
	Session string
	// Evicted, when positive, says how many frames the spool dropped
	// right before this one.
	Evicted int64
	// ClockUnsynced marks a frame captured while the box's clock was not
	// synchronised (HeaderClock).
	ClockUnsynced bool

	// Partition and Offset say where Kafka stored the record; set by
	// Tail and after a successful Produce.
	Partition int32
	Offset    int64
}

// toKgo renders r in the record format. Header values are ASCII decimal so
// that `kcat -f '%h'` shows them as they are. The producer renders into
// reused records instead (outgoing, producer.go).
func (r *Record) toKgo() *kgo.Record {
	kr := &kgo.Record{}
	r.render(kr, make([]kgo.RecordHeader, 0, maxHeaders), nil)
	return kr
}

// maxHeaders is how many headers a record of ours can have.
const maxHeaders = 10

// render fills kr (which it resets) with r in the record format: headers
// are appended to hdrs, the key and the header values are written into buf
// (reallocated when too small), which is returned for reuse. The frame's
// data is not copied: Value is the encoder's buffer. Every key and header
// value is a capped slice of buf, so no append can run into the next.
func (r *Record) render(kr *kgo.Record, hdrs []kgo.RecordHeader, buf []byte) []byte {
	track := r.Track
	if track == "" {
		track = TrackVideo
	}
	need := len(r.Key) + 5*20 + 1 + len(r.Codec) + len(r.Session) + len("unsynced") + len(track)
	if cap(buf) < need {
		buf = make([]byte, 0, need)
	}
	buf = buf[:0]
	num := func(v int64) []byte {
		start := len(buf)
		buf = strconv.AppendInt(buf, v, 10)
		return buf[start:len(buf):len(buf)]
	}
	str := func(v string) []byte {
		start := len(buf)
		buf = append(buf, v...)
		return buf[start:len(buf):len(buf)]
	}
	kf := "0"
	if r.Keyframe {
		kf = "1"
	}
	*kr = kgo.Record{Key: str(r.Key), Value: r.Value}
	hdrs = append(hdrs[:0],
		kgo.RecordHeader{Key: HeaderSeq, Value: num(r.Seq)},
		kgo.RecordHeader{Key: HeaderPTS, Value: num(int64(r.PTS))},
		kgo.RecordHeader{Key: HeaderDTS, Value: num(int64(r.DTS))},
		kgo.RecordHeader{Key: HeaderCaptureNs, Value: num(r.CaptureTime.UnixNano())},
		kgo.RecordHeader{Key: HeaderKeyframe, Value: str(kf)},
		kgo.RecordHeader{Key: HeaderCodec, Value: str(r.Codec)},
		kgo.RecordHeader{Key: HeaderTrack, Value: str(track)})
	if r.Session != "" {
		hdrs = append(hdrs, kgo.RecordHeader{Key: HeaderSession, Value: str(r.Session)})
	}
	if r.Evicted > 0 {
		hdrs = append(hdrs, kgo.RecordHeader{Key: HeaderEvicted, Value: num(r.Evicted)})
	}
	if r.ClockUnsynced {
		hdrs = append(hdrs, kgo.RecordHeader{Key: HeaderClock, Value: str("unsynced")})
	}
	kr.Headers = hdrs
	return buf
}

// fromKgo parses a record of the format. Every header is required: a record
// without them was not written by edgecam.
func fromKgo(kr *kgo.Record) (*Record, error) {
	r := &Record{Key: string(kr.Key), Value: kr.Value, Partition: kr.Partition, Offset: kr.Offset, Track: TrackVideo}
	seen := 0
	for _, h := range kr.Headers {
		var err error
		switch h.Key {
		case HeaderSeq:
			r.Seq, err = strconv.ParseInt(string(h.Value), 10, 64)
		case HeaderPTS:
			var v int64
			v, err = strconv.ParseInt(string(h.Value), 10, 64)
			r.PTS = time.Duration(v)
		case HeaderDTS:
			var v int64
			v, err = strconv.ParseInt(string(h.Value), 10, 64)
			r.DTS = time.Duration(v)
		case HeaderCaptureNs:
			var v int64
			v, err = strconv.ParseInt(string(h.Value), 10, 64)
			r.CaptureTime = time.Unix(0, v)
		case HeaderKeyframe:
			switch string(h.Value) {
			case "1":
				r.Keyframe = true
			case "0":
			default:
				err = fmt.Errorf("want 0 or 1")
			}
		case HeaderCodec:
			r.Codec = string(h.Value)
		case HeaderSession:
			r.Session = string(h.Value)
			continue // optional
		case HeaderEvicted:
			r.Evicted, err = strconv.ParseInt(string(h.Value), 10, 64)
			if err != nil {
				return nil, fmt.Errorf("offset %d: header %s=%q: %w", kr.Offset, h.Key, h.Value, err)
			}
			continue // optional
		case HeaderClock:
			r.ClockUnsynced = string(h.Value) == "unsynced"
			continue // optional
		case HeaderTrack:
			r.Track = string(h.Value)
			continue // optional: absent is video
		default:
			continue // headers of later format versions
		}
		if err != nil {
			return nil, fmt.Errorf("offset %d: header %s=%q: %w", kr.Offset, h.Key, h.Value, err)
		}
		seen++
	}
	if seen < 6 {
		return nil, fmt.Errorf("offset %d: not an edgecam record (%d of the 6 edgecam-* headers)", kr.Offset, seen)
	}
	return r, nil
}

// seqOf reads only the seq and track headers: the resume scan looks at
// many records and needs nothing else. track is TrackVideo for a record
// without HeaderTrack.
func seqOf(kr *kgo.Record) (seq int64, track string, ok bool) {
	track = TrackVideo
	for _, h := range kr.Headers {
		switch h.Key {
		case HeaderSeq:
			v, err := strconv.ParseInt(string(h.Value), 10, 64)
			seq, ok = v, err == nil
		case HeaderTrack:
			track = string(h.Value)
		}
	}
	return seq, track, ok
}
