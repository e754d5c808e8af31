// Package e2e runs the edgecam binary against a real Apache Kafka and checks
// what landed there with tools that are not ours: kcat reads the records,
// ffprobe decodes the video. `make test-e2e` starts the broker
// (scripts/kafka/kafka.sh) and sets EDGECAM_E2E_BROKERS and EDGECAM_BIN;
// without them the tests are skipped, unless EDGECAM_E2E_REQUIRED=1.
// It owns the end-to-end and fault tests (network cuts through toxiproxy,
// kill -9 of the agent and of the broker, reload, TLS/SASL). Bringing the
// broker up and down is `make test-e2e`'s job (TestBrokerKill only kills
// and restarts its node through kafka.sh), and it never runs the agent
// in-process: it runs the binary (EDGECAM_BIN), as a user would.
package e2e

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/edgecam/edgecam/internal/hostinfo"
	"github.com/edgecam/edgecam/internal/testkit"
)

const topic = "edgecam.test"

func env(t *testing.T) (brokers, bin string) {
	t.Helper()
	brokers, bin = os.Getenv("EDGECAM_E2E_BROKERS"), os.Getenv("EDGECAM_BIN")
	if brokers == "" || bin == "" {
		if os.Getenv("EDGECAM_E2E_REQUIRED") == "1" {
			t.Fatal("EDGECAM_E2E_BROKERS and EDGECAM_BIN must be set (make test-e2e does)")
		}
		t.Skip("no Kafka: run `make test-e2e` (sets EDGECAM_E2E_BROKERS and EDGECAM_BIN)")
	}
	for _, tool := range []string{"kcat", "ffprobe"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s not installed (make deps installs it)", tool)
		}
	}
	return brokers, bin
}

// writeConfig writes a config for a fresh device id, so every test has keys
// of its own on the shared topic.
func writeConfig(t *testing.T, brokers, body string) (path, device string) {
	t.Helper()
	return writeConfigSpool(t, brokers, "", body)
}

