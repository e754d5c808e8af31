package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/edgecam/edgecam/internal/secret"
)

// decoder walks the YAML node tree by hand instead of unmarshalling into
// structs: that is what lets it report every unknown key, wrong type and
// bad value with its own line and column, all in one pass.
//
// A file goes through three phases, each on the node tree: ${VAR}
// expansion, the overrides (checked, and the matching ones merged), then
// decoding of the merged tree. Every node keeps the position it has in the
// file, so an error in a value an override brought points into the
// override. A position that already has an error from an earlier phase
// gets no second one (an unset ${VAR} does not also make its value empty
// or invalid; a bad value in a matching override is reported once).
type decoder struct {
	file string
	// dir is the absolute folder of file: relative paths start there.
	dir      string
	hostname func() (string, error)
	// deviceID is the device the caller asked for; "" means device.id,
	// else the host name.
	deviceID string
	// prefix is put before the key paths of messages: "overrides[2].set"
	// while an override's set is checked.
	prefix string
	// partial is set while a fragment is checked that need not be
	// complete and must not touch files: an override's set, a disabled
	// stream. Required keys, cross-key rules, defaults and file reads are
	// skipped.
	partial bool
	errs    Errors
	muted   map[[2]int]bool
	// failed holds the values whose ${VAR} could not be expanded: they
	// decode as absent, so nothing else is checked with their text.
	failed map[*yaml.Node]bool
}

func newDecoder(file, deviceID string) *decoder {
	dir, err := filepath.Abs(filepath.Dir(file))
	if err != nil {
		dir = filepath.Dir(file)
	}
	return &decoder{file: file, dir: dir, hostname: os.Hostname, deviceID: deviceID, muted: map[[2]int]bool{}, failed: map[*yaml.Node]bool{}}
}

func (d *decoder) errorf(n *yaml.Node, format string, args ...any) {
	line, col := 1, 1
	if n != nil && n.Line > 0 {
		line, col = n.Line, n.Column
	}
	if d.muted[[2]int{line, col}] {
		return
	}
	d.errs = append(d.errs, &Error{File: d.file, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)})
}

// endPhase mutes the positions reported so far for the phases to come.
func (d *decoder) endPhase() {
	for _, e := range d.errs {
		d.muted[[2]int{e.Line, e.Col}] = true
	}
}

// at returns the path of key as messages name it: "kafka.topic", or
// "overrides[0].set.kafka.topic" inside an override.
func (d *decoder) at(key string) string {
	switch {
	case d.prefix == "" && key == "":
		return "the config"
	case d.prefix == "":
		return key
	case key == "":
		return d.prefix
	}
	return d.prefix + "." + key
}

// abs makes a path from the file absolute: relative to the file's folder.
func (d *decoder) abs(p string) string {
	if filepath.IsAbs(p) {
		return filepath.Clean(p)
	}
	return filepath.Join(d.dir, p)
}

// yamlLine matches the position yaml.v3 puts in its syntax errors.
var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parseYAML returns the root node of the single document in data, or nil
// after reporting why there is none.
func (d *decoder) parseYAML(data []byte) *yaml.Node {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			d.errorf(nil, "the file is empty: a config needs at least kafka.brokers and streams")
			return nil
		}
		// yaml.v3 reports the line of a syntax error but not its column.
		msg, line := strings.TrimPrefix(err.Error(), "yaml: "), 1
		if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
			line, _ = strconv.Atoi(m[1])
			msg = m[2]
		}
		d.errs = append(d.errs, &Error{File: d.file, Line: line, Col: 1, Msg: "YAML syntax: " + msg})
		return nil
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		d.errorf(&extra, "a second YAML document: a config file holds exactly one")
	} else if !errors.Is(err, io.EOF) {
		d.errorf(nil, "YAML syntax after the first document: %v", err)
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	return root
}

