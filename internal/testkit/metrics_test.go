package testkit

import (
	"strings"
	"testing"
)

const exposition = `# TYPE edgecam_frames_acked_total counter
edgecam_frames_acked_total{stream="a"} 30
edgecam_frames_acked_total{stream="b"} 12
# TYPE edgecam_stream_state gauge
edgecam_stream_state{state="running",stream="a"} 1
edgecam_stream_state{state="stopped",stream="a"} 0
# TYPE edgecam_capture_to_ack_seconds histogram
edgecam_capture_to_ack_seconds_bucket{stream="a",le="0.1"} 25
edgecam_capture_to_ack_seconds_bucket{stream="a",le="+Inf"} 30
edgecam_capture_to_ack_seconds_sum{stream="a"} 1.5
edgecam_capture_to_ack_seconds_count{stream="a"} 30
`

func TestMetricsGet(t *testing.T) {
	m := ParseMetrics(t, strings.NewReader(exposition))
	for _, tc := range []struct {
		name   string
		labels []string
		v      float64
		ok     bool
	}{
		{"edgecam_frames_acked_total", []string{"stream=b"}, 12, true},
		{"edgecam_frames_acked_total", nil, 30, true}, // the first sample
		{"edgecam_stream_state", []string{"stream=a", "state=stopped"}, 0, true},
		{"edgecam_stream_state", []string{"state=running", "stream=a"}, 1, true}, // any order
		{"edgecam_stream_state", []string{"stream=b"}, 0, false},
		{"edgecam_stream_state", []string{"stream=a", "state=running", "kind=x"}, 0, false}, // every label must match
		{"edgecam_capture_to_ack_seconds", []string{"stream=a"}, 30, true},                  // a histogram's count
		{"edgecam_nope", nil, 0, false},
	} {
		if v, ok := m.Get(tc.name, tc.labels...); v != tc.v || ok != tc.ok {
			t.Errorf("Get(%s, %v) = %v, %v; want %v, %v", tc.name, tc.labels, v, ok, tc.v, tc.ok)
		}
	}
	if v := m.Must(t, "edgecam_frames_acked_total", "stream=a"); v != 30 {
		t.Errorf("Must = %v", v)
	}
	var none Metrics
	if _, ok := none.Get("edgecam_frames_acked_total"); ok {
		t.Error("a nil Metrics has a sample")
	}
	f := &fakeTB{}
	m.Must(f, "edgecam_nope", "stream=a")
	if f.failed != "no sample edgecam_nope[stream=a]" {
		t.Errorf("Must of a missing sample: %q", f.failed)
	}
}
