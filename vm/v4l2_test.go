//go:build v4l2vm

// Package vm holds the real-V4L2 tests: they run inside the qemu VM that
// vm/vm.sh boots for vm/v4l2-guest.sh, as root, against the vivid virtual
// camera driver of a real Debian kernel, and are built only with -tags
// v4l2vm (`make test-v4l2`). They drive the edgecam binary named by
// EDGECAM_BIN the way a user would, with a Kafka (kfake, in this process)
// on the guest's loopback, and leave what they read back in
// EDGECAM_V4L2_OUT. Lines logged as "check: ..." are the summary the test
// prints. (The folder also holds the harness, vm/vm.sh, and the other VM
// tests' guest scripts: see vm/vm.mk.) It owns the V4L2 checks (probe,
// capture, unplug and replug) and must never run on the host: it needs
// root, unbinds the vivid driver and writes under /sys, which is why it is
// behind the tag and fails at once without the VM's EDGECAM_BIN and
// EDGECAM_V4L2_OUT.
package vm

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unsafe"

	"github.com/edgecam/edgecam/capture"
	"github.com/edgecam/edgecam/encode"
	"github.com/edgecam/edgecam/internal/testkit"
	"golang.org/x/sys/unix"
)

// env returns the edgecam binary and the results folder.
func env(t *testing.T) (bin, out string) {
	bin, out = os.Getenv("EDGECAM_BIN"), os.Getenv("EDGECAM_V4L2_OUT")
	if bin == "" || out == "" {
		t.Fatal("EDGECAM_BIN and EDGECAM_V4L2_OUT must be set (vm/v4l2-guest.sh runs this test inside the VM of vm/vm.sh)")
	}
	return bin, out
}

// vividNodes maps vivid's /dev/videoN nodes to what sysfs says they are
// (vivid-000-vid-cap, -vid-out, -meta-cap, -meta-out).
func vividNodes(t *testing.T) map[string]string {
	t.Helper()
	names, _ := filepath.Glob("/sys/class/video4linux/video*/name")
	nodes := map[string]string{}
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		nodes["/dev/"+filepath.Base(filepath.Dir(n))] = strings.TrimSpace(string(b))
	}
	if len(nodes) == 0 {
		t.Fatal("no /dev/video* nodes: vivid is not loaded")
	}
	return nodes
}

// probeJSON is the part of `edgecam probe --json` the checks read.
type probeJSON struct {
	Devices  []probeDevice `json:"devices"`
	Encoders []struct {
		Name   string `json:"name"`
		Usable bool   `json:"usable"`
	} `json:"encoders"`
	Suggestions []struct {
		Device string `json:"device"`
		Width  int    `json:"width"`
		Height int    `json:"height"`
		FPS    int    `json:"fps"`
	} `json:"suggestions"`
	NotSuggested []struct {
		Device string `json:"device"`
		Reason string `json:"reason"`
	} `json:"not_suggested"`
	Config string `json:"config"`
}

type probeDevice struct {
	Path         string        `json:"path"`
	Name         string        `json:"name"`
	Driver       string        `json:"driver"`
	Kind         string        `json:"kind"`
	Capture      bool          `json:"capture"`
	Capabilities []string      `json:"capabilities"`
	Error        string        `json:"error"`
	Formats      []probeFormat `json:"formats"`
}

type probeFormat struct {
	FourCC    string `json:"fourcc"`
	GstFormat string `json:"gst_format"`
	Sizes     []struct {
		Width  int `json:"width"`
		Height int `json:"height"`
		Rates  []struct {
			Num int `json:"num"`
			Den int `json:"den"`
		} `json:"rates"`
	} `json:"sizes"`
}

