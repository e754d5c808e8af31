package kafka

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/twmb/franz-go/pkg/kgo"
)

// Finding a moment of a stream.
//
// The record timestamp (CreateTime) is the capture time (record.go,
// Producer.timestamp), so Kafka's time index (ListOffsets with a timestamp)
// finds the first offset of the partition whose timestamp is at or after a
// moment, frames drained late from a spool included. That offset is only a
// hint for one stream:
//   - the partition holds other streams, whose records may reach the moment
//     before ours do (a camera draining an outage writes old capture times
//     behind another camera's live ones);
//   - the producer clamps timestamps the broker would refuse (capture times
//     in the future, or older than message.timestamp.before.max.ms), so a
//     record's timestamp may differ from its edgecam-capture-ns;
//   - decoding can only start at a keyframe.
//
// keyframeAt therefore takes the hint, steps back to a keyframe of the key
// captured at or before the moment, and reads forward from there to the
// first record of the key captured after it, by edgecam-capture-ns.
//
// Keyframes are the video's: every audio record is marked a keyframe
// (each decodes alone), but a file or a player starts at a picture.
// Audio records still count as records of the key captured after the
// moment (the tracks share a partition in capture order).

// keyframeAt returns the offset at which a reader of key sees the stream
// as it was at t: the last keyframe of key, in partition order, before the
// first record of key captured after t. If every keyframe still kept was
// captured after t (t is older than retention kept), it is the first
// keyframe of key; if the partition holds no keyframe of key at all in
// [start, end), it is end. start and end are the partition's offsets as
// Tail read them.
func (r *reader) keyframeAt(ctx context.Context, w where, key string, t time.Time, start, end int64) (int64, error) {
	hint, err := r.offsetAfter(ctx, w.part, t, start, end)
	if err != nil {
		return 0, err
	}
	from, err := r.keyframeBefore(ctx, w, key, t, start, hint)
	if err != nil {
		return 0, err
	}
	// Forward from a keyframe captured at or before t (or from the start):
	// the start is the last keyframe captured at or before t before the
	// first record captured after t.
	best, first := int64(-1), int64(-1)
	err = r.readRange(ctx, w, from, end, false, func(kr *kgo.Record) error {
		if string(kr.Key) != key {
			return nil
		}
		capture, keyframe, err := timeOf(kr)
		if err != nil {
			return fmt.Errorf("kafka: %s/%d: %w", r.cfg.Topic, w.part, err)
		}
		if capture.After(t) {
			return errStopScan
		}
		if keyframe && isVideo(kr) {
			if first < 0 {
				first = kr.Offset
			}
			best = kr.Offset
		}
		return nil
	})
	if err != nil && !errors.Is(err, errStopScan) {
		return 0, err
	}
	switch {
	case best >= 0:
		return best, nil
	case first >= 0:
		return first, nil
	}
	// No keyframe of key at or before t from the start: the first
	// keyframe after t, which the caller's read finds itself.
	return from, nil
}

// errStopScan ends a scan of readRange early.
var errStopScan = errors.New("stop scan")

// offsetAfter asks Kafka's time index for the first offset of the
// partition whose record timestamp is at or after t (end when there is
// none), kept within [start, end].
func (r *reader) offsetAfter(ctx context.Context, part int32, t time.Time, start, end int64) (int64, error) {
	topic := r.cfg.Topic
	lo, err := r.adm.ListOffsetsAfterMilli(ctx, t.UnixMilli(), topic)
	if err != nil {
		return 0, fmt.Errorf("kafka: offsets of %s at %s: %w", topic, t.Format(time.RFC3339Nano), err)
	}
	o, ok := lo.Lookup(topic, part)
	if !ok {
		return 0, fmt.Errorf("kafka: no offset of %s/%d at %s", topic, part, t.Format(time.RFC3339Nano))
	}
	if o.Err != nil {
		return 0, fmt.Errorf("kafka: offset of %s/%d at %s: %w", topic, part, t.Format(time.RFC3339Nano), o.Err)
	}
	if o.Offset < 0 || o.Offset > end {
		return end, nil
	}
	return max(o.Offset, start), nil
}

// keyframeBefore reads the partition backwards from hint in growing windows
// (as lastSeq does) to the last keyframe of key below hint captured at or
// before t; start when there is none.
func (r *reader) keyframeBefore(ctx context.Context, w where, key string, t time.Time, start, hint int64) (int64, error) {
	window := int64(64)
	for hi := hint; hi > start; {
		lo := max(start, hi-window)
		found := int64(-1)
		err := r.readRange(ctx, w, lo, hi, false, func(kr *kgo.Record) error {
			if string(kr.Key) != key {
				return nil
			}
			capture, keyframe, err := timeOf(kr)
			if err != nil {
				return fmt.Errorf("kafka: %s/%d: %w", r.cfg.Topic, w.part, err)
			}
			if keyframe && isVideo(kr) && !capture.After(t) {
				found = kr.Offset
			}
			return nil
		})
		if err != nil {
			return 0, err
		}
		if found >= 0 {
			return found, nil
		}
		hi = lo
		window *= 4
	}
	return start, nil
}

// timeOf reads the capture time and the keyframe flag of a record of the
// format.
func timeOf(kr *kgo.Record) (capture time.Time, keyframe bool, err error) {
	r, err := fromKgo(kr)
	if err != nil {
		return time.Time{}, false, err
	}
	return r.CaptureTime, r.Keyframe, nil
}
