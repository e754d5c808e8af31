package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	toxiproxy "github.com/Shopify/toxiproxy/v2"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/rs/zerolog"

	"github.com/edgecam/edgecam/internal/testkit"
	"github.com/edgecam/edgecam/spool"
)

// The fault tests reach the broker through a TCP proxy: kafka.sh gives
// every node a listener on 9292 that advertises 9392, where the proxy
// listens, so the agent's every connection crosses it and stopping it is a
// network cut.
// Both move with KAFKA_PORT_OFFSET, as kafka.sh's ports do.
var (
	proxyAddr   = offsetAddr(9392)
	proxiedAddr = offsetAddr(9292)
)

// offsetAddr is 127.0.0.1:port plus $KAFKA_PORT_OFFSET (a cluster started
// beside another one, see scripts/kafka/kafka.sh).
func offsetAddr(port int) string {
	off, _ := strconv.Atoi(os.Getenv("KAFKA_PORT_OFFSET"))
	return "127.0.0.1:" + strconv.Itoa(port+off)
}

const (
	kafkaScript  = "../scripts/kafka/kafka.sh"
	faultStream  = "cam0"
	frameTimeout = 90 * time.Second
)

func newProxy(t *testing.T) *toxiproxy.Proxy {
	t.Helper()
	srv := toxiproxy.NewServer(toxiproxy.NewMetricsContainer(prometheus.NewRegistry()), zerolog.Nop())
	p := toxiproxy.NewProxy(srv, "kafka", proxyAddr, proxiedAddr)
	if err := p.Start(); err != nil {
		t.Fatalf("toxiproxy on %s: %v", proxyAddr, err)
	}
	t.Cleanup(p.Stop)
	return p
}

type agentProc struct {
	cmd    *exec.Cmd
	logs   *testkit.LogBuf // written by exec while the test reads it
	waited chan error
}

func startAgent(t *testing.T, bin, cfg string) *agentProc {
	t.Helper()
	a := &agentProc{logs: &testkit.LogBuf{}, waited: make(chan error, 1)}
	a.cmd = exec.Command(bin, "run", "--config", cfg)
	a.cmd.Stdout, a.cmd.Stderr = a.logs, a.logs
	if err := a.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { a.waited <- a.cmd.Wait() }()
	t.Cleanup(func() { a.cmd.Process.Kill() })
	return a
}

// stop sends SIGTERM and checks a clean exit. The agent's own stop budget
// (12 s, under systemd's TimeoutStopSec=15s) is what makes it stop in
// time; the test's bound is only an outer one, which a loaded machine's
// teardown of the pipelines does not reach.
func (a *agentProc) stop(t *testing.T) string {
	t.Helper()
	if err := a.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-a.waited:
		if err != nil {
			t.Fatalf("edgecam run: %v\n%s", err, a.logs)
		}
	case <-time.After(agentExitBound):
		t.Fatalf("edgecam run did not exit within %s of SIGTERM\n%s", agentExitBound, a.logs)
	}
	return a.logs.String()
}

// kill is a crash: SIGKILL, no cleanup of any kind.
func (a *agentProc) kill() {
	a.cmd.Process.Kill()
	<-a.waited
}

// waitLog waits until the agent's log has a line containing every part.
func (a *agentProc) waitLog(t *testing.T, parts ...string) {
	t.Helper()
	testkit.Wait(t, fmt.Sprintf("a log line with %q", parts), frameTimeout, 100*time.Millisecond,
		func() bool { return len(a.logs.Lines(parts...)) > 0 }, a.logs.String)
}

// topicEnd is the sum of the topic's partition end offsets, asked with
// kcat -Q: cheap and never stuck behind a partition being written to.
func topicEnd(t *testing.T, brokers string) int64 {
	t.Helper()
	args := []string{"-Q", "-b", brokers}
	for p := range 3 {
		args = append(args, "-t", fmt.Sprintf("%s:%d:-1", topic, p))
	}
	out, err := exec.Command("kcat", args...).CombinedOutput()
	if err != nil {
		t.Fatalf("kcat -Q: %v\n%s", err, out)
	}
	var sum int64
	for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(l)
		n, err := strconv.ParseInt(f[len(f)-1], 10, 64)
		if err != nil {
			t.Fatalf("kcat -Q output %q", out)
		}
		sum += n
	}
	return sum
}

