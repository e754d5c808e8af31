package view

import (
	"context"
	"log/slog"
	"sort"
	"sync"
	"time"

	"github.com/edgecam/edgecam/kafka"
)

// Bounds of what a stream keeps in memory.
const (
	// maxGOP caps the current GOP kept to prime a new live muxer (a
	// camera with a keyframe interval longer than this starts its first
	// viewer at the next keyframe instead).
	maxGOPFrames = 600
	maxGOPBytes  = 16 << 20
	// maxGaps is how many gaps per stream the timeline remembers.
	maxGaps = 1000
	// liveWithin: a stream whose newest frame is younger than this is live.
	liveWithin = 5 * time.Second
	// rateWindow is the window the bit rate is measured over.
	rateWindow = 5 * time.Second
)

// Gap is a stretch of a stream's timeline without frames.
type Gap struct {
	From time.Time `json:"from"`
	To   time.Time `json:"to"`
	// Why: "evicted" (the spool dropped frames: Frames says how many),
	// "session" (the agent restarted), "seq" (frames missing otherwise:
	// retention, or records this viewer could not read).
	Why    string `json:"why"`
	Frames int64  `json:"frames,omitempty"`
}

// stream is what the viewer knows of one key of the topic.
type stream struct {
	key  string
	part int32

	// set by the partition's follower only, read under catalog.mu
	codec        string
	p            params
	haveParams   bool
	first, last  time.Time // capture times of the first and newest frames seen
	lastSeq      int64
	session      string
	frames       int64
	gaps         []Gap
	rateBytes    int64
	rateFrom     time.Time
	bitrate      float64 // bit/s over the last full rateWindow
	gop          []*kafka.Record
	gopBytes     int
	clockUnsync  bool
	live         *muxer // nil while no one watches
	fpsFrom      time.Time
	fpsFrames    int64
	fps          float64
	lastArrival  time.Time
	undecodeable int64
	// the sound track, once a record of it was seen (audio.go), and its
	// records since the current GOP's keyframe, to prime a live muxer
	audio *audioInfo
	agop  []*kafka.Record
}

// StreamInfo is a stream as the page shows it.
type StreamInfo struct {
	Key string `json:"key"`
	// ID is the key as it appears in URLs (/hls/live/ID/index.m3u8).
	ID          string    `json:"id"`
	Codec       string    `json:"codec"`
	Width       int       `json:"width"`
	Height      int       `json:"height"`
	BitrateKbps float64   `json:"bitrate_kbps"`
	FPS         float64   `json:"fps"`
	Live        bool      `json:"live"`
	LastSeen    time.Time `json:"last_seen"`
	// Oldest is the capture time of the oldest frame the partition still
	// holds (zero when unknown): the start of the timeline.
	Oldest time.Time `json:"oldest"`
	// ScannedFrom is where this viewer started reading: gaps before it
	// are not known.
	ScannedFrom time.Time `json:"scanned_from"`
	Gaps        []Gap     `json:"gaps"`
	ClockUnsync bool      `json:"clock_unsynced,omitempty"`
	Playable    bool      `json:"playable"`
	// Audio is the codec of the stream's sound track ("aac", "opus"),
	// empty while none was seen.
	Audio string `json:"audio,omitempty"`
}

// catalog is every stream found in the topic, kept up to date by one
// follower per partition.
type catalog struct {
	v       *kafka.Viewer
	log     *slog.Logger
	backlog time.Duration

	discovering sync.Mutex // see discover

	mu      sync.Mutex
	streams map[string]*stream
	oldest  map[int32]time.Time
	started map[int32]time.Time
}

func newCatalog(v *kafka.Viewer, log *slog.Logger, backlog time.Duration) *catalog {
	return &catalog{v: v, log: log, backlog: backlog, streams: map[string]*stream{}, oldest: map[int32]time.Time{}, started: map[int32]time.Time{}}
}