// TestProbe: `edgecam probe --json` lists vivid's capture node with its
// formats, tells its output and metadata nodes apart, and suggests a stream
// for the camera only, in a config that `edgecam config check` accepts;
// it lists snd-aloop's capture devices too (checkALSAProbe).
func TestProbe(t *testing.T) {
	bin, out := env(t)
	nodes := vividNodes(t)
	start := time.Now()
	cmd := exec.Command(bin, "probe", "--json")
	cmd.Stderr = os.Stderr
	raw, err := cmd.Output()
	took := time.Since(start)
	if werr := os.WriteFile(filepath.Join(out, "probe.json"), raw, 0o644); werr != nil {
		t.Error(werr)
	}
	if err != nil {
		t.Fatalf("edgecam probe --json: %v", err)
	}
	text, _ := exec.Command(bin, "probe").Output()
	if err := os.WriteFile(filepath.Join(out, "probe.txt"), text, 0o644); err != nil {
		t.Error(err)
	}
	var r probeJSON
	if err := json.Unmarshal(raw, &r); err != nil {
		t.Fatalf("probe --json is not JSON: %v", err)
	}
	checkALSAProbe(t, raw, took)

	listed := map[string]bool{}
	capturePath := ""
	for _, d := range r.Devices {
		listed[d.Path] = true
		role := nodes[d.Path]
		wantCapture := strings.HasSuffix(role, "-vid-cap")
		if d.Capture != wantCapture {
			t.Errorf("%s (%s): capture %v, kind %s, caps %v; want capture %v", d.Path, role, d.Capture, d.Kind, d.Capabilities, wantCapture)
		}
		// vivid-000-vid-cap: instance 000, video capture.
		parts := strings.SplitN(role, "-", 3)
		wantKind := map[string]string{"vid-cap": "capture", "vid-out": "output", "meta-cap": "metadata", "meta-out": "metadata"}[parts[len(parts)-1]]
		if d.Kind != wantKind {
			t.Errorf("%s (%s): kind %s, want %s", d.Path, role, d.Kind, wantKind)
		}
		if d.Driver != "vivid" {
			t.Errorf("%s: driver %q, want vivid", d.Path, d.Driver)
		}
		if wantCapture {
			capturePath = d.Path
			checkVividFormats(t, d)
		}
	}
	for n := range nodes {
		if !listed[n] {
			t.Errorf("%s (%s) is not listed", n, nodes[n])
		}
	}
	if capturePath == "" {
		t.Fatalf("no capture node found among %v", nodes)
	}
	if len(r.Suggestions) != 1 || r.Suggestions[0].Device != capturePath {
		t.Errorf("suggestions %+v, want exactly %s", r.Suggestions, capturePath)
	}
	if len(r.NotSuggested) != len(nodes)-1 {
		t.Errorf("not suggested %+v, want the %d nodes that are not cameras", r.NotSuggested, len(nodes)-1)
	}
	usable := []string{}
	for _, e := range r.Encoders {
		if e.Usable {
			usable = append(usable, e.Name)
		}
	}
	if len(usable) == 0 {
		t.Error("no usable encoder")
	}

	cfg := filepath.Join(out, "suggested.yaml")
	if err := os.WriteFile(cfg, []byte("kafka: {brokers: [\"127.0.0.1:9092\"]}\n"+r.Config), 0o644); err != nil {
		t.Fatal(err)
	}
	if b, err := exec.Command(bin, "config", "check", "--config", cfg).CombinedOutput(); err != nil {
		t.Errorf("config check of the suggestion: %v\n%s\n%s", err, b, r.Config)
	}
	s := r.Suggestions
	if t.Failed() || len(s) == 0 {
		return
	}
	t.Logf("check: probe (%.1f s): %d nodes; capture %s suggested as %dx%d@%d, config check OK; %d not suggested (%s); usable encoders %s",
		took.Seconds(), len(r.Devices), capturePath, s[0].Width, s[0].Height, s[0].FPS, len(r.NotSuggested), kinds(r), strings.Join(usable, ", "))
}

func kinds(r probeJSON) string {
	var ks []string
	for _, d := range r.Devices {
		if !d.Capture {
			ks = append(ks, strings.TrimPrefix(d.Path, "/dev/")+" "+d.Kind)
		}
	}
	return strings.Join(ks, ", ")
}

// checkVividFormats: vivid's webcam input offers YUYV among many raw
// formats, at 640x360 among its sizes, with a rate list per size.
func checkVividFormats(t *testing.T, d probeDevice) {
	t.Helper()
	path := d.Path
	if d.Error != "" {
		t.Errorf("%s: %s", path, d.Error)
	}
	for _, f := range d.Formats {
		if f.FourCC != "YUYV" {
			continue
		}
		if f.GstFormat != "YUY2" {
			t.Errorf("%s YUYV: gst_format %q, want YUY2", path, f.GstFormat)
		}
		for _, s := range f.Sizes {
			if s.Width == 640 && s.Height == 360 {
				if len(s.Rates) == 0 {
					t.Errorf("%s YUYV 640x360: no frame rates listed", path)
				}
				return
			}
		}
		t.Errorf("%s YUYV: no 640x360 among %+v", path, f.Sizes)
		return
	}
	t.Errorf("%s: no YUYV among %d formats", path, len(d.Formats))
}