// waitProduced waits until n more records than at from are in the topic
// (the fault tests run one at a time, so they are the agent's).
func waitProduced(t *testing.T, brokers string, from int64, n int) {
	t.Helper()
	var end int64
	if !testkit.Until(frameTimeout, 300*time.Millisecond, func() bool { end = topicEnd(t, brokers); return end-from >= int64(n) }) {
		t.Fatalf("%d records produced after %s, want %d", end-from, frameTimeout, n)
	}
}

// finalFrames is the frames counter of the stream's last "stream stopped"
// line: how many frames the agent encoded in that run.
func finalFrames(t *testing.T, logs, stream string) int {
	t.Helper()
	n := -1
	for _, l := range testkit.Lines(logs, `msg="stream stopped"`, "stream="+stream+" ") {
		i := strings.Index(l, " frames=")
		n, _ = strconv.Atoi(strings.Fields(l[i+len(" frames="):])[0])
	}
	if n < 0 {
		t.Fatalf("no final stream line for %s:\n%s", stream, logs)
	}
	return n
}

// finalStats is the stream's last "stream stopped" line as key=value.
func finalStats(t *testing.T, logs, stream string) map[string]int64 {
	t.Helper()
	lines := testkit.Lines(logs, `msg="stream stopped"`, "stream="+stream+" ")
	if len(lines) == 0 {
		t.Fatalf("no final stream line for %s:\n%s", stream, logs)
	}
	line := lines[len(lines)-1]
	out := map[string]int64{}
	for _, f := range strings.Fields(line) {
		k, v, ok := strings.Cut(f, "=")
		if n, err := strconv.ParseInt(v, 10, 64); ok && err == nil {
			out[k] = n
		}
	}
	return out
}

// checkAccounting asserts the delivery identity on the run's final
// counters, for a run whose spool started empty: every frame captured is
// acknowledged by Kafka, still in the spool, or counted under exactly one
// reason (evicted by the spool, too large, lost).
func checkAccounting(t *testing.T, logs, stream string) map[string]int64 {
	t.Helper()
	st := finalStats(t, logs, stream)
	sum := st["acked"] + st["in_spool"] + st["evicted"] + st["too_large"] + st["lost"]
	t.Logf("accounting: captured %d = acked %d + in_spool %d + evicted %d + too_large %d + lost %d (resends %d)",
		st["captured"], st["acked"], st["in_spool"], st["evicted"], st["too_large"], st["lost"], st["resends"])
	if st["captured"] != sum {
		t.Fatalf("captured %d frames but acked + in_spool + evicted + too_large + lost = %d\n%s", st["captured"], sum, lastLines(logs, 5))
	}
	return st
}