// run follows every partition of the topic until ctx ends.
func (c *catalog) run(ctx context.Context) error {
	parts, err := c.v.Partitions(ctx)
	if err != nil {
		return err
	}
	var wg sync.WaitGroup
	for _, p := range parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.follow(ctx, p)
		}()
	}
	wg.Wait()
	return ctx.Err()
}

// follow reads one partition from backlog ago on, for ever, retrying
// after errors (a broker away) with a capped backoff.
func (c *catalog) follow(ctx context.Context, part int32) {
	v, err := c.v.Own()
	if err != nil {
		c.log.Error("view: cannot follow partition", "partition", part, "err", err)
		return
	}
	defer v.Close()
	wait := time.Second
	from := int64(-1)
	for ctx.Err() == nil {
		if from < 0 {
			since := time.Now().Add(-c.backlog)
			off, err := v.OffsetAt(ctx, part, since)
			if err != nil {
				c.log.Warn("view: finding where to start reading", "partition", part, "err", err)
				sleep(ctx, wait)
				wait = min(wait*2, 30*time.Second)
				continue
			}
			c.mu.Lock()
			c.started[part] = since
			c.mu.Unlock()
			from = off
			go c.discover(ctx, part, off)
		}
		err := v.Read(ctx, part, from, kafka.ReadOptions{Audio: func(r *kafka.Record) error {
			from = r.Offset + 1
			c.seeAudio(r)
			return nil
		}}, func(r *kafka.Record) error {
			from = r.Offset + 1
			c.see(part, r)
			return nil
		}, func(off int64, err error) {
			c.log.Debug("view: skipping a record not in edgecam's format", "partition", part, "offset", off, "err", err)
		})
		if ctx.Err() != nil {
			return
		}
		c.log.Warn("view: reading Kafka; retrying", "partition", part, "err", err)
		sleep(ctx, wait)
		wait = min(wait*2, 30*time.Second)
	}
}

// Discovery of the streams that sent nothing during the backlog: the
// partition below where its follower started is sampled at this many
// evenly spaced offsets, up to discoverRecords records at each.
const (
	discoverSamples = 64
	discoverRecords = 300
)

// discover lists the streams of a partition that the follower, starting
// at offset below, does not see: it samples the older records (reading a
// week of video to list its streams is not worth it, so a stream that sent
// for less than 1/64 of the retention may be missed) and, for each key
// found, reads its last keyframe sampled for the codec and size. Their
// timelines know no gaps; they play from the timeline.
func (c *catalog) discover(ctx context.Context, part int32, below int64) {
	// One partition at a time: each sample is a Kafka fetch of up to
	// 8 MiB, and the start of a viewer need not hold one per partition.
	c.discovering.Lock()
	defer c.discovering.Unlock()
	start, _, err := c.v.Bounds(ctx, part)
	if err != nil || start >= below {
		return
	}
	type seen struct {
		codec       string
		first, last time.Time
	}
	found := map[string]*seen{}
	step := max(1, (below-start)/discoverSamples)
	for off := start; off < below && ctx.Err() == nil; off += step {
		n := 0
		err := c.v.Read(ctx, part, off, kafka.ReadOptions{To: min(off+step, below)}, func(r *kafka.Record) error {
			s := found[r.Key]
			if s == nil {
				s = &seen{first: r.CaptureTime}
				found[r.Key] = s
			}
			s.codec = r.Codec
			if r.CaptureTime.After(s.last) {
				s.last = r.CaptureTime
			}
			if n++; n >= discoverRecords {
				return kafka.ErrStop
			}
			return nil
		}, nil)
		if err != nil {
			c.log.Debug("view: sampling older records", "partition", part, "err", err)
			return
		}
	}
	for key, f := range found {
		c.mu.Lock()
		_, known := c.streams[key]
		c.mu.Unlock()
		if known {
			continue
		}
		st := &stream{key: key, part: part, codec: f.codec, first: f.first, last: f.last}
		if kf, err := c.v.KeyframeAt(ctx, key, f.last); err == nil {
			if nalus, err := splitAU(kf.Value); err == nil {
				st.p, st.haveParams = paramsOf(kf.Codec, nalus)
			}
		}
		c.mu.Lock()
		if _, known := c.streams[key]; !known {
			c.streams[key] = st
		}
		c.mu.Unlock()
	}
}

