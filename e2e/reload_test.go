package e2e

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/edgecam/edgecam/internal/testkit"
)

const twoTestStreams = `streams:
  - name: cam0
    source: {type: test, pattern: ball}
    width: 640
    height: 360
    fps: 30
    bitrate_kbps: 800
  - name: cam1
    source: {type: test, pattern: smpte}
    width: 640
    height: 360
    fps: 30
    bitrate_kbps: %BITRATE%
`

// TestReload: SIGHUP with a broken config keeps the running one (and says
// where the file is wrong); SIGHUP with one stream's bit rate changed
// restarts that stream only. The other stream's pipeline never stops: one
// "stream started" for it, its PTS rise without a restart, and both streams
// land in Kafka with contiguous seq and decode cleanly.
func TestReload(t *testing.T) {
	brokers, bin := env(t)
	cfg, device := writeConfig(t, brokers, strings.ReplaceAll(twoTestStreams, "%BITRATE%", "800"))
	good, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	from := topicEnd(t, brokers)
	a := startAgent(t, bin, cfg)
	a.waitLog(t, "stream started", "stream=cam0")
	a.waitLog(t, "stream started", "stream=cam1")
	waitProduced(t, brokers, from, 60)

	// A broken file: the agent says why, file:line:col, and goes on.
	broken := strings.Replace(string(good), "bitrate_kbps: 800\n  - name: cam1", "bitrate_kbps: 800\n    colour: red\n  - name: cam1", 1)
	if broken == string(good) {
		t.Fatal("test bug: the broken config is the good one")
	}
	write(t, cfg, broken)
	if err := a.cmd.Process.Signal(syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	a.waitLog(t, "config reload rejected")
	a.waitLog(t, filepath.Base(cfg)+":", `unknown key \"colour\"`)
	mid := topicEnd(t, brokers)
	waitProduced(t, brokers, mid, 60)

	// One stream's bit rate: only that stream restarts.
	faster := strings.Replace(string(good), "fps: 30\n    bitrate_kbps: 800\n", "fps: 30\n    bitrate_kbps: 1200\n", 2)
	faster = strings.Replace(faster, "bitrate_kbps: 1200\n  - name: cam1", "bitrate_kbps: 800\n  - name: cam1", 1)
	if strings.Count(faster, "bitrate_kbps: 1200") != 1 {
		t.Fatalf("test bug: the new config changes more than cam1:\n%s", faster)
	}
	write(t, cfg, faster)
	if err := a.cmd.Process.Signal(syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	a.waitLog(t, "config reloaded", "restarted=[cam1]")
	a.waitLog(t, "stream started", "stream=cam1", "bitrate_kbps=1200")
	mid = topicEnd(t, brokers)
	waitProduced(t, brokers, mid, 60)
	logs := a.stop(t)

	if n := len(testkit.Lines(logs, "stream started", "stream=cam0")); n != 1 {
		t.Errorf("cam0 started %d times, want once (an unchanged stream must not restart)\n%s", n, lastLines(logs, 40))
	}
	if n := len(testkit.Lines(logs, "stream started", "stream=cam1")); n != 2 {
		t.Errorf("cam1 started %d times, want twice\n%s", n, lastLines(logs, 40))
	}
	for _, stream := range []string{"cam0", "cam1"} {
		key := device + "/" + stream
		recs := readKey(t, brokers, key)
		video := checkStream(t, recs, key)
		n, errs := testkit.ProbeH264(t, video)
		if n != len(recs) || errs != "" {
			t.Errorf("%s: %d records decode to %d frames, errors: %s", key, len(recs), n, errs)
		}
		resets := 0
		for i := 1; i < len(recs); i++ {
			prev, _ := strconv.ParseInt(recs[i-1].headers["edgecam-pts"], 10, 64)
			pts, _ := strconv.ParseInt(recs[i].headers["edgecam-pts"], 10, 64)
			if pts <= prev {
				resets++
			}
		}
		t.Logf("%s: %d records, %d PTS restarts", key, len(recs), resets)
		if stream == "cam0" && resets != 0 {
			t.Errorf("%s: the PTS went back %d times: its pipeline restarted", key, resets)
		}
	}
}

func write(t *testing.T, path, body string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}
