package e2e

import (
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/edgecam/edgecam/internal/testkit"
)

// metricsBody is the config's metrics section on a free loopback port; it
// returns the base URL.
func metricsBody(t *testing.T) (yaml, url string) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return fmt.Sprintf("metrics:\n  listen: %s\n", addr), "http://" + addr
}

// scrape reads /metrics as Prometheus does; nil while the endpoint is not
// up yet.
func scrape(t *testing.T, url string) testkit.Metrics {
	t.Helper()
	resp, err := http.Get(url + "/metrics")
	if err != nil {
		return nil
	}
	defer resp.Body.Close()
	return testkit.ParseMetrics(t, resp.Body)
}

type healthz struct {
	Status  string `json:"status"`
	Streams map[string]struct {
		State  string `json:"state"`
		Reason string `json:"reason"`
	} `json:"streams"`
}

func getHealth(t *testing.T, url string) (int, healthz, string) {
	t.Helper()
	resp, err := http.Get(url + "/healthz")
	if err != nil {
		return 0, healthz{}, err.Error()
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	var h healthz
	if err := json.Unmarshal(body, &h); err != nil {
		t.Fatalf("/healthz body %q: %v", body, err)
	}
	return resp.StatusCode, h, string(body)
}

// until polls cond every 200 ms for at most frameTimeout; the failure
// shows the end of the agent's log.
func until(t *testing.T, a *agentProc, what string, cond func() bool) {
	t.Helper()
	testkit.Wait(t, what, frameTimeout, 200*time.Millisecond, cond, func() string { return lastLines(a.logs.String(), 40) })
}

// TestMetricsMatchKafka: the real binary serves /metrics and /healthz on
// metrics.listen. While it streams every frame counter moves and /healthz
// says 200. Then the link to Kafka is frozen in the agent→broker direction
// only (toxiproxy drops what the agent sends; answers to what the broker
// already has still come back), so the acknowledged count settles on
// exactly what reached Kafka: edgecam_frames_acked_total must equal the
// records kcat reads from the broker directly. The stream spools
// meanwhile (/healthz: still 200, state spooling) and delivers everything
// once the link is back.
func TestMetricsMatchKafka(t *testing.T) {
	brokers, bin := env(t)
	proxy := newProxy(t)
	mcfg, url := metricsBody(t)
	cfg, device := writeConfigSpool(t, proxyAddr, "", oneTestStream+mcfg)
	key := device + "/" + faultStream
	a := startAgent(t, bin, cfg)
	cam := "stream=" + faultStream

	value := func(name string, labels ...string) float64 {
		v, _ := scrape(t, url).Get(name, labels...)
		return v
	}
	until(t, a, "60 frames acknowledged", func() bool { return value("edgecam_frames_acked_total", cam) >= 60 })
	fams := scrape(t, url)
	for _, name := range []string{"edgecam_frames_captured_total", "edgecam_frames_encoded_total", "edgecam_frames_produced_total",
		"edgecam_frames_acked_total", "edgecam_bytes_encoded_total", "edgecam_keyframes_total", "edgecam_capture_to_ack_seconds"} {
		if v, _ := fams.Get(name, cam); v <= 0 {
			t.Errorf("%s = %v while streaming", name, v)
		}
	}
	for name, labels := range map[string][]string{
		"edgecam_stream_state":    {cam, "state=running"},
		"edgecam_kafka_connected": nil,
		"edgecam_encoder_info":    {cam},
	} {
		if v, _ := fams.Get(name, labels...); v != 1 {
			t.Errorf("%s%v = %v, want 1", name, labels, v)
		}
	}
	if code, h, body := getHealth(t, url); code != http.StatusOK || h.Streams[faultStream].State != "running" {
		t.Errorf("/healthz while streaming: %d %s", code, body)
	}

	// Freeze the agent→broker direction.
	if _, err := proxy.Toxics.AddToxicJson(strings.NewReader(`{"name":"freeze","type":"timeout","stream":"upstream","attributes":{"timeout":0}}`)); err != nil {
		t.Fatal(err)
	}
	var acked float64
	stableSince := time.Now()
	until(t, a, "acknowledgements settled and the stream spooling", func() bool {
		v := value("edgecam_frames_acked_total", cam)
		if v != acked {
			acked, stableSince = v, time.Now()
		}
		return time.Since(stableSince) > 2*time.Second && value("edgecam_stream_state", cam, "state=spooling") == 1
	})
	recs := readKey(t, brokers, key)
	if float64(len(recs)) != acked {
		t.Fatalf("edgecam_frames_acked_total = %v, Kafka holds %d records of %s", acked, len(recs), key)
	}
	if code, h, body := getHealth(t, url); code != http.StatusOK || h.Streams[faultStream].State != "spooling" {
		t.Errorf("/healthz while spooling: %d %s", code, body)
	}
	if v := value("edgecam_spool_frames", cam); v <= 0 {
		t.Errorf("edgecam_spool_frames = %v while spooling", v)
	}
	t.Logf("frozen: acked %v = %d records in Kafka", acked, len(recs))

	if err := proxy.Toxics.RemoveToxic(t.Context(), "freeze"); err != nil {
		t.Fatal(err)
	}
	a.waitLog(t, "spool drained; back to the direct path")
	if v := value("edgecam_spool_drained_frames_total", cam); v <= 0 {
		t.Errorf("edgecam_spool_drained_frames_total = %v after the drain", v)
	}
	logs := a.stop(t)
	recs = readKey(t, brokers, key)
	checkDelivery(t, recs, nil, 0)
	if want := finalFrames(t, logs, faultStream); len(recs) != want {
		t.Fatalf("Kafka has %d frames, the agent encoded %d", len(recs), want)
	}
}

// TestHealthzMissingCamera: /healthz answers 503 naming the missing camera
// while the other stream runs, and the state gauge agrees.
func TestHealthzMissingCamera(t *testing.T) {
	brokers, bin := env(t)
	mcfg, url := metricsBody(t)
	cfg, _ := writeConfig(t, brokers, oneTestStream+`  - name: gone
    source: {type: v4l2, device: /dev/video98}
`+mcfg)
	a := startAgent(t, bin, cfg)
	var body string
	until(t, a, "503 naming the missing camera", func() bool {
		code, h, b := getHealth(t, url)
		body = b
		return code == http.StatusServiceUnavailable && h.Status == "unhealthy" &&
			h.Streams["gone"].State == "waiting_for_device" && strings.Contains(h.Streams["gone"].Reason, "/dev/video98") &&
			h.Streams[faultStream].State == "running"
	})
	fams := scrape(t, url)
	if v, _ := fams.Get("edgecam_stream_state", "stream=gone", "state=waiting_for_device"); v != 1 {
		t.Errorf("state gauge of the missing camera: %v", v)
	}
	if v, _ := fams.Get("edgecam_errors_total", "stream=gone", "kind=device_missing"); v != 1 {
		t.Errorf("device_missing errors: %v, want 1", v)
	}
	a.stop(t)
	t.Logf("/healthz: %s", body)
}
