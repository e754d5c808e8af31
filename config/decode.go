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
)

// decoder walks the YAML node tree by hand instead of unmarshalling into
// structs: that is what lets it report every unknown key, wrong type and
// bad value with its own line and column, all in one pass.
type decoder struct {
	file     string
	hostname func() (string, error)
	errs     Errors
}

func (d *decoder) errorf(n *yaml.Node, format string, args ...any) {
	line, col := 1, 1
	if n != nil && n.Line > 0 {
		line, col = n.Line, n.Column
	}
	d.errs = append(d.errs, &Error{File: d.file, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)})
}

// yamlLine matches the position yaml.v3 puts in its syntax errors.
var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

func (d *decoder) decode(data []byte) *Config {
	cfg := &Config{}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			d.errorf(nil, "the file is empty: a config needs at least kafka.brokers and streams")
			return cfg
		}
		// yaml.v3 reports the line of a syntax error but not its column.
		msg, line := strings.TrimPrefix(err.Error(), "yaml: "), 1
		if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
			line, _ = strconv.Atoi(m[1])
			msg = m[2]
		}
		d.errs = append(d.errs, &Error{File: d.file, Line: line, Col: 1, Msg: "YAML syntax: " + msg})
		return cfg
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
	var deviceNode, kafkaNode, streamsNode *yaml.Node
	d.mapping(root, "the config", map[string]func(k, v *yaml.Node){
		"device":  func(_, v *yaml.Node) { deviceNode = v; d.device(v, &cfg.Device) },
		"kafka":   func(_, v *yaml.Node) { kafkaNode = v; d.kafka(v, &cfg.Kafka) },
		"spool":   func(_, v *yaml.Node) { d.spool(v, &cfg.Spool) },
		"streams": func(_, v *yaml.Node) { streamsNode = v; cfg.Streams = d.streams(v) },
	})
	if root.Kind != yaml.MappingNode {
		return cfg
	}
	if deviceNode == nil {
		d.defaultDeviceID(root, &cfg.Device)
	}
	if kafkaNode == nil {
		d.errorf(root, "kafka: missing: a config needs kafka.brokers")
	}
	if cfg.Kafka.Topic == "" {
		cfg.Kafka.Topic = DefaultTopic
	}
	cfg.Spool = cfg.Spool.WithDefaults()
	if streamsNode == nil {
		d.errorf(root, "streams: missing: a config needs at least one stream")
	}
	return cfg
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

// name matches device ids and stream names: they become Kafka keys, file
// names and metric labels, so they stay plain.
var name = regexp.MustCompile(`^[A-Za-z0-9._-]+$`)

func (d *decoder) device(n *yaml.Node, dev *Device) {
	var idNode *yaml.Node
	d.mapping(n, "device", map[string]func(k, v *yaml.Node){
		"id": func(_, v *yaml.Node) {
			idNode = v
			s, ok := d.str(v, "device.id")
			if !ok {
				return
			}
			id, err := d.expand(s)
			if err != nil {
				d.errorf(v, "device.id: %v", err)
				return
			}
			if !name.MatchString(id) {
				d.errorf(v, "device.id: %q: use only letters, digits, '.', '_' and '-' (it is the first half of every Kafka key)", id)
				return
			}
			dev.ID = id
		},
	})
	if idNode == nil && resolve(n).Kind == yaml.MappingNode {
		d.defaultDeviceID(n, dev)
	}
}

// expand replaces ${VAR} and $VAR from the environment. HOSTNAME, which
// shells set but do not export (so systemd services lack it), falls back
// to the host name.
func (d *decoder) expand(s string) (string, error) {
	var err error
	out := os.Expand(s, func(v string) string {
		if val, ok := os.LookupEnv(v); ok {
			return val
		}
		if v == "HOSTNAME" {
			h, herr := d.hostname()
			if herr != nil {
				err = fmt.Errorf("${HOSTNAME}: %w", herr)
			}
			return h
		}
		err = fmt.Errorf("${%s} is not set in the environment", v)
		return ""
	})
	return out, err
}

func (d *decoder) defaultDeviceID(at *yaml.Node, dev *Device) {
	h, err := d.hostname()
	if err != nil || !name.MatchString(h) {
		d.errorf(at, "device.id: not set, and the host name %q cannot be used as one (%v); set device.id", h, err)
		return
	}
	dev.ID = h
}