func (d *decoder) decode(data []byte) *Config {
	cfg := &Config{}
	root := d.parseYAML(data)
	if root == nil {
		return cfg
	}
	d.expandTree(root, "")
	d.endPhase()
	root = d.applyOverrides(root, d.matchID(root))
	d.endPhase()
	d.top(root, cfg)
	return cfg
}

// matchID is the device id overrides are matched against: the caller's,
// else device.id of the file (expanded), else the host name; "" when none
// is usable (decoding reports why).
func (d *decoder) matchID(root *yaml.Node) string {
	if d.deviceID != "" {
		return d.deviceID
	}
	if dev := resolve(mapValue(root, "device")); dev != nil {
		if id := resolve(mapValue(dev, "id")); id != nil {
			if id.Kind == yaml.ScalarNode && validName.MatchString(id.Value) {
				return id.Value
			}
			return ""
		}
	}
	if h, err := d.hostname(); err == nil && validName.MatchString(h) {
		return h
	}
	return ""
}

// sectionNodes records which top-level sections a file has.
type sectionNodes struct{ device, kafka, streams *yaml.Node }

// sections returns the decoders of the top-level keys an override's set
// may hold too.
func (d *decoder) sections(cfg *Config, nodes *sectionNodes) map[string]func(k, v *yaml.Node) {
	return map[string]func(k, v *yaml.Node){
		"kafka":   func(_, v *yaml.Node) { nodes.kafka = v; d.kafka(v, &cfg.Kafka) },
		"spool":   func(_, v *yaml.Node) { d.spool(v, &cfg.Spool) },
		"metrics": func(_, v *yaml.Node) { d.metrics(v, &cfg.Metrics) },
		"log":     func(_, v *yaml.Node) { d.log(v, &cfg.Log) },
		"streams": func(_, v *yaml.Node) { nodes.streams = v; cfg.Streams = d.streams(v) },
	}
}

// top decodes the whole (merged) file into cfg and fills the defaults.
func (d *decoder) top(root *yaml.Node, cfg *Config) {
	cfg.Metrics.Listen = DefaultMetricsListen
	cfg.Log = Log{Format: DefaultLogFormat, Level: DefaultLogLevel}
	var nodes sectionNodes
	fields := d.sections(cfg, &nodes)
	fields["device"] = func(_, v *yaml.Node) { nodes.device = v; d.device(v, &cfg.Device) }
	fields["overrides"] = func(_, _ *yaml.Node) {} // checked and applied by applyOverrides
	d.mapping(root, d.at(""), fields)
	if root.Kind != yaml.MappingNode {
		return
	}
	switch {
	case d.deviceID != "":
		cfg.Device.ID = d.deviceID
	case nodes.device == nil:
		d.defaultDeviceID(root, &cfg.Device)
	}
	if nodes.kafka == nil {
		d.errorf(root, "kafka: missing: a config needs kafka.brokers")
	}
	if cfg.Kafka.Topic == "" {
		cfg.Kafka.Topic = DefaultTopic
	}
	cfg.Spool = cfg.Spool.WithDefaults()
	if nodes.streams == nil {
		d.errorf(root, "streams: missing: a config needs at least one stream")
	}
}

// mapping checks that n is a mapping and calls the field's function for each
// key; unknown and repeated keys are errors.
func (d *decoder) mapping(n *yaml.Node, what string, fields map[string]func(k, v *yaml.Node)) {
	n = resolve(n)
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "%s: want a mapping of keys (key: value), got %s", what, describe(n))
		return
	}
	known := make([]string, 0, len(fields))
	for k := range fields {
		known = append(known, k)
	}
	slices.Sort(known)
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.errorf(k, "%s: keys must be plain names", what)
			continue
		}
		if line, dup := seen[k.Value]; dup {
			d.errorf(k, "%s: %s given twice (first at line %d)", what, k.Value, line)
			continue
		}
		seen[k.Value] = k.Line
		f, ok := fields[k.Value]
		if !ok {
			d.errorf(k, "%s: unknown key %q%s; known keys: %s", what, k.Value, suggest(k.Value, known), strings.Join(known, ", "))
			continue
		}
		f(k, resolve(v))
	}
}

