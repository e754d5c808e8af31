package kafka

import (
	"crypto/tls"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/twmb/franz-go/pkg/kerr"
	"github.com/twmb/franz-go/pkg/kgo"
	"github.com/twmb/franz-go/pkg/sasl"
	"github.com/twmb/franz-go/pkg/sasl/plain"
	"github.com/twmb/franz-go/pkg/sasl/scram"

	"github.com/edgecam/edgecam/internal/secret"
)

// TLS encrypts the connections to the brokers and, with a client
// certificate, authenticates this device to them (mutual TLS). The files
// are read when a client is created (NewProducer, Tail): a renewed
// certificate is picked up by the next start.
type TLS struct {
	// CAFile is a PEM bundle of the CAs that sign the brokers'
	// certificates. Empty: the system's roots.
	CAFile string
	// CertFile and KeyFile are this device's certificate (chain) and
	// private key, PEM, for mutual TLS: both or neither.
	CertFile, KeyFile string
	// ServerName is the name checked in every broker's certificate.
	// Empty: the host part of the address dialled (of kafka.brokers for
	// the first connection, of the broker's advertised listener after).
	ServerName string
}

// SASL mechanisms.
const (
	SASLPlain       = "PLAIN"
	SASLScramSHA256 = "SCRAM-SHA-256"
	SASLScramSHA512 = "SCRAM-SHA-512"
)

// SASL authenticates this device with a user name and password, over TLS
// when Config.TLS is set (a SASL_SSL listener), else in clear
// (SASL_PLAINTEXT: PLAIN then sends the password readable on the wire).
// A SASL can be logged or printed whole: Password prints as [redacted].
type SASL struct {
	// Mechanism is SASLPlain, SASLScramSHA256 or SASLScramSHA512.
	Mechanism string
	User      string
	// Password never appears in an error or log line of this package
	// (see package internal/secret, and slogger for kgo's own lines).
	Password secret.Secret
}

// String prints s the way %+v prints a struct, Password as [redacted] by
// its own type. It is a method so that a *SASL inside a slice or a map
// prints its fields, not an address.
func (s SASL) String() string {
	type fields SASL // without this method: no recursion
	return fmt.Sprintf("%+v", fields(s))
}

// securityOpts are the TLS and SASL options of c, with the files read and
// checked now so a wrong path or a file holding the wrong thing fails at
// start with the config key in the message.
func (c Config) securityOpts() ([]kgo.Opt, error) {
	var opts []kgo.Opt
	if c.TLS != nil {
		tc, err := c.TLS.config()
		if err != nil {
			return nil, err
		}
		opts = append(opts, kgo.DialTLSConfig(tc))
	}
	if c.SASL != nil {
		m, err := c.SASL.mechanism()
		if err != nil {
			return nil, err
		}
		opts = append(opts, kgo.SASL(m))
	}
	return opts, nil
}

// config builds the tls.Config: the CA pool, the client certificate, the
// server name; TLS 1.2 at least (Kafka's own default).
func (t *TLS) config() (*tls.Config, error) {
	tc := &tls.Config{MinVersion: tls.VersionTLS12, ServerName: t.ServerName}
	if t.CAFile != "" {
		certs, err := readCerts(t.CAFile)
		if err != nil {
			return nil, fmt.Errorf("kafka.tls.ca_file %s: %w", t.CAFile, err)
		}
		tc.RootCAs = x509.NewCertPool()
		for _, c := range certs {
			tc.RootCAs.AddCert(c)
		}
	}
	switch {
	case t.CertFile == "" && t.KeyFile == "":
	case t.CertFile == "" || t.KeyFile == "":
		return nil, errors.New("kafka.tls.cert_file and kafka.tls.key_file go together: set both for mutual TLS, or neither")
	default:
		cert, err := loadKeyPair(t.CertFile, t.KeyFile)
		if err != nil {
			return nil, err
		}
		tc.Certificates = []tls.Certificate{cert}
	}
	return tc, nil
}

