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

	// The audio track of a muxed file (WriteAudio). The muxer needs all
	// its inputs before it starts, and a stream's first audio frame may
	// come a little after its first video frame: frames are held in
	// pending until the first audio frame or audioWait of video say
	// whether the file has audio.
	audioCodec string // "aac" or "opus"; "" while unknown or none
	asrc       *pusher
	decided    bool
	pending    []heldFrame
	// lastAudio is the PTS of the last audio frame pushed, rebased (-1:
	// none yet); audioEnded: the audio input was ended (see WriteAudio).
	lastAudio  time.Duration
	audioEnded bool
	// AudioDropped counts audio frames not written: captured before the
	// first video frame, going back in time, or arriving after the audio
	// input ended.
	AudioDropped int64
}

// heldFrame is a frame waiting for the muxer to be built.
type heldFrame struct {
	f     Frame
	audio bool
}

// audioWait is how much video (by PTS) a muxed file holds back waiting
// for a first audio frame before it is written without audio. Records of
// one stream's tracks share a partition in capture order, so a stream
// with audio has its first audio frame within a few video frames.
const audioWait = 2 * time.Second

// audioLag is how far the audio may fall behind the video (by PTS) before
// its input is ended: the muxer interleaves by time and waits for every
// input, so a stream whose audio stops (an audio source that failed, a
// track no longer produced) would otherwise stall the video once the
// appsrc queue is full.
const audioLag = 3 * time.Second

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

// muxLaunchAV is muxLaunch with an audio input when audio is "aac"
// (ADTS frames, which aacparse turns into what the muxer takes) or "opus"
// (one packet a buffer); audio "" is muxLaunch.
func muxLaunchAV(codec, audio, mux string) string {
	if audio == "" {
		return muxLaunch(codec, mux)
	}
	caps, parse := "audio/mpeg,mpegversion=4,stream-format=adts", "aacparse"
	if audio == Opus {
		caps, parse = "audio/x-opus,channel-mapping-family=0", "opusparse"
	}
	v := strings.Replace(muxLaunch(codec, mux), " "+mux+" ! ", " "+mux+" name=mux ! ", 1)
	return v + " appsrc name=asrc format=time is-live=false block=true max-bytes=1048576 " +
		"caps=" + caps + " ! " + parse + " ! mux."
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

// start builds and plays the muxing pipeline for codec and audio ("" for
// none).
func (w *FileWriter) start(codec, audio string) error {
	ensureInit()
	path := w.path
	pipe, err := gst.NewPipelineFromString(muxLaunchAV(codec, audio, w.mux))
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
	if audio != "" {
		a, err := pipe.GetElementByName("asrc")
		if err != nil {
			return err
		}
		w.asrc = newPusher(a)
	}
	if err := pipe.SetState(gst.StatePlaying); err != nil {
		if msg := pipe.GetPipelineBus().TimedPopFiltered(0, gst.MessageError); msg != nil {
			err = busError(msg)
		}
		_ = pipe.SetState(gst.StateNull) // teardown: err is the one to report
		return fmt.Errorf("%s: %w", path, err)
	}
	w.pipe, w.src, w.codec, w.audioCodec = pipe, newPusher(srcEl), codec, audio
	return nil
}

// Write appends one video access unit. Frames must come in decode order
// and all be of one codec (Frame.Codec; empty is H264); a raw file takes
// only the codec of its extension.
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
	if w.codec != "" && codec != w.codec {
		return fmt.Errorf("%s: a %s frame (captured %s) after %s ones: one file holds one codec; write the frames before and after that time to two files",
			w.path, codecName(codec), f.CaptureTime.UTC().Format(time.RFC3339Nano), codecName(w.codec))
	}
	w.codec = codec
	if !w.decided {
		w.pending = append(w.pending, heldFrame{f: f})
		if f.PTS-w.pending[0].f.PTS >= audioWait {
			return w.decide()
		}
		return nil
	}
	return w.writeVideo(f)
}

// WriteAudio appends one audio frame of the stream, Frame.Codec "aac" (one
// AAC frame with its ADTS header) or "opus" (one Opus packet), its PTS on
// the clock of the video frames given to Write: the muxer puts both tracks
// on one timeline. Only muxed files (.mp4, .mkv, .ts) take audio, and
// only frames from the first video frame on (earlier ones are counted in
// AudioDropped). A file decides whether it has audio by the first audio
// frame within audioWait (2 s) of video; audio that comes later, or falls
// audioLag (3 s) behind the video, is dropped and counted.
func (w *FileWriter) WriteAudio(f Frame) error {
	if w.buf != nil {
		return fmt.Errorf("%s: a raw video file holds no audio (use .mp4, .mkv or .ts)", w.path)
	}
	switch f.Codec {
	case AAC, Opus:
	default:
		return fmt.Errorf("%s: unknown audio codec %q (want %s or %s)", w.path, f.Codec, AAC, Opus)
	}
	if !w.decided {
		if len(w.pending) == 0 {
			w.AudioDropped++ // before the first video frame
			return nil
		}
		w.pending = append(w.pending, heldFrame{f: f, audio: true})
		return w.decide()
	}
	return w.writeAudio(f)
}

// decide builds the muxer with the tracks the held frames show and writes
// them.
func (w *FileWriter) decide() error {
	audio := ""
	for _, h := range w.pending {
		if h.audio {
			audio = h.f.Codec
			break
		}
	}
	w.decided = true
	if err := w.start(w.codec, audio); err != nil {
		return err
	}
	held := w.pending
	w.pending = nil
	for _, h := range held {
		var err error
		if h.audio {
			err = w.writeAudio(h.f)
		} else {
			err = w.writeVideo(h.f)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func (w *FileWriter) writeVideo(f Frame) error {
	if !w.started {
		w.base, w.started = min(f.DTS, f.PTS), true
		w.lastDTS, w.lastAudio = -1, -1
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
	if w.asrc != nil && !w.audioEnded && dts-max(w.lastAudio, 0) > audioLag {
		// The audio stopped: end its input so the muxer goes on with
		// the video alone.
		w.asrc.end()
		w.audioEnded = true
	}
	return w.src.push(f.Data, f.PTS-w.base, dts, f.Keyframe)
}

func (w *FileWriter) writeAudio(f Frame) error {
	if w.asrc == nil || w.audioEnded || !w.started || f.Codec != w.audioCodec {
		w.AudioDropped++
		return nil
	}
	// The video's base: both tracks on the video's timeline. Audio from
	// before the first video frame, or going back (the clock of a new
	// agent run, before its first video frame rebased the timeline), is
	// dropped: muxers refuse decreasing timestamps.
	pts := f.PTS - w.base
	if pts < 0 || pts <= w.lastAudio {
		w.AudioDropped++
		return nil
	}
	w.lastAudio = pts
	return w.asrc.push(f.Data, pts, pts, true)
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
	if !w.decided && len(w.pending) > 0 {
		if err := w.decide(); err != nil {
			return err
		}
	}
	if w.pipe == nil {
		return nil // no frame came: the file stays empty
	}
	w.src.end()
	if w.asrc != nil && !w.audioEnded {
		w.asrc.end()
	}
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

// TakesAudio says whether a file of path's extension carries an audio
// track beside the video (WriteAudio): .mp4, .mkv and .ts do, the raw
// video streams do not.
func TakesAudio(path string) bool {
	_, ok := muxers[strings.ToLower(filepath.Ext(path))]
	return ok
}
