package agent

import (
	"errors"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/edgecam/edgecam/config"
	"github.com/edgecam/edgecam/internal/testkit"
)

// TestRunNotifiesSystemd: run as a Type=notify service would be (a
// NOTIFY_SOCKET opened by the test, a 400 ms watchdog), Run says what it is
// doing (STATUS=), sends READY=1 only once every stream is up — one
// producing, one retrying its missing camera —, WATCHDOG=1 every half
// interval while it runs, and STOPPING=1 when it is stopped.
func TestRunNotifiesSystemd(t *testing.T) {
	c := testkit.Kfake(t, topic, 3)
	sock := underSystemd(t)

	gone := testStream("gone")
	gone.Source = config.Source{Type: config.SourceV4L2, Device: "/dev/video99"}
	cfg := testConfig(t, c.ListenAddrs(), testStream("good"), gone)
	logs := &testkit.LogBuf{}

	// What systemd would receive, with the agent's log as it was when
	// READY=1 arrived.
	var mu sync.Mutex
	var msgs []string
	var logAtReady string
	done := make(chan struct{})
	go func() {
		defer close(done)
		buf := make([]byte, 4096)
		for {
			if err := sock.conn.SetReadDeadline(time.Now().Add(500 * time.Millisecond)); err != nil {
				return // the test then misses the messages
			}
			n, _, err := sock.conn.ReadFromUnix(buf)
			if err != nil {
				if errors.Is(err, os.ErrDeadlineExceeded) {
					mu.Lock()
					stop := len(msgs) > 0 && strings.Contains(msgs[len(msgs)-1], "STOPPING=1")
					mu.Unlock()
					if stop {
						return
					}
					continue
				}
				return
			}
			mu.Lock()
			msgs = append(msgs, string(buf[:n]))
			if strings.Contains(string(buf[:n]), "READY=1") {
				logAtReady = logs.String()
			}
			mu.Unlock()
		}
	}()
	count := func(s string) (n int) {
		mu.Lock()
		defer mu.Unlock()
		for _, m := range msgs {
			if strings.Contains(m, s) {
				n++
			}
		}
		return n
	}
	// Keep-alives while it runs: the agent runs until three WATCHDOG=1
	// came after READY=1 (one every 200 ms); without them runAgent fails.
	pingsAfterReady := func() (n int) {
		mu.Lock()
		defer mu.Unlock()
		ready := false
		for _, m := range msgs {
			ready = ready || strings.Contains(m, "READY=1")
			if ready && strings.Contains(m, "WATCHDOG=1") {
				n++
			}
		}
		return n
	}
	runAgent(t, cfg, logs, func() bool { return pingsAfterReady() >= 3 })
	// Run sent STOPPING=1 before it returned: the reader finds it at once.
	select {
	case <-done:
	case <-time.After(time.Minute):
		t.Fatal("no STOPPING=1 after the agent stopped")
	}

	<-done // the reader has stopped: msgs and logAtReady are final
	if len(msgs) == 0 || !strings.HasPrefix(msgs[0], "STATUS=starting 2 streams") {
		t.Errorf("first notification %q, want the starting status", msgs)
	}
	if n := count("READY=1"); n != 1 {
		t.Errorf("READY=1 sent %d times, want once", n)
	}
	for _, want := range [][]string{{"stream=good", "stream started"}, {"stream=gone", "stream failed; retrying"}} {
		if len(testkit.Lines(logAtReady, want...)) == 0 {
			t.Errorf("READY=1 came before %q %q; log then:\n%s", want[0], want[1], logAtReady)
		}
	}
	if last := msgs[len(msgs)-1]; !strings.Contains(last, "STOPPING=1") {
		t.Errorf("last notification %q, want STOPPING=1", last)
	}
}
