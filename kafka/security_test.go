package kafka

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/twmb/franz-go/pkg/kerr"
	"github.com/twmb/franz-go/pkg/kfake"
	"github.com/twmb/franz-go/pkg/kmsg"

	"github.com/edgecam/edgecam/internal/secret"
	"github.com/edgecam/edgecam/internal/testkit"
)

func TestTLSFileErrors(t *testing.T) {
	dir := t.TempDir()
	ca := testkit.NewCA(t, dir, "ca")
	cert, key := ca.Issue(t, dir, "device", time.Now().Add(time.Hour))
	other := testkit.NewCA(t, dir, "other")
	_, otherKey := other.Issue(t, dir, "other-device", time.Now().Add(time.Hour))
	empty := filepath.Join(dir, "empty.pem")
	if err := os.WriteFile(empty, []byte("not a certificate\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		tls  TLS
		want string
	}{
		{"missing CA file", TLS{CAFile: filepath.Join(dir, "nope.crt")}, "kafka.tls.ca_file " + dir + "/nope.crt: no such file or directory"},
		{"CA file without PEM", TLS{CAFile: empty}, "kafka.tls.ca_file " + empty + ": no PEM certificates found"},
		{"key as CA file", TLS{CAFile: key}, "kafka.tls.ca_file " + key + ": PEM block 1 is a private key, not a certificate"},
		{"cert without key", TLS{CAFile: ca.File, CertFile: cert}, "kafka.tls.cert_file and kafka.tls.key_file go together"},
		{"key without cert", TLS{KeyFile: key}, "kafka.tls.cert_file and kafka.tls.key_file go together"},
		{"key as cert file", TLS{CertFile: key, KeyFile: key}, "kafka.tls.cert_file " + key + ": PEM block 1 is a private key"},
		{"missing key file", TLS{CertFile: cert, KeyFile: key + ".gone"}, "kafka.tls.key_file " + key + ".gone: no such file or directory"},
		{"key of another cert", TLS{CertFile: cert, KeyFile: otherKey}, "kafka.tls.cert_file " + cert + " with kafka.tls.key_file " + otherKey + ": tls: private key does not match public key"},
		{"cert as key file", TLS{CertFile: cert, KeyFile: cert}, "kafka.tls.key_file " + cert},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := NewProducer(Config{Brokers: []string{"127.0.0.1:1"}, Topic: topic, TLS: &tc.tls})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err %v, want it to contain %q", err, tc.want)
			}
			for _, line := range append(testkit.KeyMaterial(t, key), testkit.KeyMaterial(t, otherKey)...) {
				if strings.Contains(err.Error(), line) {
					t.Fatalf("the error quotes key material: %v", err)
				}
			}
		})
	}
	// The good files load.
	p, err := NewProducer(Config{Brokers: []string{"127.0.0.1:1"}, Topic: topic, TLS: &TLS{CAFile: ca.File, CertFile: cert, KeyFile: key}})
	if err != nil {
		t.Fatal(err)
	}
	p.Close()
}

func TestSASLSettingErrors(t *testing.T) {
	for _, tc := range []struct {
		sasl SASL
		want string
	}{
		{SASL{Mechanism: "SCRAM-SHA-1", User: "u", Password: secret.New("hunter22")}, `kafka.sasl.mechanism "SCRAM-SHA-1": want PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512`},
		{SASL{Mechanism: SASLPlain, User: "u"}, "kafka.sasl: username and password_file are required"},
		{SASL{Mechanism: SASLPlain, Password: secret.New("hunter22")}, "kafka.sasl: username and password_file are required"},
	} {
		_, err := NewProducer(Config{Brokers: []string{"127.0.0.1:1"}, Topic: topic, SASL: &tc.sasl})
		if err == nil || !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "hunter22") {
			t.Errorf("%+v: err %v, want %q (and no password)", tc.sasl, err, tc.want)
		}
	}
}