// readCerts returns the certificates of a PEM file. Errors never quote the
// file's content.
func readCerts(path string) ([]*x509.Certificate, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, noPath(err)
	}
	var certs []*x509.Certificate
	for n := 1; ; n++ {
		var b *pem.Block
		b, data = pem.Decode(data)
		if b == nil {
			break
		}
		if b.Type != "CERTIFICATE" {
			if strings.Contains(b.Type, "PRIVATE KEY") {
				return nil, fmt.Errorf("PEM block %d is a private key, not a certificate (is this the key file?)", n)
			}
			continue
		}
		c, err := x509.ParseCertificate(b.Bytes)
		if err != nil {
			return nil, fmt.Errorf("certificate %d: %w", n, err)
		}
		certs = append(certs, c)
	}
	if len(certs) == 0 {
		return nil, errors.New("no PEM certificates found")
	}
	return certs, nil
}

// loadKeyPair reads the client certificate and key. tls.X509KeyPair's
// errors name the problem without quoting key material.
func loadKeyPair(certFile, keyFile string) (tls.Certificate, error) {
	if _, err := readCerts(certFile); err != nil {
		return tls.Certificate{}, fmt.Errorf("kafka.tls.cert_file %s: %w", certFile, err)
	}
	key, err := os.ReadFile(keyFile)
	if err != nil {
		return tls.Certificate{}, fmt.Errorf("kafka.tls.key_file %s: %w", keyFile, noPath(err))
	}
	cert, _ := os.ReadFile(certFile)
	pair, err := tls.X509KeyPair(cert, key)
	clear(key)
	if err != nil {
		return tls.Certificate{}, fmt.Errorf("kafka.tls.cert_file %s with kafka.tls.key_file %s: %w", certFile, keyFile, err)
	}
	return pair, nil
}

// noPath drops the path from an *os.PathError (the caller names the file
// and its config key already).
func noPath(err error) error {
	if pe, ok := errors.AsType[*os.PathError](err); ok {
		return pe.Err
	}
	return err
}

func (s *SASL) mechanism() (sasl.Mechanism, error) {
	if s.User == "" || s.Password.IsZero() {
		return nil, errors.New("kafka.sasl: username and password_file are required")
	}
	switch s.Mechanism {
	case SASLPlain:
		return plain.Auth{User: s.User, Pass: s.Password.Reveal()}.AsMechanism(), nil
	case SASLScramSHA256:
		return scram.Auth{User: s.User, Pass: s.Password.Reveal()}.AsSha256Mechanism(), nil
	case SASLScramSHA512:
		return scram.Auth{User: s.User, Pass: s.Password.Reveal()}.AsSha512Mechanism(), nil
	}
	return nil, fmt.Errorf("kafka.sasl.mechanism %q: want %s, %s or %s", s.Mechanism, SASLPlain, SASLScramSHA256, SASLScramSHA512)
}

// SecurityError is a connection that TLS or Kafka refused for a reason of
// configuration: a wrong password, a CA that did not sign the broker's
// certificate, a name the certificate does not hold, a client certificate
// the broker rejects. Retrying does not help until the config or the broker
// changes; meanwhile the client keeps retrying and the agent spools.
type SecurityError struct {
	// Reason says what is wrong and which config key to look at.
	Reason string
	// Err is the client's error.
	Err error
}

func (e *SecurityError) Error() string { return e.Reason + " (" + e.Err.Error() + ")" }

func (e *SecurityError) Unwrap() error { return e.Err }

// Explain returns err as a *SecurityError when its cause is a TLS or SASL
// refusal, naming the cause and the config key to fix; other errors (and
// nil) come back unchanged. Producer and Tail errors are explained already.
func (c Config) Explain(err error) error {
	if err == nil {
		return nil
	}
	if _, ok := errors.AsType[*SecurityError](err); ok {
		return err
	}
	if r := c.reason(err); r != "" {
		return &SecurityError{Reason: r, Err: err}
	}
	return err
}

// refused reports whether err is a security refusal.
func (c Config) refused(err error) bool { return c.reason(err) != "" }

