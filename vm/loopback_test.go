//go:build v4l2vm

package vm

// The cameras that deliver MJPEG or their own H.264: v4l2loopback devices
// (built by vm/v4l2loopback.sh against the VM's kernel, loaded by vm/vm.sh
// --module-file with exclusive_caps=1, so a device fed by a producer looks
// like a capture-only camera to probes, as a webcam does) fed from
// GStreamer producers in the VM. These run in a VM of their own (`make
// test-v4l2`'s second run, -test.run Loopback), without vivid: the vivid
// tests expect every node to be vivid's.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unsafe"

	"github.com/edgecam/edgecam/internal/testkit"
	"golang.org/x/sys/unix"
)

// A loopback camera: its node (video_nr in vm/vm.mk), its card_label, the
// frames its producer writes and what probe must make of it.
type loopCam struct {
	name     string // the stream, and the format probe must suggest
	node     string
	label    string
	fourcc   string
	producer string // gst-launch-1.0 pipeline after the test pattern's caps
	// start is how each of the producer's frames begins, where the stream
	// from gst-launch is cut into frames.
	start []byte
}

const (
	loopWidth, loopHeight, loopFPS = 640, 360, 15
)

var loopCams = []loopCam{
	// This camera offers 'JPEG', as some webcams do (UVC webcams say MJPG);
	// edgecam takes both as mjpeg. Each JPEG starts with SOI and a marker
	// (FF D8 FF), which its entropy-coded data cannot hold (FF is stuffed).
	{name: "mjpeg", node: "/dev/video10", label: "edgecam-mjpeg", fourcc: "JPEG",
		producer: "jpegenc quality=85", start: []byte{0xff, 0xd8, 0xff}},
	// Annex-B, as a UVC camera sends. config-interval=-1: SPS/PPS before
	// every IDR, as cameras do, so a reader that opens the device mid-stream
	// can start. x264enc begins each access unit with a delimiter (aud,
	// its default; h264parse puts SPS/PPS after it): 00 00 01 09.
	{name: "h264", node: "/dev/video11", label: "edgecam-h264", fourcc: "H264",
		producer: "x264enc tune=zerolatency speed-preset=ultrafast key-int-max=15 bitrate=600 ! video/x-h264,profile=constrained-baseline ! " +
			"h264parse config-interval=-1 ! video/x-h264,stream-format=byte-stream,alignment=au",
		start: []byte{0, 0, 1, 9}},
}

// producer is a running gst-launch-1.0 feeding a loopback camera.
type producer struct {
	cmd     *exec.Cmd
	written chan struct{} // closed once its first frame is on the device
	done    chan struct{} // closed when it has exited and the device is closed, err set
	err     error
}

func (p *producer) exited() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