// checkDelivery asserts the delivery promises on the records of one key:
// seq starts at 0, strictly increases (nothing twice), and every gap is
// explained — by edgecam-evicted on the record after it (exactly the gap),
// or, when allowGap says so, by something the test did (corruption). The
// values must decode with ffprobe to as many frames without errors, or,
// after damage the test did, with at most undecodable frames lost (the
// rest of a GOP whose reference frame was destroyed). It returns the total
// of edgecam-evicted.
func checkDelivery(t *testing.T, recs []record, allowGap func(from, to int64) bool, undecodable int) (evicted int64) {
	t.Helper()
	// The Kafka timestamp is the capture time, for frames drained late
	// from the spool too: Kafka's time index finds a moment.
	for _, r := range recs {
		capNs, err := strconv.ParseInt(r.headers["edgecam-capture-ns"], 10, 64)
		if err != nil || r.timestampMs != capNs/1e6 {
			t.Fatalf("seq %s: Kafka timestamp %d ms, edgecam-capture-ns %s: want the capture time", r.headers["edgecam-seq"], r.timestampMs, r.headers["edgecam-capture-ns"])
		}
	}
	if len(recs) == 0 {
		t.Fatal("no records")
	}
	prev := int64(-1)
	var stream []byte
	for i, r := range recs {
		seq, err := strconv.ParseInt(r.headers["edgecam-seq"], 10, 64)
		if err != nil {
			t.Fatalf("record %d: edgecam-seq %q", i, r.headers["edgecam-seq"])
		}
		if r.headers["edgecam-session"] == "" {
			t.Fatalf("record %d (seq %d): no edgecam-session", i, seq)
		}
		ev, _ := strconv.ParseInt(r.headers["edgecam-evicted"], 10, 64)
		evicted += ev
		switch {
		case seq <= prev:
			t.Fatalf("record %d: seq %d after %d: duplicate or out of order", i, seq, prev)
		case seq != prev+1 && ev == seq-prev-1:
			// an eviction, announced exactly
		case seq != prev+1 && ev == 0 && allowGap != nil && allowGap(prev+1, seq-1):
		case seq != prev+1:
			t.Fatalf("record %d: seq %d after %d: gap of %d, edgecam-evicted %q", i, seq, prev, seq-prev-1, r.headers["edgecam-evicted"])
		case ev != 0:
			t.Fatalf("record %d: edgecam-evicted %d without a gap", i, ev)
		}
		prev = seq
		stream = append(stream, r.value...)
	}
	n, errs := testkit.ProbeH264(t, stream)
	if n > len(recs) || n < len(recs)-undecodable || (undecodable == 0 && errs != "") {
		t.Fatalf("ffprobe decoded %d frames of %d records; errors %q", n, len(recs), errs)
	}
	if n != len(recs) {
		t.Logf("ffprobe decoded %d frames of %d records (a damaged GOP)", n, len(recs))
	}
	return evicted
}

// streaming is the start of the network-fault tests: Kafka behind a new
// proxy, the agent started on a config of streams (spool: lines of its
// spool section) through it, and n of its frames in Kafka. key is the
// fault stream's record key.
func streaming(t *testing.T, brokers, bin, spool, streams string, n int) (proxy *toxiproxy.Proxy, a *agentProc, cfg, key string) {
	t.Helper()
	proxy = newProxy(t)
	cfg, device := writeConfigSpool(t, proxyAddr, spool, streams)
	base := topicEnd(t, brokers)
	a = startAgent(t, bin, cfg)
	waitProduced(t, brokers, base, n)
	return proxy, a, cfg, device + "/" + faultStream
}

// TestNetworkCut: the link to the broker is cut for 20 s while streaming;
// the stream spills to the spool and, once the link is back, every frame
// arrives exactly once, in order, and decodes.
func TestNetworkCut(t *testing.T) {
	brokers, bin := env(t)
	proxy, a, _, key := streaming(t, brokers, bin, "", oneTestStream, 30)
	// The process started is the one streaming, re-executed with GODEBUG
	// (cmd/edgecam, sysmonAwake): same PID, once.
	if environ, err := os.ReadFile(fmt.Sprintf("/proc/%d/environ", a.cmd.Process.Pid)); err != nil || !slices.Contains(strings.Split(string(environ), "\x00"), "GODEBUG=schedtrace=2147483647") {
		t.Errorf("the agent's environment has no GODEBUG=schedtrace=2147483647 (err %v)", err)
	}
	if comm, _ := os.ReadFile(fmt.Sprintf("/proc/%d/comm", a.cmd.Process.Pid)); strings.TrimSpace(string(comm)) != filepath.Base(bin) {
		t.Errorf("the agent's process is named %q, want %q (ps, pgrep)", strings.TrimSpace(string(comm)), filepath.Base(bin))
	}
	if n := len(a.logs.Lines("msg=edgecam ")); n != 1 {
		t.Errorf("%d start lines, want 1", n)
	}
	t.Logf("streaming; cutting the link")
	proxy.Stop()
	cut := time.Now()
	a.waitLog(t, "spilling to the spool")
	time.Sleep(20*time.Second - time.Since(cut))
	if err := proxy.Start(); err != nil {
		t.Fatal(err)
	}
	back := time.Now()
	a.waitLog(t, "spool drained; back to the direct path")
	drained := time.Since(back)
	waitProduced(t, brokers, topicEnd(t, brokers), 30) // streaming continues on the direct path
	logs := a.stop(t)
	recs := readKey(t, brokers, key)
	checkDelivery(t, recs, nil, 0)
	if want := finalFrames(t, logs, faultStream); len(recs) != want {
		t.Fatalf("Kafka has %d frames, the agent encoded %d\n%s", len(recs), want, logs)
	}
	if st := checkAccounting(t, logs, faultStream); st["acked"] != int64(len(recs)) {
		t.Fatalf("the agent counted %d frames acknowledged, Kafka holds %d", st["acked"], len(recs))
	}
	t.Logf("network cut 20 s: %d frames, all delivered once and in order; backlog drained %s after the link returned", len(recs), drained.Round(time.Millisecond))
}