// TestSASLPrintsNoPassword: the ways a Config may end up in a log line.
func TestSASLPrintsNoPassword(t *testing.T) {
	s := &SASL{Mechanism: SASLScramSHA512, User: "cam", Password: secret.New("hunter22")}
	var logged bytes.Buffer
	slog.New(slog.NewTextHandler(&logged, nil)).Info("x", "sasl", s, "value", *s)
	slog.New(slog.NewJSONHandler(&logged, nil)).Info("x", "sasl", s)
	for _, out := range []string{fmt.Sprint(s), fmt.Sprintf("%+v", *s), fmt.Sprintf("%#v", *s), fmt.Sprintf("%v", []*SASL{s}), logged.String()} {
		if strings.Contains(out, "hunter22") || !strings.Contains(out, "cam") {
			t.Errorf("printed %q", out)
		}
	}
}

// TestExplain: each cause kgo or crypto/tls reports becomes a sentence that
// names it and the key to fix; other errors pass through.
func TestExplain(t *testing.T) {
	dir := t.TempDir()
	ca := testkit.NewCA(t, dir, "edgecam-ca")
	rogue := testkit.NewCA(t, dir, "rogue-ca")
	brokerFile, _ := rogue.Issue(t, dir, "broker", time.Now().Add(time.Hour), "kafka-1.example")
	broker, err := readCerts(brokerFile)
	if err != nil {
		t.Fatal(err)
	}
	expiredFile, _ := ca.Issue(t, dir, "expired", time.Now().Add(-time.Hour))
	expired, _ := readCerts(expiredFile)
	cfg := Config{Topic: topic, TLS: &TLS{CAFile: ca.File, CertFile: expiredFile}, SASL: &SASL{Mechanism: SASLScramSHA512, User: "cam-7", Password: secret.New("hunter22")}}
	dial := func(err error) error { return fmt.Errorf("unable to dial: %w", err) }
	for _, tc := range []struct {
		name string
		err  error
		want string // "" = unchanged
	}{
		{"wrong password", fmt.Errorf("wrapped: %w", kerr.SaslAuthenticationFailed), "Kafka rejected the SASL credentials of user cam-7 (mechanism SCRAM-SHA-512): check kafka.sasl.username and kafka.sasl.password_file"},
		{"mechanism off", kerr.UnsupportedSaslMechanism, "does not offer SASL mechanism SCRAM-SHA-512 (kafka.sasl.mechanism)"},
		{"ACL", kerr.TopicAuthorizationFailed, "Kafka denies user cam-7 access to the topic edgecam.video (ACLs)"},
		{"unknown CA", dial(&tls.CertificateVerificationError{Err: x509.UnknownAuthorityError{Cert: broker[0]}}),
			"the broker's certificate (issued by CN=rogue-ca) is not signed by kafka.tls.ca_file " + ca.File + " (which holds CN=edgecam-ca)"},
		{"host name", dial(&tls.CertificateVerificationError{Err: x509.HostnameError{Certificate: broker[0], Host: "127.0.0.1"}}),
			"the broker's certificate is not valid for the name 127.0.0.1 (it holds kafka-1.example): use a broker address its certificate names, or set kafka.tls.server_name"},
		{"expired broker cert", dial(&tls.CertificateVerificationError{Err: x509.CertificateInvalidError{Cert: expired[0], Reason: x509.Expired}}),
			"the broker's certificate is not valid now"},
		{"client cert rejected", &net.OpError{Op: "remote error", Err: errors.New("tls: bad certificate")},
			"the broker did not accept this device's client certificate kafka.tls.cert_file " + expiredFile + " (tls: bad certificate); it expired on"},
		{"plaintext port", dial(tls.RecordHeaderError{Msg: "first record does not look like a TLS handshake"}), "the broker does not speak TLS on this port"},
		{"connection refused", dial(&net.OpError{Op: "dial", Err: errors.New("connect: connection refused")}), ""},
		{"other kafka error", kerr.NotLeaderForPartition, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := cfg.Explain(tc.err)
			if tc.want == "" {
				if got != tc.err { //nolint:errorlint // unchanged means the very same error value
					t.Fatalf("Explain changed %v into %v", tc.err, got)
				}
				return
			}
			var se *SecurityError
			if !errors.As(got, &se) || !strings.Contains(se.Reason, tc.want) {
				t.Fatalf("Explain(%v) = %v, want a SecurityError with %q", tc.err, got, tc.want)
			}
			if !errors.Is(got, tc.err) || strings.Contains(got.Error(), "hunter22") {
				t.Fatalf("%v: lost the cause or shows the password", got)
			}
		})
	}
	if cfg.Explain(nil) != nil {
		t.Fatal("Explain(nil) != nil")
	}
}