// startProducer feeds c at 640x360@15 until stopped, and waits (an outer
// bound for a slow emulator) until its first frame is on the device, that
// is, until it is a capture device with a format.
//
// The frames are written as a camera delivers them, whole, one write() a
// frame, not with GStreamer's v4l2sink: v4l2sink asks v4l2loopback for 2
// buffers, and v4l2loopback lets a writer overwrite a buffer whether or
// not its reader is done with it, so a reader that copies a frame out
// later than a frame interval or two (an emulator under load) gets part of
// the next one: an H.264 slice that does not decode (CI saw it), which no
// real camera's driver does. A device written with write() uses all of its
// max_buffers (32 in vm/vm.mk, 2 s at 15 fps): the reader may fall 2 s
// behind before the writer reaches the buffer it holds.
func startProducer(t *testing.T, c loopCam, out string) *producer {
	t.Helper()
	// The rate: a writer that does not set one (S_PARM) leaves the device
	// at 30 fps, and its readers would see that; its sysfs format attribute
	// sets it.
	sysfs := "/sys/class/video4linux/" + filepath.Base(c.node)
	write(t, sysfs+"/format", fmt.Sprintf("@%d", loopFPS))
	fd, err := unix.Open(c.node, unix.O_RDWR|unix.O_CLOEXEC, 0)
	if err != nil {
		t.Fatalf("open %s: %v", c.node, err)
	}
	if err := setOutputFormat(fd, c.fourcc); err != nil {
		unix.Close(fd)
		t.Fatalf("%s: %v", c.node, err)
	}
	pipeline := fmt.Sprintf("videotestsrc is-live=true pattern=ball ! video/x-raw,format=I420,width=%d,height=%d,framerate=%d/1 ! %s ! fdsink fd=1",
		loopWidth, loopHeight, loopFPS, c.producer)
	logf, err := os.OpenFile(filepath.Join(out, "producer-"+c.name+".log"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fmt.Fprintf(logf, "--- %s gst-launch-1.0 -q %s, frames written to %s\n", time.Now().Format(time.TimeOnly), pipeline, c.node); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("gst-launch-1.0", append([]string{"-q"}, strings.Fields(pipeline)...)...)
	cmd.Stderr = logf
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	p := &producer{cmd: cmd, written: make(chan struct{}), done: make(chan struct{})}
	go func() {
		werr := writeFrames(fd, stdout, c.start, func() { close(p.written) })
		unix.Close(fd) // the camera is gone once its producer is
		p.err = cmd.Wait()
		if werr != nil {
			p.err = errors.Join(p.err, fmt.Errorf("writing to %s: %w", c.node, werr))
		}
		_, _ = fmt.Fprintf(logf, "--- %s exited: %v\n", time.Now().Format(time.TimeOnly), p.err) // the log is an aid
		logf.Close()
		close(p.done)
	}()
	t.Cleanup(p.stop)
	select {
	case <-p.written:
	case <-p.done:
	case <-time.After(3 * time.Minute):
		t.Fatalf("%s: no frame written 3 min after the producer started (see producer-%s.log)", c.node, c.name)
	}
	if p.exited() {
		t.Fatalf("the %s producer exited: %v (see producer-%s.log)", c.name, p.err, c.name)
	}
	format := func() string { b, _ := os.ReadFile(sysfs + "/format"); return strings.TrimSpace(string(b)) }
	if want := fmt.Sprintf("%s:%dx%d@%d", c.fourcc, loopWidth, loopHeight, loopFPS); format() != want {
		t.Fatalf("%s format %q, want %q", c.node, format(), want)
	}
	// The frames a reader may fall behind before it misses one.
	b, _ := os.ReadFile(sysfs + "/buffers")
	t.Logf("%s: %s, %s buffers", c.node, format(), strings.TrimSpace(string(b)))
	return p
}

// stop ends the producer as a pulled camera ends: at once.
func (p *producer) stop() {
	_ = p.cmd.Process.Kill() // fails when it has exited already
	<-p.done
}

// writeFrames cuts the stream r into frames, each beginning with start,
// and writes each to the device fd with one write(), calling first after
// the first. A frame is written
// when the next one begins: a producer killed mid-frame leaves its last
// frame unwritten, as a camera unplugged mid-frame delivers none.
func writeFrames(fd int, r io.Reader, start []byte, first func()) error {
	var buf []byte // buf[0:] is the frame being read
	chunk := make([]byte, 64<<10)
	for {
		n, err := r.Read(chunk)
		buf = append(buf, chunk[:n]...)
		for {
			// Past this frame's own start (and the zero before it of a
			// 4-byte Annex-B start code, 00 00 00 01).
			off := len(start) + 1
			if len(buf) < off {
				break
			}
			i := bytes.Index(buf[off:], start)
			if i < 0 {
				break
			}
			cut := off + i
			if start[0] == 0 && buf[cut-1] == 0 {
				cut-- // that zero begins the next frame
			}
			if _, werr := unix.Write(fd, buf[:cut]); werr != nil {
				return werr
			}
			if first != nil {
				first()
				first = nil
			}
			buf = buf[cut:]
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// setOutputFormat sets the output format of the V4L2 device fd to
// fourcc at loopWidth x loopHeight (VIDIOC_S_FMT; the driver sizes the
// buffers): what v4l2sink does before its first frame.
func setOutputFormat(fd int, fourcc string) error {
	type pixFormat struct {
		Width, Height, PixelFormat, Field, BytesPerLine, SizeImage, Colorspace, Priv, Flags, YCbCrEnc, Quantization, XferFunc uint32
	}
	var f struct {
		Type uint32
		_    uint32 // the union is 8-aligned (struct v4l2_window has pointers)
		Pix  pixFormat
		_    [200 - 48]byte
	}
	const (
		vidiocSFmt     = 0xc0d05605 // _IOWR('V', 5, struct v4l2_format)
		bufTypeOutput  = 2          // V4L2_BUF_TYPE_VIDEO_OUTPUT
		fieldNone      = 1          // V4L2_FIELD_NONE
		colorspaceSRGB = 8          // V4L2_COLORSPACE_SRGB
	)
	f.Type = bufTypeOutput
	f.Pix = pixFormat{Width: loopWidth, Height: loopHeight, Field: fieldNone, Colorspace: colorspaceSRGB,
		PixelFormat: uint32(fourcc[0]) | uint32(fourcc[1])<<8 | uint32(fourcc[2])<<16 | uint32(fourcc[3])<<24}
	if unsafe.Sizeof(f) != 208 {
		return fmt.Errorf("struct v4l2_format is %d bytes here, want 208 (amd64)", unsafe.Sizeof(f))
	}
	if _, _, errno := unix.Syscall(unix.SYS_IOCTL, uintptr(fd), vidiocSFmt, uintptr(unsafe.Pointer(&f))); errno != 0 {
		return fmt.Errorf("VIDIOC_S_FMT %s %dx%d (output): %w", fourcc, loopWidth, loopHeight, errno)
	}
	if got := string([]byte{byte(f.Pix.PixelFormat), byte(f.Pix.PixelFormat >> 8), byte(f.Pix.PixelFormat >> 16), byte(f.Pix.PixelFormat >> 24)}); got != fourcc || f.Pix.Width != loopWidth || f.Pix.Height != loopHeight {
		return fmt.Errorf("VIDIOC_S_FMT %s %dx%d: the driver set %s %dx%d", fourcc, loopWidth, loopHeight, got, f.Pix.Width, f.Pix.Height)
	}
	return nil
}

// TestLoopbackProbe: with both producers running, v4l2-ctl sees two
// capture devices, each with the one format its producer writes, and
// `edgecam probe --json` lists them with that format and suggests a stream
// for each with the format that delivers it: mjpeg for the MJPEG camera,
// h264 for the H.264 one, in a config `edgecam config check` accepts.
func TestLoopbackProbe(t *testing.T) {
	bin, out := env(t)
	for _, c := range loopCams {
		startProducer(t, c, out)
		b, err := exec.Command("v4l2-ctl", "-d", c.node, "--all", "--list-formats-ext").CombinedOutput()
		if werr := os.WriteFile(filepath.Join(out, "v4l2-ctl-"+c.name+".txt"), b, 0o644); werr != nil {
			t.Error(werr)
		}
		if err != nil {
			t.Fatalf("v4l2-ctl -d %s: %v\n%s", c.node, err, b)
		}
		s := string(b)
		for _, want := range []string{"Card type        : " + c.label, "Video Capture", "'" + c.fourcc + "'", fmt.Sprintf("Size: Discrete %dx%d", loopWidth, loopHeight), fmt.Sprintf("(%d.000 fps)", loopFPS)} {
			if !strings.Contains(s, want) {
				t.Errorf("v4l2-ctl -d %s: no %q in\n%s", c.node, want, s)
			}
		}
		// exclusive_caps=1: with a producer, the device is a capture device
		// only, as a webcam is.
		_, caps, _ := strings.Cut(s, "Device Caps")
		if caps, _, _ = strings.Cut(caps, "Priority"); strings.Contains(caps, "Video Output") {
			t.Errorf("%s still says it is an output device with its producer running (exclusive_caps=1 not in effect?)", c.node)
		}
	}

	raw, err := exec.Command(bin, "probe", "--json").Output()
	if werr := os.WriteFile(filepath.Join(out, "loopback-probe.json"), raw, 0o644); werr != nil {
		t.Error(werr)
	}
	if err != nil {
		t.Fatalf("edgecam probe --json: %v", err)
	}
	text, _ := exec.Command(bin, "probe").Output()
	if err := os.WriteFile(filepath.Join(out, "loopback-probe.txt"), text, 0o644); err != nil {
		t.Error(err)
	}
	type loopDevice struct {
		probeDevice
		Modes []struct {
			Width   int      `json:"width"`
			Height  int      `json:"height"`
			FPS     int      `json:"fps"`
			Formats []string `json:"formats"`
		} `json:"modes"`
	}
	var r struct {
		Devices     []loopDevice `json:"devices"`
		Suggestions []struct {
			Device string `json:"device"`
			Width  int    `json:"width"`
			Height int    `json:"height"`
			FPS    int    `json:"fps"`
			Format string `json:"format"`
			// The H.264 camera's keyframe interval, measured by probe.
			KeyframeIntervalS float64 `json:"keyframe_interval_s"`
			KeyframeNote      string  `json:"keyframe_note"`
		} `json:"suggestions"`
		NotSuggested []struct {
			Device string `json:"device"`
			Reason string `json:"reason"`
		} `json:"not_suggested"`
		Config string `json:"config"`
	}
	if err := json.Unmarshal(raw, &r); err != nil {
		t.Fatalf("probe --json is not JSON: %v", err)
	}
	var got []string
	for _, c := range loopCams {
		var d *loopDevice
		for i := range r.Devices {
			if r.Devices[i].Path == c.node {
				d = &r.Devices[i]
			}
		}
		if d == nil {
			t.Errorf("probe does not list %s", c.node)
			continue
		}
		if !d.Capture || d.Name != c.label || d.Error != "" {
			t.Errorf("%s: capture %v, name %q, error %q; want a capture device %q", c.node, d.Capture, d.Name, d.Error, c.label)
		}
		if len(d.Formats) != 1 || d.Formats[0].FourCC != c.fourcc || len(d.Formats[0].Sizes) != 1 ||
			d.Formats[0].Sizes[0].Width != loopWidth || d.Formats[0].Sizes[0].Height != loopHeight {
			t.Errorf("%s formats %+v, want %s %dx%d only", c.node, d.Formats, c.fourcc, loopWidth, loopHeight)
		}
		// Probe's table: which formats deliver each size and rate.
		if len(d.Modes) != 1 || d.Modes[0].Width != loopWidth || d.Modes[0].Height != loopHeight || d.Modes[0].FPS != loopFPS ||
			strings.Join(d.Modes[0].Formats, ",") != c.name {
			t.Errorf("%s modes %+v, want %dx%d@%d by %s only", c.node, d.Modes, loopWidth, loopHeight, loopFPS, c.name)
		}
		found := false
		for _, s := range r.Suggestions {
			if s.Device != c.node {
				continue
			}
			found = true
			if s.Format != c.name || s.Width != loopWidth || s.Height != loopHeight || s.FPS != loopFPS {
				t.Errorf("%s suggested as %+v, want %dx%d@%d format %s", c.node, s, loopWidth, loopHeight, loopFPS, c.name)
			}
			// The producer's key-int-max=15 at 15 fps is about 1 s by the
			// driver's timestamps; only "measured, and not above 10 s" is
			// checked (an emulated guest may be slow), the value logged.
			switch {
			case c.name == "h264" && (s.KeyframeIntervalS <= 0 || s.KeyframeIntervalS > 10 || s.KeyframeNote != ""):
				t.Errorf("%s: keyframe interval %v s, note %q; want one measured, at most 10 s, no note", c.node, s.KeyframeIntervalS, s.KeyframeNote)
			case c.name == "h264":
				t.Logf("check: probe measured the H.264 loopback camera's keyframe interval: %.3f s (producer key-int-max=15 at %d fps)", s.KeyframeIntervalS, loopFPS)
			case s.KeyframeIntervalS != 0 || s.KeyframeNote != "":
				t.Errorf("%s (%s, encoded by edgecam): keyframe interval %v s, note %q; want none (the config sets it)", c.node, c.name, s.KeyframeIntervalS, s.KeyframeNote)
			}
		}
		if !found {
			t.Errorf("%s is not suggested (suggestions %+v, not suggested %+v)", c.node, r.Suggestions, r.NotSuggested)
		}
		got = append(got, fmt.Sprintf("%s %s -> format %s", c.node, c.fourcc, c.name))
	}
	if !strings.Contains(r.Config, "format: mjpeg") || !strings.Contains(r.Config, "format: h264") {
		t.Errorf("the suggested config does not name format: mjpeg and format: h264:\n%s", r.Config)
	}
	cfg := filepath.Join(out, "loopback-suggested.yaml")
	if err := os.WriteFile(cfg, []byte("kafka: {brokers: [\"127.0.0.1:9092\"]}\n"+r.Config), 0o644); err != nil {
		t.Fatal(err)
	}
	if b, err := exec.Command(bin, "config", "check", "--config", cfg).CombinedOutput(); err != nil {
		t.Errorf("config check of the suggestion: %v\n%s\n%s", err, b, r.Config)
	}
	if !t.Failed() {
		t.Logf("check: loopback probe: v4l2-ctl and edgecam probe see capture devices with one format each; suggested %s; config check OK", strings.Join(got, ", "))
	}
}

// TestLoopbackCapture: for each loopback camera, `edgecam run` streams it
// (MJPEG decoded and encoded with x264enc; H.264 passed through) into
// Kafka (kfake); 45 frames read back decode, seq contiguous. Then the
// producer is killed (the camera "unplugged": the device stops delivering
// and, exclusive_caps, is no capture device any more) and started again;
// the stream recovers by itself and 30 more frames continue the sequence.
func TestLoopbackCapture(t *testing.T) {
	bin, out := env(t)
	for i, c := range loopCams {
		t.Run(c.name, func(t *testing.T) {
			dir := filepath.Join(out, "loopback-"+c.name)
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			p := startProducer(t, c, dir)
			k := testkit.Kfake(t, "edgecam.video", 1)
			metricsAddr := fmt.Sprintf("127.0.0.1:%d", 9120+i)
			encoder := "encoder: x264enc\n    bitrate_kbps: 500\n    keyframe_interval: 1s"
			if c.name == "h264" {
				encoder = "encoder: none"
			}
			cfg := filepath.Join(dir, "edgecam.yaml")
			if err := os.WriteFile(cfg, []byte(fmt.Sprintf(`device: {id: vm}
kafka: {brokers: [%q], topic: edgecam.video}
spool: {dir: /tmp/spool-%s}
metrics: {listen: %q}
streams:
  - name: cam0
    source: {type: v4l2, device: %s, format: %s}
    width: %d
    height: %d
    fps: %d
    %s
`, k.ListenAddrs()[0], c.name, metricsAddr, c.node, c.name, loopWidth, loopHeight, loopFPS, encoder)), 0o644); err != nil {
				t.Fatal(err)
			}
			stop := runAgent(t, bin, cfg, filepath.Join(dir, "agent.log"))
			defer stop()

			start := time.Now()
			first := tail(t, bin, cfg, filepath.Join(dir, "cam0.mp4"), "--frames", "45")
			if first.frames != 45 || first.gaps != 0 || first.dups != 0 {
				t.Fatalf("read back %+v, want 45 frames, no gaps, no duplicates", first)
			}
			if n := ffprobe(t, filepath.Join(dir, "cam0.mp4")); n != 45 {
				t.Errorf("ffprobe decoded %d frames of cam0.mp4, want 45", n)
			}
			codec := ffprobeCodec(t, filepath.Join(dir, "cam0.mp4"))
			if codec != "h264" {
				t.Errorf("cam0.mp4 codec %q, want h264", codec)
			}
			t.Logf("check: loopback %s: %s %s %dx%d@%d -> %s -> kfake: 45 frames read back in %.1f s (seq %d..%d, 0 gaps, 0 duplicates), ffprobe decoded all (%s)",
				c.name, c.node, c.fourcc, loopWidth, loopHeight, loopFPS, map[string]string{"mjpeg": "decoded, x264enc", "h264": "passed through"}[c.name],
				time.Since(start).Seconds(), first.first, first.last, codec)

			// Unplug: the producer dies. The agent's reader gets no more
			// frames (its stall watch restarts the pipeline), and the
			// device is an output device again until a producer comes.
			const restarts = `edgecam_pipeline_restarts_total{stream="cam0"}`
			r0 := metric(t, scrape(t, metricsAddr), restarts)
			p.stop()
			if !testkit.Until(3*time.Minute, 200*time.Millisecond, func() bool {
				m, err := scrapeErr(metricsAddr)
				return err == nil && m[restarts] > r0
			}) {
				t.Fatalf("producer gone for 3 min, %s still %v: the agent did not notice", restarts, r0)
			}
			before := tail(t, bin, cfg, filepath.Join(dir, "before-replug.h264"), "--to-end")
			time.Sleep(2 * time.Second) // a camera stays away a moment
			replugged := time.Now()
			startProducer(t, c, dir)
			want := before.frames + 30
			after := tail(t, bin, cfg, filepath.Join(dir, "after-replug.h264"), "--frames", strconv.Itoa(want))
			if after.frames != want || after.gaps != 0 || after.dups != 0 || after.first != first.first {
				t.Errorf("after the replug: %+v; want %d frames from seq %d, no gaps, no duplicates", after, want, first.first)
			}
			if n := ffprobe(t, filepath.Join(dir, "after-replug.h264")); n != want {
				t.Errorf("ffprobe decoded %d frames across the unplug, want %d", n, want)
			}
			m := scrape(t, metricsAddr)
			if v := metric(t, m, `edgecam_stream_state{state="running",stream="cam0"}`); v != 1 {
				t.Errorf("stream state after recovery: not running: %v", grep(m, "edgecam_stream_state"))
			}
			if n := countLog(t, filepath.Join(dir, "agent.log"), "stream started"); n < 2 {
				t.Errorf("the agent log has %d 'stream started' lines, want a second start after the replug", n)
			}
			t.Logf("check: loopback %s unplug: producer killed after seq %d, restarts %v -> %v; replug: 30 new frames %.1f s after the producer came back, seq %d..%d contiguous, ffprobe decoded all",
				c.name, before.last, r0, metric(t, m, restarts), time.Since(replugged).Seconds(), after.first, after.last)
		})
	}
}

// runAgent starts `edgecam run` with cfg, logging to logPath; the returned
// func stops it (interrupt, then kill after 20 s).
func runAgent(t *testing.T, bin, cfg, logPath string) func() {
	t.Helper()
	logf, err := os.Create(logPath)
	if err != nil {
		t.Fatal(err)
	}
	agent := exec.Command(bin, "run", "--config", cfg, "--log-level", "debug")
	agent.Stdout, agent.Stderr = logf, logf
	if err := agent.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- agent.Wait() }()
	return func() {
		_ = agent.Process.Signal(os.Interrupt) // the kill below follows
		select {
		case <-exited:
		case <-time.After(20 * time.Second):
			_ = agent.Process.Kill()
			<-exited
		}
		logf.Close()
	}
}

// ffprobeCodec is the codec of path's first video stream.
func ffprobeCodec(t *testing.T, path string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	b, err := exec.CommandContext(ctx, "ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "stream=codec_name", "-of", "csv=p=0", path).Output()
	if err != nil {
		t.Errorf("ffprobe %s: %v", path, err)
	}
	return strings.TrimSpace(string(b))
}
