package fleet

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/edgecam/edgecam/internal/testkit"
)

func validate(t *testing.T, sch *jsonschema.Schema, b []byte) error {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return sch.Validate(inst)
}

func ptr[T any](v T) *T { return &v }

func sampleStatus() *Status {
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	return &Status{
		Schema: SchemaID, Device: "pi-garage-1", Time: now, IntervalSeconds: 10, State: StateSpooling,
		Agent: Agent{Version: "1.2.0", Commit: "abc1234", ConfigDigest: "sha256:" + strings.Repeat("0f", 32),
			Session: "5e2c7a9d0b1f3e4a", Started: now.Add(-6 * time.Hour), UptimeSeconds: 21600},
		Host: Host{Load1: 0.5, Load5: 0.4, Load15: 0.3, MemTotalBytes: 4 << 30, MemAvailableBytes: 3 << 30,
			SpoolDiskFreeBytes: 20 << 30, SpoolDiskTotalBytes: 30 << 30, SoCTempC: ptr(61.3), ClockSynced: ptr(true),
			Throttled: &Throttled{Raw: "0x50000", UnderVoltageOccurred: true, ThrottledOccurred: true}},
		Kafka: Kafka{Connected: false},
		Streams: []Stream{
			{Name: "front", State: "spooling", Reason: "Kafka is not keeping up", Since: now.Add(-time.Minute), Encoder: "v4l2h264enc", Hardware: true,
				FPS: 30, BitrateBPS: 2e6, Restarts: 1, Errors: map[string]int64{"stall": 1}, Captured: 648000, Acked: 646200,
				Spool: Spool{Bytes: 15 << 20, Frames: 1800, OldestAgeSeconds: 60}, LatencyMS: ptr(6.2)},
			{Name: "back", State: "running", Since: now.Add(-6 * time.Hour), Errors: map[string]int64{}},
		},
	}
}

// TestSchema: a full record validates; records with a wrong field do not.
func TestSchema(t *testing.T) {
	sch := testkit.JSONSchema(t, "status.schema.json", Schema)
	good, err := sampleStatus().Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if err := validate(t, sch, good); err != nil {
		t.Fatalf("a full record does not validate: %v\n%s", err, good)
	}
	t.Logf("a record of 2 streams: %d bytes", len(good))
	bad := map[string]func(m map[string]any){
		"schema version": func(m map[string]any) { m["schema"] = "edgecam.status/v0" },
		"unknown field":  func(m map[string]any) { m["colour"] = "red" },
		"state":          func(m map[string]any) { m["state"] = "ok" },
		"time":           func(m map[string]any) { m["time"] = "yesterday" },
		"digest":         func(m map[string]any) { m["agent"].(map[string]any)["config_digest"] = "md5:00" },
		"error kind":     func(m map[string]any) { m["streams"].([]any)[0].(map[string]any)["errors"] = map[string]any{"oops": 1} },
		"negative spool": func(m map[string]any) {
			m["streams"].([]any)[0].(map[string]any)["spool"].(map[string]any)["bytes"] = -1
		},
		"missing streams": func(m map[string]any) { delete(m, "streams") },
	}
	for name, mutate := range bad {
		var m map[string]any
		if err := json.Unmarshal(good, &m); err != nil {
			t.Fatal(err)
		}
		mutate(m)
		b, _ := json.Marshal(m)
		if err := validate(t, sch, b); err == nil {
			t.Errorf("%s: the schema accepts %s", name, b)
		}
	}
}

func TestParse(t *testing.T) {
	b, _ := sampleStatus().Marshal()
	s, err := Parse(b)
	if err != nil || s.Device != "pi-garage-1" || len(s.Streams) != 2 || *s.Host.SoCTempC != 61.3 {
		t.Fatalf("%+v %v", s, err)
	}
	if _, err := Parse([]byte(`{"schema":"edgecam.status/v2","device":"x"}`)); err == nil || !strings.Contains(err.Error(), "upgrade") {
		t.Errorf("v2 record: %v", err)
	}
}

func TestOverall(t *testing.T) {
	st := func(states ...string) []Stream {
		var out []Stream
		for _, s := range states {
			out = append(out, Stream{State: s})
		}
		return out
	}
	for _, c := range []struct {
		states []string
		want   string
	}{
		{nil, StateRunning},
		{[]string{"running", "running"}, StateRunning},
		{[]string{"running", "spooling"}, StateSpooling},
		{[]string{"starting", "spooling"}, StateStarting},
		{[]string{"running", "waiting_for_device"}, StateFailing},
		{[]string{"restarting", "spooling"}, StateFailing},
		{[]string{"stopped"}, StateFailing},
	} {
		if got := Overall(st(c.states...)); got != c.want {
			t.Errorf("Overall(%v) = %s, want %s", c.states, got, c.want)
		}
	}
}