// TestReleaseUnplugged: a GStreamer pipeline on a camera that is unplugged
// fails, but keeps a descriptor of the gone node (its v4l2 buffer pool's);
// capture.HoldDevice, run by encode at the teardown, lets go of it, so the
// camera plugged in again gets its old /dev/videoN back.
func TestReleaseUnplugged(t *testing.T) {
	env(t)
	dev := vividDevice(t)
	// Start from vivid's first numbering whatever an earlier test left.
	write(t, "/sys/bus/platform/drivers/vivid/unbind", dev)
	write(t, "/sys/bus/platform/drivers/vivid/bind", dev)
	camera := captureNode(t)
	p, err := encode.Start(context.Background(), encode.Spec{Name: "release", Width: 640, Height: 360, FPS: 15,
		Source:      fmt.Sprintf("v4l2src device=%s ! video/x-raw,width=640,height=360,framerate=15/1", camera),
		BitrateKbps: 500, KeyframeInterval: time.Second, Encoder: "x264enc", HoldDevice: capture.HoldDevice})
	if err != nil {
		t.Fatal(err)
	}
	frames := 0
	for range p.Frames() {
		if frames++; frames == 5 {
			write(t, "/sys/bus/platform/drivers/vivid/unbind", dev)
		}
	}
	// Bound again below; this is for a failure before that.
	defer func() { _ = os.WriteFile("/sys/bus/platform/drivers/vivid/bind", []byte(dev), 0o200) }() // fails when already bound
	if p.Err() == nil {
		t.Fatal("the pipeline ended without an error when its camera went")
	}
	// Released before Frames was closed.
	n, err := p.Released()
	if err != nil {
		t.Fatal(err)
	}
	if after := heldVideo(os.Getpid()); len(after) != 0 {
		t.Fatalf("still held after the release: %v", after)
	}
	write(t, "/sys/bus/platform/drivers/vivid/bind", dev)
	if !testkit.Until(time.Minute, 200*time.Millisecond, func() bool { _, err := os.Stat(camera); return err == nil }) || captureNode(t) != camera {
		t.Fatalf("the camera came back as %s, want %s", captureNode(t), camera)
	}
	t.Logf("check: release: pipeline on %s failed when unplugged (%v); released %d descriptors; replugged as %s again",
		camera, shortErr(p.Err()), n, camera)
}

// TestRestartReleases: a pipeline on vivid stopped the way the agent
// restarts a stalled one (its context cancelled: end-of-stream, drain,
// NULL) while the camera stays plugged in lets go of the camera: after
// each of several such stops the process holds no descriptor of the node
// and no mapping of its buffers. A leak stays, so the check waits only
// for what the teardown may still be finishing, with an outer bound.
func TestRestartReleases(t *testing.T) {
	env(t)
	camera := captureNode(t)
	const stops = 4
	for i := 1; i <= stops; i++ {
		ctx, cancel := context.WithCancel(context.Background())
		p, err := encode.Start(ctx, encode.Spec{Name: "restart", Width: 640, Height: 360, FPS: 15,
			Source:      fmt.Sprintf("v4l2src device=%s ! video/x-raw,width=640,height=360,framerate=15/1", camera),
			BitrateKbps: 500, KeyframeInterval: time.Second, Encoder: "x264enc", HoldDevice: capture.HoldDevice})
		if err != nil {
			cancel()
			t.Fatalf("start %d: %v", i, err)
		}
		frames := 0
		for range p.Frames() {
			if frames++; frames == 5 {
				cancel()
			}
		}
		cancel()
		if frames < 5 {
			t.Fatalf("stop %d: the pipeline ended after %d frames: %v", i, frames, p.Err())
		}
		if err := p.Err(); err != nil {
			t.Errorf("stop %d: %v", i, err)
		}
		if n, err := p.Released(); n != 0 || err != nil {
			t.Errorf("stop %d of a camera still plugged in: released %d descriptors (%v), want none", i, n, err)
		}
		if !testkit.Until(time.Minute, 200*time.Millisecond, func() bool { return len(heldVideo(os.Getpid())) == 0 }) {
			t.Fatalf("after stop %d of a pipeline on %s (camera still plugged in): still held: %s", i, camera, strings.Join(heldVideo(os.Getpid()), "; "))
		}
	}
	t.Logf("check: restart: %d pipelines on %s stopped (end-of-stream, drain, NULL) with the camera plugged in; none left a descriptor or buffer mapping", stops, camera)
}

