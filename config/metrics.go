package config

import (
	"fmt"
	"net"
	"strconv"

	"gopkg.in/yaml.v3"
)

// Metrics is the agent's HTTP endpoint: Prometheus /metrics and /healthz.
type Metrics struct {
	// Listen is host:port. Default 127.0.0.1:9108 from a config file;
	// "off" in the file (the empty string in Go) serves nothing.
	Listen string
}

// MetricsOff is the metrics.listen value that serves nothing.
const MetricsOff = "off"

func (d *decoder) metrics(n *yaml.Node, m *Metrics) {
	d.mapping(n, d.at("metrics"), map[string]func(k, v *yaml.Node){
		"listen": func(_, v *yaml.Node) {
			if d.text(v, d.at("metrics.listen"), checkListen, &m.Listen) && m.Listen == MetricsOff {
				m.Listen = ""
			}
		},
	})
}

// checkListen checks a metrics.listen value: host:port or off.
func checkListen(s string) error {
	if s == MetricsOff {
		return nil
	}
	_, port, err := net.SplitHostPort(s)
	if err != nil {
		return fmt.Errorf("%q: want host:port (127.0.0.1:9108, :9108 for every interface) or off", s)
	}
	// Port 0 takes a free port: tests that run several agents.
	return checkPort(s, port, 0)
}

// checkPort checks the port of the address s: a number lo..65535.
func checkPort(s, port string, lo int) error {
	if n, err := strconv.Atoi(port); err != nil || n < lo || n > 65535 {
		return fmt.Errorf("%q: the port must be a number %d..65535", s, lo)
	}
	return nil
}
