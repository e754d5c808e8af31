package view

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/edgecam/edgecam/kafka"
)

var (
	errNotFound   = errors.New("no such stream in the topic")
	errNoKeyframe = errors.New("no keyframe of this stream read yet: it cannot be played until its next keyframe")
	errNotLive    = errors.New("this stream is not live: play it from its timeline")
	errBusy       = errors.New("too many recorded playbacks at once: close one, or wait a minute")
)

// Recorded playback. A seek creates a session: one reader of the stream's
// partition from the keyframe at or before the time asked for, feeding a
// muxer of its own at the pace the frames were captured (after a head
// start, so the player has segments to buffer at once). Memory is bounded
// by the number of sessions (Options.MaxPlaybacks), each holding one Kafka
// fetch (kafka.Viewer reads ranges of at most 8 MiB) and its muxer's
// segments; a session no one asked anything of for sessionIdle ends.
const (
	headStart   = 4 * time.Second
	sessionIdle = 30 * time.Second
	// readChunk is how many offsets one range read of a session spans.
	readChunk = 2000
)

type session struct {
	id, key string
	start   time.Time // capture time of the first frame
	mx      *muxer
	cancel  context.CancelFunc
}

type playbacks struct {
	v   *kafka.Viewer
	c   *catalog
	log *slog.Logger
	max int

	mu       sync.Mutex
	sessions map[string]*session
}

// open starts a playback of key from the keyframe at or before t.
func (p *playbacks) open(ctx context.Context, key string, t time.Time) (*session, error) {
	p.mu.Lock()
	n := len(p.sessions)
	p.mu.Unlock()
	if n >= p.max {
		return nil, errBusy
	}
	kf, err := p.v.KeyframeAt(ctx, key, t)
	if err != nil {
		return nil, err
	}
	// The parameter sets of the keyframe played from, not the stream's
	// current ones: a camera reconfigured since has others.
	nalus, err := splitAU(kf.Value)
	if err != nil {
		return nil, fmt.Errorf("%s offset %d: %w", key, kf.Offset, err)
	}
	prm, ok := paramsOf(kf.Codec, nalus)
	if !ok {
		return nil, fmt.Errorf("%s offset %d: keyframe without parameter sets: %w", key, kf.Offset, errNoKeyframe)
	}
	audio := p.audioAfter(ctx, key, kf)
	mx, err := newMuxer(kf.Codec, prm, audio, false, func(err error) {
		p.log.Warn("view: muxing a recording", "stream", key, "err", err)
	})
	if err != nil {
		return nil, err
	}
	var b [8]byte
	_, _ = rand.Read(b[:])
	sctx, cancel := context.WithCancel(context.Background())
	s := &session{id: hex.EncodeToString(b[:]), key: key, start: kf.CaptureTime, mx: mx, cancel: cancel}
	p.mu.Lock()
	if len(p.sessions) >= p.max {
		p.mu.Unlock()
		cancel()
		mx.close()
		return nil, errBusy
	}
	p.sessions[s.id] = s
	p.mu.Unlock()
	go p.play(sctx, s, kf.Partition, kf.Offset)
	return s, nil
}

// audioScan is how many records after the keyframe played from are read
// for the stream's sound track: the tracks share the partition in capture
// order, so a stream with sound has an audio record within a few frames.
const audioScan = 256

// audioAfter says whether the recording of key has sound from kf on: the
// parameters of its first audio record within audioScan records of the
// partition, nil when there is none.
func (p *playbacks) audioAfter(ctx context.Context, key string, kf *kafka.Record) *audioInfo {
	_, end, err := p.v.Bounds(ctx, kf.Partition)
	if err != nil {
		return nil
	}
	var a *audioInfo
	err = p.v.Read(ctx, kf.Partition, kf.Offset, kafka.ReadOptions{To: min(end, kf.Offset+audioScan), Key: key, Audio: func(r *kafka.Record) error {
		info, err := audioInfoOf(r)
		if err != nil {
			return nil // not playable: the video plays alone
		}
		a = &info
		return kafka.ErrStop
	}}, func(*kafka.Record) error { return nil }, nil)
	if err != nil {
		p.log.Debug("view: looking for the sound of a recording", "stream", key, "err", err)
	}
	return a
}

// play feeds the session's muxer until the session ends.
func (p *playbacks) play(ctx context.Context, s *session, part int32, from int64) {
	defer p.end(s)
	began := time.Now()
	var first time.Time
	asked := false
	for ctx.Err() == nil {
		_, end, err := p.v.Bounds(ctx, part)
		if err != nil {
			p.log.Warn("view: recorded playback", "stream", s.key, "err", err)
			if !sleep(ctx, time.Second) {
				return
			}
			continue
		}
		if from >= end { // caught up with the live end: wait for more
			if !sleep(ctx, 200*time.Millisecond) {
				return
			}
			continue
		}
		to := min(end, from+readChunk)
		err = p.v.Read(ctx, part, from, kafka.ReadOptions{To: to, Key: s.key, Audio: func(r *kafka.Record) error {
			// Between the video frames, paced by them.
			s.mx.writeAudio(r)
			from = r.Offset + 1
			return nil
		}}, func(r *kafka.Record) error {
			if first.IsZero() {
				first = r.CaptureTime
			}
			// Capture-time pacing: a frame is written when it is no
			// more than headStart ahead of the wall clock since the
			// start. A gap in the recording is closed up, not waited out.
			ahead := r.CaptureTime.Sub(first) - time.Since(began)
			if !asked && ahead > headStart {
				// The head start is muxed: the clock starts when the
				// player first asks, so the segment it starts at (the
				// keyframe sought) is still in the muxer's window
				// however long the page took to come.
				select {
				case <-s.mx.used:
				case <-ctx.Done():
					return ctx.Err()
				}
				asked = true
				began = time.Now().Add(headStart - r.CaptureTime.Sub(first))
				ahead = headStart
			}
			if ahead > headStart+maxJump {
				first = first.Add(ahead - headStart)
				ahead = headStart
			}
			if d := ahead - headStart; d > 0 && !sleep(ctx, d) {
				return ctx.Err()
			}
			s.mx.write(r)
			from = r.Offset + 1
			return nil
		}, nil)
		if err != nil && ctx.Err() == nil {
			p.log.Warn("view: recorded playback", "stream", s.key, "err", err)
			sleep(ctx, time.Second)
			continue
		}
		from = max(from, to)
	}
}

func (p *playbacks) end(s *session) {
	p.mu.Lock()
	delete(p.sessions, s.id)
	p.mu.Unlock()
	s.cancel()
	s.mx.close()
}

func (p *playbacks) get(id string) (*session, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	s := p.sessions[id]
	if s == nil {
		return nil, fmt.Errorf("playback %q ended (idle for %s): seek again", id, sessionIdle)
	}
	return s, nil
}

// stop ends a playback (one that already ended is no error).
func (p *playbacks) stop(id string) {
	p.mu.Lock()
	s := p.sessions[id]
	delete(p.sessions, id) // now: the caller may open another at once
	p.mu.Unlock()
	if s != nil {
		s.cancel() // play's end closes its muxer
	}
}

// closeIdle ends the sessions no player asked anything of since before.
func (p *playbacks) closeIdle(before time.Time) {
	p.mu.Lock()
	var idle []*session
	for _, s := range p.sessions {
		if s.mx.idleSince().Before(before) {
			idle = append(idle, s)
		}
	}
	p.mu.Unlock()
	for _, s := range idle {
		s.cancel()
	}
}

func (p *playbacks) closeAll() { p.closeIdle(time.Now().Add(time.Hour)) }
