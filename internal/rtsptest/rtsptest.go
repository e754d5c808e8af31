// Package rtsptest runs a test IP camera for the RTSP tests of encode,
// agent and e2e: rtsp-server.py beside this file, GStreamer's RTSP server
// streaming live x264 (or x265: --codec h265) from a test pattern on
// 127.0.0.1, and with --audio a microphone track: a sine tone of
// --audio-freq Hz (default DefaultToneHz) in AAC or G.711. It needs Debian's
// python3 with python3-gi and gir1.2-gst-rtsp-server-1.0 (make deps).
//
// It is for tests only: nothing outside _test.go files imports it. It never
// listens beyond 127.0.0.1 and never outlives its test (t.Cleanup kills the
// server).
package rtsptest

import (
	"bufio"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// Debian's python3, which has python3-gi (not a pyenv one on PATH).
const python = "/usr/bin/python3"

// DefaultToneHz is the frequency of the camera's audio tone (--audio-freq)
// unless the test asks for another.
const DefaultToneHz = 1000

// The camera's audio tracks (--audio): AAC-LC at 48 kHz mono in RTP
// MPEG4-GENERIC (RFC 3640, as most IP cameras send it), G.711 A-law and
// mu-law at 8 kHz mono (static payload types 8 and 0).
const (
	AudioAAC  = "aac"
	AudioPCMA = "pcma"
	AudioPCMU = "pcmu"
)

// AudioRate is the sample rate of an --audio codec's track.
func AudioRate(codec string) int {
	if codec == AudioAAC {
		return 48000
	}
	return 8000
}

// Camera is one running rtsp-server.py. It keeps its port across Kill and
// Start, so a client configured with its URL finds it again.
type Camera struct {
	t    testing.TB
	port int
	args []string
	url  string
	cmd  *exec.Cmd
}

// Start starts a camera on a free port of 127.0.0.1 and stops it when the
// test ends; args go to rtsp-server.py (--user, --password-file, --width,
// --height, --fps, --gop, --bitrate, --sliced, --codec h264|h265,
// --audio aac|pcma|pcmu|none, --audio-freq HZ).
func Start(t testing.TB, args ...string) *Camera {
	t.Helper()
	if out, err := exec.Command(python, "-c", "import gi; gi.require_version('GstRtspServer', '1.0')").CombinedOutput(); err != nil {
		t.Fatalf("no GStreamer RTSP server for Python (apt-get install python3-gi gir1.2-gst-rtsp-server-1.0): %v: %s", err, out)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	c := &Camera{t: t, port: l.Addr().(*net.TCPAddr).Port, args: args}
	_ = l.Close() // it only found a free port
	c.Start()
	t.Cleanup(c.Kill)
	return c
}

// URL is the camera's rtsp:// address, as the server announced it.
func (c *Camera) URL() string { return c.url }

// Start (re)starts the server on the camera's port and waits until it
// listens.
func (c *Camera) Start() {
	c.t.Helper()
	_, file, _, _ := runtime.Caller(0)
	script := filepath.Join(filepath.Dir(file), "rtsp-server.py")
	c.cmd = exec.Command(python, append([]string{script, "--port", strconv.Itoa(c.port)}, c.args...)...)
	c.cmd.Stderr = os.Stderr
	out, err := c.cmd.StdoutPipe()
	if err != nil {
		c.t.Fatal(err)
	}
	if err := c.cmd.Start(); err != nil {
		c.t.Fatal(err)
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	url, ok := strings.CutPrefix(strings.TrimSpace(line), "ready ")
	if err != nil || !ok {
		c.t.Fatalf("rtsp-server.py: %q, %v", line, err)
	}
	c.url = url
}

// Kill is the camera losing power: SIGKILL, no RTSP TEARDOWN.
func (c *Camera) Kill() {
	if c.cmd != nil {
		_ = c.cmd.Process.Kill() // fails only when it has exited already
		_ = c.cmd.Wait()         // reports the kill
		c.cmd = nil
	}
}

// Running reports whether the server is up (started and not killed).
func (c *Camera) Running() bool { return c.cmd != nil }
