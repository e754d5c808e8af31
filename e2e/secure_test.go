package e2e

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/edgecam/edgecam/internal/testkit"
	"github.com/edgecam/edgecam/spool"
)

// The secure tests run a Kafka of their own (kafka.sh up --secure) beside
// the shared one: its own state directory, every port shifted by
// securePortOffset, so the plaintext cluster of the other tests is not
// touched.
const (
	securePortOffset = "1000"
	securePlain      = "127.0.0.1:10092" // PLAINTEXT: kcat reads the records here
	secureSSL        = "127.0.0.1:10492" // SSL, client certificate required
	secureSASL       = "127.0.0.1:10592" // SASL_SSL: SCRAM-SHA-512/256, PLAIN
	secureUser       = "edgecam-device"
	securePassword   = "Tr0ub4dor-and-3"
)

// pki is what the secure tests generate: a CA, the broker's certificate
// (127.0.0.1 and localhost), a device certificate, and a second CA that
// signed none of them.
type pki struct {
	caFile, otherCAFile string
	certFile, keyFile   string   // the device's
	brokerDir           string   // ca.crt, broker.crt, broker.key, users: kafka.sh up --secure
	keyFiles            []string // every private key written
}

func newPKI(t *testing.T) *pki {
	t.Helper()
	dir := t.TempDir()
	p := &pki{brokerDir: filepath.Join(dir, "broker")}
	if err := os.Mkdir(p.brokerDir, 0o700); err != nil {
		t.Fatal(err)
	}
	ca := testkit.NewCA(t, p.brokerDir, "ca")
	p.caFile = ca.File
	_, brokerKey := ca.Issue(t, p.brokerDir, "broker", time.Now().Add(24*time.Hour), "127.0.0.1", "localhost")
	p.certFile, p.keyFile = ca.Issue(t, dir, "device-1", time.Now().Add(24*time.Hour))
	p.otherCAFile = testkit.NewCA(t, dir, "some-other-ca").File
	p.keyFiles = []string{brokerKey, p.keyFile}
	if err := os.WriteFile(filepath.Join(p.brokerDir, "users"), []byte(secureUser+" "+securePassword+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// checkNoSecrets fails if the agent's log holds the password or any line
// of a private key.
func (p *pki) checkNoSecrets(t *testing.T, logs string, passwords ...string) {
	t.Helper()
	for _, s := range append(passwords, "PRIVATE KEY") {
		if strings.Contains(logs, s) {
			t.Fatalf("the agent's log contains %q", s)
		}
	}
	for _, k := range p.keyFiles {
		for _, line := range testkit.KeyMaterial(t, k) {
			if len(line) > 16 && strings.Contains(logs, line) {
				t.Fatalf("the agent's log contains key material %q", line)
			}
		}
	}
}

// upSecure starts the secure Kafka and stops it when the test ends.
func upSecure(t *testing.T, p *pki) {
	t.Helper()
	state := filepath.Join(t.TempDir(), "kafka")
	env := append(os.Environ(), "KAFKA_STATE="+state, "KAFKA_PORT_OFFSET="+securePortOffset, "KAFKA_TOPICS="+topic+":3")
	run := func(args ...string) {
		cmd := exec.Command(kafkaScript, args...)
		cmd.Env = env
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("kafka.sh %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		t.Logf("%s", bytes.TrimSpace(out))
	}
	t.Cleanup(func() { run("down") })
	run("up", "--secure", p.brokerDir)
	// `up` waits for the topic in the metadata; a moment later the
	// partitions also answer offset requests (NOT_LEADER before).
	args := []string{"-Q", "-b", securePlain}
	for part := range 3 {
		args = append(args, "-t", fmt.Sprintf("%s:%d:-1", topic, part))
	}
	var out []byte
	var err error
	if !testkit.Until(30*time.Second, 200*time.Millisecond, func() bool { out, err = exec.Command("kcat", args...).CombinedOutput(); return err == nil }) {
		t.Fatalf("kcat -Q on the fresh secure Kafka: %v\n%s", err, out)
	}
}

// secureConfig writes a one-stream config for brokers with the kafka.tls
// and kafka.sasl lines of kafkaExtra (indented by two spaces).
func secureConfig(t *testing.T, brokers, kafkaExtra string) (cfg, device string) {
	t.Helper()
	device = fmt.Sprintf("e2e-secure-%s-%d", strings.ToLower(strings.ReplaceAll(t.Name(), "/", "-")), time.Now().UnixNano())
	dir := t.TempDir()
	cfg = filepath.Join(dir, "edgecam.yaml")
	body := fmt.Sprintf("device:\n  id: %s\nkafka:\n  brokers: [%q]\n  topic: %s\n%sspool:\n  dir: %s\nlog:\n  level: debug\n%s",
		device, brokers, topic, kafkaExtra, filepath.Join(dir, "spool"), oneTestStream)
	if err := os.WriteFile(cfg, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return cfg, device
}

func passwordFile(t *testing.T, password string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "kafka-password")
	if err := os.WriteFile(path, []byte(password+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// streamSecure runs the agent until Kafka holds 60 frames of it, stops it,
// and checks the records as TestStreamToKafka does: seq 0..N-1, every
// header, every frame the agent captured, and ffprobe decodes them all.
func streamSecure(t *testing.T, bin, cfg, key string) (recs []record, logs string) {
	t.Helper()
	base := topicEnd(t, securePlain)
	a := startAgent(t, bin, cfg)
	waitProduced(t, securePlain, base, 60)
	logs = a.stop(t)
	recs = readKey(t, securePlain, key)
	stream := checkStream(t, recs, key)
	if want := finalFrames(t, logs, "cam0"); len(recs) != want {
		t.Fatalf("Kafka has %d frames, the agent captured %d\n%s", len(recs), want, logs)
	}
	if n, errs := testkit.ProbeH264(t, stream); n != len(recs) || errs != "" {
		t.Fatalf("ffprobe decoded %d frames of %d records; errors: %q", n, len(recs), errs)
	}
	return recs, logs
}

// TestSecureKafka streams over mutual TLS and over SCRAM-SHA-512 (SASL_SSL)
// to a real Kafka; then with a wrong password and with a wrong CA the agent
// logs the cause, keeps running and spools every frame, and delivers them
// all once the setting is fixed. No log line carries the password or key
// material.
func TestSecureKafka(t *testing.T) {
	_, bin := env(t)
	p := newPKI(t)
	began := time.Now()
	upSecure(t, p)
	t.Logf("secure Kafka up in %s", time.Since(began).Round(100*time.Millisecond))
	mtls := fmt.Sprintf("  tls:\n    ca_file: %s\n    cert_file: %s\n    key_file: %s\n", p.caFile, p.certFile, p.keyFile)
	scram := func(password string) string {
		return fmt.Sprintf("  tls:\n    ca_file: %s\n  sasl:\n    mechanism: SCRAM-SHA-512\n    username: %s\n    password_file: %s\n",
			p.caFile, secureUser, passwordFile(t, password))
	}

	t.Run("mTLS", func(t *testing.T) {
		cfg, device := secureConfig(t, secureSSL, mtls)
		recs, logs := streamSecure(t, bin, cfg, device+"/cam0")
		p.checkNoSecrets(t, logs)
		t.Logf("mTLS: %d frames, seq 0..%d, decoded", len(recs), len(recs)-1)
	})
	t.Run("SCRAM-SHA-512", func(t *testing.T) {
		cfg, device := secureConfig(t, secureSASL, scram(securePassword))
		recs, logs := streamSecure(t, bin, cfg, device+"/cam0")
		p.checkNoSecrets(t, logs, securePassword)
		t.Logf("SCRAM-SHA-512 over TLS: %d frames, seq 0..%d, decoded", len(recs), len(recs)-1)
	})
	for _, tc := range []struct {
		name, brokers, bad, good, want string
		secrets                        []string
	}{
		{"wrong password", secureSASL, scram("not-the-password"), scram(securePassword),
			"Kafka rejected the SASL credentials of user " + secureUser + " (mechanism SCRAM-SHA-512)", []string{"not-the-password", securePassword}},
		{"wrong CA", secureSSL, strings.Replace(mtls, p.caFile, p.otherCAFile, 1), mtls,
			"is not signed by kafka.tls.ca_file " + p.otherCAFile, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg, device := secureConfig(t, tc.brokers, tc.bad)
			key := device + "/cam0"
			a := startAgent(t, bin, cfg)
			a.waitLog(t, "level=ERROR", "Kafka refused the connection", tc.want)
			a.waitLog(t, "stream started")
			time.Sleep(3 * time.Second)
			select {
			case err := <-a.waited:
				t.Fatalf("the agent exited (%v) with a bad setting:\n%s", err, a.logs)
			default:
			}
			logs := a.stop(t)
			p.checkNoSecrets(t, logs, tc.secrets...)
			captured := finalFrames(t, logs, "cam0")
			info, err := spool.Inspect(filepath.Join(filepath.Dir(cfg), "spool", "cam0"))
			if err != nil {
				t.Fatal(err)
			}
			if captured < 60 || info.Frames != int64(captured) {
				t.Fatalf("%d frames captured, %d in the spool: want every one spooled\n%s", captured, info.Frames, logs)
			}
			if out, err := exec.Command(bin, "spool", "inspect", "--config", cfg).CombinedOutput(); err != nil || !strings.Contains(string(out), fmt.Sprint(info.Frames)) {
				t.Fatalf("edgecam spool inspect: %v\n%s", err, out)
			}
			if n := len(readKey(t, securePlain, key)); n != 0 {
				t.Fatalf("%d records in Kafka with a bad setting", n)
			}
			var line string
			for _, l := range strings.Split(logs, "\n") {
				if strings.Contains(l, tc.want) {
					line = l
					break
				}
			}
			t.Logf("%s: agent kept running, %d frames spooled, 0 in Kafka; log: %s", tc.name, info.Frames, line)

			// Fixed: the spool drains, every frame arrives once, in order.
			good, err := os.ReadFile(cfg)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(cfg, []byte(strings.Replace(string(good), tc.bad, tc.good, 1)), 0o600); err != nil {
				t.Fatal(err)
			}
			base := topicEnd(t, securePlain)
			a = startAgent(t, bin, cfg)
			// "drained" is handed to the producer; wait for Kafka to
			// hold them (the subtests run one at a time on this topic).
			a.waitLog(t, "spool drained; back to the direct path")
			waitProduced(t, securePlain, base, captured)
			logs2 := a.stop(t)
			p.checkNoSecrets(t, logs2, tc.secrets...)
			recs := readKey(t, securePlain, key)
			checkDelivery(t, recs, nil, 0)
			if want := captured + finalFrames(t, logs2, "cam0"); len(recs) != want {
				t.Fatalf("Kafka has %d frames, the two runs captured %d\n%s", len(recs), want, logs2)
			}
			t.Logf("%s fixed: all %d frames of both runs delivered once, in order", tc.name, len(recs))
		})
	}
	t.Logf("secure e2e: %s in all", time.Since(began).Round(100*time.Millisecond))
}
