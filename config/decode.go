package config

import "gopkg.in/yaml.v3"

// The top of a file: its phases and its sections. The walker the
// sections use is in walk.go.

// decode runs the three phases on data (see decoder) and returns the
// config with its defaults; it is complete only when d.errs is empty.
func (d *decoder) decode(data []byte) *Config {
	cfg := newConfig()
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

// sections returns the decoders of the top-level keys an override's set
// may hold too.
func (d *decoder) sections(cfg *Config) map[string]func(k, v *yaml.Node) {
	return map[string]func(k, v *yaml.Node){
		"kafka":   func(_, v *yaml.Node) { d.kafka(v, &cfg.Kafka) },
		"spool":   func(_, v *yaml.Node) { d.spool(v, &cfg.Spool) },
		"metrics": func(_, v *yaml.Node) { d.metrics(v, &cfg.Metrics) },
		"log":     func(_, v *yaml.Node) { d.log(v, &cfg.Log) },
		"fleet":   func(_, v *yaml.Node) { d.fleet(v, &cfg.Fleet) },
		"streams": func(_, v *yaml.Node) { cfg.Streams = d.streams(v) },
	}
}

// top decodes the whole (merged) file into cfg and fills the defaults
// that depend on what the file says.
func (d *decoder) top(root *yaml.Node, cfg *Config) {
	fields := d.sections(cfg)
	fields["device"] = func(_, v *yaml.Node) { d.device(v, &cfg.Device) }
	fields["overrides"] = func(_, _ *yaml.Node) {} // checked and applied by applyOverrides
	keys, ok := d.mapping(root, d.at(""), fields)
	if !ok {
		return
	}
	switch {
	case d.deviceID != "":
		cfg.Device.ID = d.deviceID
	case !keys.has("device"):
		d.defaultDeviceID(root, &cfg.Device)
	}
	if !keys.has("kafka") {
		d.errorf(root, "kafka: missing: a config needs kafka.brokers")
	}
	cfg.Spool = cfg.Spool.WithDefaults()
	if !keys.has("streams") && !d.streamsOptional {
		d.errorf(root, "streams: missing: a config needs at least one stream")
	}
}