// see takes one record into the catalog and hands it to the stream's live
// muxer, if anyone watches.
func (c *catalog) see(part int32, r *kafka.Record) {
	c.mu.Lock()
	s := c.streams[r.Key]
	if s == nil {
		s = &stream{key: r.Key, part: part, first: r.CaptureTime, lastSeq: r.Seq - 1, session: r.Session, rateFrom: r.CaptureTime, fpsFrom: r.CaptureTime}
		c.streams[r.Key] = s
	}
	if s.frames > 0 {
		switch {
		case r.Evicted > 0:
			s.addGap(Gap{From: s.last, To: r.CaptureTime, Why: "evicted", Frames: r.Evicted})
		case r.Session != s.session:
			s.addGap(Gap{From: s.last, To: r.CaptureTime, Why: "session", Frames: max(0, r.Seq-s.lastSeq-1)})
		case r.Seq > s.lastSeq+1:
			s.addGap(Gap{From: s.last, To: r.CaptureTime, Why: "seq", Frames: r.Seq - s.lastSeq - 1})
		}
	}
	s.frames++
	s.codec = r.Codec
	s.lastSeq, s.session, s.last, s.clockUnsync = r.Seq, r.Session, r.CaptureTime, r.ClockUnsynced
	s.lastArrival = time.Now()
	s.rateBytes += int64(len(r.Value))
	if d := r.CaptureTime.Sub(s.rateFrom); d >= rateWindow || d < 0 {
		if d > 0 {
			s.bitrate = float64(s.rateBytes*8) / d.Seconds()
		}
		s.rateBytes, s.rateFrom = 0, r.CaptureTime
	}
	s.fpsFrames++
	if d := r.CaptureTime.Sub(s.fpsFrom); d >= rateWindow || d < 0 {
		if d > 0 {
			s.fps = float64(s.fpsFrames-1) / d.Seconds()
		}
		s.fpsFrames, s.fpsFrom = 1, r.CaptureTime
	}
	if r.Keyframe {
		if nalus, err := splitAU(r.Value); err == nil {
			if p, ok := paramsOf(r.Codec, nalus); ok && (!s.haveParams || !p.equal(&s.p)) {
				s.p, s.haveParams = p, true
			}
		} else {
			s.undecodeable++
		}
		clear(s.gop)
		s.gop, s.gopBytes = s.gop[:0], 0
		clear(s.agop)
		s.agop = s.agop[:0]
	}
	if len(s.gop) < maxGOPFrames && s.gopBytes+len(r.Value) <= maxGOPBytes && (len(s.gop) > 0 || r.Keyframe) {
		s.gop = append(s.gop, r)
		s.gopBytes += len(r.Value)
	}
	mx := s.live
	c.mu.Unlock()
	if mx != nil {
		mx.write(r)
	}
}

// seeAudio takes one audio record: the stream learns it has sound, and
// its live muxer gets the record. A stream is known by its video: audio
// of a key whose video was not seen yet waits for it.
func (c *catalog) seeAudio(r *kafka.Record) {
	c.mu.Lock()
	s := c.streams[r.Key]
	if s == nil || s.frames == 0 {
		c.mu.Unlock()
		return
	}
	if s.audio == nil || s.audio.codec != r.Codec {
		a, err := audioInfoOf(r)
		if err != nil {
			s.undecodeable++
			c.mu.Unlock()
			return
		}
		s.audio = &a
	}
	if len(s.gop) > 0 && len(s.agop) < 4*maxGOPFrames {
		s.agop = append(s.agop, r)
	}
	mx := s.live
	c.mu.Unlock()
	if mx != nil {
		mx.writeAudio(r)
	}
}

