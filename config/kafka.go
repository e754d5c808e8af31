package config

import (
	"fmt"
	"net"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/edgecam/edgecam/internal/secret"
)

// Kafka is where frames go.
type Kafka struct {
	// Brokers are the bootstrap brokers, "host:port". Required.
	Brokers []string
	// Topic receives every stream of the device. Default edgecam.video.
	// It must exist: edgecam never relies on topic auto-creation.
	Topic string
	// TLS, when set, encrypts the connection (kafka.tls in the file).
	TLS *TLS
	// SASL, when set, authenticates with a user name and password
	// (kafka.sasl in the file). Over TLS when TLS is set (SASL_SSL),
	// else in clear (SASL_PLAINTEXT).
	SASL *SASL
}

// TLS configures the connection to the brokers.
type TLS struct {
	// CAFile is a PEM bundle of the CAs that sign the brokers'
	// certificates. Empty: the system's roots.
	CAFile string
	// CertFile and KeyFile are this device's client certificate and key
	// (PEM) for mutual TLS; both or neither.
	CertFile, KeyFile string
	// ServerName overrides the name checked in the brokers' certificates.
	// Empty: the host of each broker address.
	ServerName string
}

// SASL mechanisms.
const (
	SASLPlain       = "PLAIN"
	SASLScramSHA256 = "SCRAM-SHA-256"
	SASLScramSHA512 = "SCRAM-SHA-512"
)

// SASL authenticates the client.
type SASL struct {
	// Mechanism is PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512.
	Mechanism string
	Username  string
	// Password comes from password_file (systemd LoadCredential=
	// friendly): the file's content without a trailing newline.
	Password secret.Secret
	// PasswordFile is the absolute path Password was read from.
	PasswordFile string
}

// SASLMechanisms lists the valid kafka.sasl.mechanism values.
var SASLMechanisms = []string{SASLPlain, SASLScramSHA256, SASLScramSHA512}

func (d *decoder) kafka(n *yaml.Node, k *Kafka) {
	keys, ok := d.mapping(n, d.at("kafka"), map[string]func(k, v *yaml.Node){
		"brokers": func(_, v *yaml.Node) { k.Brokers = d.brokers(v) },
		"topic":   func(_, v *yaml.Node) { d.text(v, d.at("kafka.topic"), checkTopic, &k.Topic) },
		"tls":     func(_, v *yaml.Node) { k.TLS = d.tls(v) },
		"sasl":    func(_, v *yaml.Node) { k.SASL = d.sasl(v) },
	})
	if ok && !keys.has("brokers") && !d.partial {
		d.errorf(n, "kafka.brokers: missing: list at least one broker as host:port")
	}
}

func (d *decoder) brokers(n *yaml.Node) []string {
	p := d.at("kafka.brokers")
	if !d.list(n, p, "host:port", "list at least one broker as host:port") {
		return nil
	}
	var out []string
	for i, b := range n.Content {
		var s string
		if d.text(resolve(b), fmt.Sprintf("%s[%d]", p, i), checkBroker, &s) {
			out = append(out, s)
		}
	}
	return out
}

// checkBroker checks a broker address: host:port.
func checkBroker(s string) error {
	host, port, err := net.SplitHostPort(s)
	if err != nil || host == "" {
		return fmt.Errorf("%q: want host:port, e.g. kafka-1:9092", s)
	}
	return checkPort(s, port, 1)
}

// checkTopic applies Kafka's rules for topic names.
func checkTopic(s string) error {
	switch {
	case len(s) > 249:
		return fmt.Errorf("%q is longer than Kafka's 249 characters", s)
	case s == "." || s == "..":
		return fmt.Errorf("%q is not a valid Kafka topic name", s)
	case !validName.MatchString(s):
		return fmt.Errorf("%q: Kafka topic names use only letters, digits, '.', '_' and '-'", s)
	}
	return nil
}

// tls decodes kafka.tls. An empty mapping is TLS with the system's CAs.
func (d *decoder) tls(n *yaml.Node) *TLS {
	t := &TLS{}
	p := d.at("kafka.tls")
	keys, _ := d.mapping(n, p, map[string]func(k, v *yaml.Node){
		"ca_file":     func(k, v *yaml.Node) { t.CAFile = d.readable(k, v, p+".ca_file") },
		"cert_file":   func(k, v *yaml.Node) { t.CertFile = d.readable(k, v, p+".cert_file") },
		"key_file":    func(k, v *yaml.Node) { t.KeyFile = d.readable(k, v, p+".key_file") },
		"server_name": func(_, v *yaml.Node) { d.text(v, p+".server_name", nil, &t.ServerName) },
	})
	if d.partial {
		return t
	}
	cert, hasCert := keys["cert_file"]
	key, hasKey := keys["key_file"]
	switch {
	case hasCert && !hasKey:
		d.errorf(cert.key, "%s.cert_file: mutual TLS needs key_file too: give both cert_file and key_file, or neither", p)
	case hasKey && !hasCert:
		d.errorf(key.key, "%s.key_file: mutual TLS needs cert_file too: give both cert_file and key_file, or neither", p)
	}
	return t
}

func (d *decoder) sasl(n *yaml.Node) *SASL {
	s := &SASL{}
	p := d.at("kafka.sasl")
	keys, ok := d.mapping(n, p, map[string]func(k, v *yaml.Node){
		"mechanism": func(_, v *yaml.Node) { d.text(v, p+".mechanism", checkMechanism, &s.Mechanism) },
		"username":  func(_, v *yaml.Node) { d.text(v, p+".username", nil, &s.Username) },
		"password_file": func(k, v *yaml.Node) {
			if d.path(v, p+".password_file", &s.PasswordFile) {
				s.Password = d.secret(k, p+".password_file", s.PasswordFile)
			}
		},
		"password": d.inlinePassword(p),
	})
	if d.partial || !ok {
		return s
	}
	if !keys.has("mechanism") {
		d.errorf(n, "%s.mechanism: missing: one of %v (ask your Kafka admin which one the brokers accept)", p, SASLMechanisms)
	}
	if !keys.has("username") {
		d.errorf(n, "%s.username: missing", p)
	}
	if !keys.has("password_file") {
		d.errorf(n, "%s.password_file: missing: the path of a file holding the password (a systemd credential)", p)
	}
	return s
}

// checkMechanism checks a SASL mechanism, written as Kafka spells it.
func checkMechanism(s string) error {
	for _, m := range SASLMechanisms {
		if s == m {
			return nil
		}
		if strings.EqualFold(s, m) {
			return fmt.Errorf("%q: write it as %s", s, m)
		}
	}
	return fmt.Errorf("%q: want one of %v", s, SASLMechanisms)
}
