package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/edgecam/edgecam/agent"
	"github.com/edgecam/edgecam/encode"
	"github.com/edgecam/edgecam/kafka"
)

// seqCheck follows edgecam-seq and reports gaps and repeats as they happen.
type seqCheck struct {
	out                    io.Writer
	first, last            int64
	n, gaps, missing, dups int64
}

func (c *seqCheck) see(r *kafka.Record) (duplicate bool) {
	defer func() { c.n++ }()
	if c.n == 0 {
		c.first, c.last = r.Seq, r.Seq
		return false
	}
	switch {
	case r.Seq <= c.last:
		c.dups++
		say(c.out, "tail: duplicate: seq %d again at partition %d offset %d (after seq %d); not written\n", r.Seq, r.Partition, r.Offset, c.last)
		return true
	case r.Seq > c.last+1:
		c.gaps++
		c.missing += r.Seq - c.last - 1
		say(c.out, "tail: gap: seq %d..%d missing (%d frames) before offset %d\n", c.last+1, r.Seq-1, r.Seq-c.last-1, r.Offset)
	}
	c.last = r.Seq
	return false
}

func cmdTail(args []string, stderr io.Writer) error {
	fs := newFlags("tail", stderr)
	cfgPath := fs.String("config", "/etc/edgecam/edgecam.yaml", "config file (brokers, topic, device id)")
	streamName := fs.String("stream", "", "stream name (required)")
	device := fs.String("device", "", "device id (default: the config's device.id)")
	out := fs.String("o", "", "output file: "+encode.FileFormats+" (required)")
	fromStart := fs.Bool("from-start", false, "read from the oldest record Kafka keeps (default: only new frames)")
	toEnd := fs.Bool("to-end", false, "stop at the newest record present when tail started")
	frames := fs.Int("frames", 0, "stop after this many frames (0: no limit)")
	duration := fs.Duration("duration", 0, "stop after this much video, by edgecam-pts (0: no limit)")
	since := fs.Duration("since", 0, "start at the keyframe at or before this long ago (like --from -D)")
	fromArg := fs.String("from", "", "start at the keyframe at or before this capture time: "+timeArgHelp)
	toArg := fs.String("to", "", "stop before the first frame captured after this time (same forms as --from)")
	if err := parse(fs, args); err != nil {
		return err
	}
	switch {
	case *streamName == "":
		return usageError{errors.New("tail: --stream NAME is required")}
	case *out == "":
		return usageError{errors.New("tail: -o OUT is required")}
	case *frames < 0 || *duration < 0:
		return usageError{errors.New("tail: --frames and --duration must not be negative")}
	case *frames > 0 && *duration > 0:
		return usageError{errors.New("tail: give --frames or --duration, not both")}
	case *since < 0:
		return usageError{errors.New("tail: --since must be positive (10m: the last ten minutes)")}
	case btoi(*since > 0)+btoi(*fromArg != "")+btoi(*fromStart) > 1:
		return usageError{errors.New("tail: give one of --since, --from and --from-start")}
	}
	now := time.Now()
	var fromTime, toTime time.Time
	if *since > 0 {
		fromTime = now.Add(-*since)
	}
	if *fromArg != "" {
		t, err := parseTimeArg(*fromArg, now)
		if err != nil {
			return usageError{fmt.Errorf("tail: --from: %w", err)}
		}
		fromTime = t
	}
	if *toArg != "" {
		t, err := parseTimeArg(*toArg, now)
		if err != nil {
			return usageError{fmt.Errorf("tail: --to: %w", err)}
		}
		if !fromTime.IsZero() && t.Before(fromTime) {
			return usageError{fmt.Errorf("tail: --to %s is before the start %s", t.Format(time.RFC3339Nano), fromTime.Format(time.RFC3339Nano))}
		}
		toTime = t
	}
	cfg, err := loadConfig(*cfgPath)
	if err != nil {
		return err
	}
	id := cfg.Device.ID
	if *device != "" {
		id = *device
	}
	key := id + "/" + *streamName

	w, err := encode.CreateFile(*out)
	if err != nil {
		return usageError{err}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	check := &seqCheck{out: stderr}
	var written, bytes, keyframes, skipped int64
	var firstPTS time.Duration
	opts := kafka.TailOptions{From: kafka.FromEnd, StopAtEnd: *toEnd, At: fromTime, Until: toTime}
	switch {
	case *fromStart:
		opts.From = kafka.FromStart
	case !fromTime.IsZero():
		opts.From = kafka.FromTime
	}
	// The same connection as the agent's: TLS and SASL included.
	err = kafka.Tail(ctx, agent.KafkaConfig(cfg.Kafka, nil), key,
		opts, func(r *kafka.Record) error {
			if check.see(r) {
				return nil
			}
			// A file must start at a keyframe to decode; joining a live
			// stream mid-GOP skips to the next one.
			if written == 0 && !r.Keyframe {
				skipped++
				return nil
			}
			if written == 0 {
				firstPTS = r.PTS
				if !fromTime.IsZero() {
					d, rel := fromTime.Sub(r.CaptureTime), "before"
					if d < 0 { // the moment is older than what Kafka still keeps
						d, rel = -d, "after"
					}
					say(stderr, "tail: starting at the keyframe seq %d (partition %d offset %d) captured %s, %s %s the asked %s\n",
						r.Seq, r.Partition, r.Offset, r.CaptureTime.UTC().Format(time.RFC3339Nano),
						d.Round(time.Millisecond), rel, fromTime.UTC().Format(time.RFC3339Nano))
				}
			}
			if *duration > 0 && r.PTS-firstPTS >= *duration {
				return kafka.ErrStop
			}
			// The codec is the record's (edgecam-codec): an H.265
			// stream goes into .h265, .mp4, .mkv or .ts as H.265.
			if err := w.Write(encode.Frame{Data: r.Value, Codec: r.Codec, PTS: r.PTS, DTS: r.DTS, Keyframe: r.Keyframe, CaptureTime: r.CaptureTime}); err != nil {
				return err
			}
			written++
			bytes += int64(len(r.Value))
			if r.Keyframe {
				keyframes++
			}
			if *frames > 0 && written >= int64(*frames) {
				return kafka.ErrStop
			}
			return nil
		})
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err != nil && !errors.Is(err, context.Canceled) {
		return fmt.Errorf("%s: %w", key, err)
	}
	if skipped > 0 {
		say(stderr, "tail: skipped %d frames before the first keyframe\n", skipped)
	}
	seqs := "none"
	if check.n > 0 {
		seqs = fmt.Sprintf("%d..%d", check.first, check.last)
	}
	missing := ""
	if check.missing > 0 {
		missing = fmt.Sprintf(" (%d frames missing)", check.missing)
	}
	say(stderr, "tail: %d frames, %.1f MB, %d keyframes, seq %s, %d gaps%s, %d duplicates -> %s\n",
		written, float64(bytes)/1e6, keyframes, seqs, check.gaps, missing, check.dups, *out)
	return nil
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
