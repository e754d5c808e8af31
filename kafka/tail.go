package kafka

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/twmb/franz-go/pkg/kgo"
)

// From says where Tail starts.
type From int

const (
	// FromEnd reads only records produced after Tail started.
	FromEnd From = iota
	// FromStart reads from the oldest record the partition keeps.
	FromStart
	// FromTime reads from the keyframe at or before TailOptions.At: the
	// last keyframe of the stream, in partition order, before its first
	// record captured (edgecam-capture-ns) after At. See seek.go.
	FromTime
)

// TailOptions tune Tail.
type TailOptions struct {
	From From
	// At is the moment FromTime starts at.
	At time.Time
	// Until, when set, ends the read before the first record of the
	// stream captured after it. If Until has passed when Tail starts, the
	// read also ends at the last record present then (frames of that time
	// still spooled on the box and delivered later are not waited for).
	Until time.Time
	// StopAtEnd ends the read at the last record present when Tail
	// started, instead of following the stream.
	StopAtEnd bool
	// Audio, when set, receives the stream's audio records (edgecam-track:
	// audio), interleaved with the video records given to fn in partition
	// order, which is capture order; its errors end Tail as fn's do.
	// Unset, audio records are skipped and fn sees the video alone, as
	// before streams had audio. FromTime starts at a video keyframe either
	// way; the audio comes from that offset on.
	Audio func(*Record) error
}

// ErrStop, returned by Tail's callback, ends Tail without error.
var ErrStop = errors.New("stop")

// Tail calls fn for every record of key, in partition order, until fn
// returns ErrStop or another error, the end is reached (StopAtEnd), or ctx
// ends (the ctx error is returned). Records of other keys in the partition
// are skipped, and so are the key's audio records unless opts.Audio takes
// them; a record without edgecam-track is video.
//
// Tail uses one client of its own (TLS and SASL as cfg says) for the
// metadata and the reads, closed when it returns.
func Tail(ctx context.Context, cfg Config, key string, opts TailOptions, fn func(*Record) error) error {
	rd, err := newReader(&cfg)
	if err != nil {
		return err
	}
	defer rd.close()
	w, err := rd.partitionOf(ctx, key)
	if err != nil {
		return cfg.Explain(err)
	}
	start, end, err := rd.offsets(ctx, w.part)
	if err != nil {
		return cfg.Explain(err)
	}
	from := end
	switch opts.From {
	case FromStart:
		from = start
	case FromTime:
		if from, err = rd.keyframeAt(ctx, w, key, opts.At, start, end); err != nil {
			return cfg.Explain(err)
		}
	}
	stopAtEnd := opts.StopAtEnd || (!opts.Until.IsZero() && opts.Until.Before(time.Now()))
	to := int64(1<<63 - 1)
	if stopAtEnd {
		to = end
	}
	if from >= to {
		return nil
	}
	err = rd.readRange(ctx, w, from, to, !stopAtEnd, func(kr *kgo.Record) error {
		if string(kr.Key) != key {
			return nil
		}
		video := isVideo(kr)
		if !video && (opts.Audio == nil || !isAudio(kr)) {
			return nil
		}
		r, err := fromKgo(kr)
		if err != nil {
			return fmt.Errorf("%s/%d: %w", cfg.Topic, w.part, err)
		}
		if !opts.Until.IsZero() && r.CaptureTime.After(opts.Until) {
			return ErrStop
		}
		if !video {
			return opts.Audio(r)
		}
		return fn(r)
	})
	if errors.Is(err, ErrStop) {
		return nil
	}
	return cfg.Explain(err)
}