// resolve follows an alias to the node it names.
func resolve(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

// describe names what a node holds, for "want X, got Y" messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!null":
			return "nothing"
		case "!!str":
			return fmt.Sprintf("the text %q", n.Value)
		case "!!int", "!!float":
			return "the number " + n.Value
		case "!!bool":
			return "the boolean " + n.Value
		}
		return fmt.Sprintf("%q", n.Value)
	}
	return "nothing"
}

// str decodes a text value. Numbers are accepted as text (a device id of
// 42 is fine); lists, mappings, booleans and nulls are not.
func (d *decoder) str(n *yaml.Node, what string) (string, bool) {
	if d.failed[n] {
		return "", false
	}
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" || n.Tag == "!!bool" {
		d.errorf(n, "%s: want text, got %s", what, describe(n))
		return "", false
	}
	if n.Value == "" {
		d.errorf(n, "%s: must not be empty", what)
		return "", false
	}
	return n.Value, true
}

// integer decodes an integer within [lo, hi].
func (d *decoder) integer(n *yaml.Node, what string, lo, hi int) (int, bool) {
	if d.failed[n] {
		return 0, false
	}
	if n.Kind != yaml.ScalarNode || n.Tag != "!!int" {
		d.errorf(n, "%s: want a whole number, got %s", what, describe(n))
		return 0, false
	}
	var v int
	if err := n.Decode(&v); err != nil {
		d.errorf(n, "%s: %q is not a whole number", what, n.Value)
		return 0, false
	}
	if v < lo || v > hi {
		d.errorf(n, "%s: %d is out of range %d..%d", what, v, lo, hi)
		return 0, false
	}
	return v, true
}

// validName matches device ids and stream names: they become Kafka keys,
// file names and metric labels, so they stay plain.
var validName = regexp.MustCompile(`^[A-Za-z0-9._-]+$`)

func (d *decoder) device(n *yaml.Node, dev *Device) {
	var idNode *yaml.Node
	d.mapping(n, "device", map[string]func(k, v *yaml.Node){
		"id": func(_, v *yaml.Node) {
			idNode = v
			id, ok := d.str(v, "device.id")
			if !ok {
				return
			}
			if !validName.MatchString(id) {
				d.errorf(v, "device.id: %q: use only letters, digits, '.', '_' and '-' (it is the first half of every Kafka key)", id)
				return
			}
			dev.ID = id
		},
	})
	if idNode == nil && d.deviceID == "" && resolve(n).Kind == yaml.MappingNode {
		d.defaultDeviceID(n, dev)
	}
}

func (d *decoder) defaultDeviceID(at *yaml.Node, dev *Device) {
	h, err := d.hostname()
	if err != nil || !validName.MatchString(h) {
		d.errorf(at, "device.id: not set, and the host name %q cannot be used as one (%v); set device.id", h, err)
		return
	}
	dev.ID = h
}

// choice decodes a text value that must be one of valid.
func (d *decoder) choice(v *yaml.Node, what string, valid []string, dst *string) {
	str, ok := d.str(v, what)
	if !ok {
		return
	}
	if !slices.Contains(valid, str) {
		d.errorf(v, "%s: %q: want one of %v%s", what, str, valid, suggest(str, valid))
		return
	}
	*dst = str
}

// boolean decodes true or false.
func (d *decoder) boolean(n *yaml.Node, what string) (bool, bool) {
	if d.failed[n] {
		return false, false
	}
	if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
		d.errorf(n, "%s: want true or false, got %s", what, describe(n))
		return false, false
	}
	var b bool
	if err := n.Decode(&b); err != nil {
		d.errorf(n, "%s: want true or false, got %s", what, describe(n))
		return false, false
	}
	return b, true
}

