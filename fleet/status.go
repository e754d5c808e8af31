// Package fleet owns the status record every agent publishes about its
// device (schema edgecam.status/v1, status.schema.json beside this file)
// and what a reader makes of the records of many devices: which are stale,
// which unhealthy, the one line per device of `edgecam fleet`, and the
// fleet's Prometheus metrics.
//
// It imports neither Kafka nor GStreamer: the agent fills a Status from its
// counters and hands the JSON to package kafka; `edgecam fleet` reads the
// records back through package kafka and gives them to this package.
package fleet

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"time"
)

// Schema is the JSON Schema (draft 2020-12) of a status record: the
// documented contract of the status topic. A change that would make an
// older reader misread a record takes a new version (edgecam.status/v2).
//
//go:embed status.schema.json
var Schema []byte

// SchemaID is the value of a record's "schema" field.
const SchemaID = "edgecam.status/v1"

// Device states, worst last: the state of a device is its worst stream's,
// "stopped" after a clean stop of the agent.
const (
	StateRunning  = "running"  // every stream delivers to Kafka
	StateSpooling = "spooling" // every stream delivers, some into their spool (Kafka away or slow)
	StateStarting = "starting" // a stream is starting (no frame yet)
	StateFailing  = "failing"  // a stream is waiting for its camera, restarting, or stopped for good
	StateStopped  = "stopped"  // the agent stopped cleanly: its last record
)

// Status is one status record: the value of a record keyed by the device
// id in the status topic. Field names are the JSON keys; units are in the
// names (_bytes, _seconds, _ms, _c, _bps).
type Status struct {
	Schema string `json:"schema"`
	Device string `json:"device"`
	// Time is when the record was made (the box's clock: see
	// Host.ClockSynced).
	Time time.Time `json:"time"`
	// IntervalSeconds is the agent's fleet.status_interval: a reader
	// marks the device stale after 3 intervals without a record.
	IntervalSeconds float64  `json:"interval_seconds"`
	State           string   `json:"state"`
	Agent           Agent    `json:"agent"`
	Host            Host     `json:"host"`
	Kafka           Kafka    `json:"kafka"`
	Streams         []Stream `json:"streams"`
}

// Agent is the agent run that wrote the record.
type Agent struct {
	Version string `json:"version"`
	Commit  string `json:"commit"`
	// ConfigDigest is "sha256:<hex>" of the effective config as `edgecam
	// config show` prints it (secrets are never in it): two boxes with
	// the same digest run the same settings.
	ConfigDigest  string    `json:"config_digest"`
	Session       string    `json:"session"`
	Started       time.Time `json:"started"`
	UptimeSeconds float64   `json:"uptime_seconds"`
	// StatusDropped counts the status records this run dropped because
	// the status path's buffer was full (Kafka away): status is dropped
	// before a frame ever is.
	StatusDropped int64 `json:"status_dropped"`
}

// Host are the facts of the box (internal/hostinfo); absent keys mean the
// box does not tell.
type Host struct {
	Load1               float64    `json:"load1"`
	Load5               float64    `json:"load5"`
	Load15              float64    `json:"load15"`
	MemTotalBytes       int64      `json:"mem_total_bytes"`
	MemAvailableBytes   int64      `json:"mem_available_bytes"`
	SpoolDiskFreeBytes  int64      `json:"spool_disk_free_bytes"`
	SpoolDiskTotalBytes int64      `json:"spool_disk_total_bytes"`
	SoCTempC            *float64   `json:"soc_temp_c,omitempty"`
	Throttled           *Throttled `json:"throttled,omitempty"`
	ClockSynced         *bool      `json:"clock_synced,omitempty"`
}

// Throttled is a Raspberry Pi's get_throttled word, decoded.
type Throttled struct {
	Raw                   string `json:"raw"`
	UnderVoltage          bool   `json:"under_voltage"`
	FreqCapped            bool   `json:"freq_capped"`
	Throttled             bool   `json:"throttled"`
	SoftTempLimit         bool   `json:"soft_temp_limit"`
	UnderVoltageOccurred  bool   `json:"under_voltage_occurred"`
	FreqCappedOccurred    bool   `json:"freq_capped_occurred"`
	ThrottledOccurred     bool   `json:"throttled_occurred"`
	SoftTempLimitOccurred bool   `json:"soft_temp_limit_occurred"`
}

// Kafka is the video producer's link.
type Kafka struct {
	Connected bool `json:"connected"`
}

// Stream is one camera.
type Stream struct {
	Name   string    `json:"name"`
	State  string    `json:"state"`
	Reason string    `json:"reason,omitempty"`
	Since  time.Time `json:"since"`
	// Encoder is the GStreamer element in use, "" before one is chosen.
	Encoder  string `json:"encoder,omitempty"`
	Hardware bool   `json:"hardware"`
	// FPS and BitrateBPS are the frames and bits per second captured over
	// the last interval.
	FPS        float64          `json:"fps"`
	BitrateBPS float64          `json:"bitrate_bps"`
	Restarts   int64            `json:"restarts"`
	Errors     map[string]int64 `json:"errors"`
	Captured   int64            `json:"frames_captured"`
	Acked      int64            `json:"frames_acked"`
	Spool      Spool            `json:"spool"`
	// LatencyMS is capture → Kafka acknowledgement of the last frame
	// acknowledged, milliseconds; absent before the first.
	LatencyMS *float64 `json:"latency_ms,omitempty"`
}

// Spool is a stream's backlog: what Kafka has not acknowledged yet.
type Spool struct {
	Bytes  int64 `json:"bytes"`
	Frames int64 `json:"frames"`
	// OldestAgeSeconds is the age of the oldest frame waiting, 0 when none.
	OldestAgeSeconds float64 `json:"oldest_age_seconds"`
	// Evicted counts the frames the spool had to drop (full or too old).
	Evicted int64 `json:"evicted"`
}

// Marshal is the record's JSON.
func (s *Status) Marshal() ([]byte, error) { return json.Marshal(s) }

// Parse reads a record; a record of another schema is an error that says so.
func Parse(b []byte) (*Status, error) {
	var s Status
	if err := json.Unmarshal(b, &s); err != nil {
		return nil, fmt.Errorf("status record: %w", err)
	}
	if s.Schema != SchemaID {
		return nil, fmt.Errorf("status record of device %q: schema %q, this edgecam reads %s (upgrade it)", s.Device, s.Schema, SchemaID)
	}
	return &s, nil
}

// Overall is the device state of a set of stream states (see the State*
// constants): the worst of them.
func Overall(streams []Stream) string {
	worst := StateRunning
	rank := map[string]int{StateRunning: 0, StateSpooling: 1, StateStarting: 2, StateFailing: 3}
	for _, s := range streams {
		st := s.State
		switch st {
		case "running", "spooling", "starting":
		default: // waiting_for_device, restarting, stopped
			st = StateFailing
		}
		if rank[st] > rank[worst] {
			worst = st
		}
	}
	return worst
}
