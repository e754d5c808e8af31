package config

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestFleetRules(t *testing.T) {
	dir := testFiles(t)
	checkErrors(t, dir, []errCase{
		{name: "interval too short", yaml: kafkaBase + okStream + "fleet: {status_interval: 500ms}\n",
			want: []string{`5:26: fleet.status_interval: 500ms is out of range 1s..1h`}},
		{name: "interval bare number", yaml: kafkaBase + okStream + "fleet: {status_interval: 10}\n",
			want: []string{`5:26: fleet.status_interval: "10" is not a duration`}},
		{name: "topic", yaml: kafkaBase + okStream + "fleet: {status_topic: \"a b\"}\n",
			want: []string{`5:23: fleet.status_topic: "a b"`}},
		{name: "status", yaml: kafkaBase + okStream + "fleet: {status: maybe}\n",
			want: []string{`5:17: fleet.status: "maybe": want one of [on off]`}},
		{name: "unknown key", yaml: kafkaBase + okStream + "fleet: {interval: 1s}\n",
			want: []string{`5:9: fleet: unknown key "interval"`}},
	})
}

func TestFleetDefaultsAndOverride(t *testing.T) {
	cfg, err := Parse("cam.yaml", []byte(kafkaBase+okStream))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Fleet != (Fleet{StatusTopic: "edgecam.status", StatusInterval: Duration(10 * time.Second)}) {
		t.Errorf("defaults: %+v", cfg.Fleet)
	}
	y := kafkaBase + okStream + "fleet: {status_topic: fleet.s}\noverrides:\n  - match: \"d\"\n    set: {fleet: {status_interval: 1s, status: off}}\n"
	cfg, err = Parse("cam.yaml", []byte(y))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Fleet != (Fleet{StatusTopic: "fleet.s", StatusInterval: Duration(time.Second), Off: true}) {
		t.Errorf("override: %+v", cfg.Fleet)
	}
	// config show prints it, and it loads back the same.
	out, err := cfg.YAML()
	if err != nil {
		t.Fatal(err)
	}
	back, err := Parse("cam.yaml", out)
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if back.Fleet != cfg.Fleet {
		t.Errorf("round trip: %+v, want %+v\n%s", back.Fleet, cfg.Fleet, out)
	}
}

// TestLoadFleet: `edgecam fleet` needs no streams; Load still does.
func TestLoadFleet(t *testing.T) {
	path := filepath.Join(t.TempDir(), "mon.yaml")
	if err := os.WriteFile(path, []byte("kafka: {brokers: [\"k:9092\"]}\nfleet: {status_interval: 2s}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, err := LoadFleet(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(cfg.Streams) != 0 || cfg.Fleet.StatusInterval != Duration(2*time.Second) {
		t.Errorf("%+v", cfg)
	}
	if _, err := Load(path); err == nil {
		t.Error("Load accepted a config without streams")
	}
}