// readable decodes a path to a file that must be readable now (unless
// partial); problems are reported at the key k, the line to fix.
func (d *decoder) readable(k, v *yaml.Node, what string) (string, bool) {
	s, ok := d.str(v, what)
	if !ok {
		return "", false
	}
	p := d.abs(s)
	if !d.partial {
		if err := checkFile(p); err != nil {
			d.errorf(k, "%s: %v", what, err)
			return p, false
		}
	}
	return p, true
}

// secret reads the secret in file p (see readSecret), reporting at k.
func (d *decoder) secret(k *yaml.Node, what, p string) secret.Secret {
	if d.partial || p == "" {
		return secret.Secret{}
	}
	s, err := readSecret(p)
	if err != nil {
		d.errorf(k, "%s: %v", what, err)
	}
	return s
}

// inlinePassword is the decoder of a "password" key: always an error
// that points to password_file. The value is never quoted.
func (d *decoder) inlinePassword(what string) func(k, v *yaml.Node) {
	return func(k, _ *yaml.Node) {
		d.errorf(k, "%s.password: passwords are never written in the config (it is copied, shown and logged): put it in a file readable only by edgecam (a systemd credential) and give the file's path as %s.password_file", what, what)
	}
}

func (d *decoder) kafka(n *yaml.Node, k *Kafka) {
	var brokersNode *yaml.Node
	d.mapping(n, d.at("kafka"), map[string]func(k, v *yaml.Node){
		"brokers": func(_, v *yaml.Node) { brokersNode = v; k.Brokers = d.brokers(v) },
		"topic": func(_, v *yaml.Node) {
			if s, ok := d.str(v, d.at("kafka.topic")); ok {
				if err := checkTopic(s); err != nil {
					d.errorf(v, "%s: %v", d.at("kafka.topic"), err)
					return
				}
				k.Topic = s
			}
		},
		"tls":  func(_, v *yaml.Node) { k.TLS = d.tls(v) },
		"sasl": func(_, v *yaml.Node) { k.SASL = d.sasl(v) },
	})
	if resolve(n).Kind != yaml.MappingNode {
		return
	}
	if brokersNode == nil && !d.partial {
		d.errorf(n, "kafka.brokers: missing: list at least one broker as host:port")
	}
}

// tls decodes kafka.tls. An empty mapping is TLS with the system's CAs.
func (d *decoder) tls(n *yaml.Node) *TLS {
	t := &TLS{}
	p := d.at("kafka.tls")
	var certKey, keyKey *yaml.Node
	d.mapping(n, p, map[string]func(k, v *yaml.Node){
		"ca_file":   func(k, v *yaml.Node) { t.CAFile, _ = d.readable(k, v, p+".ca_file") },
		"cert_file": func(k, v *yaml.Node) { certKey = k; t.CertFile, _ = d.readable(k, v, p+".cert_file") },
		"key_file":  func(k, v *yaml.Node) { keyKey = k; t.KeyFile, _ = d.readable(k, v, p+".key_file") },
		"server_name": func(_, v *yaml.Node) {
			if s, ok := d.str(v, p+".server_name"); ok {
				t.ServerName = s
			}
		},
	})
	if d.partial {
		return t
	}
	switch {
	case certKey != nil && keyKey == nil:
		d.errorf(certKey, "%s.cert_file: mutual TLS needs key_file too: give both cert_file and key_file, or neither", p)
	case keyKey != nil && certKey == nil:
		d.errorf(keyKey, "%s.key_file: mutual TLS needs cert_file too: give both cert_file and key_file, or neither", p)
	}
	return t
}

// SASLMechanisms lists the valid kafka.sasl.mechanism values.
var SASLMechanisms = []string{SASLPlain, SASLScramSHA256, SASLScramSHA512}

