package agent

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/edgecam/edgecam/internal/testkit"
)

// TestHaltWhenHighWaterCannotBePersisted: the spool lives on a real file
// system that fills up (a 1 MiB tmpfs, filled by another file). Once the
// stream must reserve its next seqs and cannot persist the high-water mark,
// it stops its pipeline with an error that says what to do, /healthz and
// edgecam_errors_total{kind="spool"} say so, and it retries with backoff;
// once there is room again it resumes, and Kafka holds every frame once
// with no seq handed out beyond what was reserved.
func TestHaltWhenHighWaterCannotBePersisted(t *testing.T) {
	dir := testkit.Tmpfs(t, "1m", "")
	c := testkit.Kfake(t, topic, 3)
	brokers := c.ListenAddrs()
	cfg := testConfig(t, brokers, testStream("cam"))
	cfg.Spool.Dir = filepath.Join(dir, "spool")
	a := startAgent(t, cfg, Options{})
	const key = "agent-test/cam"
	a.waitFor(t, "frames in Kafka", func() bool { return len(records(t, brokers, key)) >= 10 })

	filler := filepath.Join(dir, "filler")
	f, err := os.Create(filler)
	if err != nil {
		t.Fatal(err)
	}
	chunk := make([]byte, 4096)
	for {
		if _, err := f.Write(chunk); err != nil {
			if !errors.Is(err, syscall.ENOSPC) {
				t.Fatal(err)
			}
			break
		}
	}
	f.Close()
	a.waitFor(t, "the stream halted", func() bool {
		_, r, _ := a.health(t)
		return strings.Contains(r.Streams["cam"].Reason, "cannot persist the seq high-water mark")
	})
	code, r, body := a.health(t)
	if code != 503 || r.Streams["cam"].State != stateRestarting.String() || !strings.Contains(r.Streams["cam"].Reason, "disk full or read-only") {
		t.Fatalf("/healthz %d %s", code, body)
	}
	if n := a.scrape(t).Must(t, "edgecam_errors_total", "stream=cam", "kind=spool"); n < 1 {
		t.Fatalf("edgecam_errors_total{kind=spool} = %v", n)
	}
	halted := len(records(t, brokers, key))

	os.Remove(filler)
	a.waitFor(t, "the stream resumed", func() bool { return len(records(t, brokers, key)) >= halted+20 })
	a.stop(t)
	rs := records(t, brokers, key)
	checkContiguous(t, rs, key)
	if len(a.logs.Lines("seq high-water mark persisted again: the stream resumes")) == 0 {
		t.Fatalf("no resume line:\n%s", a.logs)
	}
	t.Logf("halted after %d frames with the disk full; resumed; %d frames, seq contiguous", halted, len(rs))
}
