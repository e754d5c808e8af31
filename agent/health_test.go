package agent

import (
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"github.com/edgecam/edgecam/capture"
	"github.com/edgecam/edgecam/config"
	"github.com/edgecam/edgecam/internal/testkit"
)

// TestStallWatch: silence is a stall after the limit for a running
// pipeline, after the longer first-frame grace for a new one; any frame
// restarts the clock.
func TestStallWatch(t *testing.T) {
	t0 := time.Unix(1000, 0)
	at := func(ms int) time.Time { return t0.Add(time.Duration(ms) * time.Millisecond) }
	type step struct {
		ms, frames int
		stalled    bool
	}
	for _, tc := range []struct {
		name  string
		steps []step
	}{
		{"no first frame within the grace", []step{{500, 0, false}, {2999, 0, false}, {3000, 0, true}}},
		{"frames keep it alive", []step{{500, 1, false}, {1400, 2, false}, {2300, 3, false}, {3200, 4, false}}},
		{"silence after frames", []step{{500, 5, false}, {1000, 5, false}, {1499, 5, false}, {1500, 5, true}}},
		{"a frame after a long hand-over is not a stall", []step{{100, 1, false}, {5000, 2, false}, {5500, 2, false}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := &stallWatch{after: time.Second, first: 3 * time.Second, lastAt: t0}
			for _, s := range tc.steps {
				if _, got := w.check(s.frames, at(s.ms)); got != s.stalled {
					t.Fatalf("at %d ms with %d frames: stalled=%v, want %v", s.ms, s.frames, got, s.stalled)
				}
			}
		})
	}
	// The limit: 5 frame intervals, at least MinStall; the first frame
	// gets FirstFrameTimeout.
	for _, tc := range []struct {
		fps         int
		after, frst time.Duration
	}{
		{30, time.Second, 10 * time.Second},
		{2, 2500 * time.Millisecond, 10 * time.Second},
		{0, time.Second, 10 * time.Second},
	} {
		s := &stream{fps: tc.fps, opts: Options{MinStall: time.Second, FirstFrameTimeout: 10 * time.Second}}
		if w := s.newStallWatch(); w.after != tc.after || w.first != tc.frst {
			t.Errorf("%d fps: stall after %s, first frame %s; want %s, %s", tc.fps, w.after, w.first, tc.after, tc.frst)
		}
	}
}

// TestStateAndFaults: a running stream whose deliverer spools shows as
// spooling; failures land in the right state and counter, a missing
// camera once per disappearance.
func TestStateAndFaults(t *testing.T) {
	s := &stream{name: "cam", log: slog.New(slog.DiscardHandler)}
	s.set(stateRunning, "", slog.LevelInfo)
	if got := s.status.get(); got.State != "running" || !got.state.healthy() {
		t.Fatalf("state %+v", got)
	}
	s.setSpooling(true)
	if got := s.status.get(); got.State != "spooling" || !got.state.healthy() {
		t.Errorf("running while spilling: %+v, want spooling (healthy)", got)
	}
	missing := s.checkCameraOf(capture.Source{Kind: capture.V4L2, Device: "/dev/video77"})
	for range 3 {
		s.onFailure(missing, slog.LevelWarn)
	}
	if got := s.status.get(); got.State != "waiting_for_device" || got.state.healthy() || !strings.Contains(got.Reason, "/dev/video77") {
		t.Errorf("after the camera vanished: %+v", got)
	}
	if n := s.errorCount(errDeviceMissing); n != 1 {
		t.Errorf("3 failed checks of one missing camera counted %d times, want once", n)
	}
	notDev := s.checkCameraOf(capture.Source{Kind: capture.V4L2, Device: os.DevNull + "/.."})
	s.onFailure(notDev, slog.LevelWarn)
	s.onFailure(&fault{errStall, errors.New("silent")}, slog.LevelWarn)
	s.onFailure(errors.New("negotiation failed"), slog.LevelWarn)
	for k, want := range map[errKind]int64{errDevice: 1, errStall: 1, errPipeline: 1, errDeviceMissing: 1} {
		if n := s.errorCount(k); n != want {
			t.Errorf("errors{kind=%s} = %d, want %d", k, n, want)
		}
	}
	if got := s.status.get(); got.State != "restarting" || got.Reason != "negotiation failed" {
		t.Errorf("after a pipeline error: %+v", got)
	}
}

