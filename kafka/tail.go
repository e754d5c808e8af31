package kafka

import (
	"context"
	"errors"
	"fmt"

	"github.com/twmb/franz-go/pkg/kgo"
)

// From says where Tail starts.
type From int

const (
	// FromEnd reads only records produced after Tail started.
	FromEnd From = iota
	// FromStart reads from the oldest record the partition keeps.
	FromStart
)

// TailOptions tune Tail.
type TailOptions struct {
	From From
	// StopAtEnd ends the read at the last record present when Tail
	// started, instead of following the stream.
	StopAtEnd bool
}

// ErrStop, returned by Tail's callback, ends Tail without error.
var ErrStop = errors.New("stop")

// Tail calls fn for every record of key, in partition order, until fn
// returns ErrStop or another error, the end is reached (StopAtEnd), or ctx
// ends (the ctx error is returned). Records of other keys in the partition
// are skipped.
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
	if opts.From == FromStart {
		from = start
	}
	to := int64(1<<63 - 1)
	if opts.StopAtEnd {
		to = end
	}
	if from >= to {
		return nil
	}
	err = rd.readRange(ctx, w, from, to, !opts.StopAtEnd, func(kr *kgo.Record) error {
		if string(kr.Key) != key {
			return nil
		}
		r, err := fromKgo(kr)
		if err != nil {
			return fmt.Errorf("%s/%d: %w", cfg.Topic, w.part, err)
		}
		return fn(r)
	})
	if errors.Is(err, ErrStop) {
		return nil
	}
	return cfg.Explain(err)
}