// writeConfigSpool is writeConfig with extra lines for the spool section
// (indented by two spaces); the spool lives in the test's directory.
func writeConfigSpool(t *testing.T, brokers, spool, body string) (path, device string) {
	t.Helper()
	device = fmt.Sprintf("e2e-%s-%d", strings.ToLower(strings.ReplaceAll(t.Name(), "/", "-")), rand.IntN(1e9))
	dir := t.TempDir()
	path = filepath.Join(dir, "edgecam.yaml")
	cfg := fmt.Sprintf("device:\n  id: %s\nkafka:\n  brokers: [%q]\n  topic: %s\nspool:\n  dir: %s\n%s%s", device, brokers, topic, filepath.Join(dir, "spool"), spool, body)
	if err := os.WriteFile(path, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, device
}

const oneTestStream = `streams:
  - name: cam0
    source: {type: test, pattern: ball}
    width: 640
    height: 360
    fps: 30
    bitrate_kbps: 800
    keyframe_interval: 1s
`

// agentExitBound is how long the tests wait for `edgecam run` to exit after
// SIGTERM: an outer bound. A test that held it to 5 s, beside the agent's
// then 4.5 s stop budget, left 0.5 s for tearing the pipelines down, which
// a loaded machine can take.
const agentExitBound = 2 * time.Minute

// runAgent runs `edgecam run` for d, sends SIGTERM and checks it exits 0
// (agentExitBound). It returns the agent's log.
func runAgent(t *testing.T, bin, cfg string, d time.Duration) string {
	t.Helper()
	var logs bytes.Buffer
	cmd := exec.Command(bin, "run", "--config", cfg)
	cmd.Stdout, cmd.Stderr = &logs, &logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(d)
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	stopped := make(chan error, 1)
	go func() { stopped <- cmd.Wait() }()
	select {
	case err := <-stopped:
		if err != nil {
			t.Fatalf("edgecam run: %v\n%s", err, logs.String())
		}
	case <-time.After(agentExitBound):
		cmd.Process.Kill()
		t.Fatalf("edgecam run did not exit within %s of SIGTERM\n%s", agentExitBound, logs.String())
	}
	return logs.String()
}

// runAgentFrames runs `edgecam run` until n more records are in the topic
// than when it started (waitProduced: frameTimeout bounds the wait), then
// sends SIGTERM and checks a clean exit (agentProc.stop). It returns the
// agent's log. A fixed run time would make a frame count a timing check:
// a loaded machine encodes fewer frames in 4 s.
func runAgentFrames(t *testing.T, brokers, bin, cfg string, n int) string {
	t.Helper()
	from := topicEnd(t, brokers)
	a := startAgent(t, bin, cfg)
	waitProduced(t, brokers, from, n)
	return a.stop(t)
}

// record is one Kafka record as kcat printed it.
type record struct {
	key         string
	partition   int
	offset      int64
	timestampMs int64 // the Kafka timestamp (CreateTime), ms
	headers     map[string]string
	value       []byte
}

// readKey reads every record of key from the topic with kcat, in offset
// order. kcat prints a line of metadata, then exactly %S value bytes, so the
// binary values come through intact.
//
// kcat -e now and then never sees the end of a partition that is being
// written to continuously (the agent is streaming while a test waits), so
// each read is bounded and retried.
func readKey(t *testing.T, brokers, key string) []record {
	t.Helper()
	var out []byte
	for attempt := 1; ; attempt++ {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		cmd := exec.CommandContext(ctx, "kcat", "-C", "-b", brokers, "-t", topic, "-o", "beginning", "-e", "-q",
			"-f", "%k\t%p\t%o\t%T\t%S\t%h\n%s\n")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		var err error
		out, err = cmd.Output()
		timedOut := ctx.Err() != nil
		cancel()
		if err == nil {
			break
		}
		if !timedOut || attempt == 3 {
			t.Fatalf("kcat: %v: %s", err, stderr.String())
		}
		t.Logf("kcat did not reach the end of %s in 20 s; reading again", topic)
	}
	var recs []record
	rd := bufio.NewReader(bytes.NewReader(out))
	for {
		line, err := rd.ReadString('\n')
		if errors.Is(err, io.EOF) && line == "" {
			break
		}
		if err != nil {
			t.Fatalf("kcat output: %v", err)
		}
		f := strings.SplitN(strings.TrimSuffix(line, "\n"), "\t", 6)
		if len(f) != 6 {
			t.Fatalf("kcat metadata line %q", line)
		}
		p, _ := strconv.Atoi(f[1])
		off, _ := strconv.ParseInt(f[2], 10, 64)
		ts, _ := strconv.ParseInt(f[3], 10, 64)
		f = append(f[:3], f[4:]...)
		size, err := strconv.Atoi(f[3])
		if err != nil {
			t.Fatalf("kcat size in %q: %v", line, err)
		}
		val := make([]byte, size+1)
		if _, err := io.ReadFull(rd, val); err != nil {
			t.Fatalf("kcat value: %v", err)
		}
		r := record{key: f[0], partition: p, offset: off, timestampMs: ts, headers: map[string]string{}, value: val[:size]}
		for _, h := range strings.Split(f[4], ",") {
			if k, v, ok := strings.Cut(h, "="); ok {
				r.headers[k] = v
			}
		}
		if r.key == key {
			recs = append(recs, r)
		}
	}
	return recs
}

// checkStream asserts the record-format promises of DESIGN.md on the records
// of one key of an H.264 stream and returns their concatenated values.
func checkStream(t *testing.T, recs []record, key string) []byte {
	t.Helper()
	return checkCodecStream(t, recs, key, "h264")
}

// checkCodecStream is checkStream for a stream of codec (edgecam-codec on
// every record).
func checkCodecStream(t *testing.T, recs []record, key, codec string) []byte {
	t.Helper()
	if len(recs) == 0 {
		t.Fatalf("no records of key %s", key)
	}
	if recs[0].headers["edgecam-keyframe"] != "1" {
		t.Fatalf("first record is not a keyframe: %v", recs[0].headers)
	}
	// edgecam-clock says whether the box's clock was synchronised: this
	// machine's, as the kernel tells (a CI container often is not).
	synced, clockErr := hostinfo.ClockSynced()
	wantClock := ""
	if clockErr == nil && !synced {
		wantClock = "unsynced"
	}
	var stream []byte
	part := recs[0].partition
	for i, r := range recs {
		if clockErr == nil && r.headers["edgecam-clock"] != wantClock {
			t.Fatalf("record %d: edgecam-clock %q, but the kernel says the clock is synchronised: %v", i, r.headers["edgecam-clock"], synced)
		}
		if r.partition != part {
			t.Fatalf("key %s in partitions %d and %d", key, part, r.partition)
		}
		seq, err := strconv.ParseInt(r.headers["edgecam-seq"], 10, 64)
		if err != nil || seq != int64(i) {
			t.Fatalf("record %d (offset %d): edgecam-seq %q, want %d (no gap, no repeat)", i, r.offset, r.headers["edgecam-seq"], i)
		}
		for _, h := range []string{"edgecam-pts", "edgecam-dts", "edgecam-capture-ns"} {
			if _, err := strconv.ParseInt(r.headers[h], 10, 64); err != nil {
				t.Fatalf("record %d: header %s = %q, want a decimal integer", i, h, r.headers[h])
			}
		}
		capture, _ := strconv.ParseInt(r.headers["edgecam-capture-ns"], 10, 64)
		if d := time.Since(time.Unix(0, capture)); d < 0 || d > 10*time.Minute {
			t.Fatalf("record %d: capture time %v is not recent", i, time.Unix(0, capture))
		}
		if kf := r.headers["edgecam-keyframe"]; kf != "0" && kf != "1" {
			t.Fatalf("record %d: edgecam-keyframe %q", i, kf)
		}
		if c := r.headers["edgecam-codec"]; c != codec {
			t.Fatalf("record %d: edgecam-codec %q, want %q", i, c, codec)
		}
		if !testkit.AnnexB(r.value) {
			t.Fatalf("record %d is not an Annex-B access unit", i)
		}
		stream = append(stream, r.value...)
	}
	return stream
}

// TestStreamToKafka: the test camera for a few seconds into real Kafka; kcat
// finds every frame under the stream's key with every header, seq 0..N-1,
// a keyframe first, and the values decode to N frames.
func TestStreamToKafka(t *testing.T) {
	brokers, bin := env(t)
	cfg, device := writeConfig(t, brokers, oneTestStream)
	logs := runAgentFrames(t, brokers, bin, cfg, 60)
	key := device + "/cam0"
	recs := readKey(t, brokers, key)
	stream := checkStream(t, recs, key)
	if len(recs) < 60 {
		t.Fatalf("only %d frames under the stream's key, 60 were produced\n%s", len(recs), logs)
	}
	n, errs := testkit.ProbeH264(t, stream)
	if n != len(recs) || errs != "" {
		t.Fatalf("ffprobe decoded %d frames of %d records; errors: %q", n, len(recs), errs)
	}
	keyframes := 0
	for _, r := range recs {
		if r.headers["edgecam-keyframe"] == "1" {
			keyframes++
		}
	}
	t.Logf("e2e: %d frames, %d bytes, %d keyframes, partition %d, ffprobe decoded %d frames without errors",
		len(recs), len(stream), keyframes, recs[0].partition, n)
	if !strings.Contains(logs, "encoder chosen") || !strings.Contains(logs, "msg=stopped") || strings.Contains(logs, "did not acknowledge") {
		t.Fatalf("agent log lacks the encoder choice or the clean stop:\n%s", logs)
	}
}

// TestRestartContinuesSequence: run, stop, run again: one contiguous
// sequence across both runs, read back by kcat.
func TestRestartContinuesSequence(t *testing.T) {
	brokers, bin := env(t)
	cfg, device := writeConfig(t, brokers, oneTestStream)
	runAgent(t, bin, cfg, 3*time.Second)
	first := len(readKey(t, brokers, device+"/cam0"))
	logs := runAgent(t, bin, cfg, 3*time.Second)
	recs := readKey(t, brokers, device+"/cam0")
	checkStream(t, recs, device+"/cam0")
	if first == 0 || len(recs) <= first {
		t.Fatalf("first run %d records, both runs %d", first, len(recs))
	}
	if !strings.Contains(logs, fmt.Sprintf("last_seq=%d", first-1)) {
		t.Fatalf("second run did not log resuming after seq %d:\n%s", first-1, logs)
	}
	t.Logf("restart: run 1 seq 0..%d, run 2 seq %d..%d, contiguous", first-1, first, len(recs)-1)
}

// TestTail: `edgecam tail` writes each container and it decodes to as many
// frames as records it read.
func TestTail(t *testing.T) {
	brokers, bin := env(t)
	cfg, device := writeConfig(t, brokers, oneTestStream)
	runAgent(t, bin, cfg, 3*time.Second)
	recs := readKey(t, brokers, device+"/cam0")
	for _, ext := range []string{".h264", ".ts", ".mp4"} {
		t.Run(ext, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out"+ext)
			cmd := exec.Command(bin, "tail", "--config", cfg, "--stream", "cam0", "--from-start", "--to-end", "-o", out)
			msg, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("edgecam tail: %v\n%s", err, msg)
			}
			if !strings.Contains(string(msg), fmt.Sprintf("%d frames", len(recs))) || !strings.Contains(string(msg), "0 gaps, 0 duplicates") {
				t.Fatalf("tail summary does not report %d frames, no gaps, no duplicates:\n%s", len(recs), msg)
			}
			n, errs := testkit.ProbeFrames(t, out)
			if n != len(recs) || errs != "" {
				t.Fatalf("ffprobe decoded %d frames of %d; errors %q", n, len(recs), errs)
			}
		})
	}
	// --frames stops after N.
	out := filepath.Join(t.TempDir(), "ten.h264")
	if msg, err := exec.Command(bin, "tail", "--config", cfg, "--stream", "cam0", "--from-start", "--frames", "10", "-o", out).CombinedOutput(); err != nil {
		t.Fatalf("tail --frames: %v\n%s", err, msg)
	}
	if n, _ := testkit.ProbeFrames(t, out); n != 10 {
		t.Fatalf("--frames 10 wrote %d frames", n)
	}
}

