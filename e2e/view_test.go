package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/edgecam/edgecam/internal/testkit"
	"github.com/edgecam/edgecam/kafka"
)

// The browser test of `edgecam view` (make test-e2e): the agent streams the
// test camera into the real Kafka, an H.265 stream is produced beside it,
// `edgecam view` serves both, and Debian's chromium, headless, driven by
// playwright-core (view/browsertest/check.mjs), plays the page. ffprobe
// decodes the HLS segments.

// playwrightDir is where `make playwright` unpacked playwright-core.
func playwrightDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("EDGECAM_PLAYWRIGHT")
	if dir == "" {
		cache := os.Getenv("EDGECAM_CACHE")
		if cache == "" {
			home, _ := os.UserHomeDir()
			cache = filepath.Join(home, ".cache", "edgecam")
		}
		matches, _ := filepath.Glob(filepath.Join(cache, "npm", "playwright-core-*", "package"))
		if len(matches) > 0 {
			sort.Strings(matches)
			dir = matches[len(matches)-1]
		}
	}
	for _, need := range []string{filepath.Join(dir, "index.js"), "/usr/bin/chromium"} {
		if _, err := os.Stat(need); dir == "" || err != nil {
			t.Fatalf("%s missing: make test-e2e fetches playwright-core (make playwright) and make deps installs chromium", need)
		}
	}
	if _, err := exec.LookPath("node"); err != nil {
		t.Fatal("node not installed (make deps installs nodejs)")
	}
	return dir
}

// startProc runs bin with args until the test ends (SIGTERM, then a
// bounded wait) and returns its pid and log.
func startProc(t *testing.T, bin string, args ...string) (*exec.Cmd, *syncBuffer) {
	t.Helper()
	logs := &syncBuffer{}
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = logs, logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { _ = cmd.Wait(); close(done) }()
	t.Cleanup(func() {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-done:
		case <-time.After(30 * time.Second):
			_ = cmd.Process.Kill()
			<-done
			t.Errorf("%s %s did not exit within 30 s of SIGTERM\n%s", bin, args[0], logs.String())
		}
	})
	return cmd, logs
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// viewStream is the part of /api/streams the tests read.
type viewStream struct {
	Key      string    `json:"key"`
	ID       string    `json:"id"`
	Codec    string    `json:"codec"`
	Width    int       `json:"width"`
	Height   int       `json:"height"`
	Live     bool      `json:"live"`
	Playable bool      `json:"playable"`
	LastSeen time.Time `json:"last_seen"`
	Gaps     []struct {
		From, To time.Time
		Why      string
		Frames   int64
	} `json:"gaps"`
}

func getStreams(base string) (map[string]viewStream, error) {
	resp, err := http.Get(base + "api/streams")
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var j struct{ Streams []viewStream }
	if err := json.NewDecoder(resp.Body).Decode(&j); err != nil {
		return nil, err
	}
	out := map[string]viewStream{}
	for _, s := range j.Streams {
		out[s.Key] = s
	}
	return out, nil
}

func httpGet(t *testing.T, url string) []byte {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s: %s", url, resp.Status, b)
	}
	return b
}