// reason is the sentence for a security refusal, or "".
func (c Config) reason(err error) string {
	var (
		unknownCA x509.UnknownAuthorityError
		hostname  x509.HostnameError
		invalid   x509.CertificateInvalidError
		header    tls.RecordHeaderError
	)
	switch {
	case errors.Is(err, kerr.SaslAuthenticationFailed):
		if c.SASL == nil {
			return "Kafka rejected the SASL authentication"
		}
		return fmt.Sprintf("Kafka rejected the SASL credentials of user %s (mechanism %s): check kafka.sasl.username and kafka.sasl.password_file, and that the user has %s credentials on the brokers",
			c.SASL.User, c.SASL.Mechanism, c.SASL.Mechanism)
	case errors.Is(err, kerr.UnsupportedSaslMechanism):
		return fmt.Sprintf("the broker's listener does not offer SASL mechanism %s (kafka.sasl.mechanism): check sasl.enabled.mechanisms on the broker", c.mechanismName())
	case errors.Is(err, kerr.IllegalSaslState):
		return "the broker's listener does not expect SASL: remove kafka.sasl, or use the address of its SASL_SSL/SASL_PLAINTEXT listener in kafka.brokers"
	case errors.Is(err, kerr.TopicAuthorizationFailed):
		return fmt.Sprintf("Kafka denies %s access to the topic %s (ACLs): grant it Describe and Write on the topic", c.principal(), c.Topic)
	case errors.Is(err, kerr.ClusterAuthorizationFailed):
		return fmt.Sprintf("Kafka denies %s the cluster permission the idempotent producer needs (ACLs): grant it IdempotentWrite on the cluster", c.principal())
	case errors.As(err, &unknownCA):
		return c.unknownCA(unknownCA)
	case errors.As(err, &hostname):
		return fmt.Sprintf("the broker's certificate is not valid for the name %s (it holds %s): use a broker address its certificate names, or set kafka.tls.server_name",
			hostname.Host, certNames(hostname.Certificate))
	case errors.As(err, &invalid) && invalid.Reason == x509.Expired:
		return fmt.Sprintf("the broker's certificate is not valid now (valid %s to %s, this device's clock says %s): renew it, or check the device's clock (NTP)",
			invalid.Cert.NotBefore.UTC().Format(time.DateTime), invalid.Cert.NotAfter.UTC().Format(time.DateTime), time.Now().UTC().Format(time.DateTime))
	case errors.As(err, &invalid):
		return "the broker's certificate is not valid: " + invalid.Error()
	case errors.As(err, &header):
		return "the broker does not speak TLS on this port: remove kafka.tls, or use the address of its SSL/SASL_SSL listener in kafka.brokers"
	}
	if alert, ok := remoteAlert(err); ok {
		if c.TLS == nil || c.TLS.CertFile == "" {
			return fmt.Sprintf("the broker refused the TLS connection (%s): it may require a client certificate: set kafka.tls.cert_file and kafka.tls.key_file", alert)
		}
		// Go sends the certificate only when its issuer is among the
		// CAs the broker names, so "certificate required" means the
		// same as "bad certificate" here.
		return fmt.Sprintf("the broker did not accept this device's client certificate kafka.tls.cert_file %s (%s)%s: it must be signed by a CA in the broker's ssl.truststore",
			c.TLS.CertFile, alert, c.clientCertNote())
	}
	// kgo's kind of first-read EOF is unexported; its message says
	// "requires TLS" when the broker hung up on our plaintext ApiVersions.
	if fr, ok := errors.AsType[*kgo.ErrFirstReadEOF](err); ok && c.TLS == nil && strings.Contains(fr.Error(), "requires TLS") {
		return "the broker closed the connection at once: if this port is an SSL or SASL_SSL listener, set kafka.tls"
	}
	return ""
}

// unknownCA explains a broker certificate that the configured roots do not
// verify, with the issuer it names and the CAs we trust.
func (c Config) unknownCA(e x509.UnknownAuthorityError) string {
	issuer := ""
	if e.Cert != nil {
		issuer = fmt.Sprintf(" (issued by %s)", e.Cert.Issuer)
	}
	if c.TLS == nil || c.TLS.CAFile == "" {
		return fmt.Sprintf("the broker's certificate%s is not signed by a CA this system trusts: set kafka.tls.ca_file to the CA that signed it", issuer)
	}
	holds := ""
	if certs, err := readCerts(c.TLS.CAFile); err == nil {
		names := make([]string, len(certs))
		for i, ca := range certs {
			names[i] = ca.Subject.String()
		}
		holds = " (which holds " + strings.Join(names, "; ") + ")"
	}
	return fmt.Sprintf("the broker's certificate%s is not signed by kafka.tls.ca_file %s%s: point kafka.tls.ca_file at the CA that signed the brokers' certificates",
		issuer, c.TLS.CAFile, holds)
}