func (d *decoder) sasl(n *yaml.Node) *SASL {
	s := &SASL{}
	p := d.at("kafka.sasl")
	var mechNode, userNode, fileKey *yaml.Node
	d.mapping(n, p, map[string]func(k, v *yaml.Node){
		"mechanism": func(_, v *yaml.Node) {
			mechNode = v
			str, ok := d.str(v, p+".mechanism")
			if !ok {
				return
			}
			for _, m := range SASLMechanisms {
				if str == m {
					s.Mechanism = m
					return
				}
				if strings.EqualFold(str, m) {
					d.errorf(v, "%s.mechanism: %q: write it as %s", p, str, m)
					return
				}
			}
			d.errorf(v, "%s.mechanism: %q: want one of %v", p, str, SASLMechanisms)
		},
		"username": func(_, v *yaml.Node) {
			userNode = v
			s.Username, _ = d.str(v, p+".username")
		},
		"password_file": func(k, v *yaml.Node) {
			fileKey = k
			if path, ok := d.str(v, p+".password_file"); ok {
				s.PasswordFile = d.abs(path)
				s.Password = d.secret(k, p+".password_file", s.PasswordFile)
			}
		},
		"password": d.inlinePassword(p),
	})
	if d.partial || resolve(n).Kind != yaml.MappingNode {
		return s
	}
	if mechNode == nil {
		d.errorf(n, "%s.mechanism: missing: one of %v (ask your Kafka admin which one the brokers accept)", p, SASLMechanisms)
	}
	if userNode == nil {
		d.errorf(n, "%s.username: missing", p)
	}
	if fileKey == nil {
		d.errorf(n, "%s.password_file: missing: the path of a file holding the password (a systemd credential)", p)
	}
	return s
}

func (d *decoder) metrics(n *yaml.Node, m *Metrics) {
	p := d.at("metrics.listen")
	d.mapping(n, d.at("metrics"), map[string]func(k, v *yaml.Node){
		"listen": func(_, v *yaml.Node) {
			s, ok := d.str(v, p)
			if !ok {
				return
			}
			if s == MetricsOff {
				m.Listen = ""
				return
			}
			_, port, err := net.SplitHostPort(s)
			if err != nil {
				d.errorf(v, "%s: %q: want host:port (127.0.0.1:9108, :9108 for every interface) or off", p, s)
				return
			}
			// Port 0 takes a free port: tests that run several agents.
			if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
				d.errorf(v, "%s: %q: the port must be a number 0..65535", p, s)
				return
			}
			m.Listen = s
		},
	})
}

func (d *decoder) log(n *yaml.Node, l *Log) {
	d.mapping(n, d.at("log"), map[string]func(k, v *yaml.Node){
		"format": func(_, v *yaml.Node) { d.choice(v, d.at("log.format"), []string{LogText, LogJSON}, &l.Format) },
		"level": func(_, v *yaml.Node) {
			d.choice(v, d.at("log.level"), []string{LogDebug, LogInfo, LogWarn, LogError}, &l.Level)
		},
	})
}

func (d *decoder) brokers(n *yaml.Node) []string {
	p := d.at("kafka.brokers")
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, "%s: want a list of host:port, got %s", p, describe(n))
		return nil
	}
	if len(n.Content) == 0 {
		d.errorf(n, "%s: empty: list at least one broker as host:port", p)
		return nil
	}
	var out []string
	for i, b := range n.Content {
		what := fmt.Sprintf("%s[%d]", p, i)
		b = resolve(b)
		s, ok := d.str(b, what)
		if !ok {
			continue
		}
		host, port, err := net.SplitHostPort(s)
		if err != nil || host == "" {
			d.errorf(b, "%s: %q: want host:port, e.g. kafka-1:9092", what, s)
			continue
		}
		if p, err := strconv.Atoi(port); err != nil || p < 1 || p > 65535 {
			d.errorf(b, "%s: %q: the port must be a number 1..65535", what, s)
			continue
		}
		out = append(out, s)
	}
	return out
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

