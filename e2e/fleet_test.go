package e2e

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/klauspost/compress/zstd"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/edgecam/edgecam/fleet"
	"github.com/edgecam/edgecam/internal/testkit"
)

const statusTopic = "edgecam.status"

// fleetConfig writes the config of one fleet device: one test stream, a
// status record every second.
func fleetConfig(t *testing.T, brokers, device string) string {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "edgecam.yaml")
	cfg := fmt.Sprintf("device:\n  id: %s\nkafka:\n  brokers: [%q]\n  topic: %s\nspool:\n  dir: %s\nmetrics: {listen: \"off\"}\nfleet:\n  status_topic: %s\n  status_interval: 1s\n%s",
		device, brokers, topic, filepath.Join(dir, "spool"), statusTopic, oneTestStream)
	if err := os.WriteFile(path, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// fleetView runs `edgecam fleet --json` for the devices of glob and
// returns them by id with its exit status.
func fleetView(t *testing.T, bin, cfg, glob string) (map[string]fleet.Device, int, []byte) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "fleet", "--config", cfg, "--json", "--device", glob)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	code := 0
	if err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != 1 {
			t.Fatalf("edgecam fleet: %v\n%s%s", err, out, stderr.String())
		}
		code = 1
	}
	var ds []fleet.Device
	if err := json.Unmarshal(out, &ds); err != nil {
		t.Fatalf("edgecam fleet --json: %v\n%s%s", err, out, stderr.String())
	}
	m := map[string]fleet.Device{}
	for _, d := range ds {
		m[d.ID] = d
	}
	return m, code, out
}

// untilFleet polls `edgecam fleet --json` until cond holds (at most 90 s).
func untilFleet(t *testing.T, bin, cfg, glob, what string, cond func(map[string]fleet.Device, int) bool) map[string]fleet.Device {
	t.Helper()
	var ds map[string]fleet.Device
	var code int
	var out []byte
	if !testkit.Until(90*time.Second, 300*time.Millisecond, func() bool { ds, code, out = fleetView(t, bin, cfg, glob); return cond(ds, code) }) {
		t.Fatalf("fleet: %s: not within 90 s; last output (exit %d):\n%s", what, code, out)
	}
	return ds
}

// statusFollower records every status record of the topic from now on,
// as they arrive (before compaction can remove any), with kcat.
type statusFollower struct {
	mu   sync.Mutex
	recs []followed
	cmd  *exec.Cmd
}

type followed struct {
	key   string
	value []byte
	at    time.Time
}

func followStatus(t *testing.T, brokers, prefix string) *statusFollower {
	t.Helper()
	f := &statusFollower{}
	f.cmd = exec.Command("kcat", "-C", "-b", brokers, "-t", statusTopic, "-o", "end", "-u", "-q", "-f", "%k\t%s\n")
	out, err := f.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := f.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.cmd.Process.Kill(); f.cmd.Wait() })
	go func() {
		sc := bufio.NewScanner(out)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			k, v, ok := strings.Cut(sc.Text(), "\t")
			if !ok || !strings.HasPrefix(k, prefix) {
				continue
			}
			f.mu.Lock()
			f.recs = append(f.recs, followed{key: k, value: []byte(v), at: time.Now()})
			f.mu.Unlock()
		}
	}()
	return f
}

func (f *statusFollower) all() []followed {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.recs)
}

// keyCounts reads the whole status topic and counts the records of each
// key with the prefix.
func keyCounts(t *testing.T, brokers, prefix string) map[string]int {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, "kcat", "-C", "-b", brokers, "-t", statusTopic, "-o", "beginning", "-e", "-q", "-f", "%k\n").Output()
	if err != nil {
		t.Fatalf("kcat: %v", err)
	}
	n := map[string]int{}
	for _, k := range strings.Split(string(out), "\n") {
		if strings.HasPrefix(k, prefix) {
			n[k]++
		}
	}
	return n
}