func shortErr(err error) string {
	s := err.Error()
	if i := strings.IndexByte(s, '('); i > 0 {
		s = strings.TrimSpace(s[:i])
	}
	return s
}

// captureNode is vivid's video capture node.
func captureNode(t *testing.T) string {
	t.Helper()
	for n, role := range vividNodes(t) {
		if strings.HasSuffix(role, "-vid-cap") {
			return n
		}
	}
	t.Fatal("no vivid capture node")
	return ""
}

// TestCaptureUnplugReplug: the agent streams vivid at 640x360 into Kafka;
// the frames read back decode with contiguous seq numbers. Then the camera
// goes away (the driver unbound from the device, as when a USB camera is
// pulled) and comes back; the stream recovers by itself and the frames
// after it continue the sequence.
func TestCaptureUnplugReplug(t *testing.T) {
	bin, out := env(t)
	camera := captureNode(t)

	c := testkit.Kfake(t, "edgecam.video", 1)
	const metricsAddr = "127.0.0.1:9108"
	cfg := filepath.Join(out, "edgecam.yaml")
	if err := os.WriteFile(cfg, []byte(fmt.Sprintf(`device: {id: vm}
kafka: {brokers: [%q], topic: edgecam.video}
spool: {dir: /tmp/spool}
metrics: {listen: %q}
streams:
  - name: cam0
    source: {type: v4l2, device: %s}
    width: 640
    height: 360
    fps: 15
    bitrate_kbps: 500
    keyframe_interval: 1s
    encoder: x264enc
`, c.ListenAddrs()[0], metricsAddr, camera)), 0o644); err != nil {
		t.Fatal(err)
	}

	logf, err := os.Create(filepath.Join(out, "agent.log"))
	if err != nil {
		t.Fatal(err)
	}
	defer logf.Close()
	agent := exec.Command(bin, "run", "--config", cfg, "--log-level", "debug")
	agent.Stdout, agent.Stderr = logf, logf
	if err := agent.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- agent.Wait() }()
	defer func() {
		_ = agent.Process.Signal(os.Interrupt) // the kill below follows
		select {
		case <-exited:
		case <-time.After(20 * time.Second):
			agent.Process.Kill()
			<-exited
		}
	}()

	// b. Capture: 45 frames (3 s at 15 fps) read back as MP4 and decoded.
	start := time.Now()
	tail1 := tail(t, bin, cfg, filepath.Join(out, "cam0.mp4"), "--frames", "45")
	if tail1.frames != 45 || tail1.gaps != 0 || tail1.dups != 0 {
		t.Fatalf("read back %+v, want 45 frames, no gaps, no duplicates", tail1)
	}
	decoded := ffprobe(t, filepath.Join(out, "cam0.mp4"))
	if decoded != 45 {
		t.Errorf("ffprobe decoded %d frames of cam0.mp4, want 45", decoded)
	}
	t.Logf("check: capture: vivid %s 640x360@15 -> x264 -> kfake: 45 frames read back in %.1f s (seq %d..%d, 0 gaps, 0 duplicates), ffprobe decoded %d",
		camera, time.Since(start).Seconds(), tail1.first, tail1.last, decoded)

	// The agent is built from this tree, so its metrics are there: a
	// missing endpoint or series fails the test (metric says which).
	const (
		produced = `edgecam_frames_produced_total{stream="cam0",track="video"}`
		restarts = `edgecam_pipeline_restarts_total{stream="cam0"}`
		stalls   = `edgecam_errors_total{kind="stall",stream="cam0"}`
		waiting  = `edgecam_stream_state{state="waiting_for_device",stream="cam0"}`
		running  = `edgecam_stream_state{state="running",stream="cam0"}`
	)

	// Stalls: vivid stops returning buffers (its "Percentage of Dropped
	// Buffers" control at 100), so the agent's stall watch restarts the
	// pipeline, at least twice (the second restart's pipeline never got a
	// frame), with the camera plugged in; then the camera delivers again
	// and the stream runs. On a loaded emulator such restarts also happen
	// by themselves: each must let go of the camera, which the unplug
	// below checks (GStreamer 1.22 kept one descriptor per restart: see
	// encode/gst.go forceDrainEnv).
	ms := scrape(t, metricsAddr)
	s0, rs0 := metric(t, ms, stalls), metric(t, ms, restarts)
	vividControl(t, camera, "Percentage of Dropped Buffers", 100)
	if !testkit.Until(5*time.Minute, 200*time.Millisecond, func() bool {
		m, err := scrapeErr(metricsAddr)
		return err == nil && m[stalls] >= s0+2 && m[restarts] >= rs0+2
	}) {
		t.Errorf("vivid delivering no frame for 5 min: stalls %v -> %v, restarts %v -> %v, want 2 more of each",
			s0, metric(t, scrape(t, metricsAddr), stalls), rs0, metric(t, scrape(t, metricsAddr), restarts))
	}
	mr := scrape(t, metricsAddr)
	vividControl(t, camera, "Percentage of Dropped Buffers", 0)
	stalled := metric(t, mr, restarts) - rs0
	if !testkit.Until(5*time.Minute, 200*time.Millisecond, func() bool {
		m, err := scrapeErr(metricsAddr)
		return err == nil && m[running] == 1 && m[produced] > mr[produced]
	}) {
		t.Fatalf("the stream did not run again within 5 min of vivid delivering again: %v", grep(scrape(t, metricsAddr), "edgecam_stream_state"))
	}
	t.Logf("check: stalls: vivid dropping every buffer: the agent restarted its pipeline %v times (plugged in), then ran again", stalled)

	// c. Unplug: unbind vivid from its platform device. The node goes at
	// once; the agent's pipeline fails and must let go of the device, or a
	// replugged camera would come back under another number: this fails
	// too if a pipeline stopped earlier (the restarts above) kept one.
	m0 := scrape(t, metricsAddr)
	p0, r0 := metric(t, m0, produced), metric(t, m0, restarts)
	dev := vividDevice(t)
	write(t, "/sys/bus/platform/drivers/vivid/unbind", dev)
	unplugged := time.Now()
	pid := agent.Process.Pid
	// Outer bounds, generous for a slow emulator: not timing checks.
	if !testkit.Until(2*time.Minute, 200*time.Millisecond, func() bool { return len(heldVideo(pid)) == 0 }) {
		t.Errorf("the agent still holds the unplugged camera 2 min after it went (%s): the kernel frees /dev/videoN only when the last user lets go, so a camera plugged in again gets another number", strings.Join(heldVideo(pid), "; "))
	}
	if !testkit.Until(2*time.Minute, 200*time.Millisecond, func() bool { m, err := scrapeErr(metricsAddr); return err == nil && m[waiting] == 1 }) {
		m := scrape(t, metricsAddr)
		metric(t, m, waiting)
		t.Errorf("camera unplugged for 2 min, edgecam_stream_state is not waiting_for_device: %v", grep(m, "edgecam_stream_state"))
	}
	released := time.Since(unplugged)
	before := tail(t, bin, cfg, filepath.Join(out, "before-replug.h264"), "--to-end")

	// Replug: bind again; vivid creates its nodes anew.
	time.Sleep(2 * time.Second) // a camera stays away a moment
	write(t, "/sys/bus/platform/drivers/vivid/bind", dev)
	replugged := time.Now()
	if !testkit.Until(time.Minute, 200*time.Millisecond, func() bool { _, err := os.Stat(camera); return err == nil }) {
		t.Fatalf("%s not back 1 min after the bind; vivid's nodes are now %v", camera, vividNodes(t))
	}
	if role := vividNodes(t)[camera]; !strings.HasSuffix(role, "-vid-cap") {
		t.Fatalf("after the replug %s is %s, not the capture node", camera, role)
	}
	// 30 frames after the ones already in Kafka: they can only come from
	// the recovered stream.
	want := before.frames + 30
	after := tail(t, bin, cfg, filepath.Join(out, "after-replug.h264"), "--frames", strconv.Itoa(want))
	recovered := time.Since(replugged)
	if after.frames != want || after.gaps != 0 || after.dups != 0 || after.first != tail1.first {
		t.Errorf("after the replug: %+v; want %d frames from seq %d, no gaps, no duplicates", after, want, tail1.first)
	}
	if n := ffprobe(t, filepath.Join(out, "after-replug.h264")); n != want {
		t.Errorf("ffprobe decoded %d frames across the unplug, want %d", n, want)
	}
	m := scrape(t, metricsAddr)
	if metric(t, m, running) != 1 {
		t.Errorf("stream state after recovery: not running: %v", grep(m, "edgecam_stream_state"))
	}
	p1, r1 := metric(t, m, produced), metric(t, m, restarts)
	if p1 < p0+30 {
		t.Errorf("edgecam_frames_produced_total %v -> %v, want at least 30 more", p0, p1)
	}
	if r1 <= r0 {
		t.Errorf("edgecam_pipeline_restarts_total %v -> %v across the unplug, want more", r0, r1)
	}
	how := fmt.Sprintf("metrics: waiting_for_device seen, running again, produced %v -> %v, restarts %v -> %v", p0, p1, r0, r1)
	starts := countLog(t, filepath.Join(out, "agent.log"), "stream started")
	if starts < 2 {
		t.Errorf("the agent log has %d 'stream started' lines, want a second start after the replug", starts)
	}
	t.Logf("check: unplug: device closed %.1f s after unbind; %d frames before (seq %d..%d)", released.Seconds(), before.frames, before.first, before.last)
	t.Logf("check: replug: 30 new frames %.1f s after bind, seq %d..%d contiguous over the unplug, ffprobe decoded all; %s",
		recovered.Seconds(), after.first, after.last, how)
}

