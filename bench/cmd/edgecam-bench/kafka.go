package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// The benchmark reads Kafka with kcat, not with the project's client: it
// measures the agent from the outside, as a consumer would see it.

// Topics of the benchmark. bench, outage and startup (B7, in b7.go) use LogAppendTime, so each
// record's timestamp is the broker's append time: capture-ns to it is
// capture→Kafka per frame (the producer's ack follows the append on a
// single broker within a fraction of a millisecond; the timestamp has
// millisecond resolution).
const (
	topicBench  = "edgecam.bench"
	topicOutage = "edgecam.outage"
	topicScale  = "edgecam.scale"
	topicNaive  = "edgecam.naive"
)

// benchPortOffset moves the Kafka that make bench starts off kafka.sh's
// default ports (client 10092, PROXIED 10292 behind the proxy on 10392),
// with its own state directory, so a benchmark and the end-to-end tests
// never stop each other's broker.
const benchPortOffset = 1000

// kafkaEnv runs Kafka for the benchmark, or uses one that runs already.
type kafkaEnv struct {
	repo    string
	brokers string // client listener
	managed bool   // started here: stopped here
	offset  int    // KAFKA_PORT_OFFSET of the broker
}

// proxy returns the B4 proxy's listen address (what the PROXIED listener
// advertises) and the PROXIED listener it forwards to.
func (k *kafkaEnv) proxy() (listen, target string) {
	return fmt.Sprintf("127.0.0.1:%d", 9392+k.offset), fmt.Sprintf("127.0.0.1:%d", 9292+k.offset)
}

func (k *kafkaEnv) script(ctx context.Context, args ...string) error {
	cmd := exec.CommandContext(ctx, filepath.Join(k.repo, "scripts/kafka/kafka.sh"), args...)
	cmd.Env = os.Environ()
	if k.managed {
		cmd.Env = append(cmd.Env, fmt.Sprintf("KAFKA_PORT_OFFSET=%d", k.offset),
			"KAFKA_STATE="+filepath.Join(k.repo, ".cache/kafka/bench-state"))
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("kafka.sh %s: %w\n%s", strings.Join(args, " "), err, out)
	}
	return nil
}

// up starts a fresh single-broker Kafka (unless one is given) and makes
// the benchmark's topics, one partition each.
func (k *kafkaEnv) up(ctx context.Context) error {
	if k.managed {
		logf("starting Kafka (scripts/kafka/kafka.sh up, KAFKA_PORT_OFFSET=%d: %s)", k.offset, k.brokers)
		if err := k.script(ctx, "up"); err != nil {
			return err
		}
	}
	for _, t := range []string{topicBench, topicOutage, topicScale, topicNaive, topicStartup} {
		if err := k.script(ctx, "topic", t, "1"); err != nil {
			return err
		}
	}
	for _, t := range []string{topicBench, topicOutage, topicStartup} {
		if err := k.logAppendTime(ctx, t); err != nil {
			return err
		}
	}
	return nil
}

func (k *kafkaEnv) down() {
	if k.managed {
		logf("stopping Kafka")
		if err := k.script(context.Background(), "down"); err != nil {
			logf("%v", err)
		}
	}
}

// logAppendTime sets the topic's timestamps to the broker's append time,
// with Kafka's own ConfigCommand from the jars kafka.sh fetched.
func (k *kafkaEnv) logAppendTime(ctx context.Context, topic string) error {
	jars := os.Getenv("KAFKA_CACHE")
	if jars == "" {
		jars = filepath.Join(k.repo, ".cache/kafka", kafkaVersion(), "jars")
	}
	java := "java"
	if h := os.Getenv("JAVA_HOME"); h != "" {
		java = filepath.Join(h, "bin/java")
	}
	cmd := exec.CommandContext(ctx, java, "-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
		"-Xlog:disable", "-Dlog4j2.configurationFile="+filepath.Join(k.repo, "scripts/kafka/log4j2.properties"),
		"-Dedgecam.kafka.log.level=WARN", "-Dedgecam.kafka.log.target=SYSTEM_ERR",
		"-cp", jars+"/*", "org.apache.kafka.tools.ConfigCommand", "--bootstrap-server", k.brokers,
		"--alter", "--entity-type", "topics", "--entity-name", topic, "--add-config", "message.timestamp.type=LogAppendTime")
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("setting LogAppendTime on %s: %w\n%s", topic, err, out)
	}
	return nil
}

// kafkaVersion is the release kafka.sh runs.
func kafkaVersion() string {
	if v := os.Getenv("KAFKA_VERSION"); v != "" {
		return v
	}
	return "4.4.0"
}

// endOffset is the next offset of partition 0 of topic.
func (k *kafkaEnv) endOffset(topic string) (int64, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, "kcat", "-Q", "-b", k.brokers, "-t", topic+":0:-1").Output()
	if err != nil {
		return 0, fmt.Errorf("kcat -Q %s: %w", topic, err)
	}
	// "edgecam.bench [0] offset 1234"
	f := strings.Fields(string(out))
	if len(f) < 4 {
		return 0, fmt.Errorf("kcat -Q %s: unexpected %q", topic, out)
	}
	return strconv.ParseInt(f[len(f)-1], 10, 64)
}

// record is what the benchmarks need of one edgecam record.
type record struct {
	appendMs  int64 // broker timestamp, Unix ms
	captureNs int64 // edgecam-capture-ns
	seq       int64
	size      int
}

// latency is capture → broker append.
func (r record) latency() time.Duration {
	return time.Duration(r.appendMs*1e6 - r.captureNs)
}

// readRecords reads count records of topic from offset from.
func (k *kafkaEnv) readRecords(topic string, from, count int64) ([]record, error) {
	if count <= 0 {
		return nil, nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, "kcat", "-C", "-q", "-e", "-b", k.brokers, "-t", topic, "-p", "0",
		"-o", strconv.FormatInt(from, 10), "-c", strconv.FormatInt(count, 10), "-f", "%T %S %h\n").Output()
	if err != nil {
		return nil, fmt.Errorf("kcat -C %s: %w", topic, err)
	}
	var recs []record
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		f := strings.SplitN(sc.Text(), " ", 3)
		if len(f) < 3 {
			continue
		}
		var r record
		r.appendMs, _ = strconv.ParseInt(f[0], 10, 64)
		r.size, _ = strconv.Atoi(f[1])
		for _, h := range strings.Split(f[2], ",") {
			name, v, _ := strings.Cut(h, "=")
			switch name {
			case "edgecam-seq":
				r.seq, _ = strconv.ParseInt(v, 10, 64)
			case "edgecam-capture-ns":
				r.captureNs, _ = strconv.ParseInt(v, 10, 64)
			}
		}
		recs = append(recs, r)
	}
	return recs, nil
}

// dumpValues writes the values of count records from offset from,
// concatenated in offset order (what a consumer that joins the records of
// a stream gets), to path.
func (k *kafkaEnv) dumpValues(topic string, from, count int64, path string) (err error) {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	if count <= 0 {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "kcat", "-C", "-q", "-e", "-b", k.brokers, "-t", topic, "-p", "0",
		"-o", strconv.FormatInt(from, 10), "-c", strconv.FormatInt(count, 10), "-f", "%s")
	cmd.Stdout = f
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("kcat -C %s: %w", topic, err)
	}
	return nil
}
