package config

import (
	"time"

	"gopkg.in/yaml.v3"
)

// Fleet is how the agent reports its state to the fleet: a status record
// of the device (versions, config digest, host facts, every stream's state,
// rates and backlog) produced into a compacted Kafka topic, keyed by the
// device id, which `edgecam fleet` reads back (see the README, "Fleet
// status").
type Fleet struct {
	// StatusTopic receives the status records. It must exist and should be
	// compacted (cleanup.policy=compact), so it keeps the last record of
	// every device. Default edgecam.status.
	StatusTopic string
	// StatusInterval is how often a status record is produced (and at once
	// on every change of a stream's state), MinStatusInterval..
	// MaxStatusInterval. Default 10s. `edgecam fleet` marks a device stale
	// after 3 intervals without a record.
	StatusInterval Duration
	// Off turns status reporting off ("fleet: {status: off}" in the file).
	Off bool
}

func (d *decoder) fleet(n *yaml.Node, f *Fleet) {
	d.mapping(n, d.at("fleet"), map[string]func(k, v *yaml.Node){
		"status_topic": func(_, v *yaml.Node) {
			d.text(v, d.at("fleet.status_topic"), checkTopic, &f.StatusTopic)
		},
		"status_interval": func(_, v *yaml.Node) {
			within(d, v, d.at("fleet.status_interval"), MinStatusInterval, MaxStatusInterval, &f.StatusInterval)
		},
		"status": func(_, v *yaml.Node) {
			var s string
			d.choice(v, d.at("fleet.status"), []string{"on", "off"}, &s)
			f.Off = s == "off"
		},
	})
}

// Status interval bounds: a second is plenty for tests and costs a fleet of
// a thousand boxes a thousand small records a second; an hour is the most a
// "last seen" is still worth something.
const (
	MinStatusInterval = Duration(time.Second)
	MaxStatusInterval = Duration(time.Hour)
)
