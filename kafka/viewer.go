package kafka

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/twmb/franz-go/pkg/kgo"
)

// Viewer reads the topic back for consumers that watch many streams at
// once (`edgecam view`): every partition, from any offset or time, with one
// long-lived client shared by all its readers (see reader: plain Fetch
// requests, so any number of goroutines may read windows of the same
// partition at different offsets at the same time).
//
// A Viewer never writes to Kafka and joins no consumer group: it commits
// nothing, so any number of viewers can watch a topic without affecting
// one another or the agents.
type Viewer struct {
	cfg Config
	rd  *reader
}

// NewViewer creates the reading client (TLS and SASL as cfg says). It does
// not contact Kafka yet; Close releases it.
func NewViewer(cfg Config) (*Viewer, error) {
	rd, err := newReader(&cfg)
	if err != nil {
		return nil, err
	}
	return &Viewer{cfg: cfg, rd: rd}, nil
}

// Own returns a Viewer like v with a client (and so connections) of its
// own. Read without an end long-polls the partition leader (a Fetch that
// waits up to half a second for new records), and Kafka answers the
// requests of one connection one at a time: followers of different
// partitions sharing a client would wait behind each other's polls, adding
// up to that half second to every frame. Give each follower its own.
func (v *Viewer) Own() (*Viewer, error) { return NewViewer(v.cfg) }

// Close closes the client; reads in progress fail.
func (v *Viewer) Close() { v.rd.close() }

// Topic is the topic read.
func (v *Viewer) Topic() string { return v.cfg.Topic }

// Partitions lists the partitions of the topic (an error says when the
// topic does not exist).
func (v *Viewer) Partitions(ctx context.Context) ([]int32, error) {
	td, err := v.rd.topic(ctx)
	if err != nil {
		return nil, v.cfg.Explain(err)
	}
	out := make([]int32, 0, len(td.Partitions))
	for p := range td.Partitions {
		out = append(out, p)
	}
	slices.Sort(out)
	return out, nil
}

// PartitionOf is the partition that holds key's records (the producer's
// partitioner applied to the key).
func (v *Viewer) PartitionOf(ctx context.Context, key string) (int32, error) {
	w, err := v.rd.partitionOf(ctx, key)
	return w.part, v.cfg.Explain(err)
}

// Bounds returns the first offset a partition still holds (retention
// deletes below it) and the next offset to be written.
func (v *Viewer) Bounds(ctx context.Context, part int32) (start, end int64, err error) {
	start, end, err = v.rd.offsets(ctx, part)
	return start, end, v.cfg.Explain(err)
}

// OffsetAt is Kafka's time index: the first offset of the partition whose
// record timestamp (the capture time, see Record) is at or after t, or the
// end offset when none is. Records of all keys of the partition count:
// step back to a keyframe of one stream with KeyframeAt.
func (v *Viewer) OffsetAt(ctx context.Context, part int32, t time.Time) (int64, error) {
	topic := v.cfg.Topic
	lo, err := v.rd.adm.ListOffsetsAfterMilli(ctx, t.UnixMilli(), topic)
	if err != nil {
		return 0, v.cfg.Explain(fmt.Errorf("kafka: offsets of %s at %s: %w", topic, t.Format(time.RFC3339Nano), err))
	}
	o, ok := lo.Lookup(topic, part)
	if !ok {
		return 0, fmt.Errorf("kafka: no offset for %s/%d at %s", topic, part, t.Format(time.RFC3339))
	}
	if o.Err != nil {
		return 0, v.cfg.Explain(fmt.Errorf("kafka: offset of %s/%d at %s: %w", topic, part, t.Format(time.RFC3339), o.Err))
	}
	if o.Offset < 0 { // no record at or after t: Kafka answers -1
		_, end, err := v.Bounds(ctx, part)
		return end, err
	}
	return o.Offset, nil
}

