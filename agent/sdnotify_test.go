package agent

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// notifySocket is the service manager's end of NOTIFY_SOCKET, opened by the
// test the way systemd opens it: a unixgram socket with SO_PASSCRED, so the
// sender's pid arrives with every datagram (systemd's NotifyAccess=main
// drops messages whose pid is not the service's main process).
type notifySocket struct {
	conn *net.UnixConn
	name string // what NOTIFY_SOCKET says
}

func listenNotify(t *testing.T, name string) *notifySocket {
	t.Helper()
	conn, err := net.ListenUnixgram("unixgram", &net.UnixAddr{Name: name, Net: "unixgram"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	raw, err := conn.SyscallConn()
	if err != nil {
		t.Fatal(err)
	}
	var serr error
	if err := raw.Control(func(fd uintptr) {
		serr = syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_PASSCRED, 1)
	}); err != nil || serr != nil {
		t.Fatalf("SO_PASSCRED: %v %v", err, serr)
	}
	return &notifySocket{conn: conn, name: name}
}

// recv returns the next datagram and its sender's pid, or ok=false when
// none arrives within wait.
func (s *notifySocket) recv(t *testing.T, wait time.Duration) (msg string, pid int32, ok bool) {
	t.Helper()
	buf := make([]byte, 4096)
	oob := make([]byte, syscall.CmsgSpace(syscall.SizeofUcred))
	if err := s.conn.SetReadDeadline(time.Now().Add(wait)); err != nil {
		t.Fatal(err)
	}
	n, oobn, _, _, err := s.conn.ReadMsgUnix(buf, oob)
	if err != nil {
		if errors.Is(err, os.ErrDeadlineExceeded) {
			return "", 0, false
		}
		t.Fatal(err)
	}
	cmsgs, err := syscall.ParseSocketControlMessage(oob[:oobn])
	if err != nil || len(cmsgs) != 1 {
		t.Fatalf("control messages %v: %v", cmsgs, err)
	}
	cred, err := syscall.ParseUnixCredentials(&cmsgs[0])
	if err != nil {
		t.Fatal(err)
	}
	return string(buf[:n]), cred.Pid, true
}

// underSystemd opens a notify socket in the test's directory and sets the
// environment systemd gives a Type=notify service with WatchdogSec=400ms
// (NOTIFY_SOCKET, WATCHDOG_USEC, WATCHDOG_PID of this process).
func underSystemd(t *testing.T) *notifySocket {
	t.Helper()
	sock := listenNotify(t, filepath.Join(t.TempDir(), "notify"))
	t.Setenv("NOTIFY_SOCKET", sock.name)
	t.Setenv("WATCHDOG_USEC", "400000")
	t.Setenv("WATCHDOG_PID", strconv.Itoa(os.Getpid()))
	return sock
}

// mark sends text to the socket as another process would: a marker the
// test puts between the datagrams it receives. One receive queue keeps
// their order, so whatever is read before it was sent before it.
func (s *notifySocket) mark(t *testing.T, text string) {
	t.Helper()
	conn, err := net.DialUnix("unixgram", nil, &net.UnixAddr{Name: s.name, Net: "unixgram"})
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.Write([]byte(text)); err != nil {
		t.Fatal(err)
	}
}

func env(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

// TestNotifierOutsideSystemd: without NOTIFY_SOCKET every call is a no-op,
// so `edgecam run` from a shell behaves exactly as before.
func TestNotifierOutsideSystemd(t *testing.T) {
	n, err := newNotifier(env(map[string]string{"WATCHDOG_USEC": "1000000"}), os.Getpid())
	if err != nil {
		t.Fatal(err)
	}
	var nilN *notifier
	for _, n := range []*notifier{n, nilN} {
		if n.Enabled() || n.WatchdogInterval() != 0 {
			t.Errorf("%v: enabled=%v watchdog=%v, want a no-op notifier", n, n.Enabled(), n.WatchdogInterval())
		}
		for _, err := range []error{n.Ready("x"), n.Status("x"), n.Watchdog(), n.Stopping("x")} {
			if err != nil {
				t.Errorf("no-op notifier returned %v", err)
			}
		}
		done := make(chan struct{})
		go func() { n.KeepAlive(context.Background(), func() bool { return true }, nil); close(done) }()
		select {
		case <-done:
		case <-time.After(time.Second):
			t.Fatal("KeepAlive without a watchdog did not return at once")
		}
	}
}

// TestNotifierMessages: READY=1, STATUS=, WATCHDOG=1 and STOPPING=1 arrive
// as systemd parses them, from this process's pid, on a filesystem socket
// and on an abstract one (systemd uses both: /run/systemd/notify, and
// "@..." in containers and in `systemd-run --pty` style setups).
func TestNotifierMessages(t *testing.T) {
	for _, tc := range []struct{ kind, name string }{
		{"path", filepath.Join(t.TempDir(), "notify")},
		{"abstract", fmt.Sprintf("@edgecam-test-%d-%d", os.Getpid(), time.Now().UnixNano())},
	} {
		t.Run(tc.kind, func(t *testing.T) {
			sock := listenNotify(t, tc.name)
			n, err := newNotifier(env(map[string]string{"NOTIFY_SOCKET": tc.name}), os.Getpid())
			if err != nil {
				t.Fatal(err)
			}
			if !n.Enabled() {
				t.Fatal("not enabled with NOTIFY_SOCKET set")
			}
			steps := []struct {
				send func() error
				want string
			}{
				{func() error { return n.Status("starting 2 streams") }, "STATUS=starting 2 streams\n"},
				{func() error { return n.Ready("2 streams producing") }, "READY=1\nSTATUS=2 streams producing\n"},
				{n.Watchdog, "WATCHDOG=1\n"},
				// A newline in a status must not smuggle in an assignment.
				{func() error { return n.Status("cam0: error\nREADY=1") }, "STATUS=cam0: error READY=1\n"},
				{func() error { return n.Stopping("draining") }, "STOPPING=1\nSTATUS=draining\n"},
			}
			for _, st := range steps {
				if err := st.send(); err != nil {
					t.Fatal(err)
				}
				msg, pid, ok := sock.recv(t, 2*time.Second)
				if !ok {
					t.Fatalf("nothing received, want %q", st.want)
				}
				if msg != st.want {
					t.Errorf("got %q, want %q", msg, st.want)
				}
				if pid != int32(os.Getpid()) {
					t.Errorf("sender pid %d, want %d (NotifyAccess=main would drop it)", pid, os.Getpid())
				}
			}
		})
	}
}

// TestNotifierErrors: an address it cannot use is refused up front, and a
// socket nobody listens on is an error naming it (logged by the agent,
// never fatal).
func TestNotifierErrors(t *testing.T) {
	if _, err := newNotifier(env(map[string]string{"NOTIFY_SOCKET": "vsock:2:1234"}), 1); err == nil || !strings.Contains(err.Error(), "vsock:2:1234") {
		t.Errorf("vsock address: err = %v, want an error naming it", err)
	}
	gone := filepath.Join(t.TempDir(), "gone")
	n, err := newNotifier(env(map[string]string{"NOTIFY_SOCKET": gone}), 1)
	if err != nil {
		t.Fatal(err)
	}
	if err := n.Ready("x"); err == nil || !strings.Contains(err.Error(), gone) {
		t.Errorf("Ready to a missing socket: err = %v, want an error naming %s", err, gone)
	}
}

// TestWatchdogInterval follows sd_watchdog_enabled(): WATCHDOG_USEC counts,
// and only for the process WATCHDOG_PID names.
func TestWatchdogInterval(t *testing.T) {
	const pid = 4242
	for _, tc := range []struct {
		usec, wpid string
		want       time.Duration
	}{
		{"", "", 0},
		{"0", "", 0},
		{"-5", "", 0},
		{"30s", "", 0},
		{"30000000", "", 30 * time.Second},
		{"250000", "4242", 250 * time.Millisecond},
		{"250000", "1", 0}, // inherited from a parent: not ours
		{"250000", "x", 0},
	} {
		vars := map[string]string{"NOTIFY_SOCKET": "@x", "WATCHDOG_USEC": tc.usec, "WATCHDOG_PID": tc.wpid}
		n, err := newNotifier(env(vars), pid)
		if err != nil {
			t.Fatal(err)
		}
		if got := n.WatchdogInterval(); got != tc.want {
			t.Errorf("WATCHDOG_USEC=%q WATCHDOG_PID=%q: interval %v, want %v", tc.usec, tc.wpid, got, tc.want)
		}
	}
}

// TestKeepAliveStopsWhenStuck: WATCHDOG=1 goes out on every turn of the
// keep-alive loop (one every half interval) while the agent's loop is
// healthy, on none while it is stuck (so systemd's watchdog fires), again
// when it recovers, and the loop ends with ctx. The test answers each turn's
// health check itself, so what is sent is compared turn by turn, not
// counted over a stretch of time a slow machine could stretch.
func TestKeepAliveStopsWhenStuck(t *testing.T) {
	sock := listenNotify(t, filepath.Join(t.TempDir(), "notify"))
	const interval = 200 * time.Millisecond
	n, err := newNotifier(env(map[string]string{
		"NOTIFY_SOCKET": sock.name,
		"WATCHDOG_USEC": fmt.Sprint(interval.Microseconds()),
		"WATCHDOG_PID":  fmt.Sprint(os.Getpid()),
	}), os.Getpid())
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	asked := make(chan struct{})
	answers := make(chan bool)
	healthy := func() bool {
		select {
		case asked <- struct{}{}:
		case <-ctx.Done():
			return false
		}
		select {
		case ok := <-answers:
			return ok
		case <-ctx.Done():
			return false
		}
	}
	done := make(chan struct{})
	go func() {
		n.KeepAlive(ctx, healthy, func(err error) { t.Errorf("KeepAlive: %v", err) })
		close(done)
	}()

	// next waits for the loop's next turn: every earlier turn is over,
	// its ping (if any) in the socket.
	next := func() { t.Helper(); <-asked }
	ping := func() {
		t.Helper()
		if msg, _, ok := sock.recv(t, time.Minute); !ok || msg != "WATCHDOG=1\n" {
			t.Fatalf("got %q (ok %v), want WATCHDOG=1", msg, ok)
		}
	}
	// nothingBefore sends a marker of the test's own and fails if the
	// socket holds anything before it.
	nothingBefore := func(marker string) {
		t.Helper()
		sock.mark(t, marker)
		if msg, _, ok := sock.recv(t, time.Minute); !ok || msg != marker {
			t.Fatalf("got %q (ok %v) while the loop was stuck, want nothing", msg, ok)
		}
	}

	// Healthy: a ping each turn, and the turns no closer together than
	// the ticker's half interval (a slow machine only spaces them more).
	next()
	first := time.Now()
	for i := range 5 {
		if i > 0 {
			next()
		}
		answers <- true
		ping()
	}
	if elapsed := time.Since(first); elapsed < 4*interval/2 {
		t.Errorf("5 turns in %v, want one every %v", elapsed, interval/2)
	}
	// Stuck: three turns without a ping.
	for range 3 {
		next()
		answers <- false
	}
	next()
	nothingBefore("stuck")
	// Recovered.
	answers <- true
	ping()
	cancel()
	select {
	case <-done:
	case <-time.After(time.Minute):
		t.Fatal("KeepAlive did not return after ctx was cancelled")
	}
}