// checkCameraOf is checkCamera for another source.
func (s *stream) checkCameraOf(src capture.Source) error {
	saved := s.src
	s.src = src
	defer func() { s.src = saved }()
	return s.checkCamera()
}

// udpCamera stands in for a camera that can go silent without an error:
// GStreamer's udpsrc receiving RTP/JPEG from a gst-launch sender. Killing
// the sender stops the frames and nothing else — no end-of-stream, no
// error — exactly what a hung USB camera or a silent IP camera does, and
// what stall detection is for. (A videotestsrc cannot do that: it either
// runs or sends end-of-stream.)
type udpCamera struct {
	port   int
	sender *exec.Cmd
}

func newUDPCamera(t *testing.T) *udpCamera {
	t.Helper()
	if _, err := exec.LookPath("gst-launch-1.0"); err != nil {
		t.Fatal("gst-launch-1.0 not installed (gstreamer1.0-tools; make deps installs it)")
	}
	pc, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	c := &udpCamera{port: pc.LocalAddr().(*net.UDPAddr).Port}
	pc.Close()
	t.Cleanup(c.off)
	return c
}

// fragment is the receiving end, a live source at the stream's format.
func (c *udpCamera) fragment(f capture.Format) string {
	return fmt.Sprintf(`udpsrc address=127.0.0.1 port=%d caps="application/x-rtp,media=video,clock-rate=90000,encoding-name=JPEG,payload=26" ! `+
		"rtpjpegdepay ! jpegdec ! videoconvert ! videoscale ! videorate ! video/x-raw,width=%d,height=%d,framerate=%d/1",
		c.port, f.Width, f.Height, f.FPS)
}

func (c *udpCamera) on(t *testing.T) {
	t.Helper()
	c.sender = exec.Command("gst-launch-1.0", "-q", "videotestsrc", "is-live=true", "pattern=ball", "!",
		"video/x-raw,width=320,height=240,framerate=15/1,format=I420", "!", "jpegenc", "!", "rtpjpegpay", "!",
		"udpsink", "host=127.0.0.1", "port="+strconv.Itoa(c.port))
	if err := c.sender.Start(); err != nil {
		t.Fatal(err)
	}
}

func (c *udpCamera) off() {
	if c.sender != nil {
		c.sender.Process.Kill()
		c.sender.Wait()
		c.sender = nil
	}
}