// clientCertNote says why the broker may reject our certificate when we can
// tell: it expired or is not valid yet.
func (c Config) clientCertNote() string {
	certs, err := readCerts(c.TLS.CertFile)
	if err != nil {
		return ""
	}
	now := time.Now()
	switch leaf := certs[0]; {
	case now.After(leaf.NotAfter):
		return fmt.Sprintf("; it expired on %s", leaf.NotAfter.UTC().Format(time.DateTime))
	case now.Before(leaf.NotBefore):
		return fmt.Sprintf("; it is valid only from %s (check the device's clock)", leaf.NotBefore.UTC().Format(time.DateTime))
	}
	return ""
}

// remoteAlert returns the TLS alert the broker sent, e.g. "tls: bad
// certificate". Go reports it as a net.OpError with Op "remote error".
func remoteAlert(err error) (string, bool) {
	for e := err; e != nil; {
		if oe, ok := errors.AsType[*net.OpError](e); ok {
			if oe.Op == "remote error" && oe.Err != nil {
				return oe.Err.Error(), true
			}
			e = oe.Err
			continue
		}
		return "", false
	}
	return "", false
}

// certNames lists the DNS names and IP addresses a certificate is valid
// for.
func certNames(c *x509.Certificate) string {
	if c == nil {
		return "no names"
	}
	var names []string
	names = append(names, c.DNSNames...)
	for _, ip := range c.IPAddresses {
		names = append(names, ip.String())
	}
	if len(names) == 0 {
		return "no subject alternative names, only " + c.Subject.String()
	}
	return strings.Join(names, ", ")
}

// password is the SASL password, "" without SASL.
func (c Config) password() string {
	if c.SASL == nil {
		return ""
	}
	return c.SASL.Password.Reveal()
}

func (c Config) mechanismName() string {
	if c.SASL == nil {
		return ""
	}
	return c.SASL.Mechanism
}

// principal names who Kafka sees: the SASL user, else the client
// certificate's subject, else ANONYMOUS.
func (c Config) principal() string {
	switch {
	case c.SASL != nil:
		return "user " + c.SASL.User
	case c.TLS != nil && c.TLS.CertFile != "":
		if certs, err := readCerts(c.TLS.CertFile); err == nil {
			return "the certificate " + certs[0].Subject.String()
		}
		return "this device's certificate"
	}
	return "ANONYMOUS"
}

// refusals logs security refusals of broker connections as errors: kgo
// retries them every few hundred milliseconds and logs them among its
// retry noise (at debug), so without this a wrong password would be
// invisible at the default log level. One line when the cause appears or
// changes, a reminder every refusalRepeat while it lasts, one line when
// Kafka accepts again. One value is shared by the clients of a producer
// (its own, the resume readers').
type refusals struct {
	log *slog.Logger
	cfg Config

	mu         sync.Mutex
	last       string    // reason last logged; "" when accepted
	at         time.Time // when last logged
	suppressed int
}

const refusalRepeat = 5 * time.Minute

func (r *refusals) OnBrokerConnect(meta kgo.BrokerMetadata, _ time.Duration, _ net.Conn, err error) {
	addr := net.JoinHostPort(meta.Host, fmt.Sprint(meta.Port))
	r.mu.Lock()
	defer r.mu.Unlock()
	if err == nil {
		if r.last != "" {
			r.log.Info("Kafka accepts the connection again", "broker", addr)
			r.last, r.suppressed = "", 0
		}
		return
	}
	se, ok := errors.AsType[*SecurityError](r.cfg.Explain(err))
	if !ok {
		return
	}
	if se.Reason == r.last && time.Since(r.at) < refusalRepeat {
		r.suppressed++
		return
	}
	args := []any{"broker", addr, "reason", se.Reason, "err", se.Err.Error()}
	if r.suppressed > 0 {
		args = append(args, "refused_since_last_line", r.suppressed)
	}
	r.log.Error("Kafka refused the connection; retrying, but nothing is delivered until this is fixed", args...)
	r.last, r.at, r.suppressed = se.Reason, time.Now(), 0
}
