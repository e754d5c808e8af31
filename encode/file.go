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
	// rawCodec is the codec of a raw Annex-B file (.h264 or .h265), ""
	// for a muxed one.
	rawCodec string
	// raw Annex-B output (.h264, .264, .h265, .265, .hevc)
	file *os.File
	buf  *bufio.Writer
	// muxed output (.ts, .mp4, .mkv): the muxer, built at the first
	// frame, which says the codec.
	mux   string
	codec string
	pipe  *gst.Pipeline
	src   *pusher
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

// rawFormats maps the extension of a raw Annex-B file to its codec.
var rawFormats = map[string]string{
	".h264": H264, ".264": H264,
	".h265": H265, ".265": H265, ".hevc": H265,
}

// FileFormats lists the extensions CreateFile understands.
const FileFormats = ".h264, .264, .h265, .265, .hevc, .ts, .mp4, .mkv"

// CreateFile creates path and returns a writer for it; the container follows
// the extension: .h264/.264 is the raw H.264 Annex-B stream (what `ffplay -f
// h264` reads), .h265/.265/.hevc the raw H.265 one (`ffplay -f hevc`), .ts
// MPEG-TS, .mp4 MP4 and .mkv Matroska, muxed by GStreamer with the codec of
// the frames (Frame.Codec; H.265 goes into MP4 as hvc1 or hev1, whichever
// h265parse and mp4mux agree on). Close must be called: an MP4 without its
// index is unplayable.
func CreateFile(path string) (*FileWriter, error) {
	ext := strings.ToLower(filepath.Ext(path))
	if codec, ok := rawFormats[ext]; ok {
		f, err := os.Create(path)
		if err != nil {
			return nil, err
		}
		return &FileWriter{path: path, rawCodec: codec, file: f, buf: bufio.NewWriterSize(f, 1<<20)}, nil
	}
	mux, ok := muxers[ext]
	if !ok {
		return nil, fmt.Errorf("%s: unknown file type %q (want one of %s)", path, ext, FileFormats)
	}
	// Created now, so that a path that cannot be written fails here and
	// not at the first frame; the muxer writes it again from the start.
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := f.Close(); err != nil {
		return nil, err
	}
	return &FileWriter{path: path, mux: mux}, nil
}

// muxLaunch is the pipeline that muxes codec's access units into mux's
// container. block=true with a byte bound: Write waits for the muxer
// instead of queueing a whole stream in memory. The parser converts
// Annex-B into what the muxer takes (avc/hvc1 for MP4 and Matroska).
func muxLaunch(codec, mux string) string {
	caps, parse := "video/x-h264", "h264parse"
	if codec == H265 {
		caps, parse = "video/x-h265", "h265parse"
	}
	return "appsrc name=src format=time is-live=false block=true max-bytes=8388608 " +
		"caps=" + caps + ",stream-format=byte-stream,alignment=au ! " + parse + " ! " + mux + " ! filesink name=out"
}

// start builds and plays the muxing pipeline for codec.
func (w *FileWriter) start(codec string) error {
	ensureInit()
	path := w.path
	pipe, err := gst.NewPipelineFromString(muxLaunch(codec, w.mux))
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	out, err := pipe.GetElementByName("out")
	if err != nil {
		return err
	}
	if err := out.SetProperty("location", path); err != nil {
		return err
	}
	srcEl, err := pipe.GetElementByName("src")
	if err != nil {
		return err
	}
	if err := pipe.SetState(gst.StatePlaying); err != nil {
		if msg := pipe.GetPipelineBus().TimedPopFiltered(0, gst.MessageError); msg != nil {
			err = busError(msg)
		}
		_ = pipe.SetState(gst.StateNull) // teardown: err is the one to report
		return fmt.Errorf("%s: %w", path, err)
	}
	w.pipe, w.src, w.codec = pipe, newPusher(srcEl), codec
	return nil
}

// Write appends one access unit. Frames must come in decode order and all
// be of one codec (Frame.Codec; empty is H264); a raw file takes only the
// codec of its extension.
func (w *FileWriter) Write(f Frame) error {
	codec, err := checkCodec(f.Codec)
	if err != nil {
		return fmt.Errorf("%s: %w", w.path, err)
	}
	if w.buf != nil {
		if codec != w.rawCodec {
			return fmt.Errorf("%s: the stream is %s, and this file takes raw %s: name it .%s (or .mp4, .mkv, .ts)", w.path, codecName(codec), codecName(w.rawCodec), codec)
		}
		_, err := w.buf.Write(f.Data)
		return err
	}
	if w.pipe == nil {
		if err := w.start(codec); err != nil {
			return err
		}
	} else if codec != w.codec {
		return fmt.Errorf("%s: a %s frame after %s ones: one file holds one codec", w.path, codecName(codec), codecName(w.codec))
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
	if w.pipe == nil {
		return nil // no frame came: the file stays empty
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