// produceH265 encodes a test pattern with x265 (gst-launch-1.0, one file
// per access unit) and produces it as stream key at 30 fps, looping, in
// the record format, until ctx ends. Its first frames are captured
// `back` ago, so the viewer finds a keyframe at once.
func produceH265(ctx context.Context, t *testing.T, brokers, key string) {
	t.Helper()
	dir := t.TempDir()
	out, err := exec.Command("gst-launch-1.0", "-q", "videotestsrc", "num-buffers=90", "pattern=smpte",
		"!", "video/x-raw,width=320,height=240,framerate=30/1",
		"!", "x265enc", "key-int-max=30", "tune=zerolatency", "speed-preset=ultrafast", "bitrate=300",
		"!", "h265parse", "config-interval=-1",
		"!", "video/x-h265,stream-format=byte-stream,alignment=au",
		"!", "multifilesink", "location="+filepath.Join(dir, "au-%05d.h265")).CombinedOutput()
	if err != nil {
		t.Fatalf("gst-launch-1.0 x265enc: %v\n%s", err, out)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "au-*.h265"))
	sort.Strings(files)
	if len(files) < 60 {
		t.Fatalf("x265enc made %d access units", len(files))
	}
	var aus [][]byte
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		aus = append(aus, b)
	}
	p, err := kafka.NewProducer(kafka.Config{Brokers: strings.Split(brokers, ","), Topic: topic})
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		defer p.Close()
		const frame = time.Second / 30
		start := time.Now()
		session, seq, pts0 := "h265test-1", int64(0), time.Duration(0)
		for i := 0; ctx.Err() == nil; i++ {
			if i == 270 {
				// An agent restart, at a keyframe (the 90 access units
				// loop from one): 2 s without frames, a new session,
				// a new stream clock and reserved seqs skipped. The
				// timeline must show it.
				session, seq, pts0 = "h265test-2", seq+100, -time.Duration(i)*frame+2*time.Second
				if !sleepCtx(ctx, 2*time.Second) {
					return
				}
			}
			au := aus[i%len(aus)]
			// An IRAP access unit starts with the VPS (NAL type 32).
			kf := len(au) > 4 && (au[4]>>1)&0x3f == 32
			at := time.Duration(i) * frame
			if i >= 270 {
				at += 2 * time.Second
			}
			pts := pts0 + at
			p.Produce(&kafka.Record{Key: key, Seq: seq, PTS: pts, DTS: pts, CaptureTime: start.Add(at),
				Keyframe: kf, Codec: "h265", Value: au, Session: session}, func(*kafka.Record, error) {})
			seq++
			if !sleepCtx(ctx, time.Until(start.Add(at+frame))) {
				return
			}
		}
	}()
}

func sleepCtx(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}

// probeSegments downloads the media playlist of a stream's HLS (under
// base, e.g. .../hls/live/ID/), its init section and every complete
// segment, and has ffprobe decode each (init + segment): every segment
// must decode with no error. It returns the frames decoded.
func probeSegments(t *testing.T, base string) (segments, frames int) {
	t.Helper()
	var pl string
	for _, line := range strings.Split(string(httpGet(t, base+"index.m3u8")), "\n") {
		if strings.HasSuffix(line, ".m3u8") {
			pl = line
		}
	}
	if pl == "" {
		t.Fatalf("%sindex.m3u8: no media playlist in it", base)
	}
	var media string
	testkit.Wait(t, "3 complete segments in "+pl, 60*time.Second, 500*time.Millisecond, func() bool {
		media = string(httpGet(t, base+pl))
		return strings.Count(media, "_seg") >= 3
	}, func() string { return media })
	var init []byte
	dir := t.TempDir()
	for _, line := range strings.Split(media, "\n") {
		if u, ok := strings.CutPrefix(line, `#EXT-X-MAP:URI="`); ok {
			init = httpGet(t, base+strings.TrimSuffix(u, `"`))
		}
		if strings.HasPrefix(line, "#") || !strings.Contains(line, "_seg") {
			continue
		}
		seg := httpGet(t, base+line)
		f := filepath.Join(dir, line)
		if err := os.WriteFile(f, append(append([]byte(nil), init...), seg...), 0o644); err != nil {
			t.Fatal(err)
		}
		n, errs := testkit.ProbeFrames(t, f)
		if errs != "" || n == 0 {
			t.Errorf("%s%s: ffprobe decoded %d frames, errors: %s", base, line, n, errs)
		}
		segments++
		frames += n
	}
	if init == nil {
		t.Fatalf("%s: no EXT-X-MAP (fMP4 init section)", pl)
	}
	return segments, frames
}

// checkReport is what check.mjs prints.
type checkReport struct {
	Fatal   string   `json:"fatal"`
	Errors  []string `json:"errors"`
	Console []string `json:"console"`
	HLSJS   bool     `json:"hlsjs"`
	HEVCMSE bool     `json:"hevcMSE"`
	H264MSE bool     `json:"h264MSE"`
	Live    struct{ From, To playerState }
	Latency struct{ Median, Min, Max, Samples float64 } `json:"latencyMs"`
	Seek    struct {
		Target float64 `json:"target"`
		Reply  struct {
			Start time.Time `json:"start"`
		} `json:"reply"`
		From, To playerState
	} `json:"seek"`
	BackLive struct{ From, To playerState } `json:"backLive"`
	H265     struct {
		Listed    bool        `json:"listed"`
		Stream    *viewStream `json:"stream"`
		DrawnGaps []string    `json:"drawnGaps"`
		Message   string      `json:"message"`
	} `json:"h265"`
}