// TestMissingCamera: a stream whose camera (/dev/video99) does not exist
// logs a clear error and retries with backoff, while the healthy stream of
// the same agent delivers a complete sequence.
func TestMissingCamera(t *testing.T) {
	brokers, bin := env(t)
	cfg, device := writeConfig(t, brokers, oneTestStream+`  - name: gone
    source: {type: v4l2, device: /dev/video99}
log: {level: debug}
`)
	logs := runAgent(t, bin, cfg, 5*time.Second)
	recs := readKey(t, brokers, device+"/cam0")
	checkStream(t, recs, device+"/cam0")
	if len(recs) < 60 {
		t.Fatalf("healthy stream delivered only %d frames in 5 s\n%s", len(recs), logs)
	}
	if n := len(readKey(t, brokers, device+"/gone")); n != 0 {
		t.Fatalf("the missing camera produced %d records", n)
	}
	retries := testkit.Lines(logs, "stream=gone", "stream failed; retrying")
	if len(retries) == 0 || !strings.Contains(retries[0], "/dev/video99") || !strings.Contains(retries[0], "retry_in=") {
		t.Fatalf("no retry warning naming /dev/video99:\n%s", logs)
	}
	// Backoff, not a busy loop: from 0.5 s doubling, 5 s leave room for at
	// most 5 attempts (at 0, 0.5, 1.5, 3.5 s, and one more if the run
	// lasts longer); a slow machine only makes fewer.
	attempts := len(retries)
	if attempts < 2 || attempts > 6 {
		t.Fatalf("the missing camera was tried %d times in 5 s; with backoff from 0.5 s it is 2 to 6\n%s", attempts, logs)
	}
	t.Logf("missing camera: %d attempts in 5 s (backoff)", attempts)
	t.Logf("healthy stream: %d frames while /dev/video99 was retried", len(recs))
}

// TestBadConfigExitStatus: the binary itself exits 2 and prints
// file:line:col for an invalid config, without contacting Kafka.
func TestBadConfigExitStatus(t *testing.T) {
	_, bin := env(t)
	path := filepath.Join(t.TempDir(), "bad.yaml")
	if err := os.WriteFile(path, []byte("kafka:\n  brokers: []\nstreams:\n  - {name: a, source: {type: test}}\n  - {name: a, source: {type: test}, fps: fast}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"run", "--config", path}, {"config", "check", "--config", path}} {
		cmd := exec.Command(bin, args...)
		out, err := cmd.CombinedOutput()
		if cmd.ProcessState == nil || cmd.ProcessState.ExitCode() != 2 {
			t.Fatalf("%v: %v, want exit status 2\n%s", args, err, out)
		}
		want := []string{path + ":2:12: kafka.brokers: empty", path + ":5:12: streams[1].name", path + ":5:42: streams[1].fps"}
		for _, w := range want {
			if !strings.Contains(string(out), w) {
				t.Errorf("%v: output lacks %q:\n%s", args, w, out)
			}
		}
	}
}