// tailResult is what `edgecam tail` printed on its last line.
type tailResult struct{ frames, first, last, gaps, dups int }

var tailLine = regexp.MustCompile(`tail: (\d+) frames, .* seq (\d+)\.\.(\d+), (\d+) gaps.*, (\d+) duplicates`)

// tail reads the stream back from the start with `edgecam tail`.
func tail(t *testing.T, bin, cfg, out string, args ...string) tailResult {
	t.Helper()
	// An outer bound for a slow emulator, not a timing check.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	args = append([]string{"tail", "--config", cfg, "--stream", "cam0", "--from-start", "-o", out}, args...)
	b, err := exec.CommandContext(ctx, bin, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("edgecam %s: %v\n%s", strings.Join(args, " "), err, b)
	}
	m := tailLine.FindSubmatch(b)
	if m == nil {
		t.Fatalf("edgecam tail printed no summary:\n%s", b)
	}
	n := func(i int) int { v, _ := strconv.Atoi(string(m[i])); return v }
	return tailResult{frames: n(1), first: n(2), last: n(3), gaps: n(4), dups: n(5)}
}

// ffprobe decodes every frame of path and returns how many it decoded;
// any decoder complaint fails the test.
func ffprobe(t *testing.T, path string) int {
	t.Helper()
	args := []string{"-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries", "stream=nb_read_frames", "-of", "csv=p=0"}
	if strings.HasSuffix(path, ".h264") {
		args = append(args, "-f", "h264")
	}
	cmd := exec.Command("ffprobe", append(args, path)...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	b, err := cmd.Output()
	if err != nil || stderr.Len() > 0 {
		t.Errorf("ffprobe %s: %v\n%s", path, err, stderr.String())
	}
	n, _ := strconv.Atoi(strings.TrimSpace(string(b)))
	return n
}

// vividDevice is the platform device vivid is bound to (vivid.0).
func vividDevice(t *testing.T) string {
	t.Helper()
	m, _ := filepath.Glob("/sys/bus/platform/drivers/vivid/vivid.*")
	if len(m) != 1 {
		t.Fatalf("vivid platform devices: %v, want one", m)
	}
	return filepath.Base(m[0])
}

func write(t *testing.T, path, value string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(value), 0o200); err != nil {
		t.Fatalf("echo %s > %s: %v", value, path, err)
	}
}

