package view

import (
	"context"
	"embed"
	"encoding/base64"
	"encoding/json"
	"errors"
	"io/fs"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/edgecam/edgecam/kafka"
)

// static holds the page. static/hls.min.js is not in the repository:
// `make view-assets` fetches hls.js (npm, pinned, checksummed) into it
// before the build; a binary built without it says so on the page.
//
//go:embed static
var static embed.FS

// Options tune a Server. The zero value is usable.
type Options struct {
	// Backlog is how far back in time each partition is read at start,
	// to find the streams and their current state (default 30 s). The
	// timeline's gaps are known from there on.
	Backlog time.Duration
	// MaxPlaybacks bounds the recorded playbacks running at once
	// (default 16): each holds up to one Kafka fetch (8 MiB) and a
	// muxer of a few segments.
	MaxPlaybacks int
	// Auth, when set, must accept every request.
	Auth *Auth
	// Logger gets warnings (default slog.Default()).
	Logger *slog.Logger
}

// Server serves the page, the stream list and the HLS of every stream of
// one topic.
type Server struct {
	v   *kafka.Viewer
	c   *catalog
	pb  *playbacks
	log *slog.Logger
	mux *http.ServeMux
	// hasHLSJS is false when the binary was built without hls.js.
	hasHLSJS bool
	auth     *Auth
}

// New creates a server reading through v (which it does not close). Run
// starts the reading.
func New(v *kafka.Viewer, o Options) *Server {
	if o.Backlog <= 0 {
		o.Backlog = 30 * time.Second
	}
	if o.MaxPlaybacks <= 0 {
		o.MaxPlaybacks = 16
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	s := &Server{v: v, log: o.Logger, auth: o.Auth}
	s.c = newCatalog(v, o.Logger, o.Backlog)
	s.pb = &playbacks{v: v, c: s.c, log: o.Logger, max: o.MaxPlaybacks, sessions: map[string]*session{}}
	_, err := fs.Stat(static, "static/hls.min.js")
	s.hasHLSJS = err == nil
	sub, _ := fs.Sub(static, "static")
	s.mux = http.NewServeMux()
	s.mux.Handle("GET /", http.FileServerFS(sub))
	s.mux.HandleFunc("GET /api/streams", s.streams)
	s.mux.HandleFunc("POST /api/play", s.play)
	s.mux.HandleFunc("GET /hls/live/{stream}/{file}", s.live)
	s.mux.HandleFunc("GET /hls/rec/{id}/{file}", s.recorded)
	return s
}

// Run reads the topic until ctx ends; it returns an error only when the
// topic cannot be read at all at start (it does not exist, or the
// credentials are refused).
func (s *Server) Run(ctx context.Context) error {
	if _, err := s.v.Partitions(ctx); err != nil {
		return err
	}
	go s.c.refreshOldest(ctx, time.Minute)
	go func() {
		for sleep(ctx, 5*time.Second) {
			before := time.Now().Add(-sessionIdle)
			s.c.closeIdle(before)
			s.pb.closeIdle(before)
		}
	}()
	err := s.c.run(ctx)
	s.c.closeAll()
	s.pb.closeAll()
	if errors.Is(err, context.Canceled) {
		return nil
	}
	return err
}

// ServeHTTP serves the page and its API.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if s.auth != nil && !s.auth.check(w, r) {
		return
	}
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	if r.URL.Path == "/" || strings.HasSuffix(r.URL.Path, ".html") {
		h.Set("Content-Security-Policy", "default-src 'self'; media-src 'self' blob:; worker-src 'self' blob:; img-src 'self' data:")
	}
	s.mux.ServeHTTP(w, r)
}

type streamsReply struct {
	Now     time.Time    `json:"now"`
	Topic   string       `json:"topic"`
	HLSJS   bool         `json:"hlsjs"`
	Streams []StreamInfo `json:"streams"`
}

// streams lists the streams (GET /api/streams). Nothing of the Kafka
// configuration but the topic name is in it.
func (s *Server) streams(w http.ResponseWriter, r *http.Request) {
	now := time.Now()
	writeJSON(w, http.StatusOK, streamsReply{Now: now, Topic: s.v.Topic(), HLSJS: s.hasHLSJS, Streams: s.c.list(now)})
}

// live serves a stream's live LL-HLS (GET /hls/live/ID/FILE, ID the
// stream's key in base64url: keys contain slashes).
func (s *Server) live(w http.ResponseWriter, r *http.Request) {
	key, err := keyOf(r.PathValue("stream"))
	if err != nil {
		writeJSON(w, http.StatusNotFound, map[string]string{"error": "no such stream"})
		return
	}
	mx, err := s.c.liveMuxer(key, time.Now())
	if err != nil {
		s.fail(w, err)
		return
	}
	mx.ServeHTTP(w, r)
}

type playReply struct {
	ID    string    `json:"id"`
	URL   string    `json:"url"`
	Start time.Time `json:"start"`
}

// play starts a recorded playback (POST /api/play?key=KEY&t=UNIX_MS
// [&replace=ID]) from the keyframe at or before t and says where its
// playlist is and the capture time it starts at; replace ends the
// playback ID.
func (s *Server) play(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	ms, err := strconv.ParseInt(q.Get("t"), 10, 64)
	if err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "t: want Unix milliseconds"})
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), 30*time.Second)
	defer cancel()
	key := q.Get("key")
	if old := q.Get("replace"); old != "" {
		// The player's previous playback: end it now rather than when
		// it has been idle for sessionIdle, so a user clicking along
		// the timeline does not use up MaxPlaybacks.
		s.pb.stop(old)
	}
	sess, err := s.pb.open(ctx, key, time.UnixMilli(ms))
	if err != nil {
		s.fail(w, err)
		return
	}
	writeJSON(w, http.StatusOK, playReply{ID: sess.id, URL: "hls/rec/" + sess.id + "/index.m3u8", Start: sess.start})
}

// recorded serves a playback's HLS (GET /hls/rec/ID/FILE).
func (s *Server) recorded(w http.ResponseWriter, r *http.Request) {
	sess, err := s.pb.get(r.PathValue("id"))
	if err != nil {
		writeJSON(w, http.StatusNotFound, map[string]string{"error": err.Error()})
		return
	}
	sess.mx.ServeHTTP(w, r)
}

// fail answers with the error's status. Errors of package kafka are
// logged, and the browser gets only a generic line: they may name brokers
// and users.
func (s *Server) fail(w http.ResponseWriter, err error) {
	switch {
	case errors.Is(err, errNotFound), errors.Is(err, errNotLive):
		writeJSON(w, http.StatusNotFound, map[string]string{"error": err.Error()})
	case errors.Is(err, errNoKeyframe), errors.Is(err, kafka.ErrNoKeyframe):
		writeJSON(w, http.StatusConflict, map[string]string{"error": "no keyframe there: this stream cannot be played from that time"})
	case errors.Is(err, errBusy):
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"error": err.Error()})
	default:
		s.log.Warn("view: request failed", "err", err)
		writeJSON(w, http.StatusBadGateway, map[string]string{"error": "reading Kafka failed: see the viewer's log"})
	}
}

// streamID is how a key appears in URLs.
func streamID(key string) string { return base64.RawURLEncoding.EncodeToString([]byte(key)) }

func keyOf(id string) (string, error) {
	b, err := base64.RawURLEncoding.DecodeString(id)
	return string(b), err
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
