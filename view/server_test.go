package view

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/twmb/franz-go/pkg/kfake"

	"github.com/edgecam/edgecam/internal/secret"
	"github.com/edgecam/edgecam/internal/testkit"
	"github.com/edgecam/edgecam/kafka"
)

// encodeH264 makes n access units of a test pattern with x264 (a real
// GStreamer pipeline, one file per access unit), a keyframe every 10.
func encodeH264(t *testing.T, n int) [][]byte {
	t.Helper()
	dir := t.TempDir()
	out, err := exec.Command("gst-launch-1.0", "-q", "videotestsrc", fmt.Sprintf("num-buffers=%d", n),
		"!", "video/x-raw,width=320,height=180,framerate=10/1",
		"!", "x264enc", "key-int-max=10", "bframes=0", "tune=zerolatency", "speed-preset=ultrafast",
		"!", "h264parse", "config-interval=-1",
		"!", "video/x-h264,stream-format=byte-stream,alignment=au",
		"!", "multifilesink", "location="+filepath.Join(dir, "au-%05d.h264")).CombinedOutput()
	if err != nil {
		t.Fatalf("gst-launch-1.0 x264enc: %v\n%s", err, out)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "au-*.h264"))
	sort.Strings(files)
	var aus [][]byte
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		aus = append(aus, b)
	}
	if len(aus) != n {
		t.Fatalf("x264enc made %d access units, want %d", len(aus), n)
	}
	return aus
}

// produce writes aus as stream key, 10 fps, captured from start on.
func produce(t *testing.T, cfg kafka.Config, key string, aus [][]byte, start time.Time) {
	t.Helper()
	p, err := kafka.NewProducer(cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	errc := make(chan error, len(aus))
	for i, au := range aus {
		pts := time.Duration(i) * 100 * time.Millisecond
		p.Produce(&kafka.Record{Key: key, Seq: int64(i), PTS: pts, DTS: pts, CaptureTime: start.Add(pts),
			Keyframe: i%10 == 0, Codec: codecH264, Value: au, Session: "s1"}, func(_ *kafka.Record, err error) { errc <- err })
	}
	for range aus {
		if err := <-errc; err != nil {
			t.Fatal(err)
		}
	}
}

func get(t *testing.T, c *http.Client, method, url string) (int, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, b
}

// TestNoKafkaSecretReachesTheBrowser serves a topic read with SASL (and
// the wrong password for a second viewer) and fetches everything the page
// fetches, and the error answers: neither the user, the password nor the
// brokers' address is in any answer.
func TestNoKafkaSecretReachesTheBrowser(t *testing.T) {
	const user, pass = "viewer-user-7731", "s3cret-password-0042"
	c := testkit.Kfake(t, "v", 2, kfake.EnableSASL(), kfake.Superuser("PLAIN", user, pass))
	sasl := &kafka.SASL{Mechanism: kafka.SASLPlain, User: user, Password: secret.New(pass)}
	cfg := kafka.Config{Brokers: c.ListenAddrs(), Topic: "v", SASL: sasl}
	start := time.Now().Add(-30 * time.Second)
	produce(t, cfg, "dev/cam", encodeH264(t, 100), start)

	v, err := kafka.NewViewer(cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	var logs testkit.LogBuf
	log := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	srv := New(v, Options{Backlog: time.Minute, Logger: log})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() { _ = srv.Run(ctx) }()
	hs := httptest.NewServer(srv)
	defer hs.Close()
	cl := hs.Client()

	var bodies [][]byte
	fetch := func(method, path string, want int) []byte {
		t.Helper()
		code, b := get(t, cl, method, hs.URL+path)
		if code != want {
			t.Errorf("%s %s: %d %s, want %d", method, path, code, b, want)
		}
		bodies = append(bodies, b)
		return b
	}
	testkit.Wait(t, "the stream listed", time.Minute, 100*time.Millisecond, func() bool {
		_, b := get(t, cl, "GET", hs.URL+"/api/streams")
		return bytes.Contains(b, []byte(`"playable":true`))
	})
	fetch("GET", "/", 200)
	fetch("GET", "/app.js", 200)
	fetch("GET", "/style.css", 200)
	fetch("GET", "/api/streams", 200)
	id := streamID("dev/cam")
	fetch("GET", "/hls/live/"+id+"/index.m3u8", 404) // not live: its newest frame is 20 s old
	fetch("GET", "/hls/live/bm9wZQ/index.m3u8", 404) // "nope"
	fetch("POST", "/api/play?key=dev/cam&t=x", 400)
	play := fetch("POST", fmt.Sprintf("/api/play?key=dev/cam&t=%d", start.Add(3*time.Second+time.Millisecond).UnixMilli()), 200)
	if want := start.Add(3 * time.Second).UTC().Format(time.RFC3339Nano); !bytes.Contains(play, []byte(want)) {
		t.Errorf("play from +3 s: %s, want a start at the keyframe of +3 s, %s", play, want)
	}
	fetch("GET", "/hls/rec/0000/index.m3u8", 404)
	// A seek that replaces the player's playback ends the old one.
	var first playReply
	if err := json.Unmarshal(play, &first); err != nil {
		t.Fatal(err)
	}
	fetch("POST", fmt.Sprintf("/api/play?key=dev/cam&t=%d&replace=%s", start.Add(5*time.Second).UnixMilli(), first.ID), 200)
	fetch("GET", "/hls/rec/"+first.ID+"/index.m3u8", 404)
	srv.pb.mu.Lock()
	n := len(srv.pb.sessions)
	srv.pb.mu.Unlock()
	if n != 1 {
		t.Errorf("%d playbacks after a replacing seek, want 1", n)
	}

	// A viewer whose Kafka refuses it: the browser gets a generic error.
	bad := cfg
	bad.SASL = &kafka.SASL{Mechanism: kafka.SASLPlain, User: user, Password: secret.New(pass + "-wrong")}
	bv, err := kafka.NewViewer(bad)
	if err != nil {
		t.Fatal(err)
	}
	defer bv.Close()
	bsrv := New(bv, Options{Logger: log})
	bsrv.c.see(0, &kafka.Record{Key: "dev/cam", Keyframe: true, Codec: codecH264, Value: encodeH264(t, 1)[0], CaptureTime: time.Now()})
	bhs := httptest.NewServer(bsrv)
	defer bhs.Close()
	code, b := get(t, bhs.Client(), "POST", bhs.URL+fmt.Sprintf("/api/play?key=dev/cam&t=%d", time.Now().UnixMilli()))
	if code != http.StatusBadGateway {
		t.Errorf("play with Kafka refusing the viewer: %d %s, want 502", code, b)
	}
	bodies = append(bodies, b)

	for _, b := range bodies {
		for _, s := range append([]string{user, pass}, c.ListenAddrs()...) {
			if bytes.Contains(b, []byte(s)) {
				t.Errorf("an answer to the browser contains %q:\n%s", s, b)
			}
		}
	}
	if strings.Contains(logs.String(), pass) {
		t.Errorf("the log contains the password:\n%s", logs.String())
	}
}
