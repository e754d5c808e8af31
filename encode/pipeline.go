package encode

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"
	"unsafe"

	"github.com/go-gst/go-gst/gst"
)

// Frame is one encoded H.264 or H.265 access unit, or with Track
// TrackAudio one encoded audio frame.
type Frame struct {
	// Data is the access unit in Annex-B byte-stream form. Keyframes are
	// IDR frames preceded by SPS and PPS (H.265: IRAP frames preceded by
	// VPS, SPS and PPS; the parser's config-interval=-1), so a decoder can
	// start at any keyframe. The slice is owned by the receiver.
	Data []byte
	// Codec is H264 or H265, the stream's Spec.Codec. Empty (a Frame made
	// elsewhere, e.g. before this field existed) means H264.
	Codec string
	// PTS and DTS are the presentation and decode times on the stream's
	// running-time clock (0 at pipeline start). DTS equals PTS when the
	// encoder does not set it (no B-frames).
	PTS, DTS time.Duration
	// Keyframe is true for IDR frames (H.265: IRAP, NAL types 16..21).
	Keyframe bool
	// CaptureTime is the wall-clock time the source captured the frame,
	// derived from the pipeline clock (immune to wall-clock jumps while the
	// pipeline runs).
	CaptureTime time.Time
	// Track is TrackAudio for a frame of the stream's sound track
	// (Spec.Audio): Data is then one AAC frame in ADTS or one Opus
	// packet, Codec AAC or Opus, Keyframe always true (every audio frame
	// decodes alone), and PTS on the same running-time clock as the
	// video's. Empty (or TrackVideo) is video.
	Track string
}

// IsAudio reports whether f is a frame of the sound track.
func (f *Frame) IsAudio() bool { return f.Track == TrackAudio }

// Spec is everything the pipeline of one stream needs.
type Spec struct {
	// Name names the stream in errors.
	Name string
	// Source is a gst-launch fragment that outputs raw video at Width x
	// Height and FPS, rendered by package capture, e.g.
	// "videotestsrc is-live=true ! video/x-raw,width=1280,height=720,framerate=30/1";
	// JPEG frames when Decoder is set; encoded access units for None.
	Source string
	// Width, Height (pixels) and FPS (frames per second) of the stream.
	Width, Height, FPS int
	// BitrateKbps is the target bit rate in kbit/s.
	BitrateKbps int
	// KeyframeInterval is the time between IDR frames; rounded to whole
	// frames, at least one.
	KeyframeInterval time.Duration
	// Encoder is an element name from Names, or Auto. Start expects the
	// result of Choose here, not Auto; None passes the source's H.264 or
	// H.265 through (see passthrough.go).
	Encoder string
	// Decoder, when set, says Source outputs JPEG frames (image/jpeg: a
	// V4L2 camera's MJPEG) and names the decoder that turns them into raw
	// video before the encoder: an element of DecoderNames, or Auto, which
	// Start does not take (ChooseDecoder resolves it). Empty: Source
	// outputs raw video.
	Decoder string
	// Codec is what the stream delivers: H264 (also when empty) or H265.
	// It picks the encoders Auto tries, the parser after the encoder, and
	// for None what the source sends; an explicit Encoder must encode it.
	Codec string
	// NVMM says Source outputs video/x-raw(memory:NVMM) (a Jetson CSI
	// camera): Start then adds nvvidconv before encoders that take system
	// memory.
	NVMM bool
	// HoldDevice, when set, is called when the pipeline ends, just before
	// its teardown, with the device descriptor (device-fd) of every
	// v4l2src, and the release it returns is called once the pipeline is
	// at NULL, before Frames is closed, while this package still holds a
	// reference to the v4l2src's buffer pool (see device.go): no
	// descriptor of the camera's open file can be closed, and its number
	// reused, meanwhile. Nil: no device is held. Pipeline.Released reports
	// the outcome.
	HoldDevice HoldDevice
	// Audio, when set, adds the stream's sound track to the same
	// pipeline (see AudioSpec); its frames come on Frames too, with
	// Track TrackAudio. Nil: video only.
	Audio *AudioSpec
}

// gop is the keyframe interval in frames.
func (s Spec) gop() int {
	n := int((s.KeyframeInterval*time.Duration(s.FPS) + time.Second/2) / time.Second)
	return max(n, 1)
}

// appsinkQueue bounds the encoded frames appsink holds when the consumer is
// slow (about 4 s at 30 fps). Past it the pipeline blocks and the leaky queue
// after the source drops raw frames, so memory stays bounded.
const appsinkQueue = 120