// vividControl sets the control of node called name (vivid's own test
// controls have no standard id) to value.
func vividControl(t *testing.T, node, name string, value int32) {
	t.Helper()
	fd, err := unix.Open(node, unix.O_RDWR|unix.O_CLOEXEC, 0)
	if err != nil {
		t.Fatalf("open %s: %v", node, err)
	}
	defer unix.Close(fd)
	// struct v4l2_queryctrl and struct v4l2_control of linux/videodev2.h.
	type queryctrl struct {
		ID, Type                uint32
		Name                    [32]byte
		Min, Max, Step, Default int32
		Flags                   uint32
		_                       [2]uint32
	}
	type control struct {
		ID    uint32
		Value int32
	}
	const (
		vidiocQueryctrl = 0xc0445624 // _IOWR('V', 36, struct v4l2_queryctrl)
		vidiocSCtrl     = 0xc008561c // _IOWR('V', 28, struct v4l2_control)
		nextCtrl        = 0x80000000 // V4L2_CTRL_FLAG_NEXT_CTRL
	)
	q := queryctrl{ID: nextCtrl}
	for {
		if _, _, errno := unix.Syscall(unix.SYS_IOCTL, uintptr(fd), vidiocQueryctrl, uintptr(unsafe.Pointer(&q))); errno != 0 {
			t.Fatalf("%s has no control %q (VIDIOC_QUERYCTRL: %v)", node, name, errno)
		}
		if unix.ByteSliceToString(q.Name[:]) == name {
			break
		}
		q.ID |= nextCtrl
	}
	c := control{ID: q.ID, Value: value}
	if _, _, errno := unix.Syscall(unix.SYS_IOCTL, uintptr(fd), vidiocSCtrl, uintptr(unsafe.Pointer(&c))); errno != 0 {
		t.Fatalf("%s: setting %q to %d: %v", node, name, value, errno)
	}
}

