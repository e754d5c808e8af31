package fleet

import (
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"
)

// value finds a series by its labels in a gathered family.
func value(fams []*dto.MetricFamily, name string, labels map[string]string) (float64, bool) {
	for _, f := range fams {
		if f.GetName() != name {
			continue
		}
	next:
		for _, m := range f.GetMetric() {
			got := map[string]string{}
			for _, l := range m.GetLabel() {
				got[l.GetName()] = l.GetValue()
			}
			for k, v := range labels {
				if got[k] != v {
					continue next
				}
			}
			switch {
			case m.Gauge != nil:
				return m.GetGauge().GetValue(), true
			case m.Counter != nil:
				return m.GetCounter().GetValue(), true
			}
		}
	}
	return 0, false
}

func TestCollector(t *testing.T) {
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	garage := sampleStatus()
	shed := sampleStatus()
	shed.Device = "pi-shed"
	var tb Table
	tb.Apply(rec(t, garage, now.Add(-2*time.Second)), rec(t, shed, now.Add(-time.Minute)))
	reg := prometheus.NewPedanticRegistry()
	reg.MustRegister(&Collector{Table: &tb, Now: func() time.Time { return now }})
	fams, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name   string
		labels map[string]string
		want   float64
	}{
		{"edgecam_fleet_device_up", map[string]string{"device": "pi-garage-1"}, 1},
		{"edgecam_fleet_device_up", map[string]string{"device": "pi-shed"}, 0},
		{"edgecam_fleet_device_state", map[string]string{"device": "pi-shed", "state": "stale"}, 1},
		{"edgecam_fleet_device_state", map[string]string{"device": "pi-garage-1", "state": "spooling"}, 1},
		{"edgecam_fleet_device_healthy", map[string]string{"device": "pi-garage-1"}, 1},
		{"edgecam_stream_state", map[string]string{"device": "pi-garage-1", "stream": "front", "state": "spooling"}, 1},
		{"edgecam_spool_oldest_frame_age_seconds", map[string]string{"device": "pi-garage-1", "stream": "front"}, 60},
		{"edgecam_errors_total", map[string]string{"device": "pi-garage-1", "stream": "front", "kind": "stall"}, 1},
		{"edgecam_clock_synced", map[string]string{"device": "pi-garage-1"}, 1},
		{"edgecam_fleet_host_throttled", map[string]string{"device": "pi-garage-1", "flag": "under_voltage_occurred"}, 1},
		{"edgecam_fleet_host_soc_temperature_celsius", map[string]string{"device": "pi-garage-1"}, 61.3},
		{"edgecam_fleet_agent_info", map[string]string{"device": "pi-garage-1", "version": "1.2.0"}, 1},
	} {
		got, ok := value(fams, c.name, c.labels)
		if !ok || got != c.want {
			t.Errorf("%s%v = %v (found %v), want %v", c.name, c.labels, got, ok, c.want)
		}
	}
	n := 0
	for _, f := range fams {
		n += len(f.GetMetric())
	}
	t.Logf("%d series for 2 devices of 2 streams", n)
}
