package agent

import (
	"context"
	"fmt"
	"net"
	"strconv"
	"strings"
	"time"

	"golang.org/x/sys/unix"
)

// notifier speaks systemd's sd_notify protocol: one datagram of
// newline-separated VAR=value assignments to the unix socket named by
// NOTIFY_SOCKET. The unit runs with Type=notify and WatchdogSec=, so
// systemd counts the service as started only after READY=1 and restarts it
// when WATCHDOG=1 stops arriving.
//
// Outside systemd (NOTIFY_SOCKET unset) every method is a no-op returning
// nil, so the agent calls them unconditionally. A nil *notifier is valid
// and also a no-op.
//
// It is the whole protocol in a few lines on purpose: no cgo, no
// libsystemd, no library to keep up to date.
type notifier struct {
	// addr is NOTIFY_SOCKET: a filesystem path, or "@name" for an
	// abstract socket (Go's net package maps a leading '@' to the NUL
	// byte of the Linux abstract namespace). nil when not under systemd.
	addr *net.UnixAddr
	// watchdog is the interval systemd expects WATCHDOG=1 within (from
	// WATCHDOG_USEC); 0 when the unit has no WatchdogSec= or the variables
	// were meant for another process (WATCHDOG_PID).
	watchdog time.Duration
}

// newNotifier reads NOTIFY_SOCKET, WATCHDOG_USEC and WATCHDOG_PID through
// getenv (os.Getenv in production) for the process pid (os.Getpid()). It
// fails only on a NOTIFY_SOCKET it cannot use (systemd ≥ 254 may hand a
// vsock: address to a VM guest): the agent then logs the error and runs
// without notifications, which a Type=notify unit reports as a start
// timeout naming this cause in the journal.
func newNotifier(getenv func(string) string, pid int) (*notifier, error) {
	n := &notifier{}
	if s := getenv("NOTIFY_SOCKET"); s != "" {
		if !strings.HasPrefix(s, "/") && !strings.HasPrefix(s, "@") {
			return &notifier{}, fmt.Errorf("sd_notify: NOTIFY_SOCKET=%q: only a path or an abstract @name is supported", s)
		}
		n.addr = &net.UnixAddr{Name: s, Net: "unixgram"}
	}
	n.watchdog = watchdogInterval(getenv, pid)
	return n, nil
}

// watchdogInterval is sd_watchdog_enabled(): WATCHDOG_USEC microseconds,
// provided WATCHDOG_PID is unset or names this process (a child that
// inherited the environment must not think it is watched). 0 means no
// watchdog: the variable is missing, zero or not a number.
func watchdogInterval(getenv func(string) string, pid int) time.Duration {
	usec, err := strconv.ParseUint(getenv("WATCHDOG_USEC"), 10, 63)
	if err != nil || usec == 0 {
		return 0
	}
	if p := getenv("WATCHDOG_PID"); p != "" {
		if wp, err := strconv.Atoi(p); err != nil || wp != pid {
			return 0
		}
	}
	return time.Duration(usec) * time.Microsecond
}

// Enabled reports whether the process runs under a service manager that
// listens for notifications.
func (n *notifier) Enabled() bool { return n != nil && n.addr != nil }

// WatchdogInterval is the time within which systemd must receive
// WATCHDOG=1 (the unit's WatchdogSec=), or 0 when there is no watchdog.
func (n *notifier) WatchdogInterval() time.Duration {
	if !n.Enabled() {
		return 0
	}
	return n.watchdog
}

// Ready sends READY=1 with a STATUS= line: startup is finished. With
// Type=notify, `systemctl start` returns and units ordered after
// edgecam.service start only now.
func (n *notifier) Ready(status string) error {
	return n.send("READY=1", "STATUS="+oneLine(status))
}

// Stopping sends STOPPING=1: the agent is draining pipelines and flushing
// Kafka. systemctl shows "deactivating" and the watchdog no longer applies.
func (n *notifier) Stopping(status string) error {
	return n.send("STOPPING=1", "STATUS="+oneLine(status))
}

// Reloading sends RELOADING=1 with MONOTONIC_USEC (systemd 253 requires it
// for Type=notify-reload; older ones ignore it): `systemctl reload` waits
// until the next Ready.
func (n *notifier) Reloading(status string) error {
	var ts unix.Timespec
	if err := unix.ClockGettime(unix.CLOCK_MONOTONIC, &ts); err != nil {
		return err
	}
	return n.send("RELOADING=1", "MONOTONIC_USEC="+strconv.FormatInt(ts.Nano()/1000, 10), "STATUS="+oneLine(status))
}

// Status sets the free-form line `systemctl status edgecam` shows, e.g.
// "2 streams producing, 1 retrying (camera /dev/video1 missing)".
func (n *notifier) Status(status string) error {
	return n.send("STATUS=" + oneLine(status))
}

// Watchdog sends WATCHDOG=1: the agent is alive and healthy. Only send it
// from the loop whose health it vouches for (see KeepAlive).
func (n *notifier) Watchdog() error {
	return n.send("WATCHDOG=1")
}

// KeepAlive sends WATCHDOG=1 every half watchdog interval (as systemd
// advises) for as long as healthy() returns true, until ctx is done. When
// healthy() returns false the ping is skipped: if that lasts a whole
// WatchdogSec, systemd kills the agent (SIGABRT: the Go runtime prints every
// goroutine's stack to the journal) and Restart= starts it again. A frozen
// process (deadlock in cgo, SIGSTOP) sends nothing either. Without a
// watchdog KeepAlive returns at once. Send errors are returned through
// onErr (may be nil), never stop the loop.
func (n *notifier) KeepAlive(ctx context.Context, healthy func() bool, onErr func(error)) {
	iv := n.WatchdogInterval()
	if iv <= 0 {
		return
	}
	t := time.NewTicker(iv / 2)
	defer t.Stop()
	for {
		if healthy() {
			if err := n.Watchdog(); err != nil && onErr != nil {
				onErr(err)
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// send writes one datagram holding every assignment. Each call dials anew:
// a connected datagram socket would stay pointed at a socket systemd
// recreated after `systemctl daemon-reexec`, and a notification every few
// seconds costs nothing.
func (n *notifier) send(assignments ...string) error {
	if !n.Enabled() {
		return nil
	}
	conn, err := net.DialUnix("unixgram", nil, n.addr)
	if err != nil {
		return fmt.Errorf("sd_notify: %s: %w", n.addr.Name, err)
	}
	defer func() { _ = conn.Close() }() // the Write's error is the one that counts
	msg := strings.Join(assignments, "\n") + "\n"
	if _, err := conn.Write([]byte(msg)); err != nil {
		return fmt.Errorf("sd_notify: %s: %w", n.addr.Name, err)
	}
	return nil
}

// oneLine keeps a status to one line: a newline would start a new
// assignment in the datagram.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}