func (s *stream) addGap(g Gap) {
	if len(s.gaps) == maxGaps {
		copy(s.gaps, s.gaps[1:])
		s.gaps = s.gaps[:maxGaps-1]
	}
	s.gaps = append(s.gaps, g)
}

// liveMuxer returns the stream's live muxer, starting it (primed with the
// current GOP, so the first viewer does not wait for the next keyframe)
// if no one watched yet.
//
// A stream that sent nothing for liveWithin is not live: its playlist
// would never fill (gohlslib holds a playlist request until the muxer has
// a segment).
func (c *catalog) liveMuxer(key string, now time.Time) (*muxer, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s := c.streams[key]
	switch {
	case s == nil:
		return nil, errNotFound
	case s.live != nil:
		return s.live, nil
	case now.Sub(s.lastArrival) >= liveWithin || now.Sub(s.last) >= liveWithin+maxJump:
		return nil, errNotLive
	case !s.haveParams:
		return nil, errNoKeyframe
	}
	mx, err := newMuxer(s.codec, s.p, s.audio, true, func(err error) {
		c.log.Warn("view: muxing", "stream", key, "err", err)
	})
	if err != nil {
		return nil, err
	}
	// The GOP and its sound, in partition order.
	a := s.agop
	for _, r := range s.gop {
		for len(a) > 0 && a[0].Offset < r.Offset {
			mx.writeAudio(a[0])
			a = a[1:]
		}
		mx.write(r)
	}
	for _, r := range a {
		mx.writeAudio(r)
	}
	s.live = mx
	return mx, nil
}

// closeIdle closes the live muxers no one asked anything of since before.
func (c *catalog) closeIdle(before time.Time) {
	c.mu.Lock()
	var idle []*muxer
	for _, s := range c.streams {
		if s.live != nil && s.live.idleSince().Before(before) {
			idle = append(idle, s.live)
			s.live = nil
		}
	}
	c.mu.Unlock()
	for _, mx := range idle {
		mx.close()
	}
}

func (c *catalog) closeAll() { c.closeIdle(time.Now().Add(time.Hour)) }

// list returns every stream, sorted by key.
func (c *catalog) list(now time.Time) []StreamInfo {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make([]StreamInfo, 0, len(c.streams))
	for _, s := range c.streams {
		out = append(out, StreamInfo{
			Key: s.key, ID: streamID(s.key), Codec: s.codec, Width: s.p.width, Height: s.p.height,
			BitrateKbps: s.bitrate / 1000, FPS: s.fps,
			Live:     now.Sub(s.lastArrival) < liveWithin && now.Sub(s.last) < liveWithin+maxJump,
			LastSeen: s.last, Oldest: c.oldest[s.part], ScannedFrom: c.started[s.part],
			Gaps: append([]Gap(nil), s.gaps...), ClockUnsync: s.clockUnsync,
			Playable: s.haveParams && (s.codec == codecH264 || s.codec == codecH265),
		})
		if s.audio != nil {
			out[len(out)-1].Audio = s.audio.codec
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
}

// refreshOldest learns the capture time of the oldest record of every
// partition (where the timelines start), until ctx ends.
func (c *catalog) refreshOldest(ctx context.Context, every time.Duration) {
	for {
		parts, err := c.v.Partitions(ctx)
		if err == nil {
			for _, p := range parts {
				start, end, err := c.v.Bounds(ctx, p)
				if err != nil || start >= end {
					continue
				}
				_ = c.v.Read(ctx, p, start, kafka.ReadOptions{To: end}, func(r *kafka.Record) error {
					c.mu.Lock()
					c.oldest[p] = r.CaptureTime
					c.mu.Unlock()
					return kafka.ErrStop
				}, nil)
			}
		}
		if !sleep(ctx, every) {
			return
		}
	}
}

func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}