func (d *decoder) kafka(n *yaml.Node, k *Kafka) {
	var brokersNode *yaml.Node
	d.mapping(n, "kafka", map[string]func(k, v *yaml.Node){
		"brokers": func(_, v *yaml.Node) { brokersNode = v; k.Brokers = d.brokers(v) },
		"topic": func(_, v *yaml.Node) {
			if s, ok := d.str(v, "kafka.topic"); ok {
				if err := checkTopic(s); err != nil {
					d.errorf(v, "kafka.topic: %v", err)
					return
				}
				k.Topic = s
			}
		},
	})
	if resolve(n).Kind != yaml.MappingNode {
		return
	}
	if brokersNode == nil {
		d.errorf(n, "kafka.brokers: missing: list at least one broker as host:port")
	}
}

func (d *decoder) brokers(n *yaml.Node) []string {
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, "kafka.brokers: want a list of host:port, got %s", describe(n))
		return nil
	}
	if len(n.Content) == 0 {
		d.errorf(n, "kafka.brokers: empty: list at least one broker as host:port")
		return nil
	}
	var out []string
	for i, b := range n.Content {
		what := fmt.Sprintf("kafka.brokers[%d]", i)
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
	case !name.MatchString(s):
		return fmt.Errorf("%q: Kafka topic names use only letters, digits, '.', '_' and '-'", s)
	}
	return nil
}

func (d *decoder) streams(n *yaml.Node) []Stream {
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, "streams: want a list of streams, got %s", describe(n))
		return nil
	}
	if len(n.Content) == 0 {
		d.errorf(n, "streams: empty: configure at least one stream")
		return nil
	}
	names := map[string]int{}
	var out []Stream
	for i, sn := range n.Content {
		s, nameNode := d.stream(resolve(sn), i)
		if nameNode != nil && s.Name != "" {
			if line, dup := names[s.Name]; dup {
				d.errorf(nameNode, "streams[%d].name: %q is already the name of the stream at line %d; stream names must be unique", i, s.Name, line)
			} else {
				names[s.Name] = nameNode.Line
			}
		}
		out = append(out, s)
	}
	return out
}

func (d *decoder) stream(n *yaml.Node, i int) (Stream, *yaml.Node) {
	s := Stream{
		Width:            DefaultWidth,
		Height:           DefaultHeight,
		FPS:              DefaultFPS,
		BitrateKbps:      DefaultBitrateKbps,
		KeyframeInterval: DefaultKeyframeInterval,
		Encoder:          EncoderAuto,
	}
	p := fmt.Sprintf("streams[%d]", i)
	var nameNode, sourceNode *yaml.Node
	d.mapping(n, p, map[string]func(k, v *yaml.Node){
		"name": func(_, v *yaml.Node) {
			nameNode = v
			if str, ok := d.str(v, p+".name"); ok {
				if !name.MatchString(str) {
					d.errorf(v, "%s.name: %q: use only letters, digits, '.', '_' and '-' (it is the second half of the Kafka key)", p, str)
					return
				}
				s.Name = str
			}
		},
		"source": func(_, v *yaml.Node) { sourceNode = v; s.Source = d.source(v, p+".source") },
		"width": func(_, v *yaml.Node) {
			if w, ok := d.integer(v, p+".width", MinWidth, MaxWidth); ok {
				s.Width = w
				if w%2 != 0 {
					d.errorf(v, "%s.width: %d is odd; H.264 with 4:2:0 chroma needs an even width", p, w)
				}
			}
		},
		"height": func(_, v *yaml.Node) {
			if h, ok := d.integer(v, p+".height", MinHeight, MaxHeight); ok {
				s.Height = h
				if h%2 != 0 {
					d.errorf(v, "%s.height: %d is odd; H.264 with 4:2:0 chroma needs an even height", p, h)
				}
			}
		},
		"fps": func(_, v *yaml.Node) {
			if f, ok := d.integer(v, p+".fps", MinFPS, MaxFPS); ok {
				s.FPS = f
			}
		},
		"bitrate_kbps": func(_, v *yaml.Node) {
			if b, ok := d.integer(v, p+".bitrate_kbps", MinBitrate, MaxBitrate); ok {
				s.BitrateKbps = b
			}
		},
		"keyframe_interval": func(_, v *yaml.Node) {
			str, ok := d.str(v, p+".keyframe_interval")
			if !ok {
				return
			}
			k, err := ParseDuration(str)
			if err != nil {
				d.errorf(v, "%s.keyframe_interval: %v", p, err)
				return
			}
			if k < MinKeyframe || k > MaxKeyframe {
				d.errorf(v, "%s.keyframe_interval: %s is out of range %s..%s", p, k, MinKeyframe, MaxKeyframe)
				return
			}
			s.KeyframeInterval = k
		},
		"encoder": func(_, v *yaml.Node) {
			str, ok := d.str(v, p+".encoder")
			if !ok {
				return
			}
			e, err := ParseEncoder(str)
			if err != nil {
				d.errorf(v, "%s.encoder: %v", p, err)
				return
			}
			s.Encoder = e
		},
	})
	if n.Kind != yaml.MappingNode {
		return s, nil
	}
	if nameNode == nil {
		d.errorf(n, "%s.name: missing: every stream needs a unique name", p)
	}
	if sourceNode == nil {
		d.errorf(n, "%s.source: missing: e.g. source: {type: v4l2, device: /dev/video0}", p)
	}
	return s, nameNode
}