// TestFleet: three agents report to the compacted status topic and
// `edgecam fleet` lists them; one killed with SIGKILL turns stale (exit
// status 1); one whose link is cut for 20 s reports again, with the
// backlog it spooled and then drained; every record validates against
// the schema; after compaction the topic holds one record per device.
func TestFleet(t *testing.T) {
	brokers, bin := env(t)
	proxy := newProxy(t)
	run := fmt.Sprintf("fleet%d", rand.IntN(1e9))
	glob := run + "-*"
	devA, devB, devC := run+"-a", run+"-b", run+"-c"
	follower := followStatus(t, brokers, run+"-")

	// The monitoring host's config: brokers only, no streams.
	mon := filepath.Join(t.TempDir(), "mon.yaml")
	if err := os.WriteFile(mon, []byte(fmt.Sprintf("kafka:\n  brokers: [%q]\nfleet: {status_topic: %s}\n", brokers, statusTopic)), 0o644); err != nil {
		t.Fatal(err)
	}
	a := startAgent(t, bin, fleetConfig(t, brokers, devA))
	b := startAgent(t, bin, fleetConfig(t, brokers, devB))
	c := startAgent(t, bin, fleetConfig(t, proxyAddr, devC)) // its link can be cut

	untilFleet(t, bin, mon, glob, "three devices running", func(ds map[string]fleet.Device, code int) bool {
		for _, id := range []string{devA, devB, devC} {
			d, ok := ds[id]
			if !ok || !d.Healthy || d.State != fleet.StateRunning || d.Streams.Running != 1 {
				return false
			}
		}
		return len(ds) == 3 && code == 0
	})
	text, _ := exec.Command(bin, "fleet", "--config", mon, "--device", glob).CombinedOutput()
	t.Logf("edgecam fleet, three agents running:\n%s", text)

	// --metrics: one scrape sees every device.
	_, url := metricsBody(t)
	exporter := exec.Command(bin, "fleet", "--config", mon, "--device", glob, "--metrics", strings.TrimPrefix(url, "http://"), "--every", "500ms")
	if err := exporter.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { exporter.Process.Kill(); exporter.Wait() })
	up := 0
	if !testkit.Until(60*time.Second, 300*time.Millisecond, func() bool {
		fams := scrape(t, url)
		up = 0
		for _, id := range []string{devA, devB, devC} {
			v, ok1 := fams.Get("edgecam_fleet_device_up", "device="+id)
			r, ok2 := fams.Get("edgecam_stream_state", "device="+id, "stream=cam0", "state=running")
			if ok1 && ok2 && v == 1 && r == 1 {
				up++
			}
		}
		return up == 3
	}) {
		t.Fatalf("edgecam fleet --metrics: %d of 3 devices up and running within 60 s", up)
	}
	t.Logf("edgecam fleet --metrics: one scrape of %s/metrics has the 3 devices up, their stream running", url)

	// kill -9: no last record; stale after 3 intervals, exit status 1.
	b.kill()
	killed := time.Now()
	ds := untilFleet(t, bin, mon, glob, devB+" stale", func(ds map[string]fleet.Device, code int) bool {
		return ds[devB].Stale && code == 1 && ds[devA].Healthy && ds[devC].Healthy
	})
	// Stale means: its last record is more than 3 intervals (3 s) old.
	if d := ds[devB]; d.AgeSeconds <= 3 || d.State != "stale" || d.Healthy {
		t.Fatalf("%s: %+v, %s after the kill", devB, d, time.Since(killed))
	}
	text, _ = exec.Command(bin, "fleet", "--config", mon, "--device", glob).CombinedOutput()
	t.Logf("edgecam fleet, %s killed -9:\n%s", devB, text)

	// Cut c's link for 20 s: its video spools, its status is buffered
	// (and dropped past 16 records); when the link is back the records
	// resume, showing the backlog and then its drain.
	proxy.Stop()
	cut := time.Now()
	c.waitLog(t, "spilling to the spool")
	untilFleet(t, bin, mon, glob, devC+" stale while cut off", func(ds map[string]fleet.Device, _ int) bool { return ds[devC].Stale })
	time.Sleep(20*time.Second - time.Since(cut))
	if err := proxy.Start(); err != nil {
		t.Fatal(err)
	}
	back := time.Now()
	c.waitLog(t, "spool drained; back to the direct path")
	untilFleet(t, bin, mon, glob, devC+" healthy again", func(ds map[string]fleet.Device, _ int) bool {
		d := ds[devC]
		return d.Healthy && d.State == fleet.StateRunning && d.Backlog.Frames == 0 && d.LastSeen.After(back)
	})
	var maxBacklog int64
	var maxAge float64
	var sawDrained bool
	for _, r := range follower.all() {
		if r.key != devC || r.at.Before(back) {
			continue
		}
		s, err := fleet.Parse(r.value)
		if err != nil {
			t.Fatal(err)
		}
		if s.Streams[0].Spool.Frames > 0 {
			if sawDrained {
				continue // a record made during the cut, delivered late
			}
			maxBacklog = max(maxBacklog, s.Streams[0].Spool.Frames)
			maxAge = max(maxAge, s.Streams[0].Spool.OldestAgeSeconds)
		} else if maxBacklog > 0 && s.Streams[0].State == "running" {
			sawDrained = true
		}
	}
	if maxBacklog == 0 || !sawDrained {
		t.Fatalf("%s's records after the cut: largest backlog %d frames, drained %v; want a backlog reported, then none", devC, maxBacklog, sawDrained)
	}
	t.Logf("link of %s cut 20 s: its records resumed and reported up to %d frames spooled (oldest %.1f s), then drained", devC, maxBacklog, maxAge)

	logsA := a.stop(t)
	logsC := c.stop(t)
	ds = untilFleet(t, bin, mon, glob, "a and c stopped", func(ds map[string]fleet.Device, _ int) bool {
		return ds[devA].State == fleet.StateStopped && ds[devC].State == fleet.StateStopped
	})
	if ds[devA].Stale || ds[devA].Healthy {
		t.Errorf("a cleanly stopped device: %+v", ds[devA])
	}

	// Every record seen validates against the schema.
	sch := testkit.JSONSchema(t, "status.schema.json", fleet.Schema)
	recs := follower.all()
	var sizes []int
	for _, r := range recs {
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(r.value))
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(inst); err != nil {
			t.Fatalf("a record of %s does not validate: %v\n%s", r.key, err, r.value)
		}
		sizes = append(sizes, len(r.value))
	}
	sort.Ints(sizes)
	enc, _ := zstd.NewWriter(nil)
	median := recs[len(recs)/2].value
	for _, r := range recs {
		if len(r.value) == sizes[len(sizes)/2] {
			median = r.value
		}
	}
	z := len(enc.EncodeAll(median, nil))
	// Each record goes in a batch of its own (no linger): 61 bytes of
	// batch header, about 20 of record framing, the key.
	perRecord := z + 61 + 20 + len(devA)
	t.Logf("%d status records, all valid; size (one stream) median %d bytes (%d..%d), %d zstd-compressed", len(recs), sizes[len(sizes)/2], sizes[0], sizes[len(sizes)-1], z)
	t.Logf("at the default 10 s interval: %d records a day, %.2f MB/day of JSON, about %.2f MB/day on the wire (zstd, one record per batch: ~%d bytes each)",
		86400/10, float64(86400/10*sizes[len(sizes)/2])/1e6, float64(86400/10*perRecord)/1e6, perRecord)
	for _, l := range []string{logsA, logsC} {
		if !strings.Contains(l, `msg="fleet status"`) {
			t.Errorf("no final fleet status line:\n%s", lastLines(l, 10))
		}
	}

	// Compaction: the cleaner removes all but the last record of each
	// key from the closed segments; a record of another key every 2.5 s
	// rolls the active segment (segment.ms 2 s) so the last ones are
	// closed too.
	before := keyCounts(t, brokers, run+"-")
	var n map[string]int
	if !testkit.Until(90*time.Second, 2500*time.Millisecond, func() bool {
		probe := exec.Command("kcat", "-P", "-b", brokers, "-t", statusTopic, "-k", "compaction-probe")
		probe.Stdin = strings.NewReader("{}\n")
		if out, err := probe.CombinedOutput(); err != nil {
			t.Fatalf("kcat -P: %v\n%s", err, out)
		}
		n = keyCounts(t, brokers, run+"-")
		return n[devA] == 1 && n[devB] == 1 && n[devC] == 1
	}) {
		t.Fatalf("the status topic still holds %v records per device after 90 s (before: %v)", n, before)
	}
	t.Logf("compaction: records per device %v before, %v after", before, n)
	ds, code, _ := fleetView(t, bin, mon, glob)
	if code != 1 || ds[devA].State != fleet.StateStopped || ds[devB].State != "stale" || ds[devC].State != fleet.StateStopped {
		t.Fatalf("after compaction: exit %d, %+v", code, ds)
	}
	text, _ = exec.Command(bin, "fleet", "--config", mon, "--device", glob).CombinedOutput()
	t.Logf("edgecam fleet after compaction:\n%s", text)
}
