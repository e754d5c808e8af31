package config

import (
	"bytes"
	"strconv"

	"gopkg.in/yaml.v3"

	"github.com/edgecam/edgecam/internal/secret"
)

// YAML renders c as a config file: the keys of the file, in the order the
// README documents them, every default written out, paths absolute. It is
// the effective config of one device (overrides applied, streams that are
// off left out), and it loads back into the same Config. Secrets are never
// in it: a *_file key shows its path, with "[redacted]" as a comment.
func (c *Config) YAML() ([]byte, error) {
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(c.node()); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// ymap builds a mapping node from key, value pairs; a nil value drops its
// key.
func ymap(kv ...any) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode}
	for i := 0; i+1 < len(kv); i += 2 {
		v := kv[i+1].(*yaml.Node)
		if v == nil {
			continue
		}
		m.Content = append(m.Content, ystr(kv[i].(string)), v)
	}
	return m
}

func ystr(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }

func yint(i int) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(i)}
}

// yopt is ystr, or nil (key dropped) for "".
func yopt(s string) *yaml.Node {
	if s == "" {
		return nil
	}
	return ystr(s)
}

// ysecret shows the path of a secret's file, never the secret.
func ysecret(path string, s secret.Secret) *yaml.Node {
	if path == "" {
		return nil
	}
	n := ystr(path)
	if !s.IsZero() {
		n.LineComment = "content " + s.String()
	}
	return n
}

func (c *Config) node() *yaml.Node {
	brokers := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
	for _, b := range c.Kafka.Brokers {
		n := ystr(b)
		n.Style = yaml.DoubleQuotedStyle
		brokers.Content = append(brokers.Content, n)
	}
	var tls, sasl *yaml.Node
	if t := c.Kafka.TLS; t != nil {
		tls = ymap("ca_file", yopt(t.CAFile), "cert_file", yopt(t.CertFile), "key_file", yopt(t.KeyFile), "server_name", yopt(t.ServerName))
		if len(tls.Content) == 0 {
			tls.Style = yaml.FlowStyle // tls: {}
		}
	}
	if s := c.Kafka.SASL; s != nil {
		sasl = ymap("mechanism", ystr(s.Mechanism), "username", ystr(s.Username), "password_file", ysecret(s.PasswordFile, s.Password))
	}
	listen := c.Metrics.Listen
	if listen == "" {
		listen = MetricsOff
	}
	sp := c.Spool
	var maxAge, drain *yaml.Node
	if sp.MaxAge > 0 {
		maxAge = ystr(sp.MaxAge.String())
	}
	if sp.DrainRate > 0 {
		drain = ystr(sp.DrainRate.String())
	}
	streams := &yaml.Node{Kind: yaml.SequenceNode}
	for _, s := range c.Streams {
		streams.Content = append(streams.Content, ymap(
			"name", ystr(s.Name),
			"source", s.Source.node(),
			"width", yint(s.Width),
			"height", yint(s.Height),
			"fps", yint(s.FPS),
			"bitrate_kbps", yint(s.BitrateKbps),
			"keyframe_interval", ystr(s.KeyframeInterval.String()),
			"encoder", ystr(string(s.Encoder)),
			"codec", ystr(string(s.Codec)),
			"audio", s.Audio.node(),
		))
	}
	return ymap(
		"device", ymap("id", ystr(c.Device.ID)),
		"kafka", ymap("brokers", brokers, "topic", ystr(c.Kafka.Topic), "tls", tls, "sasl", sasl),
		"spool", ymap(
			"dir", ystr(sp.Dir),
			"mode", ystr(string(sp.Mode)),
			"max_size", ystr(sp.MaxSize.String()),
			"max_age", maxAge,
			"fsync", ystr(string(sp.Fsync)),
			"fsync_interval", ystr(sp.FsyncInterval.String()),
			"segment_size", ystr(sp.SegmentSize.String()),
			"drain_rate", drain,
			"memory", ystr(sp.Memory.String()),
		),
		"metrics", ymap("listen", ystr(listen)),
		"log", ymap("format", ystr(c.Log.Format), "level", ystr(c.Log.Level)),
		"fleet", c.Fleet.node(),
		"streams", streams,
	)
}

// node renders the fleet section; status is written only when off.
func (f Fleet) node() *yaml.Node {
	var status *yaml.Node
	if f.Off {
		status = ystr("off")
	}
	return ymap("status", status, "status_topic", ystr(f.StatusTopic), "status_interval", ystr(f.StatusInterval.String()))
}

// node renders the keys of the source's type.
func (s Source) node() *yaml.Node {
	t := ystr(string(s.Type))
	switch s.Type {
	case SourceV4L2:
		return ymap("type", t, "device", ystr(s.Device), "format", ystr(string(s.Format)))
	case SourceTest:
		return ymap("type", t, "pattern", ystr(s.Pattern))
	case SourceLibcamera:
		return ymap("type", t, "camera_name", yopt(s.CameraName))
	case SourceNvargus:
		return ymap("type", t, "sensor_id", yint(s.SensorID))
	case SourceRTSP:
		return ymap("type", t, "url", ystr(s.URL), "transport", ystr(s.Transport), "codec", ystr(string(s.Codec)),
			"username", yopt(s.Username), "password_file", ysecret(s.PasswordFile, s.Password))
	}
	return ymap("type", t)
}