// TestTopicLimitLowered: the topic's max.message.bytes is lowered to 64 KiB
// while the agent streams in mode always: above every frame of the stream,
// below a drain's batch. The producer keeps the limit it read at start
// (kgo asks once per partition), so after a 5 s network cut Kafka refuses
// the drain's batches with MESSAGE_TOO_LARGE. The stream sends their frames
// again in smaller and smaller batches: every frame is in Kafka
// once and none is counted as too large. Not in order: kgo keeps up to 5
// produce requests in flight with idempotence, and the frames of the
// requests after the refused one are taken (Kafka answers them
// OUT_OF_ORDER_SEQUENCE_NUMBER, kgo sends them again) before the refused
// frames are sent again, the case of the holes log (agent/holes.go).
func TestTopicLimitLowered(t *testing.T) {
	brokers, bin := env(t)
	proxy, a, _, key := streaming(t, brokers, bin, "  mode: always\n", oneTestStream, 30)
	topicConfig(t, "max.message.bytes=65536")
	t.Cleanup(func() { topicConfig(t, "max.message.bytes=") })
	proxy.Stop()
	time.Sleep(5 * time.Second) // about 150 frames, 500 KB, of backlog
	if err := proxy.Start(); err != nil {
		t.Fatal(err)
	}
	a.waitLog(t, "Kafka refused a batch of frames")
	waitProduced(t, brokers, topicEnd(t, brokers), 150) // the backlog goes on
	logs := a.stop(t)
	recs := readKey(t, brokers, key)
	st := checkAccounting(t, logs, faultStream)
	if st["too_large"] != 0 {
		t.Fatalf("%d frames dropped as too large; every frame is under 64 KiB", st["too_large"])
	}
	// Every seq once, from 0 up: the frames Kafka took, and those the
	// stop left in the spool (acknowledged or not) on top.
	seen := map[int64]bool{}
	largest, behind := 0, 0
	top := int64(-1)
	for i, r := range recs {
		seq, err := strconv.ParseInt(r.headers["edgecam-seq"], 10, 64)
		if err != nil || seen[seq] {
			t.Fatalf("record %d: seq %q twice or unreadable", i, r.headers["edgecam-seq"])
		}
		seen[seq] = true
		if seq < top {
			behind++
		}
		top = max(top, seq)
		largest = max(largest, len(r.value))
	}
	for seq := range top {
		if !seen[seq] {
			t.Fatalf("seq %d of 0..%d is not in Kafka", seq, top)
		}
	}
	if int64(len(recs)) < st["acked"] || int64(len(recs)) > st["acked"]+st["in_spool"] {
		t.Fatalf("Kafka holds %d frames; the agent counted %d acknowledged and %d left in the spool", len(recs), st["acked"], st["in_spool"])
	}
	t.Logf("limit lowered to 64 KiB, 5 s cut: %d frames (largest %d bytes) in Kafka once each, none dropped, %d of them after a later seq; %d refused batches, resends %d\n%s",
		len(recs), largest, behind, len(testkit.Lines(logs, "Kafka refused a batch of frames")), st["resends"], strings.Join(testkit.Lines(logs, "batch_cap"), "\n"))
}

// topicConfig sets configs of the test topic (kafka.sh config; KEY= resets).
func topicConfig(t *testing.T, kv ...string) {
	t.Helper()
	if out, err := exec.Command(kafkaScript, append([]string{"config", topic}, kv...)...).CombinedOutput(); err != nil {
		t.Fatalf("kafka.sh config %v: %v\n%s", kv, err, out)
	}
}