func (d *decoder) spool(n *yaml.Node, sp *Spool) {
	size := func(v *yaml.Node, what string, lo, hi Size, dst *Size) {
		str, ok := d.str(v, what)
		if !ok {
			return
		}
		sz, err := ParseSize(strings.TrimSuffix(str, "/s"))
		if err != nil {
			d.errorf(v, "%s: %v", what, err)
			return
		}
		if sz < lo || sz > hi {
			d.errorf(v, "%s: %s is out of range %s..%s", what, sz, lo, hi)
			return
		}
		*dst = sz
	}
	duration := func(v *yaml.Node, what string, lo Duration, dst *Duration) {
		str, ok := d.str(v, what)
		if !ok {
			return
		}
		du, err := ParseDuration(str)
		if err != nil {
			d.errorf(v, "%s: %v", what, err)
			return
		}
		if du < lo {
			d.errorf(v, "%s: %s is below the minimum %s", what, du, lo)
			return
		}
		*dst = du
	}
	p := func(key string) string { return d.at("spool." + key) }
	d.mapping(n, d.at("spool"), map[string]func(k, v *yaml.Node){
		"dir": func(_, v *yaml.Node) {
			if str, ok := d.str(v, p("dir")); ok {
				sp.Dir = d.abs(str)
			}
		},
		"mode": func(_, v *yaml.Node) { d.choice(v, p("mode"), []string{SpoolOutage, SpoolAlways}, &sp.Mode) },
		"fsync": func(_, v *yaml.Node) {
			d.choice(v, p("fsync"), []string{FsyncInterval, FsyncKeyframe, FsyncAlways}, &sp.Fsync)
		},
		"max_size":     func(_, v *yaml.Node) { size(v, p("max_size"), 1<<20, 1<<50, &sp.MaxSize) },
		"segment_size": func(_, v *yaml.Node) { size(v, p("segment_size"), 64<<10, 1<<30, &sp.SegmentSize) },
		"memory":       func(_, v *yaml.Node) { size(v, p("memory"), 1<<20, 1<<32, &sp.Memory) },
		"drain_rate":   func(_, v *yaml.Node) { size(v, p("drain_rate"), 0, 1<<40, &sp.DrainRate) },
		"max_age":      func(_, v *yaml.Node) { duration(v, p("max_age"), Duration(time.Minute), &sp.MaxAge) },
		"fsync_interval": func(_, v *yaml.Node) {
			duration(v, p("fsync_interval"), Duration(10*time.Millisecond), &sp.FsyncInterval)
		},
	})
	if sp.SegmentSize > 0 && sp.MaxSize > 0 && sp.MaxSize < 2*sp.SegmentSize {
		d.errorf(n, "%s: max_size %s must hold at least two segments of segment_size %s", d.at("spool"), sp.MaxSize, sp.SegmentSize)
	}
}

// WithDefaults fills the unset fields of sp with their defaults.
func (sp Spool) WithDefaults() Spool {
	if sp.Dir == "" {
		sp.Dir = DefaultSpoolDir
		// systemd's StateDirectory= sets this (a list; the first entry).
		if sd, _, _ := strings.Cut(os.Getenv("STATE_DIRECTORY"), ":"); sd != "" {
			sp.Dir = filepath.Join(sd, "spool")
		}
	}
	if sp.Mode == "" {
		sp.Mode = SpoolOutage
	}
	if sp.Fsync == "" {
		sp.Fsync = FsyncInterval
	}
	if sp.MaxSize == 0 {
		sp.MaxSize = DefaultSpoolMaxSize
	}
	if sp.FsyncInterval == 0 {
		sp.FsyncInterval = DefaultFsyncInterval
	}
	if sp.SegmentSize == 0 {
		sp.SegmentSize = min(DefaultSegmentSize, sp.MaxSize/4)
	}
	if sp.Memory == 0 {
		sp.Memory = DefaultSpoolMemory
	}
	return sp
}