// TestCameraGoneAndBack walks a stream through a camera's faults with real
// pipelines: the camera's device node is missing at start (waiting for the
// device, /healthz 503), appears (a character device made with mknod, so
// capture.Check itself passes) but delivers nothing (the first-frame
// timeout restarts the pipeline), delivers, goes silent and vanishes (a
// stall, then waiting again), and returns. Every transition shows in the
// state, the counters and /healthz; the first frame after each restart is
// a keyframe even with a 10 s keyframe interval (the new pipeline's
// encoder starts with an IDR); the sequence has no gap; another stream of
// the agent never pauses.
//
// The device node is real but not a camera (there is none here; the qemu
// VM test covers v4l2 with vivid), so the stream's source is the
// udpCamera above instead of v4l2src.
func TestCameraGoneAndBack(t *testing.T) {
	c := testkit.Kfake(t, topic, 3)
	brokers := c.ListenAddrs()
	dev := filepath.Join(t.TempDir(), "video0")
	mknod := func() {
		t.Helper()
		// 1:3 is /dev/null's device number: any character device passes.
		if err := unix.Mknod(dev, unix.S_IFCHR|0o666, int(unix.Mkdev(1, 3))); err != nil {
			if errors.Is(err, syscall.EPERM) {
				t.Skip("mknod needs root (CAP_MKNOD)")
			}
			t.Fatal(err)
		}
	}
	cam := newUDPCamera(t)
	sc := testStream("cam")
	sc.Source = config.Source{Type: config.SourceV4L2, Device: dev}
	sc.Encoder = "x264enc"
	sc.KeyframeInterval = config.Duration(10 * time.Second)
	good := testStream("good")
	good.Encoder = "x264enc"
	a := startAgent(t, testConfig(t, brokers, sc, good), Options{
		MinStall: time.Second, FirstFrameTimeout: 2 * time.Second,
		fragment: func(src capture.Source, f capture.Format) (string, error) {
			if src.Kind == capture.V4L2 {
				return cam.fragment(f), nil
			}
			return capture.Fragment(src, f)
		},
	})
	state := func() string { _, h, _ := a.health(t); return h.Streams["cam"].State }
	value := func(name string, labels ...string) float64 {
		v, _ := a.scrape(t).Get(name, append([]string{"stream=cam"}, labels...)...)
		return v
	}
	goodAcked := func() float64 { v, _ := a.scrape(t).Get("edgecam_frames_acked_total", "stream=good"); return v }

	// 1. No device node.
	a.waitFor(t, "waiting for the device", func() bool { return state() == "waiting_for_device" })
	code, h, body := a.health(t)
	if code != http.StatusServiceUnavailable || !strings.Contains(h.Streams["cam"].Reason, dev) {
		t.Errorf("/healthz without the camera: %d %s", code, body)
	}
	// 2. The node appears, the camera says nothing: the first-frame
	// timeout tears the pipeline down.
	mknod()
	a.waitFor(t, "a stall before the first frame", func() bool { return value("edgecam_errors_total", "kind=stall") >= 1 })
	// 3. Frames.
	cam.on(t)
	a.waitFor(t, "30 frames", func() bool { return value("edgecam_frames_acked_total") >= 30 })
	a.waitFor(t, "running", func() bool { return state() == "running" })
	if code, _, body := a.health(t); code != http.StatusOK {
		t.Errorf("/healthz with every camera delivering: %d %s", code, body)
	}
	// 4. Silent and gone: a stall, then waiting for the device.
	stalls := value("edgecam_errors_total", "kind=stall")
	restarts := value("edgecam_pipeline_restarts_total")
	good0 := goodAcked()
	cam.off()
	if err := os.Remove(dev); err != nil {
		t.Fatal(err)
	}
	a.waitFor(t, "waiting for the device again", func() bool { return state() == "waiting_for_device" })
	if v := value("edgecam_errors_total", "kind=stall"); v != stalls+1 {
		t.Errorf("stall count %v → %v, want one more", stalls, v)
	}
	if v := value("edgecam_pipeline_restarts_total"); v <= restarts {
		t.Errorf("pipeline restarts %v → %v, want more", restarts, v)
	}
	if v := value("edgecam_errors_total", "kind=device_missing"); v != 2 {
		t.Errorf("device_missing = %v, want 2 (two disappearances)", v)
	}
	if g := goodAcked(); g <= good0 {
		t.Errorf("the other stream paused while this one's camera was gone: acked %v → %v", good0, g)
	}
	// 5. Back.
	acked := value("edgecam_frames_acked_total")
	backAt := time.Now()
	mknod()
	cam.on(t)
	a.waitFor(t, "30 more frames", func() bool { return value("edgecam_frames_acked_total") >= acked+30 })
	a.stop(t)

	rs := records(t, brokers, "agent-test/cam")
	checkContiguous(t, rs, "agent-test/cam")
	// The first frame captured after the camera came back starts a new
	// pipeline: a keyframe (not judged by the length of a capture gap,
	// which a loaded machine can stretch anywhere).
	first := -1
	for i, r := range rs {
		if r.CaptureTime.After(backAt) {
			first = i
			break
		}
	}
	switch {
	case first <= 0:
		t.Errorf("no frame captured before and after the outage (first after it: %d of %d)", first, len(rs))
	case !rs[first].Keyframe:
		t.Errorf("seq %d, the first frame after the camera came back, is not a keyframe", rs[first].Seq)
	}
	if v, _ := a.final(t).Get("edgecam_frames_acked_total", "stream=cam"); v != float64(len(rs)) {
		t.Errorf("acked %v, Kafka has %d", v, len(rs))
	}
	for _, want := range []string{"to=waiting_for_device", "from=waiting_for_device to=starting", "to=running", "to=restarting"} {
		if len(a.logs.Lines("stream=cam", "stream state", want)) == 0 {
			t.Errorf("no transition %q logged", want)
		}
	}
	t.Logf("%d frames in order through two camera faults; first frame after the outage a keyframe", len(rs))
}