// TestBrokerKill: the broker is killed (SIGKILL) and restarted while the
// agent streams.
func TestBrokerKill(t *testing.T) {
	brokers, bin := env(t)
	_, a, _, key := streaming(t, brokers, bin, "", oneTestStream, 30)
	if out, err := exec.Command(kafkaScript, "kill", "1").CombinedOutput(); err != nil {
		t.Fatalf("kafka.sh kill: %v\n%s", err, out)
	}
	time.Sleep(3 * time.Second)
	if out, err := exec.Command(kafkaScript, "start", "1").CombinedOutput(); err != nil {
		t.Fatalf("kafka.sh start: %v\n%s", err, out)
	}
	// Frames keep coming after the restart.
	waitProduced(t, brokers, topicEnd(t, brokers), 30)
	time.Sleep(time.Second)
	logs := a.stop(t)
	recs := readKey(t, brokers, key)
	checkDelivery(t, recs, nil, 0)
	if want := finalFrames(t, logs, faultStream); len(recs) != want {
		t.Fatalf("Kafka has %d frames, the agent encoded %d\n%s", len(recs), want, logs)
	}
	checkAccounting(t, logs, faultStream)
	t.Logf("broker kill -9 and restart: %d frames, all delivered once and in order", len(recs))
}

// TestAgentKilledDuringDrain: in mode always, the agent starts with the
// broker reachable, builds a backlog behind a cut link, the link returns,
// and the agent is killed (SIGKILL) while it drains — five times in a row.
// A last run drains everything: no duplicate, no gap.
func TestAgentKilledDuringDrain(t *testing.T) {
	brokers, bin := env(t)
	proxy := newProxy(t)
	metrics, url := metricsBody(t)
	cfg, device := writeConfigSpool(t, proxyAddr, "  mode: always\n", oneTestStream+metrics)
	key := device + "/" + faultStream
	// What each run captured, from its metrics scraped just before the
	// kill: in mode always a frame counted in
	// edgecam_spool_written_frames_total is in the spool's file, which a
	// kill -9 keeps. Each must end up in Kafka, under its run's session.
	type run struct {
		session string
		spooled float64
	}
	var runs []run
	var agents []*agentProc
	t.Cleanup(func() {
		if t.Failed() { // which run numbered, spooled and produced what
			for i, a := range agents {
				t.Logf("--- run %d's log:\n%s", i, a.logs)
			}
		}
	})
	for i := range 5 {
		a := startAgent(t, bin, cfg)
		agents = append(agents, a)
		a.waitLog(t, "stream started")
		proxy.Stop()
		time.Sleep(3 * time.Second) // about 90 frames of backlog
		if err := proxy.Start(); err != nil {
			t.Fatal(err)
		}
		// The drain starts as soon as the client reconnects; kill the
		// agent at a different point of it each time.
		time.Sleep(time.Duration(200+i*150) * time.Millisecond)
		fams := scrape(t, url)
		spooled, ok := fams.Get("edgecam_spool_written_frames_total", "stream="+faultStream)
		if !ok {
			t.Fatalf("run %d: no edgecam_spool_written_frames_total before the kill", i)
		}
		a.kill()
		runs = append(runs, run{sessionOf(t, a.logs.String()), spooled})
	}
	a := startAgent(t, bin, cfg)
	agents = append(agents, a)
	a.waitLog(t, "stream started")
	time.Sleep(5 * time.Second)
	logs := a.stop(t)
	recs := readKey(t, brokers, key)
	checkDelivery(t, recs, nil, 0)
	bySession := map[string]int{}
	for _, r := range recs {
		bySession[r.headers["edgecam-session"]]++
	}
	for i, r := range runs {
		if got := bySession[r.session]; float64(got) < r.spooled {
			t.Fatalf("run %d (session %s) had spooled %.0f frames before it was killed; Kafka holds %d of them", i, r.session, r.spooled, got)
		}
		t.Logf("run %d: %.0f frames spooled before the kill, %d in Kafka", i, r.spooled, bySession[r.session])
	}
	// Whatever the last run left in the spool is in Kafka already.
	inKafka := map[string]bool{}
	for _, r := range recs {
		inKafka[r.headers["edgecam-seq"]] = true
	}
	sp, err := spool.Open(filepath.Join(filepath.Dir(cfg), "spool", faultStream), spool.Options{})
	if err != nil {
		t.Fatal(err)
	}
	left := 0
	for {
		r, ok, err := sp.Next()
		if err != nil || !ok {
			break
		}
		left++
		if !inKafka[strconv.FormatInt(r.Seq, 10)] {
			t.Errorf("seq %d is in the spool and not in Kafka after the last run", r.Seq)
		}
	}
	sp.Close()
	t.Logf("5 kills during drains, mode always: %d frames in Kafka, seq 0..%s, no gap, no duplicate, every spooled frame of every run delivered; %d delivered frames left on disk\n%s",
		len(recs), recs[len(recs)-1].headers["edgecam-seq"], left, lastLines(logs, 3))
}

