package view

import (
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/bluenviron/gohlslib/v2"
	"github.com/bluenviron/gohlslib/v2/pkg/codecs"

	"github.com/edgecam/edgecam/kafka"
)

// maxJump is the largest step of edgecam-pts between two frames that is
// played as it is; a longer one (frames evicted by the spool, a camera
// restart with a new stream clock) is closed up so the player does not
// stall for the length of the gap. The timeline shows the gap instead.
const maxJump = 2 * time.Second

// muxer is one HLS output of one stream: a gohlslib muxer fed with the
// stream's access units as they are (no transcoding), its timestamps made
// continuous across gaps and session changes.
type muxer struct {
	codec string
	track *gohlslib.Track
	m     *gohlslib.Muxer
	// audio, when the stream has sound, and its track (audio.go)
	audio  *audioInfo
	atrack *gohlslib.Track

	mu       sync.Mutex // orders writes (one writer at a time) and guards the fields below
	started  bool
	shift    time.Duration // added to edgecam-pts
	lastIn   time.Duration // last edgecam-pts written
	lastOut  time.Duration // last output pts
	step     time.Duration // last frame duration, for closing gaps
	firstOut time.Duration // output pts of the first frame written
	// the audio's last output pts (audio.go)
	audioStarted bool
	lastAudioOut time.Duration
	session      string
	needKey      bool
	closed       bool
	lastUsed     time.Time
	onErr        func(error)
	// used is closed at the first request (see recorded playback).
	used     chan struct{}
	usedOnce sync.Once
}

// newMuxer starts a muxer for a stream with the given parameter sets and,
// when audio is not nil, its sound track (writeAudio). lowLatency selects
// LL-HLS (live) or plain fMP4 HLS (recorded playback).
func newMuxer(codec string, p params, audio *audioInfo, lowLatency bool, onErr func(error)) (*muxer, error) {
	var c codecs.Codec
	switch codec {
	case codecH264:
		c = &codecs.H264{SPS: p.sps, PPS: p.pps}
	case codecH265:
		c = &codecs.H265{VPS: p.vps, SPS: p.sps, PPS: p.pps}
	default:
		return nil, fmt.Errorf("codec %q cannot be played (h264 and h265 can)", codec)
	}
	mx := &muxer{codec: codec, track: &gohlslib.Track{Codec: c, ClockRate: 90000}, needKey: true, lastUsed: time.Now(), onErr: onErr, used: make(chan struct{})}
	mx.m = &gohlslib.Muxer{
		Tracks:        []*gohlslib.Track{mx.track},
		OnEncodeError: onErr,
	}
	if audio != nil {
		mx.audio, mx.atrack = audio, audio.track()
		mx.m.Tracks = append(mx.m.Tracks, mx.atrack)
	}
	if lowLatency {
		// Seven segments of at least one keyframe interval each: the
		// LL-HLS minimum; parts of 200 ms (gohlslib's default) keep the
		// player about half a second behind the muxer.
		mx.m.Variant = gohlslib.MuxerVariantLowLatency
		mx.m.SegmentCount = 7
	} else {
		mx.m.Variant = gohlslib.MuxerVariantFMP4
		mx.m.SegmentCount = 5
	}
	mx.m.SegmentMinDuration = time.Second
	// A camera sending a huge GOP cannot make a muxer hold more than
	// SegmentCount × this.
	mx.m.SegmentMaxSize = 16 << 20
	if err := mx.m.Start(); err != nil {
		return nil, fmt.Errorf("hls muxer: %w", err)
	}
	return mx, nil
}

// write muxes one record. Frames before the first keyframe, and after a
// discontinuity until the next keyframe, are dropped (they cannot be
// decoded).
func (mx *muxer) write(r *kafka.Record) {
	mx.mu.Lock()
	defer mx.mu.Unlock()
	if mx.closed {
		return
	}
	jump := r.PTS - mx.lastIn
	if mx.started && (r.Session != mx.session || jump <= 0 || jump > maxJump) {
		// A new stream clock or a gap: continue one frame after the
		// last one written, from the next keyframe.
		mx.shift = mx.lastOut + mx.step - r.PTS
		mx.needKey = true
	}
	if mx.needKey && !r.Keyframe {
		return
	}
	nalus, err := splitAU(r.Value)
	if err != nil {
		mx.onErr(fmt.Errorf("offset %d: %w", r.Offset, err))
		return
	}
	out := r.PTS + mx.shift
	if mx.started && out <= mx.lastOut {
		out = mx.lastOut + time.Millisecond
	}
	pts := int64(out) * 9 / 100000 // 90 kHz
	switch mx.codec {
	case codecH264:
		err = mx.m.WriteH264(mx.track, r.CaptureTime, pts, nalus)
	case codecH265:
		err = mx.m.WriteH265(mx.track, r.CaptureTime, pts, nalus)
	}
	if err != nil {
		mx.onErr(fmt.Errorf("offset %d: %w", r.Offset, err))
		mx.needKey = true
		return
	}
	if mx.started && out > mx.lastOut && out-mx.lastOut <= maxJump {
		mx.step = out - mx.lastOut
	}
	if mx.step == 0 {
		mx.step = 33 * time.Millisecond
	}
	if !mx.started {
		mx.firstOut = out
	}
	mx.started, mx.needKey = true, false
	mx.lastIn, mx.lastOut, mx.session = r.PTS, out, r.Session
}

// ServeHTTP serves the playlists and segments (the last element of the
// path names them) and notes the use.
func (mx *muxer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	mx.mu.Lock()
	mx.lastUsed = time.Now()
	mx.mu.Unlock()
	mx.usedOnce.Do(func() { close(mx.used) })
	mx.m.Handle(w, r)
}

func (mx *muxer) idleSince() time.Time {
	mx.mu.Lock()
	defer mx.mu.Unlock()
	return mx.lastUsed
}

func (mx *muxer) close() {
	mx.mu.Lock()
	mx.closed = true
	mx.mu.Unlock()
	mx.m.Close()
}