// launchString is the whole pipeline of a stream. The leaky queue decouples
// capture from encoding: a slow encoder drops raw frames there instead of
// stalling the camera driver. decode, when set, is the JPEG decoder (and
// the NVMM bridge an encoder may need after it): it comes after the queue,
// so a slow board drops whole JPEG frames (each one intra) before spending
// a decode on them.
func launchString(s Spec, decode string, e encoder) string {
	if decode != "" {
		decode += " ! "
	}
	return fmt.Sprintf("%s ! queue name=capq max-size-buffers=4 max-size-bytes=0 max-size-time=0 leaky=downstream ! %s%s ! %s ! "+
		"appsink name=sink sync=false emit-signals=false drop=false max-buffers=%d",
		s.Source, decode, e.fragment(s), parseFragment(e.codec), appsinkQueue)
}

// ErrSourceEnded is returned by Pipeline.Err when the source finished on its
// own (end of stream) without Stop being asked for.
var ErrSourceEnded = errors.New("source ended")

// drainTimeout bounds how long a stopping pipeline may take to push its last
// frames through the encoder after end-of-stream was sent.
const drainTimeout = 2 * time.Second

// Pipeline is one running stream pipeline.
type Pipeline struct {
	spec   Spec
	pipe   *gst.Pipeline
	frames chan Frame
	stopMu sync.Once

	mu       sync.Mutex
	err      error
	stopping bool
	busDone  chan struct{}

	// devMu guards the device holds (device.go), made and released by
	// watchBus, read by Released.
	devMu      sync.Mutex
	held       []heldDevice
	released   int
	releaseErr error
	sources    func(*Pipeline) []v4l2Source
	unrefPool  func(unsafe.Pointer)
}

// Start builds and plays the pipeline of s (s.Encoder must name an encoder,
// see Choose) and returns at once; frames arrive on Frames. When ctx is
// cancelled the source is sent end-of-stream so that frames already captured
// are still encoded and delivered, then Frames is closed. A pipeline error
// (camera unplugged, negotiation failure) also closes Frames; Err says why.
// A source that cannot start at all (missing device) fails Start itself.
func Start(ctx context.Context, s Spec) (*Pipeline, error) {
	return start(ctx, s, (*Pipeline).v4l2Sources, unrefPool)
}

// start is Start with the v4l2src lookup of device.go replaceable (tests).
func start(ctx context.Context, s Spec, sources func(*Pipeline) []v4l2Source, unref func(unsafe.Pointer)) (*Pipeline, error) {
	ensureInit()
	launch, err := launchFor(s)
	if err != nil {
		return nil, err
	}
	pipe, err := gst.NewPipelineFromString(launch)
	if err != nil {
		return nil, fmt.Errorf("stream %s: building pipeline: %w", s.Name, err)
	}
	sinkEl, err := pipe.GetElementByName("sink")
	if err != nil {
		return nil, fmt.Errorf("stream %s: %w", s.Name, err)
	}
	var asink *gst.Element
	if s.Audio != nil {
		if asink, err = pipe.GetElementByName("asink"); err != nil {
			return nil, fmt.Errorf("stream %s: %w", s.Name, err)
		}
	}
	p := &Pipeline{spec: s, pipe: pipe, frames: make(chan Frame, 8), busDone: make(chan struct{}), sources: sources, unrefPool: unref}
	if err := pipe.SetState(gst.StatePlaying); err != nil {
		// The bus holds the reason (e.g. "Cannot identify device").
		if msg := pipe.GetPipelineBus().TimedPopFiltered(gst.ClockTime(time.Second), gst.MessageError); msg != nil {
			err = trackError(msg)
		}
		_ = pipe.SetState(gst.StateNull) // teardown: err is the one to report
		return nil, fmt.Errorf("stream %s: starting pipeline: %w", s.Name, err)
	}
	go p.watchBus()
	codec, _ := s.codec() // launchFor checked it
	var pullers sync.WaitGroup
	pullers.Go(func() { p.pull(newPuller(sinkEl), codec) })
	if asink != nil {
		pullers.Go(func() { p.pullAudio(newPuller(asink), AudioCodecOf(*s.Audio)) })
	}
	go func() {
		// Frames closes once both tracks ended and the bus watcher has
		// recorded why.
		pullers.Wait()
		<-p.busDone
		close(p.frames)
	}()
	go func() {
		select {
		case <-ctx.Done():
			p.stop()
		case <-p.busDone:
		}
	}()
	return p, nil
}

