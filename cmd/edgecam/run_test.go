package main

import (
	"bytes"
	"io"
	"log/slog"
	"net"
	"strings"
	"testing"

	"github.com/edgecam/edgecam/config"
)

// TestLogFromConfig: log.format and log.level come from the config unless
// the command line sets them.
func TestLogFromConfig(t *testing.T) {
	for _, tc := range []struct {
		name   string
		args   []string
		cfg    config.Log
		json   bool
		debugs bool
	}{
		{"defaults", nil, config.Log{}, false, false},
		{"config json debug", nil, config.Log{Format: "json", Level: "debug"}, true, true},
		{"flags win", []string{"--log-format", "text", "--log-level", "info"}, config.Log{Format: "json", Level: "debug"}, false, false},
		{"flag level, config format", []string{"--log-level", "debug"}, config.Log{Format: "json", Level: "error"}, true, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			fs := newFlags("run", io.Discard)
			newLogger := logFlags(fs, &out)
			if err := fs.Parse(tc.args); err != nil {
				t.Fatal(err)
			}
			logFromConfig(fs, tc.cfg)
			log, err := newLogger()
			if err != nil {
				t.Fatal(err)
			}
			log.Debug("d")
			log.Info("i")
			s := out.String()
			if got := strings.HasPrefix(s, "{"); got != tc.json {
				t.Errorf("json=%v, log %q", got, s)
			}
			if got := strings.Count(s, "\n") == 2; got != tc.debugs {
				t.Errorf("debug lines shown=%v, log %q", got, s)
			}
		})
	}
}

// TestListenMetrics: a taken port costs the endpoint, not the agent; off
// serves nothing.
func TestListenMetrics(t *testing.T) {
	var logs bytes.Buffer
	log := slog.New(slog.NewTextHandler(&logs, nil))
	if ln := listenMetrics(config.Metrics{}, log); ln != nil {
		t.Error("metrics off, yet listening")
	}
	ln := listenMetrics(config.Metrics{Listen: "127.0.0.1:0"}, log)
	if ln == nil {
		t.Fatalf("no listener: %s", logs.String())
	}
	defer ln.Close()
	if again := listenMetrics(config.Metrics{Listen: ln.Addr().String()}, log); again != nil {
		again.Close()
		t.Fatal("listened twice on one port")
	}
	if !strings.Contains(logs.String(), "metrics endpoint off") || !strings.Contains(logs.String(), ln.Addr().(*net.TCPAddr).String()) {
		t.Errorf("taken port not explained: %s", logs.String())
	}
}
