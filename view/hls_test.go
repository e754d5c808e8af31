package view

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/edgecam/edgecam/internal/testkit"
	"github.com/edgecam/edgecam/kafka"
)

// TestMuxerAcrossRestart feeds a muxer a stream that restarts (a new
// session, its clock back at 0) and then jumps (frames evicted: 20 s
// missing), as it comes from Kafka, and decodes what it serves with
// ffprobe: every segment decodes, and the timestamps keep increasing, with
// no pause of the length of the gap.
func TestMuxerAcrossRestart(t *testing.T) {
	aus := encodeH264(t, 40)
	nalus, err := splitAU(aus[0])
	if err != nil {
		t.Fatal(err)
	}
	p, ok := paramsOf(codecH264, nalus)
	if !ok || p.width != 320 || p.height != 180 {
		t.Fatalf("parameter sets of the first keyframe: %v %+v", ok, p)
	}
	mx, err := newMuxer(codecH264, p, nil, false, func(err error) { t.Errorf("muxing: %v", err) })
	if err != nil {
		t.Fatal(err)
	}
	defer mx.close()
	start := time.Now().Add(-time.Minute)
	frame := 100 * time.Millisecond
	write := func(session string, i int, pts time.Duration, at time.Duration) {
		mx.write(&kafka.Record{Key: "d/s", Seq: int64(i), PTS: pts, DTS: pts, CaptureTime: start.Add(at),
			Keyframe: i%10 == 0, Codec: codecH264, Value: aus[i%len(aus)], Session: session})
	}
	n := 0
	// The muxer keeps 5 segments of 1 s: the restart and the gap both
	// fall in the last 5.
	for i := range 20 { // session a: 2 s
		write("a", i, time.Duration(i)*frame, time.Duration(n)*frame)
		n++
	}
	for i := range 20 { // session b: its clock from 0 again
		write("b", i, time.Duration(i)*frame, time.Duration(n)*frame)
		n++
	}
	for i := range 21 { // 20 s evicted: the clock jumps
		write("b", 20+i, 20*time.Second+time.Duration(20+i)*frame, 20*time.Second+time.Duration(n)*frame)
		n++
	}

	hs := httptest.NewServer(mx)
	defer hs.Close()
	get := func(path string) []byte {
		resp, err := http.Get(hs.URL + "/" + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 {
			t.Fatalf("GET %s: %d %s", path, resp.StatusCode, b)
		}
		return b
	}
	get("index.m3u8")
	media := string(get("video1_stream.m3u8"))
	var all bytes.Buffer
	dir := t.TempDir()
	segs := 0
	for _, line := range strings.Split(media, "\n") {
		if u, ok := strings.CutPrefix(line, `#EXT-X-MAP:URI="`); ok {
			all.Write(get(strings.TrimSuffix(u, `"`)))
		}
		if strings.HasPrefix(line, "#") || !strings.HasSuffix(line, ".mp4") {
			continue
		}
		all.Write(get(line))
		segs++
	}
	if segs < 3 {
		t.Fatalf("%d segments served, want at least 3:\n%s", segs, media)
	}
	f := filepath.Join(dir, "all.mp4")
	if err := os.WriteFile(f, all.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if frames, errs := testkit.ProbeFrames(t, f); errs != "" || frames == 0 {
		t.Fatalf("ffprobe: %d frames, errors %s", frames, errs)
	}
	out, _ := testkit.Probe(t, f, "-select_streams", "v:0", "-show_entries", "packet=pts_time", "-of", "csv=p=0")
	last := -1.0
	for _, l := range strings.Fields(out) {
		v, err := strconv.ParseFloat(strings.TrimSuffix(l, ","), 64)
		if err != nil {
			t.Fatalf("ffprobe pts %q: %v", l, err)
		}
		if last >= 0 && (v <= last || v-last > 0.5) {
			t.Fatalf("pts %.3f after %.3f: want increasing by a frame (the restart and the gap closed up)\n%s", v, last, out)
		}
		last = v
	}
}
