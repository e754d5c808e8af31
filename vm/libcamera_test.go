//go:build v4l2vm

package vm

// libcamera for real: the vimc virtual camera (a media controller graph of
// sensors, debayer, scaler and capture nodes, as a Pi's CSI camera has)
// under Ubuntu's 5.15 kernel, driven by Debian's libcamera through its
// vimc pipeline handler (libcamera-ipa has its IPA). These run in a VM of
// their own (`make test-libcamera`, vm/libcamera-guest.sh, -test.run
// Libcamera).

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/edgecam/edgecam/internal/testkit"
)

// TestLibcameraVimc: libcamera's cam tool lists the vimc camera, `edgecam
// probe` lists it as a libcamera camera, and `edgecam run` with a libcamera
// source (libcamerasrc) streams it into Kafka (kfake): 30 frames read back
// decode, seq contiguous.
func TestLibcameraVimc(t *testing.T) {
	bin, out := env(t)

	// cam --list first, with a generous bound: the first libcamera program
	// loads and checks every IPA module under emulation.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	start := time.Now()
	b, err := exec.CommandContext(ctx, "cam", "--list").CombinedOutput()
	camTook := time.Since(start)
	if werr := os.WriteFile(filepath.Join(out, "cam-list.txt"), b, 0o644); werr != nil {
		t.Error(werr)
	}
	if err != nil {
		t.Fatalf("cam --list: %v\n%s", err, b)
	}
	id := ""
	for _, line := range strings.Split(string(b), "\n") {
		if i := strings.Index(line, "(platform/vimc"); i >= 0 && strings.HasSuffix(line, ")") {
			id = line[i+1 : len(line)-1]
			break
		}
	}
	if id == "" {
		t.Fatalf("cam --list lists no vimc camera:\n%s", b)
	}
	// A second time: what probe, which bounds it, meets on a warm machine.
	start = time.Now()
	if b, err := exec.CommandContext(ctx, "cam", "--list").CombinedOutput(); err != nil {
		t.Fatalf("cam --list again: %v\n%s", err, b)
	}
	camAgain := time.Since(start)
	t.Logf("check: libcamera: cam --list lists %q (%.1f s the first time, %.1f s the second)", id, camTook.Seconds(), camAgain.Seconds())

	start = time.Now()
	raw, err := exec.Command(bin, "probe", "--json").Output()
	probeTook := time.Since(start)
	if werr := os.WriteFile(filepath.Join(out, "libcamera-probe.json"), raw, 0o644); werr != nil {
		t.Error(werr)
	}
	if err != nil {
		t.Fatalf("edgecam probe --json: %v", err)
	}
	var r struct {
		Libcamera struct {
			Available bool `json:"available"`
			Cameras   []struct {
				ID   string `json:"id"`
				Name string `json:"name"`
			} `json:"cameras"`
			Error string `json:"error"`
		} `json:"libcamera"`
	}
	if err := json.Unmarshal(raw, &r); err != nil {
		t.Fatalf("probe --json is not JSON: %v", err)
	}
	listed := false
	for _, c := range r.Libcamera.Cameras {
		listed = listed || c.ID == id
	}
	if !r.Libcamera.Available || !listed {
		t.Errorf("probe (%.1f s): libcamera %+v; want available, listing %q", probeTook.Seconds(), r.Libcamera, id)
	} else {
		t.Logf("check: libcamera probe (%.1f s): lists %q", probeTook.Seconds(), id)
	}

	// The capture. libcamera's vimc handler sets the links and formats of
	// the graph itself (no media-ctl), and adjusts the size to what vimc's
	// x3 scaler makes of a sensor size aligned to 4: 640x480 becomes
	// 636x480, which libcamerasrc then cannot negotiate against
	// video/x-raw,width=640 (not-negotiated, the stream retried for ever).
	// 480x360 is a size it keeps.
	k := testkit.Kfake(t, "edgecam.video", 1)
	cfg := filepath.Join(out, "libcamera.yaml")
	if err := os.WriteFile(cfg, []byte(fmt.Sprintf(`device: {id: vm}
kafka: {brokers: [%q], topic: edgecam.video}
spool: {dir: /tmp/spool-libcamera}
metrics: {listen: "127.0.0.1:9130"}
streams:
  - name: cam0
    source: {type: libcamera, camera_name: %q}
    width: 480
    height: 360
    fps: 15
    bitrate_kbps: 500
    keyframe_interval: 1s
    encoder: x264enc
`, k.ListenAddrs()[0], id)), 0o644); err != nil {
		t.Fatal(err)
	}
	stop := runAgent(t, bin, cfg, filepath.Join(out, "agent.log"))
	defer stop()
	start = time.Now()
	// First what the agent says it produced: tells a camera that delivers
	// nothing from frames that do not come back. An outer bound.
	const produced = `edgecam_frames_produced_total{stream="cam0",track="video"}`
	if !testkit.Until(5*time.Minute, time.Second, func() bool { m, err := scrapeErr("127.0.0.1:9130"); return err == nil && m[produced] >= 30 }) {
		m, err := scrapeErr("127.0.0.1:9130")
		t.Fatalf("the agent has not produced 30 frames 5 min after it started (metrics error %v): %v %v", err, grep(m, "edgecam_frames"), grep(m, "edgecam_stream_state"))
	}
	t.Logf("check: libcamera: the agent produced 30 frames %.1f s after it started", time.Since(start).Seconds())
	got := tail(t, bin, cfg, filepath.Join(out, "cam0.mp4"), "--frames", "30")
	if got.frames != 30 || got.gaps != 0 || got.dups != 0 {
		t.Fatalf("read back %+v, want 30 frames, no gaps, no duplicates", got)
	}
	n := ffprobe(t, filepath.Join(out, "cam0.mp4"))
	if n != 30 {
		t.Errorf("ffprobe decoded %d frames of cam0.mp4, want 30", n)
	}
	t.Logf("check: libcamera capture: vimc %q 480x360 -> libcamerasrc -> x264 -> kfake: 30 frames read back in %.1f s (seq %d..%d, 0 gaps, 0 duplicates), ffprobe decoded %d",
		id, time.Since(start).Seconds(), got.first, got.last, n)
}