func (d *decoder) source(n *yaml.Node, p string) Source {
	var src Source
	var typeNode, deviceNode, patternNode *yaml.Node
	d.mapping(n, p, map[string]func(k, v *yaml.Node){
		"type": func(_, v *yaml.Node) {
			typeNode = v
			if str, ok := d.str(v, p+".type"); ok {
				t, err := ParseSourceType(str)
				if err != nil {
					d.errorf(v, "%s.type: %v", p, err)
					return
				}
				src.Type = t
			}
		},
		"device": func(k, v *yaml.Node) {
			deviceNode = k
			if str, ok := d.str(v, p+".device"); ok {
				if !strings.HasPrefix(str, "/") {
					d.errorf(v, "%s.device: %q: want the absolute path of the device node, e.g. /dev/video0", p, str)
					return
				}
				src.Device = str
			}
		},
		"pattern": func(k, v *yaml.Node) {
			patternNode = k
			if str, ok := d.str(v, p+".pattern"); ok {
				if err := checkPattern(str); err != nil {
					d.errorf(v, "%s.pattern: %v", p, err)
					return
				}
				src.Pattern = str
			}
		},
	})
	if n.Kind != yaml.MappingNode {
		return src
	}
	switch {
	case typeNode == nil:
		d.errorf(n, "%s.type: missing: one of %v", p, SourceTypes)
	case src.Type == SourceV4L2:
		if deviceNode == nil {
			d.errorf(n, "%s.device: missing: a v4l2 source needs its device node, e.g. /dev/video0", p)
		}
		if patternNode != nil {
			d.errorf(patternNode, "%s.pattern: only a test source has a pattern", p)
		}
	case src.Type == SourceTest:
		if deviceNode != nil {
			d.errorf(deviceNode, "%s.device: a test source has no device", p)
		}
		if src.Pattern == "" {
			src.Pattern = DefaultPattern
		}
	}
	return src
}

func (d *decoder) spool(n *yaml.Node, sp *Spool) {
	choice := func(v *yaml.Node, what string, valid []string, dst *string) {
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
	d.mapping(n, "spool", map[string]func(k, v *yaml.Node){
		"dir": func(_, v *yaml.Node) {
			if str, ok := d.str(v, "spool.dir"); ok {
				sp.Dir = str
				if !filepath.IsAbs(str) {
					sp.Dir = filepath.Join(filepath.Dir(d.file), str)
				}
			}
		},
		"mode": func(_, v *yaml.Node) { choice(v, "spool.mode", []string{SpoolOutage, SpoolAlways}, &sp.Mode) },
		"fsync": func(_, v *yaml.Node) {
			choice(v, "spool.fsync", []string{FsyncInterval, FsyncKeyframe, FsyncAlways}, &sp.Fsync)
		},
		"max_size":     func(_, v *yaml.Node) { size(v, "spool.max_size", 1<<20, 1<<50, &sp.MaxSize) },
		"segment_size": func(_, v *yaml.Node) { size(v, "spool.segment_size", 64<<10, 1<<30, &sp.SegmentSize) },
		"memory":       func(_, v *yaml.Node) { size(v, "spool.memory", 1<<20, 1<<32, &sp.Memory) },
		"drain_rate":   func(_, v *yaml.Node) { size(v, "spool.drain_rate", 0, 1<<40, &sp.DrainRate) },
		"max_age":      func(_, v *yaml.Node) { duration(v, "spool.max_age", Duration(time.Minute), &sp.MaxAge) },
		"fsync_interval": func(_, v *yaml.Node) {
			duration(v, "spool.fsync_interval", Duration(10*time.Millisecond), &sp.FsyncInterval)
		},
	})
	if sp.SegmentSize > 0 && sp.MaxSize > 0 && sp.MaxSize < 2*sp.SegmentSize {
		d.errorf(n, "spool: max_size %s must hold at least two segments of segment_size %s", sp.MaxSize, sp.SegmentSize)
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