type playerState struct {
	T      float64  `json:"t"`
	Frames int      `json:"frames"`
	Shown  float64  `json:"shown"` // capture time of the frame shown, Unix ms
	Now    float64  `json:"now"`
	Mode   string   `json:"mode"`
	Errors []string `json:"errors"`
}

func TestViewBrowser(t *testing.T) {
	brokers, bin := env(t)
	pw := playwrightDir(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	camCfg, device := writeConfig(t, brokers, oneTestStream)
	key := device + "/cam0"
	agentStart := time.Now()
	_, agentLog := startProc(t, bin, "run", "--config", camCfg)
	hevcKey := device + "-hevc/cam0"
	produceH265(ctx, t, brokers, hevcKey)

	// The viewer's config: kafka only, no streams (a viewer box is not a
	// camera box).
	viewCfg := filepath.Join(t.TempDir(), "view.yaml")
	if err := os.WriteFile(viewCfg, []byte(fmt.Sprintf("kafka:\n  brokers: [%q]\n  topic: %s\n", brokers, topic)), 0o644); err != nil {
		t.Fatal(err)
	}
	addr := freeAddr(t)
	base := "http://" + addr + "/"
	_, viewLog := startProc(t, bin, "view", "--config", viewCfg, "--listen", addr)
	var streams map[string]viewStream
	testkit.Wait(t, "both streams live and playable in /api/streams", 90*time.Second, 500*time.Millisecond, func() bool {
		var err error
		streams, err = getStreams(base)
		return err == nil && streams[key].Live && streams[key].Playable && streams[hevcKey].Playable
	}, func() string { return fmt.Sprintf("%+v\nviewer:\n%s\nagent:\n%s", streams, viewLog, agentLog) })
	if s := streams[key]; s.Codec != "h264" || s.Width != 640 || s.Height != 360 {
		t.Errorf("%s listed as %+v, want h264 640x360", key, s)
	}
	if s := streams[hevcKey]; s.Codec != "h265" || s.Width != 320 || s.Height != 240 {
		t.Errorf("%s listed as %+v, want h265 320x240", hevcKey, s)
	}

	// ffprobe: the playlist opens, and every segment decodes, H.264 and
	// H.265.
	for _, k := range []string{key, hevcKey} {
		hls := base + "hls/live/" + streams[k].ID + "/"
		out, errs := testkit.Probe(t, hls+"index.m3u8", "-select_streams", "v:0", "-show_entries", "stream=codec_name,width,height", "-of", "csv=p=0")
		want := map[string]string{key: "h264,640,360", hevcKey: "hevc,320,240"}[k]
		if !strings.HasPrefix(out, want) || errs != "" {
			t.Errorf("ffprobe %sindex.m3u8: %q (errors %q), want %q", hls, out, errs, want)
		}
		segs, frames := probeSegments(t, hls)
		t.Logf("%s: ffprobe decoded %d segments, %d frames, no errors", k, segs, frames)
	}

	// The H.265 stream's restart is a gap on its timeline.
	testkit.Wait(t, "the H.265 stream's restart on its timeline", 60*time.Second, 500*time.Millisecond, func() bool {
		streams, _ = getStreams(base)
		g := streams[hevcKey].Gaps
		return len(g) == 1 && g[0].Why == "session" && g[0].Frames == 100 && g[0].To.Sub(g[0].From) > 2*time.Second
	}, func() string { return fmt.Sprintf("%+v", streams[hevcKey]) })

	// The browser seeks 20 s back from the frame it shows: Kafka must
	// hold that much of the camera first.
	time.Sleep(time.Until(agentStart.Add(25 * time.Second)))
	shot := filepath.Join(t.TempDir(), "view.png")
	if dir := os.Getenv("EDGECAM_VIEW_SCREENSHOT"); dir != "" {
		shot = dir
	}
	nodeCtx, nodeCancel := context.WithTimeout(ctx, 10*time.Minute) // a hang, not a timing
	defer nodeCancel()
	cmd := exec.CommandContext(nodeCtx, "node", "../view/browsertest/check.mjs", pw, base, key, "--h265", hevcKey, "--seek-back", "20", "--screenshot", shot)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("check.mjs: %v\n%s\n%s", err, out, stderr.String())
	}
	var r checkReport
	if err := json.Unmarshal(out, &r); err != nil {
		t.Fatalf("check.mjs printed %q: %v", out, err)
	}
	t.Logf("browser: %s", out)
	if r.Fatal != "" {
		t.Fatalf("check.mjs: %s\nviewer:\n%s", r.Fatal, viewLog)
	}
	if !r.HLSJS {
		t.Error("hls.js not loaded (make view-assets before the build)")
	}
	if len(r.Errors) > 0 || len(r.Console) > 0 || len(r.Live.To.Errors) > 0 || len(r.Seek.To.Errors) > 0 || len(r.BackLive.To.Errors) > 0 {
		t.Errorf("errors in the page: %v, console: %v, players: %v %v %v", r.Errors, r.Console, r.Live.To.Errors, r.Seek.To.Errors, r.BackLive.To.Errors)
	}
	if d := r.Live.To.T - r.Live.From.T; d < 5 || r.Live.To.Frames <= 100 {
		t.Errorf("live: currentTime advanced %.1f s, %d frames shown; want >= 5 s and > 100", d, r.Live.To.Frames)
	}
	// The recording: it starts at the keyframe at or before the time
	// asked for (the test camera makes one a second), and the frames shown
	// carry capture times from there on, far behind live.
	start := float64(r.Seek.Reply.Start.UnixMilli())
	if start > r.Seek.Target || r.Seek.Target-start > 1500 {
		t.Errorf("seek to %s started at %s: want the keyframe at or up to 1 s before it", ms(r.Seek.Target), r.Seek.Reply.Start)
	}
	if r.Seek.From.Shown < start-100 || r.Seek.From.Shown > start+2000 {
		t.Errorf("recorded playback of %s showed a frame captured at %s first, want one just after %s", ms(r.Seek.Target), ms(r.Seek.From.Shown), r.Seek.Reply.Start)
	}
	played := (r.Seek.To.T - r.Seek.From.T) * 1000
	if drift := r.Seek.To.Shown - r.Seek.From.Shown - played; drift < -500 || drift > 500 {
		t.Errorf("recorded playback: the clock advanced %.0f ms but the capture time of the frame shown %.0f ms", played, r.Seek.To.Shown-r.Seek.From.Shown)
	}
	if behind := r.Seek.To.Now - r.Seek.To.Shown; behind < 15000 {
		t.Errorf("recorded playback shows a frame only %.0f ms old: that is live, not 20 s back", behind)
	}
	if d := r.BackLive.To.T - r.BackLive.From.T; d < 2 || r.BackLive.To.Now-r.BackLive.To.Shown > 10000 {
		t.Errorf("back to live: played %.1f s, %0.f ms behind capture", d, r.BackLive.To.Now-r.BackLive.To.Shown)
	}
	if !r.H265.Listed || r.H265.Stream.Codec != "h265" {
		t.Errorf("the H.265 stream is not listed in the page: %+v", r.H265)
	}
	if len(r.H265.DrawnGaps) != 1 || r.H265.DrawnGaps[0] != "gap session" {
		t.Errorf("the H.265 stream's timeline shows gaps %v, want its one restart (gap session)", r.H265.DrawnGaps)
	}
	if !r.HEVCMSE && !strings.Contains(r.H265.Message, "cannot decode H265") {
		t.Errorf("chromium has no HEVC decoder but the H.265 player says %q", r.H265.Message)
	}
	t.Logf("live latency at the player (capture to display): median %.0f ms (%.0f..%.0f, %v samples); H.264 in MSE: %v; HEVC in MSE (headless chromium): %v",
		r.Latency.Median, r.Latency.Min, r.Latency.Max, r.Latency.Samples, r.H264MSE, r.HEVCMSE)
}

func ms(v float64) string { return time.UnixMilli(int64(v)).UTC().Format("15:04:05.000") }
