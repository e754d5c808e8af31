package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/twmb/franz-go/pkg/kfake"

	"github.com/edgecam/edgecam/fleet"
	"github.com/edgecam/edgecam/kafka"
)

// report produces a status record of device, made at, into the cluster.
func report(t *testing.T, brokers []string, device, state string, at time.Time) {
	t.Helper()
	p, err := kafka.NewProducer(kafka.Config{Brokers: brokers, Topic: "edgecam.video"})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	sp, err := p.NewStatusProducer("edgecam.status")
	if err != nil {
		t.Fatal(err)
	}
	defer sp.Close()
	st := fleet.Status{Schema: fleet.SchemaID, Device: device, Time: at, IntervalSeconds: 10, State: state,
		Agent:   fleet.Agent{Version: "1.0.0", Commit: "abc1234", ConfigDigest: "sha256:" + strings.Repeat("a", 64)},
		Streams: []fleet.Stream{{Name: "cam0", State: "running", Errors: map[string]int64{}}}}
	b, _ := st.Marshal()
	sp.Send(device, b, at)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := sp.Flush(ctx); err != nil || sp.Counts().Sent != 1 {
		t.Fatalf("status record of %s not delivered: %v %+v", device, err, sp.Counts())
	}
}

// TestFleetCommand: lines, JSON, the exit status, --device and --forget,
// against kfake; the config has no streams.
func TestFleetCommand(t *testing.T) {
	c, err := kfake.NewCluster(kfake.NumBrokers(1), kfake.SeedTopics(1, "edgecam.status"))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	brokers := c.ListenAddrs()
	cfg := writeConfig(t, fmt.Sprintf("kafka: {brokers: [%q]}\n", brokers[0]))

	code, out, errOut := runCmd(t, "fleet", "--config", cfg)
	if code != 1 || !strings.Contains(out, "no device has reported") {
		t.Fatalf("empty topic: exit %d\n%s%s", code, out, errOut)
	}
	report(t, brokers, "pi-lobby", fleet.StateRunning, time.Now())
	code, out, errOut = runCmd(t, "fleet", "--config", cfg)
	if code != 0 || !strings.Contains(out, "pi-lobby") || !strings.Contains(out, "1 devices: 1 healthy") {
		t.Fatalf("one healthy device: exit %d\n%s%s", code, out, errOut)
	}
	report(t, brokers, "pi-shed", fleet.StateRunning, time.Now().Add(-time.Minute)) // 6 intervals ago
	code, out, _ = runCmd(t, "fleet", "--config", cfg, "--json")
	var ds []fleet.Device
	if err := json.Unmarshal([]byte(out), &ds); err != nil || code != 1 || len(ds) != 2 || !ds[1].Stale || ds[1].ID != "pi-shed" || ds[0].Status.Agent.Commit != "abc1234" {
		t.Fatalf("a stale device: exit %d, %v\n%s", code, err, out)
	}
	if code, out, _ = runCmd(t, "fleet", "--config", cfg, "--device", "pi-l*"); code != 0 || strings.Contains(out, "pi-shed") {
		t.Fatalf("--device pi-l*: exit %d\n%s", code, out)
	}
	if code, out, _ = runCmd(t, "fleet", "--config", cfg, "--forget", "pi-shed"); code != 0 || !strings.Contains(out, "forgotten") {
		t.Fatalf("--forget: exit %d\n%s", code, out)
	}
	if code, out, _ = runCmd(t, "fleet", "--config", cfg); code != 0 || strings.Contains(out, "pi-shed") {
		t.Fatalf("after --forget: exit %d\n%s", code, out)
	}
	t.Logf("edgecam fleet:\n%s", out)

	// Usage errors exit 2.
	for _, args := range [][]string{{"--device", "[", "--config", cfg}, {"--config", writeConfig(t, "fleet: {}\n")}, {"--every", "1ms", "--config", cfg}} {
		if code, _, errOut := runCmd(t, append([]string{"fleet"}, args...)...); code != 2 {
			t.Errorf("%v: exit %d, want 2\n%s", args, code, errOut)
		}
	}
}
