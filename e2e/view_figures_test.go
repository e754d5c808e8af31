package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/edgecam/edgecam/internal/testkit"
)

// procStat returns a process's resident memory (bytes) and CPU time used.
func procStat(t *testing.T, pid int) (rss int64, cpu time.Duration) {
	t.Helper()
	st, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(st), "\n") {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, _ := strconv.ParseInt(strings.Fields(v)[0], 10, 64)
			rss = kb << 10
		}
	}
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+2:])
	ut, _ := strconv.ParseInt(f[11], 10, 64)             // utime, field 14
	sy, _ := strconv.ParseInt(f[12], 10, 64)             // stime, field 15
	return rss, time.Duration(ut+sy) * time.Second / 100 // USER_HZ
}

// TestViewFigures measures `edgecam view` for the README: memory with no,
// 1 and 10 browser viewers of 4 streams, and CPU per viewed stream. It
// prints figures and asserts nothing about them; it runs only when
// EDGECAM_VIEW_FIGURES=1 (not part of make test: minutes of CPU).
func TestViewFigures(t *testing.T) {
	if os.Getenv("EDGECAM_VIEW_FIGURES") != "1" {
		t.Skip("EDGECAM_VIEW_FIGURES=1 to measure")
	}
	brokers, bin := env(t)
	pw := playwrightDir(t)
	var streams strings.Builder
	streams.WriteString("streams:\n")
	for i := range 4 {
		fmt.Fprintf(&streams, "  - name: cam%d\n    source: {type: test, pattern: ball}\n    width: 640\n    height: 360\n    fps: 30\n    bitrate_kbps: 800\n    keyframe_interval: 1s\n", i)
	}
	camCfg, device := writeConfig(t, brokers, streams.String())
	startProc(t, bin, "run", "--config", camCfg)
	viewCfg := filepath.Join(t.TempDir(), "view.yaml")
	if err := os.WriteFile(viewCfg, []byte(fmt.Sprintf("kafka:\n  brokers: [%q]\n  topic: %s\n", brokers, topic)), 0o644); err != nil {
		t.Fatal(err)
	}
	addr := freeAddr(t)
	base := "http://" + addr + "/"
	viewer, _ := startProc(t, bin, "view", "--config", viewCfg, "--listen", addr)
	testkit.Wait(t, "4 streams live", 90*time.Second, time.Second, func() bool {
		s, err := getStreams(base)
		n := 0
		for i := range 4 {
			if s[fmt.Sprintf("%s/cam%d", device, i)].Live {
				n++
			}
		}
		return err == nil && n == 4
	})
	// The page plays every stream of the topic: only ours must be there.
	if s, _ := getStreams(base); len(s) != 4 {
		t.Logf("note: %d streams in the topic (not only this test's 4): the page plays them all", len(s))
	}
	pid := viewer.Process.Pid
	measure := func(name string, viewers int) {
		_, cpu0 := procStat(t, pid)
		t0 := time.Now()
		var maxRSS int64
		stop := make(chan struct{})
		done := make(chan struct{})
		go func() {
			defer close(done)
			for {
				if rss, _ := procStat(t, pid); rss > maxRSS {
					maxRSS = rss
				}
				select {
				case <-stop:
					return
				case <-time.After(500 * time.Millisecond):
				}
			}
		}()
		var report string
		if viewers == 0 {
			time.Sleep(30 * time.Second)
		} else {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
			defer cancel()
			out, err := exec.CommandContext(ctx, "node", "../view/browsertest/check.mjs", pw, base, "-", "--viewers", strconv.Itoa(viewers), "--watch", "30").Output()
			if err != nil {
				t.Fatalf("check.mjs: %v", err)
			}
			var r struct {
				Fatal   string `json:"fatal"`
				Viewers [][]struct {
					Key    string
					T      float64
					Frames int
					Lat    float64
					Errors []string
				}
			}
			if err := json.Unmarshal(out, &r); err != nil || r.Fatal != "" {
				t.Fatalf("check.mjs: %s %v", out, err)
			}
			var lat []float64
			players, stalled := 0, 0
			for _, v := range r.Viewers {
				for _, p := range v {
					players++
					if p.T < 10 {
						stalled++
					}
					lat = append(lat, p.Lat)
				}
			}
			report = fmt.Sprintf(", %d players (%d played < 10 s), latency at the players %v ms", players, stalled, lat)
		}
		close(stop)
		<-done
		_, cpu1 := procStat(t, pid)
		el := time.Since(t0)
		t.Logf("FIGURE %s: viewer max RSS %.1f MiB, CPU %.1f%% of one core over %s%s", name, float64(maxRSS)/(1<<20), 100*(cpu1-cpu0).Seconds()/el.Seconds(), el.Round(time.Second), report)
	}
	measure("0 viewers, 4 streams followed", 0)
	measure("1 viewer of 4 streams", 1)
	measure("10 viewers of 4 streams", 10)
}