// sessionOf is the session id a run's log announces.
func sessionOf(t *testing.T, logs string) string {
	t.Helper()
	for _, l := range testkit.Lines(logs, `msg=session `) {
		for _, f := range strings.Fields(l) {
			if v, ok := strings.CutPrefix(f, "id="); ok {
				return v
			}
		}
	}
	t.Fatalf("no session line in the log:\n%s", logs)
	return ""
}

// TestStartWithBrokerDown: a fresh device starts while Kafka is
// unreachable; it spools, and when Kafka appears everything captured
// arrives, from seq 0, with no gap.
func TestStartWithBrokerDown(t *testing.T) {
	brokers, bin := env(t)
	proxy := newProxy(t)
	proxy.Stop()
	cfg, device := writeConfigSpool(t, proxyAddr, "", oneTestStream)
	key := device + "/" + faultStream
	a := startAgent(t, bin, cfg)
	a.waitLog(t, "Kafka did not answer at start")
	a.waitLog(t, "stream started")
	time.Sleep(5 * time.Second)
	if err := proxy.Start(); err != nil {
		t.Fatal(err)
	}
	a.waitLog(t, "spool drained; back to the direct path")
	waitProduced(t, brokers, topicEnd(t, brokers), 30) // streaming continues on the direct path
	logs := a.stop(t)
	recs := readKey(t, brokers, key)
	checkDelivery(t, recs, nil, 0)
	if recs[0].headers["edgecam-seq"] != "0" {
		t.Fatalf("first seq %s", recs[0].headers["edgecam-seq"])
	}
	if want := finalFrames(t, logs, faultStream); len(recs) != want {
		t.Fatalf("Kafka has %d frames, the agent encoded %d\n%s", len(recs), want, logs)
	}
	checkAccounting(t, logs, faultStream)
	t.Logf("started with Kafka down: %d frames, seq 0..%d, all delivered", len(recs), len(recs)-1)
}

