package config

import (
	"fmt"
	"regexp"

	"gopkg.in/yaml.v3"
)

// Device identifies the box.
type Device struct {
	// ID names this box and is the first half of every Kafka key
	// ("<id>/<stream>"). Default: the host name. "${VAR}" is expanded
	// from the environment; ${HOSTNAME} falls back to the host name.
	// Allowed characters: letters, digits, '.', '_' and '-'.
	ID string
}

// validName matches device ids and stream names: they become Kafka keys,
// file names and metric labels, so they stay plain.
var validName = regexp.MustCompile(`^[A-Za-z0-9._-]+$`)

// nameCheck returns the check of a device id or a stream name; role says
// why it must be plain.
func nameCheck(role string) func(string) error {
	return func(s string) error {
		if !validName.MatchString(s) {
			return fmt.Errorf("%q: use only letters, digits, '.', '_' and '-' (%s)", s, role)
		}
		return nil
	}
}

func (d *decoder) device(n *yaml.Node, dev *Device) {
	keys, ok := d.mapping(n, "device", map[string]func(k, v *yaml.Node){
		"id": func(_, v *yaml.Node) {
			d.text(v, "device.id", nameCheck("it is the first half of every Kafka key"), &dev.ID)
		},
	})
	if ok && !keys.has("id") && d.deviceID == "" {
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