// Frames delivers the encoded frames in order. It is closed when the
// pipeline has ended; Err then says why.
func (p *Pipeline) Frames() <-chan Frame { return p.frames }

// Err is valid once Frames is closed: nil after a requested stop,
// ErrSourceEnded when the source ended by itself, or the pipeline error.
func (p *Pipeline) Err() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.err
}

func (p *Pipeline) setErr(err error) {
	p.mu.Lock()
	if p.err == nil {
		p.err = err
	}
	p.mu.Unlock()
}

// stop sends end-of-stream into the pipeline so every captured frame is still
// encoded and pulled; if that does not finish within drainTimeout the
// pipeline is torn down regardless.
func (p *Pipeline) stop() {
	p.stopMu.Do(func() {
		p.mu.Lock()
		p.stopping = true
		p.mu.Unlock()
		p.pipe.SendEvent(gst.NewEOSEvent())
		select {
		case <-p.busDone:
		case <-time.After(drainTimeout):
			p.setErr(fmt.Errorf("stream %s: pipeline did not drain within %s after stop; last frames may be lost", p.spec.Name, drainTimeout))
			// Wakes watchBus, which tears the pipeline down.
			p.pipe.GetPipelineBus().Post(gst.NewApplicationMessage(p.pipe, gst.NewStructure("edgecam-stop")))
			<-p.busDone
		}
	})
}

// watchBus waits for the end of the pipeline: end-of-stream, an error, or the
// stop message. It then sets the pipeline to NULL, which also releases the
// camera and wakes a puller blocked in appsink, and runs the releases of
// Spec.HoldDevice.
func (p *Pipeline) watchBus() {
	defer close(p.busDone)
	bus := p.pipe.GetPipelineBus()
	for msg := (*gst.Message)(nil); msg == nil; {
		msg = bus.TimedPopFiltered(gst.ClockTimeNone, gst.MessageError|gst.MessageEOS|gst.MessageApplication)
		if msg == nil {
			continue
		}
		switch msg.Type() {
		case gst.MessageError:
			p.setErr(fmt.Errorf("stream %s: %w", p.spec.Name, trackError(msg)))
		case gst.MessageEOS:
			p.mu.Lock()
			stopping := p.stopping
			p.mu.Unlock()
			if !stopping {
				p.setErr(ErrSourceEnded)
			}
		}
	}
	p.holdDevices()
	_ = p.pipe.SetState(gst.StateNull) // teardown: the pipeline's errors came on its bus
	p.releaseDevices()
}

// trackError is busError, as an *AudioError when an element of the audio
// branch (named "audio-..." or the audio appsink) posted it.
func trackError(msg *gst.Message) error {
	err := busError(msg)
	if strings.HasPrefix(msg.Source(), "audio-") || msg.Source() == "asink" {
		return &AudioError{err}
	}
	return err
}

// pull moves frames from appsink to the Frames channel until appsink reports
// end-of-stream or the pipeline went to NULL.
func (p *Pipeline) pull(src *puller, codec string) {
	var pts, dts time.Duration
	// A passthrough pipeline that joins a camera's stream mid-GOP gets
	// frames that reference pictures it never had: it starts at the first
	// keyframe, as the record format promises. rtph264depay's
	// wait-for-keyframe does that for H.264; GStreamer 1.22's
	// rtph265depay has no such property, so this does, for both.
	waitKey := p.spec.Encoder == None
	for {
		fr, ok := src.next()
		if !ok {
			break
		}
		if waitKey && !fr.Keyframe {
			continue
		}
		waitKey = false
		// A camera that repeats SPS/PPS between the slices of one picture
		// (GStreamer 1.22's rtph264pay does) makes rtph264depay split the
		// picture in two access units, and h264parse sends the second
		// without a timestamp: give it its picture's.
		if fr.PTS < 0 {
			fr.PTS, fr.DTS = pts, dts
		}
		pts, dts = fr.PTS, fr.DTS
		fr.Codec = codec
		p.frames <- fr
	}
}

// pullAudio is pull for the sound track's appsink.
func (p *Pipeline) pullAudio(src *puller, codec string) {
	var pts time.Duration
	for {
		fr, ok := src.next()
		if !ok {
			return
		}
		if fr.PTS < 0 {
			fr.PTS, fr.DTS = pts, pts
		}
		pts = fr.PTS
		fr.Codec, fr.Track, fr.Keyframe = codec, TrackAudio, true
		p.frames <- fr
	}
}