// TestOutageLongerThanSpool: the spool holds about 4 s of video and the
// link is cut for 15 s: the oldest GOPs are evicted, the gap in Kafka
// equals edgecam-evicted exactly, the video still decodes, and streaming
// continues.
func TestOutageLongerThanSpool(t *testing.T) {
	brokers, bin := env(t)
	proxy := newProxy(t)
	dir := t.TempDir()
	device := fmt.Sprintf("e2e-evict-%d", time.Now().UnixNano())
	cfg := filepath.Join(dir, "edgecam.yaml")
	body := fmt.Sprintf(`device: {id: %s}
kafka: {brokers: [%q], topic: %s}
spool: {dir: %s, max_size: 1MiB, segment_size: 128KiB}
streams:
  - name: cam0
    source: {type: test, pattern: snow}
    width: 640
    height: 360
    fps: 30
    bitrate_kbps: 2000
    keyframe_interval: 1s
`, device, proxyAddr, topic, filepath.Join(dir, "spool"))
	if err := os.WriteFile(cfg, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	key := device + "/" + faultStream
	base := topicEnd(t, brokers)
	a := startAgent(t, bin, cfg)
	waitProduced(t, brokers, base, 30)
	proxy.Stop()
	time.Sleep(15 * time.Second)
	if err := proxy.Start(); err != nil {
		t.Fatal(err)
	}
	a.waitLog(t, "spool drained; back to the direct path")
	waitProduced(t, brokers, topicEnd(t, brokers), 30) // streaming continues
	logs := a.stop(t)
	recs := readKey(t, brokers, key)
	evicted := checkDelivery(t, recs, nil, 0)
	if evicted == 0 {
		t.Fatalf("no frame evicted in a 15 s outage with a 1 MiB spool\n%s", logs)
	}
	last, _ := strconv.ParseInt(recs[len(recs)-1].headers["edgecam-seq"], 10, 64)
	if int64(len(recs))+evicted != last+1 {
		t.Fatalf("%d delivered + %d evicted != %d captured", len(recs), evicted, last+1)
	}
	if st := checkAccounting(t, logs, faultStream); st["evicted"] != evicted {
		t.Fatalf("the agent counted %d frames evicted, the records announce %d", st["evicted"], evicted)
	}
	t.Logf("15 s outage, 1 MiB spool: %d frames delivered, %d evicted (announced by edgecam-evicted, gap equal), decodes", len(recs), evicted)
}

// TestCorruptSpool: frames spooled while Kafka was away; the spool is then
// damaged on disk (bytes overwritten in the middle of a segment, the last
// segment cut short). The next start delivers every intact frame and
// reports the damage.
func TestCorruptSpool(t *testing.T) {
	brokers, bin := env(t)
	proxy := newProxy(t)
	proxy.Stop()
	cfg, device := writeConfigSpool(t, proxyAddr, "  segment_size: 128KiB\n", strings.Replace(oneTestStream, "pattern: ball", "pattern: snow", 1))
	key := device + "/" + faultStream
	a := startAgent(t, bin, cfg)
	a.waitLog(t, "stream started")
	time.Sleep(6 * time.Second)
	a.stop(t)

	dir := filepath.Join(filepath.Dir(cfg), "spool", faultStream)
	segs, _ := filepath.Glob(filepath.Join(dir, "seg-*.log"))
	sort.Strings(segs)
	if len(segs) < 3 {
		t.Fatalf("want at least 3 segments to damage, have %d", len(segs))
	}
	mid := segs[len(segs)/2]
	data, err := os.ReadFile(mid)
	if err != nil {
		t.Fatal(err)
	}
	for i := len(data) / 2; i < len(data)/2+64; i++ {
		data[i] ^= 0xff
	}
	if err := os.WriteFile(mid, data, 0o644); err != nil {
		t.Fatal(err)
	}
	lastSeg := segs[len(segs)-1]
	st, _ := os.Stat(lastSeg)
	if err := os.Truncate(lastSeg, st.Size()-100); err != nil {
		t.Fatal(err)
	}
	info, err := spool.Inspect(dir)
	if err != nil {
		t.Fatal(err)
	}
	if info.Corrupt == 0 {
		t.Fatalf("the damage is not visible to Inspect: %+v", info)
	}
	if err := proxy.Start(); err != nil {
		t.Fatal(err)
	}
	a = startAgent(t, bin, cfg)
	a.waitLog(t, "spool drained; back to the direct path")
	waitProduced(t, brokers, topicEnd(t, brokers), 30) // streaming continues on the direct path
	logs := a.stop(t)
	if !strings.Contains(logs, "corrupt") {
		t.Errorf("the agent's log does not report the corrupt records:\n%s", logs)
	}
	recs := readKey(t, brokers, key)
	// Gaps are allowed only where records were destroyed; the damaged GOP
	// may not decode cleanly.
	// Each destroyed record can cost the rest of its GOP (keyframes every
	// second: 30 frames).
	checkDelivery(t, recs, func(from, to int64) bool { return from > info.FirstSeq && to < info.LastSeq }, int(info.Corrupt)*30)
	var delivered int64
	for _, r := range recs {
		seq, _ := strconv.ParseInt(r.headers["edgecam-seq"], 10, 64)
		if seq >= info.FirstSeq && seq <= info.LastSeq {
			delivered++
		}
	}
	if delivered != info.Frames {
		t.Fatalf("delivered %d of the %d intact spooled frames (seq %d..%d)", delivered, info.Frames, info.FirstSeq, info.LastSeq)
	}
	t.Logf("damaged spool: %d intact frames delivered, %d corrupt records skipped and reported, %d torn bytes cut; %d frames in Kafka", info.Frames, info.Corrupt, info.TornBytes, len(recs))
}

func lastLines(s string, n int) string {
	l := strings.Split(strings.TrimSpace(s), "\n")
	return strings.Join(l[max(0, len(l)-n):], "\n")
}