// TestWatchdogWithheldWhileLoopStuck: a stream whose pipeline start blocks
// (filesrc opening a FIFO nobody writes: the open() never returns, as a
// hung driver's would) stops the systemd keep-alive (WATCHDOG=1) once its
// loop has been silent for StuckAfter, although another stream runs fine
// — and the keep-alive resumes when the loop moves again. A missing
// camera never does this (TestRunNotifiesSystemd).
func TestWatchdogWithheldWhileLoopStuck(t *testing.T) {
	c := testkit.Kfake(t, topic, 3)
	sock := underSystemd(t)
	fifo := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}

	// What systemd would receive, in order, with the test's own markers
	// (sock.mark) among it.
	var mu sync.Mutex
	var got []string
	go func() {
		buf := make([]byte, 4096)
		for {
			n, _, err := sock.conn.ReadFromUnix(buf)
			if err != nil {
				return // closed by the test's cleanup
			}
			mu.Lock()
			got = append(got, string(buf[:n]))
			mu.Unlock()
		}
	}()
	// pings counts the WATCHDOG=1 received after the marker from
	// (everything when from is ""), up to the marker to if there is one;
	// ok is whether both markers arrived.
	pings := func(from, to string) (n int, ok bool) {
		mu.Lock()
		defer mu.Unlock()
		in := from == ""
		for _, m := range got {
			switch {
			case m == from:
				in = true
			case in && to != "" && m == to:
				return n, true
			case in && strings.Contains(m, "WATCHDOG=1"):
				n++
			}
		}
		return n, in && to == ""
	}

	stuck := testStream("stuck")
	stuck.Source.Pattern = "stuck" // rendered by the fragment below
	stuck.Encoder = "x264enc"
	good := testStream("good")
	good.Encoder = "x264enc"
	a := startAgent(t, testConfig(t, c.ListenAddrs(), good, stuck), Options{
		StuckAfter: time.Second,
		fragment: func(src capture.Source, f capture.Format) (string, error) {
			if src.Pattern == "stuck" {
				return fmt.Sprintf("filesrc location=%q ! rawvideoparse width=%d height=%d framerate=%d/1 format=i420", fifo, f.Width, f.Height, f.FPS), nil
			}
			return capture.Fragment(src, f)
		},
	})
	// Each turn of the keep-alive loop that withholds the ping logs the
	// stuck loop first. A ping sent before the first such line is in the
	// socket before the marker the test sends on seeing it (one receive
	// queue, in order), so a ping after the marker is one sent while the
	// loop was known stuck. Five turns of the loop later, a second marker
	// closes the window: no clock decides what is "while stuck".
	stuckTurns := func() int { return len(a.logs.Lines("stream loop stuck", "stream=stuck")) }
	a.waitFor(t, "the stuck loop noticed", func() bool {
		return len(a.logs.Lines("stream loop stuck", "stream=stuck", "loop=supervise")) > 0
	})
	sock.mark(t, "stuck")
	turns := stuckTurns()
	a.waitFor(t, "five more keep-alive turns with the loop stuck", func() bool { return stuckTurns() >= turns+5 })
	sock.mark(t, "still stuck")
	a.waitFor(t, "both markers read from the socket", func() bool { _, ok := pings("stuck", "still stuck"); return ok })
	if n, _ := pings("stuck", "still stuck"); n != 0 {
		t.Fatalf("%d WATCHDOG=1 sent while a stream loop was stuck", n)
	}

	// Unstick it: a writer that opens and closes the FIFO whenever a
	// reader waits, so the blocked open returns (end of file) and every
	// later attempt ends at once.
	done := make(chan struct{})
	defer close(done)
	go func() {
		for {
			if fd, err := syscall.Open(fifo, syscall.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
				syscall.Close(fd)
			}
			select {
			case <-done:
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
	}()
	a.waitFor(t, "the keep-alive back", func() bool { n, _ := pings("still stuck", ""); return n > 0 })
	a.stop(t)
}
