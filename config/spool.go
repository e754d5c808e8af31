package config

import "gopkg.in/yaml.v3"

// Spool is the disk ring buffer that holds frames Kafka has not
// acknowledged yet (see DESIGN.md, "Spool"). The limits of each key are
// the Min* and Max* constants; the defaults are applied by WithDefaults.
type Spool struct {
	// Dir holds one directory per stream. Default /var/lib/edgecam/spool,
	// or $STATE_DIRECTORY/spool under systemd. A relative path is taken
	// relative to the config file's directory.
	Dir string
	// Mode is SpoolOutage (default: frames wait in memory and spill to
	// disk when Kafka is unreachable or slower than the camera) or
	// SpoolAlways (every frame is on disk before it is produced: survives
	// a power cut up to the fsync window).
	Mode SpoolMode
	// MaxSize bounds the spool of each stream on disk, 1MiB..1PiB; when
	// reached the oldest whole segments (whole GOPs) are evicted and
	// counted. Default 2GiB. It must hold at least two segments.
	MaxSize Size
	// MaxAge evicts segments older than this, at least 1m. Default 0: no
	// age limit.
	MaxAge Duration
	// Fsync is FsyncInterval (default, every FsyncInterval),
	// FsyncKeyframe or FsyncAlways; segment rotation always syncs.
	Fsync FsyncPolicy
	// FsyncInterval is the period of the interval policy, at least 10ms.
	// Default 500ms.
	FsyncInterval Duration
	// DrainRate caps the backlog drain after an outage, bytes per second
	// ("8MiB/s"), at most 1TiB/s. Default 0: as fast as Kafka accepts.
	DrainRate Rate
	// SegmentSize is the size of each segment file, 64KiB..1GiB, and so
	// what a full spool evicts at once. Default 32MiB, or a quarter of
	// MaxSize when that is smaller.
	SegmentSize Size
	// Memory is how much an outage-mode stream keeps in memory while
	// Kafka is slow before it spills to disk, 1MiB..4GiB. Default 16MiB.
	Memory Size
}

func (d *decoder) spool(n *yaml.Node, sp *Spool) {
	p := func(key string) string { return d.at("spool." + key) }
	d.mapping(n, d.at("spool"), map[string]func(k, v *yaml.Node){
		"dir":      func(_, v *yaml.Node) { d.path(v, p("dir"), &sp.Dir) },
		"mode":     func(_, v *yaml.Node) { d.value(v, p("mode"), &sp.Mode) },
		"fsync":    func(_, v *yaml.Node) { d.value(v, p("fsync"), &sp.Fsync) },
		"max_size": func(_, v *yaml.Node) { within(d, v, p("max_size"), MinSpoolMaxSize, MaxSpoolMaxSize, &sp.MaxSize) },
		"segment_size": func(_, v *yaml.Node) {
			within(d, v, p("segment_size"), MinSegmentSize, MaxSegmentSize, &sp.SegmentSize)
		},
		"memory":     func(_, v *yaml.Node) { within(d, v, p("memory"), MinSpoolMemory, MaxSpoolMemory, &sp.Memory) },
		"drain_rate": func(_, v *yaml.Node) { within(d, v, p("drain_rate"), 0, MaxDrainRate, &sp.DrainRate) },
		"max_age":    func(_, v *yaml.Node) { within(d, v, p("max_age"), MinMaxAge, 0, &sp.MaxAge) },
		"fsync_interval": func(_, v *yaml.Node) {
			within(d, v, p("fsync_interval"), MinFsyncInterval, 0, &sp.FsyncInterval)
		},
	})
	if sp.SegmentSize > 0 && sp.MaxSize > 0 && sp.MaxSize < 2*sp.SegmentSize {
		d.errorf(n, "%s: max_size %s must hold at least two segments of segment_size %s", d.at("spool"), sp.MaxSize, sp.SegmentSize)
	}
}