// securePKI is a CA, a broker certificate for 127.0.0.1 and a device
// certificate, in a temporary directory.
type securePKI struct {
	dir                string
	ca                 *testkit.CA
	brokerCert, broker string // broker cert and key files
	cert, key          string // device cert and key files
}

func newSecurePKI(t *testing.T) *securePKI {
	dir := t.TempDir()
	p := &securePKI{dir: dir, ca: testkit.NewCA(t, dir, "edgecam-test-ca")}
	p.brokerCert, p.broker = p.ca.Issue(t, dir, "broker", time.Now().Add(time.Hour), "127.0.0.1", "localhost")
	p.cert, p.key = p.ca.Issue(t, dir, "device-1", time.Now().Add(time.Hour))
	return p
}

// tlsCluster is a kfake cluster on TLS that requires a client certificate
// signed by the PKI's CA, with SCRAM-SHA-512 user cam / s3cret-Pa55.
func tlsCluster(t *testing.T, p *securePKI, opts ...kfake.Opt) *kfake.Cluster {
	t.Helper()
	pair, err := tls.LoadX509KeyPair(p.brokerCert, p.broker)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(p.ca.Cert)
	return newCluster(t, append([]kfake.Opt{
		kfake.TLS(&tls.Config{Certificates: []tls.Certificate{pair}, ClientAuth: tls.RequireAndVerifyClientCert, ClientCAs: pool, MinVersion: tls.VersionTLS12}),
		kfake.EnableSASL(), kfake.Superuser(SASLScramSHA512, "cam", "s3cret-Pa55"),
	}, opts...)...)
}

// TestTLSAndSASL runs the producer, the resume reader and Tail over mutual
// TLS with SCRAM-SHA-512 against kfake, then breaks one setting at a time:
// the error names the cause, one ERROR line says it, and no log line
// carries the password or key material (debug level: kgo's own lines too).
func TestTLSAndSASL(t *testing.T) {
	p := newSecurePKI(t)
	c := tlsCluster(t, p)
	good := func() Config {
		return Config{
			Brokers: c.ListenAddrs(), Topic: topic,
			TLS:  &TLS{CAFile: p.ca.File, CertFile: p.cert, KeyFile: p.key},
			SASL: &SASL{Mechanism: SASLScramSHA512, User: "cam", Password: secret.New("s3cret-Pa55")},
		}
	}
	var logs testkit.LogBuf
	cfg := good()
	cfg.Logger = slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	prod, err := NewProducer(cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer prod.Close()
	produceAll(t, prod, "dev/cam", 0, 20)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	last, found, err := prod.Resume(ctx, "dev/cam")
	if err != nil || !found || last != 19 {
		t.Fatalf("Resume over mTLS+SCRAM: %d %v %v", last, found, err)
	}
	if got := readAll(t, cfg, "dev/cam"); len(got) != 20 {
		t.Fatalf("Tail read %d records, want 20", len(got))
	}
	checkNoSecrets(t, logs.String(), p)

	other := testkit.NewCA(t, p.dir, "other-ca")
	otherCert, otherKey := other.Issue(t, p.dir, "stranger", time.Now().Add(time.Hour))
	for _, tc := range []struct {
		name   string
		change func(*Config)
		want   string
	}{
		{"wrong CA", func(c *Config) { c.TLS.CAFile = other.File },
			"the broker's certificate (issued by CN=edgecam-test-ca) is not signed by kafka.tls.ca_file " + other.File},
		{"wrong server name", func(c *Config) { c.TLS.ServerName = "kafka.example" },
			"the broker's certificate is not valid for the name kafka.example (it holds localhost, 127.0.0.1)"},
		{"client cert of another CA", func(c *Config) { c.TLS.CertFile, c.TLS.KeyFile = otherCert, otherKey },
			"the broker did not accept this device's client certificate kafka.tls.cert_file " + otherCert},
		{"no client cert", func(c *Config) { c.TLS.CertFile, c.TLS.KeyFile = "", "" },
			"it may require a client certificate: set kafka.tls.cert_file and kafka.tls.key_file"},
		{"no TLS", func(c *Config) { c.TLS = nil }, "the broker closed the connection at once: if this port is an SSL or SASL_SSL listener, set kafka.tls"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var logs testkit.LogBuf
			cfg := good()
			tc.change(&cfg)
			cfg.Logger = slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
			prod, err := NewProducer(cfg)
			if err != nil {
				t.Fatal(err)
			}
			defer prod.Close()
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			_, _, err = prod.Resume(ctx, "dev/cam")
			if err == nil {
				t.Fatal("Resume succeeded")
			}
			t.Logf("%s: %v", tc.name, err)
			var se *SecurityError
			if !errors.As(err, &se) || !strings.Contains(se.Reason, tc.want) {
				t.Fatalf("err %v, want a SecurityError with %q", err, tc.want)
			}
			if !strings.Contains(logs.String(), "level=ERROR msg=\"Kafka refused the connection") {
				t.Fatalf("no ERROR line for the refusal:\n%s", logs.String())
			}
			checkNoSecrets(t, logs.String(), p)
		})
	}
}