// heldVideo lists how process pid holds V4L2 nodes: open descriptors (also
// of a node that is gone, "/dev/video0 (deleted)") and memory maps of their
// buffers.
func heldVideo(pid int) []string {
	var held []string
	fds, _ := filepath.Glob(fmt.Sprintf("/proc/%d/fd/*", pid))
	for _, fd := range fds {
		if target, err := os.Readlink(fd); err == nil && strings.HasPrefix(target, "/dev/video") {
			held = append(held, "fd "+filepath.Base(fd)+" -> "+target)
		}
	}
	maps, _ := os.ReadFile(fmt.Sprintf("/proc/%d/maps", pid))
	if n := strings.Count(string(maps), "/dev/video"); n > 0 {
		held = append(held, fmt.Sprintf("%d buffer mappings", n))
	}
	return held
}

// scrape reads the agent's Prometheus metrics as "name{labels}" -> value;
// the agent comes from this tree, so an endpoint that does not answer
// fails the test.
func scrape(t *testing.T, addr string) map[string]float64 {
	t.Helper()
	m, err := scrapeErr(addr)
	if err != nil {
		t.Fatalf("metrics: %v (the agent is configured with metrics.listen %s)", err, addr)
	}
	return m
}

func scrapeErr(addr string) (map[string]float64, error) {
	resp, err := http.Get("http://" + addr + "/metrics")
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("GET http://%s/metrics: %s", addr, resp.Status)
	}
	m := map[string]float64{}
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			continue
		}
		i := strings.LastIndexByte(line, ' ')
		if i < 0 {
			continue
		}
		if v, err := strconv.ParseFloat(line[i+1:], 64); err == nil {
			m[line[:i]] = v
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading http://%s/metrics: %w", addr, err)
	}
	return m, nil
}

// metric is series key of m; a series the agent does not export fails the
// test, naming the series it has of that metric.
func metric(t *testing.T, m map[string]float64, key string) float64 {
	t.Helper()
	v, ok := m[key]
	if !ok {
		name, _, _ := strings.Cut(key, "{")
		t.Fatalf("metrics: no series %s; the agent exports %v", key, grep(m, name))
	}
	return v
}

func grep(m map[string]float64, prefix string) map[string]float64 {
	out := map[string]float64{}
	for k, v := range m {
		if strings.HasPrefix(k, prefix) {
			out[k] = v
		}
	}
	return out
}

func countLog(t *testing.T, path, msg string) int {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		t.Fatal(err)
	}
	return strings.Count(string(b), "msg=\""+msg+"\"")
}
