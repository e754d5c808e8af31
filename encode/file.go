package encode

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/go-gst/go-gst/gst"
)

// FileWriter writes frames of one stream into a playable file.
type FileWriter struct {
	path string
	// raw Annex-B output (.h264, .264)
	file *os.File
	buf  *bufio.Writer
	// muxed output (.ts, .mp4, .mkv)
	pipe *gst.Pipeline
	src  *pusher
	// Timestamps are rebased so the file starts at 0 and never goes
	// back: a stream read across an agent restart has its clock start
	// again at 0, and muxers reject decreasing timestamps.
	base    time.Duration
	started bool
	lastDTS time.Duration // last DTS written, rebased
	step    time.Duration // last frame duration, to bridge a restart
}

// muxers maps a file extension to the GStreamer muxer that writes it.
var muxers = map[string]string{
	".ts":  "mpegtsmux",
	".mp4": "mp4mux",
	".mkv": "matroskamux",
}

// FileFormats lists the extensions CreateFile understands.
const FileFormats = ".h264, .264, .ts, .mp4, .mkv"

// CreateFile creates path and returns a writer for it; the container follows
// the extension: .h264/.264 is the raw Annex-B stream (what `ffplay -f h264`
// reads), .ts MPEG-TS, .mp4 MP4 and .mkv Matroska, muxed by GStreamer.
// Close must be called: an MP4 without its index is unplayable.
func CreateFile(path string) (*FileWriter, error) {
	ext := strings.ToLower(filepath.Ext(path))
	if ext == ".h264" || ext == ".264" {
		f, err := os.Create(path)
		if err != nil {
			return nil, err
		}
		return &FileWriter{path: path, file: f, buf: bufio.NewWriterSize(f, 1<<20)}, nil
	}
	mux, ok := muxers[ext]
	if !ok {
		return nil, fmt.Errorf("%s: unknown file type %q (want one of %s)", path, ext, FileFormats)
	}
	ensureInit()
	// block=true with a byte bound: Write waits for the muxer instead of
	// queueing a whole stream in memory.
	launch := "appsrc name=src format=time is-live=false block=true max-bytes=8388608 " +
		"caps=video/x-h264,stream-format=byte-stream,alignment=au ! h264parse ! " + mux + " ! filesink name=out"
	pipe, err := gst.NewPipelineFromString(launch)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	out, err := pipe.GetElementByName("out")
	if err != nil {
		return nil, err
	}
	if err := out.SetProperty("location", path); err != nil {
		return nil, err
	}
	srcEl, err := pipe.GetElementByName("src")
	if err != nil {
		return nil, err
	}
	if err := pipe.SetState(gst.StatePlaying); err != nil {
		if msg := pipe.GetPipelineBus().TimedPopFiltered(0, gst.MessageError); msg != nil {
			err = busError(msg)
		}
		_ = pipe.SetState(gst.StateNull) // teardown: err is the one to report
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &FileWriter{path: path, pipe: pipe, src: newPusher(srcEl)}, nil
}

// Write appends one access unit. Frames must come in decode order.
func (w *FileWriter) Write(f Frame) error {
	if w.buf != nil {
		_, err := w.buf.Write(f.Data)
		return err
	}
	if !w.started {
		w.base, w.started = min(f.DTS, f.PTS), true
		w.lastDTS = -1
	}
	dts := f.DTS - w.base
	if dts <= w.lastDTS {
		// The stream clock restarted (a new agent run): continue one
		// frame after the last frame written.
		step := w.step
		if step <= 0 {
			step = 33 * time.Millisecond
		}
		w.base = f.DTS - (w.lastDTS + step)
		dts = w.lastDTS + step
	} else if d := dts - w.lastDTS; w.lastDTS >= 0 && d < time.Second {
		w.step = d
	}
	w.lastDTS = dts
	if msg := w.pipe.GetPipelineBus().TimedPopFiltered(0, gst.MessageError); msg != nil {
		return fmt.Errorf("%s: %w", w.path, busError(msg))
	}
	return w.src.push(f.Data, f.PTS-w.base, dts, f.Keyframe)
}

// Close finishes the file (for muxed formats: end of stream, so the muxer
// writes its index) and closes it.
func (w *FileWriter) Close() error {
	if w.file != nil {
		if err := w.buf.Flush(); err != nil {
			_ = w.file.Close() // the Flush error is the one to report
			return err
		}
		return w.file.Close()
	}
	w.src.end()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	defer func() { _ = w.pipe.SetState(gst.StateNull) }() // teardown: the bus below reports the muxer's errors
	bus := w.pipe.GetPipelineBus()
	for ctx.Err() == nil {
		msg := bus.TimedPopFiltered(gst.ClockTime(100*time.Millisecond), gst.MessageError|gst.MessageEOS)
		if msg == nil {
			continue
		}
		if msg.Type() == gst.MessageError {
			return fmt.Errorf("%s: %w", w.path, busError(msg))
		}
		return nil
	}
	return fmt.Errorf("%s: muxer did not finish within 30s", w.path)
}