// TestWrongPassword: Kafka answers a wrong password with
// SASL_AUTHENTICATION_FAILED (kfake drops the connection instead, so the
// answer is Kafka's, given by a control function).
func TestWrongPassword(t *testing.T) {
	p := newSecurePKI(t)
	c := tlsCluster(t, p)
	c.ControlKey(int16(kmsg.SASLAuthenticate), func(req kmsg.Request) (kmsg.Response, error, bool) {
		c.KeepControl()
		resp := req.(*kmsg.SASLAuthenticateRequest).ResponseKind().(*kmsg.SASLAuthenticateResponse)
		resp.ErrorCode = kerr.SaslAuthenticationFailed.Code
		msg := "Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-512"
		resp.ErrorMessage = &msg
		return resp, nil, true
	})
	var logs testkit.LogBuf
	cfg := Config{
		Brokers: c.ListenAddrs(), Topic: topic,
		TLS:    &TLS{CAFile: p.ca.File, CertFile: p.cert, KeyFile: p.key},
		SASL:   &SASL{Mechanism: SASLScramSHA512, User: "cam", Password: secret.New("wr0ng-Pa55")},
		Logger: slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
	}
	prod, err := NewProducer(cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer prod.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, _, err = prod.Resume(ctx, "dev/cam")
	want := "Kafka rejected the SASL credentials of user cam (mechanism SCRAM-SHA-512)"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("err %v, want %q", err, want)
	}
	if n := strings.Count(logs.String(), "level=ERROR msg=\"Kafka refused the connection"); n != 1 {
		t.Fatalf("%d ERROR lines for one lasting refusal, want 1:\n%s", n, logs.String())
	}
	if strings.Contains(logs.String(), "level=WARN") {
		t.Fatalf("kgo's own refusal lines are not at debug:\n%s", logs.String())
	}
	// Tail explains it too.
	err = Tail(ctx, cfg, "dev/cam", TailOptions{From: FromStart, StopAtEnd: true}, func(*Record) error { return nil })
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("Tail: %v, want %q", err, want)
	}
	if strings.Contains(logs.String(), "wr0ng-Pa55") {
		t.Fatalf("the password is in the log:\n%s", logs.String())
	}
}

func checkNoSecrets(t *testing.T, logs string, p *securePKI) {
	t.Helper()
	secrets := append([]string{"s3cret-Pa55", "PRIVATE KEY"}, testkit.KeyMaterial(t, p.key)...)
	for _, s := range append(secrets, testkit.KeyMaterial(t, p.broker)...) {
		if strings.Contains(logs, s) {
			t.Fatalf("the log contains %q:\n%s", s, logs)
		}
	}
}

// TestLoggerRedacts: the kgo log adapter replaces the password wherever a
// message or value would carry it.
func TestLoggerRedacts(t *testing.T) {
	var b bytes.Buffer
	s := slogger{l: slog.New(slog.NewTextHandler(&b, &slog.HandlerOptions{Level: slog.LevelDebug})), secret: "hunter22"}
	s.Log(1, "auth with hunter22", "err", errors.New("bad password hunter22"), "pass", "hunter22", "n", 3)
	if strings.Contains(b.String(), "hunter22") || !strings.Contains(b.String(), "[redacted]") || !strings.Contains(b.String(), "n=3") {
		t.Fatalf("logged %q", b.String())
	}
}
