package config

import (
	"cmp"
	"fmt"
	"os"
	"slices"
)

// Config is a whole edgecam configuration, defaults applied and validated.
// Each section's type is in the file of its name (device.go, kafka.go,
// spool.go, metrics.go, log.go, fleet.go, stream.go, source.go), with its keys, its
// checks and its decoder.
type Config struct {
	// Path is the file the config was read from.
	Path    string
	Device  Device
	Kafka   Kafka
	Spool   Spool
	Metrics Metrics
	Log     Log
	Fleet   Fleet
	Streams []Stream
}

// Load reads and validates the config file at path for this device (its
// device.id, else the host name). Problems in the file come back as
// Errors, one per problem.
func Load(path string) (*Config, error) { return LoadFor(path, "") }

// LoadFor reads and validates the config file at path as the device
// deviceID sees it: the overrides whose match fits deviceID are applied
// and device.id is deviceID. An empty deviceID means the file's device.id,
// else the host name. That is how one fleet file is checked for each kind
// of device from a workstation.
func LoadFor(path, deviceID string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	return ParseFor(path, data, deviceID)
}

// Parse validates the config in data; name is used in error positions and
// relative paths in the file are taken from name's folder.
func Parse(name string, data []byte) (*Config, error) { return ParseFor(name, data, "") }

// ParseFor is Parse for the device deviceID (see LoadFor).
func ParseFor(name string, data []byte, deviceID string) (*Config, error) {
	return parse(name, data, deviceID, false)
}

// parse is ParseFor; streamsOptional: see LoadFleet.
func parse(name string, data []byte, deviceID string, streamsOptional bool) (*Config, error) {
	if deviceID != "" && !validName.MatchString(deviceID) {
		return nil, fmt.Errorf("config: device id %q: use only letters, digits, '.', '_' and '-'", deviceID)
	}
	d := newDecoder(name, deviceID)
	d.streamsOptional = streamsOptional
	cfg := d.decode(data)
	if len(d.errs) > 0 {
		// File order, as an editor lists problems.
		slices.SortStableFunc(d.errs, func(a, b *Error) int {
			return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
		})
		return nil, d.errs
	}
	cfg.Path = name
	return cfg, nil
}

// LoadFleet reads and validates the config file at path like Load, for
// the commands that only read Kafka (`edgecam fleet`): streams may be
// missing or all off, so a monitoring host needs only kafka and fleet.
func LoadFleet(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	return parse(path, data, "", true)
}
