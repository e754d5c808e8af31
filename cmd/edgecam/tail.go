package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/edgecam/edgecam/agent"
	"github.com/edgecam/edgecam/encode"
	"github.com/edgecam/edgecam/kafka"
)

// seqCheck follows edgecam-seq of one track and reports gaps and repeats
// as they happen. Each track of a stream numbers its frames from 0 on its
// own, so each has a seqCheck.
type seqCheck struct {
	out io.Writer
	// track prefixes the messages: "" for the video (as before streams
	// had audio), "audio " for the audio.
	track                  string
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
		say(c.out, "tail: %sduplicate: seq %d again at partition %d offset %d (after seq %d); not written\n", c.track, r.Seq, r.Partition, r.Offset, c.last)
		return true
	case r.Seq > c.last+1:
		c.gaps++
		c.missing += r.Seq - c.last - 1
		say(c.out, "tail: %sgap: seq %d..%d missing (%d frames) before offset %d\n", c.track, c.last+1, r.Seq-1, r.Seq-c.last-1, r.Offset)
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
	audioOut := fs.String("audio-out", "", "also write the stream's AAC audio to this .aac file (ADTS, what `ffplay x.aac` reads); -o .mp4/.mkv/.ts carry the audio themselves")
	noAudio := fs.Bool("no-audio", false, "leave the audio out of -o (.mp4/.mkv/.ts take it by default when the stream has audio)")
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
	case *audioOut != "" && !strings.EqualFold(filepath.Ext(*audioOut), ".aac"):
		return usageError{fmt.Errorf("tail: --audio-out %s: want a .aac file (ADTS); an Opus track goes into -o .mkv, .mp4 or .ts", *audioOut)}
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

	var aout *adtsFile
	if *audioOut != "" {
		if aout, err = createADTS(*audioOut); err != nil {
			_ = w.Close() // the create error is the one to report
			return usageError{err}
		}
	}
	muxAudio := !*noAudio && encode.TakesAudio(*out)

	check := &seqCheck{out: stderr}
	acheck := &seqCheck{out: stderr, track: "audio "}
	var written, bytes, keyframes, skipped int64
	var awritten, abytes, askipped int64
	acodec := ""
	var firstPTS time.Duration
	// A read that stops at a video frame (--frames, --duration) of a
	// stream with audio goes on a little for the audio captured up to
	// that frame's end (endPTS), which the agent's two tracks may have
	// delivered a moment after it: so both tracks of the file end
	// together. Video records met meanwhile are not written; a stream
	// whose audio stopped ends 60 video records later at most.
	var ending bool
	var endPTS, maxPTS, lastDTS, lastStep time.Duration
	var afterEnd int
	stopVideo := func() error {
		if acheck.n == 0 || !muxAudio && aout == nil {
			return kafka.ErrStop // no audio to wait for: as before streams had sound
		}
		ending, endPTS = true, maxPTS+lastStep
		return nil
	}
	opts := kafka.TailOptions{From: kafka.FromEnd, StopAtEnd: *toEnd, At: fromTime, Until: toTime}
	// The audio of the stream, interleaved with the video in capture
	// order: written from the first video frame written on, on the
	// video's timeline (both PTS are the one pipeline clock of the agent).
	opts.Audio = func(r *kafka.Record) error {
		if acheck.see(r) {
			return nil
		}
		if ending && r.PTS >= endPTS {
			return kafka.ErrStop // the audio caught up with the last picture
		}
		if written == 0 {
			askipped++ // before the first keyframe: the file starts at a picture
			return nil
		}
		if acodec == "" {
			acodec = r.Codec
		}
		if muxAudio {
			if err := w.WriteAudio(encode.Frame{Data: r.Value, Codec: r.Codec, PTS: r.PTS, DTS: r.DTS, Keyframe: true, CaptureTime: r.CaptureTime}); err != nil {
				return err
			}
		}
		if aout != nil {
			if err := aout.write(r); err != nil {
				return err
			}
		}
		awritten++
		abytes += int64(len(r.Value))
		return nil
	}
	switch {
	case *fromStart:
		opts.From = kafka.FromStart
	case !fromTime.IsZero():
		opts.From = kafka.FromTime
	}
	// The same connection as the agent's: TLS and SASL included.
	err = kafka.Tail(ctx, agent.KafkaConfig(cfg.Kafka, nil), key,
		opts, func(r *kafka.Record) error {
			if ending {
				if afterEnd++; afterEnd > 60 {
					return kafka.ErrStop
				}
				return nil
			}
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
				return stopVideo()
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
			if d := r.DTS - lastDTS; written > 1 && d > 0 && d < time.Second {
				lastStep = d
			}
			lastDTS, maxPTS = r.DTS, max(maxPTS, r.PTS)
			if *frames > 0 && written >= int64(*frames) {
				return stopVideo()
			}
			return nil
		})
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if aout != nil {
		if cerr := aout.close(); err == nil {
			err = cerr
		}
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
	if acheck.n > 0 {
		// The audio's own line, only for a stream with audio: the video
		// line above is what it always was.
		to := *out
		switch {
		case !muxAudio && aout == nil:
			to = "not written (" + filepath.Ext(*out) + " holds video only: --audio-out x.aac, or -o .mp4/.mkv/.ts)"
		case !muxAudio:
			to = *audioOut
		case aout != nil:
			to += ", " + *audioOut
		}
		dropped := askipped + w.AudioDropped
		say(stderr, "tail: audio: %d frames (%s), %.1f MB, seq %d..%d, %d gaps%s, %d duplicates, %d before the first video frame or out of step -> %s\n",
			awritten-w.AudioDropped, acodec, float64(abytes)/1e6, acheck.first, acheck.last, acheck.gaps, missingOf(acheck), acheck.dups, dropped, to)
	}
	return nil
}

func missingOf(c *seqCheck) string {
	if c.missing > 0 {
		return fmt.Sprintf(" (%d frames missing)", c.missing)
	}
	return ""
}

// adtsFile is --audio-out: AAC frames with their ADTS headers, one after
// the other, which is the .aac file format.
type adtsFile struct {
	path string
	f    *os.File
	buf  *bufio.Writer
}

func createADTS(path string) (*adtsFile, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("tail: --audio-out: %w", err)
	}
	return &adtsFile{path: path, f: f, buf: bufio.NewWriterSize(f, 64<<10)}, nil
}

func (a *adtsFile) write(r *kafka.Record) error {
	if r.Codec != encode.AAC {
		return fmt.Errorf("--audio-out %s: the stream's audio is %s, not AAC: use -o x.mkv (or .mp4, .ts)", a.path, r.Codec)
	}
	_, err := a.buf.Write(r.Value)
	return err
}

func (a *adtsFile) close() error {
	if err := a.buf.Flush(); err != nil {
		_ = a.f.Close() // the Flush error is the one to report
		return err
	}
	return a.f.Close()
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