// ErrNoKeyframe is returned by KeyframeAt when the partition holds no
// keyframe of the key at or before the time asked for.
var ErrNoKeyframe = errors.New("no keyframe at or before that time")

// KeyframeAt finds where to start playing key at time t: the last keyframe
// of key before its first frame captured after t (decoding can only start
// at a keyframe), by the rule tail --from uses (seek.go: Kafka's time index
// as a hint, then a step back by edgecam-capture-ns, so frames drained late
// from a spool behind other streams' live ones are found too). A t before
// the oldest record kept gives the oldest keyframe; ErrNoKeyframe means the
// partition has no keyframe of key at all.
func (v *Viewer) KeyframeAt(ctx context.Context, key string, t time.Time) (*Record, error) {
	w, err := v.rd.partitionOf(ctx, key)
	if err != nil {
		return nil, v.cfg.Explain(err)
	}
	start, end, err := v.rd.offsets(ctx, w.part)
	if err != nil {
		return nil, v.cfg.Explain(err)
	}
	at, err := v.rd.keyframeAt(ctx, w, key, t, start, end)
	if err != nil {
		return nil, v.cfg.Explain(err)
	}
	// at is the keyframe, or, when key has none captured by t, where the
	// search began: the first keyframe from there is the answer.
	var kf *Record
	err = v.rd.readRange(ctx, w, at, end, false, func(kr *kgo.Record) error {
		if string(kr.Key) != key || !isVideo(kr) || !keyframeOf(kr) {
			return nil
		}
		r, err := fromKgo(kr)
		if err != nil {
			return nil // not ours: skip, as a reader of the topic must
		}
		kf = r
		return ErrStop
	})
	if err != nil && !errors.Is(err, ErrStop) {
		return nil, v.cfg.Explain(err)
	}
	if kf == nil {
		return nil, fmt.Errorf("kafka: %s at %s: %w", key, t.Format(time.RFC3339), ErrNoKeyframe)
	}
	return kf, nil
}

// ReadOptions tune Read.
type ReadOptions struct {
	// To ends the read before this offset; 0 means no end: follow the
	// partition as records arrive, until ctx ends.
	To int64
	// Key, when set, skips the records of other keys.
	Key string
}

// Read calls fn for every video record of the partition from offset from
// on, in offset order, until fn returns ErrStop or another error, opts.To
// is reached, or ctx ends (its error is returned). Records that are not in
// edgecam's format and audio records are skipped (bad reports them); bad
// may be nil.
func (v *Viewer) Read(ctx context.Context, part int32, from int64, opts ReadOptions, fn func(*Record) error, bad func(offset int64, err error)) error {
	w, err := v.rd.locate(ctx, part)
	if err != nil {
		return v.cfg.Explain(err)
	}
	to, follow := opts.To, false
	if to <= 0 {
		to, follow = int64(1<<63-1), true
	}
	err = v.rd.readRange(ctx, w, from, to, follow, func(kr *kgo.Record) error {
		if opts.Key != "" && string(kr.Key) != opts.Key {
			return nil
		}
		if !isVideo(kr) {
			return nil
		}
		r, err := fromKgo(kr)
		if err != nil {
			if bad != nil {
				bad(kr.Offset, err)
			}
			return nil
		}
		return fn(r)
	})
	if errors.Is(err, ErrStop) {
		return nil
	}
	return v.cfg.Explain(err)
}

// isVideo: records without edgecam-track are video.
func isVideo(kr *kgo.Record) bool {
	for _, h := range kr.Headers {
		if h.Key == HeaderTrack {
			return string(h.Value) == "video"
		}
	}
	return true
}

// keyframeOf reads only the keyframe header (the backwards scans of
// KeyframeAt look at many records and parse only the keyframes).
func keyframeOf(kr *kgo.Record) bool {
	for _, h := range kr.Headers {
		if h.Key == HeaderKeyframe {
			return string(h.Value) == "1"
		}
	}
	return false
}
