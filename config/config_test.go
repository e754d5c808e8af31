package config

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

const good = `device:
  id: pi-1
kafka:
  brokers: ["127.0.0.1:9092", "kafka-2:9093"]
  topic: cams
streams:
  - name: front
    source: {type: v4l2, device: /dev/video0}
    width: 640
    height: 480
    fps: 15
    bitrate_kbps: 800
    keyframe_interval: 2s
    encoder: x264enc
  - name: test
    source:
      type: test
`

func TestParseGood(t *testing.T) {
	cfg, err := Parse("good.yaml", []byte(good))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Device.ID != "pi-1" || cfg.Kafka.Topic != "cams" || len(cfg.Kafka.Brokers) != 2 || len(cfg.Streams) != 2 {
		t.Fatalf("got %+v", cfg)
	}
	front := cfg.Streams[0]
	want := Stream{Name: "front", Source: Source{Type: SourceV4L2, Device: "/dev/video0", Format: V4L2Auto}, Width: 640, Height: 480, FPS: 15,
		BitrateKbps: 800, KeyframeInterval: Duration(2 * time.Second), Encoder: "x264enc"}
	if front != want {
		t.Errorf("front = %+v, want %+v", front, want)
	}
	// Defaults fill what the file leaves out.
	def := Stream{Name: "test", Source: Source{Type: SourceTest, Pattern: DefaultPattern}, Width: 1280, Height: 720, FPS: 30,
		BitrateKbps: 2000, KeyframeInterval: Duration(time.Second), Encoder: EncoderAuto}
	if cfg.Streams[1] != def {
		t.Errorf("defaults = %+v, want %+v", cfg.Streams[1], def)
	}
}

func TestDefaultsDeviceAndTopic(t *testing.T) {
	host, err := os.Hostname()
	if err != nil || !validName.MatchString(host) {
		t.Skipf("host name %q unusable: %v", host, err)
	}
	cfg, err := Parse("x.yaml", []byte("kafka: {brokers: [\"k:9092\"]}\nstreams: [{name: a, source: {type: test}}]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Device.ID != host || cfg.Kafka.Topic != DefaultTopic {
		t.Errorf("device %q topic %q, want %q %q", cfg.Device.ID, cfg.Kafka.Topic, host, DefaultTopic)
	}
}

func TestExpandDeviceID(t *testing.T) {
	t.Setenv("EDGECAM_TEST_SITE", "garage")
	cfg, err := Parse("x.yaml", []byte("device: {id: \"pi-${EDGECAM_TEST_SITE}\"}\nkafka: {brokers: [\"k:9092\"]}\nstreams: [{name: a, source: {type: test}}]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Device.ID != "pi-garage" {
		t.Errorf("id = %q", cfg.Device.ID)
	}
	_, err = Parse("x.yaml", []byte("device: {id: \"pi-${EDGECAM_TEST_UNSET_VAR}\"}\nkafka: {brokers: [\"k:9092\"]}\nstreams: [{name: a, source: {type: test}}]\n"))
	if err == nil || !strings.Contains(err.Error(), "x.yaml:1:14: device.id: ${EDGECAM_TEST_UNSET_VAR} is not set") {
		t.Errorf("err = %v", err)
	}
}

// TestParseErrors: each broken file gives exactly these problems, at these
// positions (line:col of the key or value at fault).
func TestParseErrors(t *testing.T) {
	base := "device: {id: d}\nkafka:\n  brokers: [\"k:9092\"]\n"
	cases := []struct {
		name, yaml string
		want       []string // "line:col: substring"
	}{
		{"unknown top key", base + "streams: [{name: a, source: {type: test}}]\nspoool: {}\n",
			[]string{`5:1: the config: unknown key "spoool"`}},
		{"unknown key suggestion", base + "streams:\n  - name: a\n    source: {type: test}\n    bitrate: 100\n",
			[]string{`7:5: streams[0]: unknown key "bitrate"`}},
		{"typo suggestion", base + "streams:\n  - name: a\n    source: {type: test}\n    widht: 640\n",
			[]string{`7:5: streams[0]: unknown key "widht" (did you mean "width"?)`}},
		{"wrong type int", base + "streams:\n  - name: a\n    source: {type: test}\n    width: wide\n",
			[]string{`7:12: streams[0].width: want a whole number, got the text "wide"`}},
		{"wrong type list", "kafka:\n  brokers: k:9092\nstreams: [{name: a, source: {type: test}}]\n",
			[]string{`2:12: kafka.brokers: want a list of host:port`}},
		{"wrong type mapping", base + "streams:\n  - name: a\n    source: test\n",
			[]string{`6:13: streams[0].source: want a mapping`}},
		{"no brokers key", "kafka: {topic: t}\nstreams: [{name: a, source: {type: test}}]\n",
			[]string{`1:8: kafka.brokers: missing`}},
		{"empty brokers", "kafka: {brokers: []}\nstreams: [{name: a, source: {type: test}}]\n",
			[]string{`1:18: kafka.brokers: empty`}},
		{"no kafka", "streams: [{name: a, source: {type: test}}]\n",
			[]string{`1:1: kafka: missing`}},
		{"bad broker", "kafka: {brokers: [\"k:99999\", nohost]}\nstreams: [{name: a, source: {type: test}}]\n",
			[]string{`1:19: kafka.brokers[0]: "k:99999": the port`, `1:30: kafka.brokers[1]: "nohost": want host:port`}},
		{"no streams", base, []string{`1:1: streams: missing`}},
		{"empty streams", base + "streams: []\n", []string{`4:10: streams: empty`}},
		{"duplicate names", base + "streams:\n  - name: cam\n    source: {type: test}\n  - name: cam\n    source: {type: test}\n",
			[]string{`7:11: streams[1].name: "cam" is already the name of the stream at line 5`}},
		{"many at once", base + "streams:\n  - name: a b\n    fps: 500\n    source: {type: v4l2}\n    encoder: x265enc\n    keyframe_interval: 2\n",
			[]string{`5:11: streams[0].name: "a b": use only`, `6:10: streams[0].fps: 500 is out of range 1..120`,
				`7:13: streams[0].source.device: missing`, `8:14: streams[0].encoder: unknown encoder "x265enc"`,
				`9:24: streams[0].keyframe_interval: "2" is not a duration`}},
		{"odd width", base + "streams: [{name: a, width: 641, source: {type: test}}]\n",
			[]string{`4:28: streams[0].width: 641 is odd`}},
		{"bad source type", base + "streams: [{name: a, source: {type: usb}}]\n",
			[]string{`4:36: streams[0].source.type: unknown source type "usb"`}},
		{"missing source type", base + "streams: [{name: a, source: {device: /dev/video0}}]\n",
			[]string{`4:29: streams[0].source.type: missing`}},
		{"test with device", base + "streams: [{name: a, source: {type: test, device: /dev/video0}}]\n",
			[]string{`4:42: streams[0].source.device: a test source has no device`}},
		{"bad pattern", base + "streams: [{name: a, source: {type: test, pattern: bal}}]\n",
			[]string{`4:51: streams[0].source.pattern: unknown test pattern "bal" (did you mean "ball"?)`}},
		{"duplicate key", base + "streams: [{name: a, name: b, source: {type: test}}]\n",
			[]string{`4:21: streams[0]: name given twice (first at line 4)`}},
		{"repeated unknown key", base + "streams: [{name: a, source: {type: test}}]\nspoool: {}\nspoool: {}\n",
			[]string{`5:1: the config: unknown key "spoool"`, `6:1: the config: spoool given twice (first at line 5)`}},
		{"bad topic", "kafka: {brokers: [\"k:1\"], topic: \"my topic\"}\nstreams: [{name: a, source: {type: test}}]\n",
			[]string{`1:34: kafka.topic: "my topic"`}},
		{"syntax", "kafka:\n  brokers: [\"k:1\"\nstreams: []\n", []string{`:1: YAML syntax:`}},
		{"empty file", "", []string{`1:1: the file is empty`}},
		{"not a mapping", "- a\n- b\n", []string{`1:1: the config: want a mapping`}},
		{"two documents", base + "streams: [{name: a, source: {type: test}}]\n---\nkafka: {}\n", []string{`5:1: a second YAML document`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse("cam.yaml", []byte(c.yaml))
			var errs Errors
			if !errors.As(err, &errs) {
				t.Fatalf("err = %v (%T), want Errors", err, err)
			}
			if len(errs) != len(c.want) {
				t.Errorf("%d errors, want %d:\n%v", len(errs), len(c.want), err)
			}
			for i, w := range c.want {
				if i >= len(errs) {
					break
				}
				if got := errs[i].Error(); !strings.HasPrefix(got, "cam.yaml:") || !strings.Contains(got, w) {
					t.Errorf("error %d = %q, want it to contain %q", i, got, w)
				}
			}
		})
	}
}

func TestLoadDemoConfig(t *testing.T) {
	cfg, err := Load(filepath.Join("..", "configs", "demo.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	s := cfg.Streams[0]
	if cfg.Kafka.Brokers[0] != "127.0.0.1:9092" || s.Source.Type != SourceTest || s.Width != 1280 || s.Height != 720 || s.FPS != 30 {
		t.Errorf("demo config = %+v", cfg)
	}
}

func TestLoadMissingFile(t *testing.T) {
	_, err := Load(filepath.Join(t.TempDir(), "nope.yaml"))
	if !errors.Is(err, os.ErrNotExist) {
		t.Errorf("err = %v, want not-exist", err)
	}
}

// FuzzParse: no input makes Parse panic, and every rejection carries a
// position inside the file.
func FuzzParse(f *testing.F) {
	f.Add([]byte(good))
	f.Add([]byte("kafka: {brokers: []}\nstreams: [{name: a, source: {type: usb}}]\n"))
	f.Add([]byte("a: &x [1]\nb: *x\n"))
	f.Add([]byte(mergeBase + "overrides:\n  - match: \"pi-*\"\n    set: {streams: [{name: front, enabled: false}, {name: n, source: {type: rtsp, url: \"rtsp://c/1\"}}]}\n"))
	f.Add([]byte(mergeBase + "overrides:\n  - match: \"pi-[\"\n    set: &s {device: {id: x}, streams: [{fps: 5}]}\n  - {match: x, set: *s}\n"))
	f.Add([]byte("device: {id: \"${HOSTNAME:-pi}\"}\nkafka: {brokers: [\"${K:-k:1}\"]}\nstreams: [{name: a, fps: ${F:-5}, source: {type: test, pattern: \"${P\"}}]\n"))
	f.Add([]byte("kafka: {brokers: [\"k:1\"], sasl: {mechanism: PLAIN, username: u, password_file: /nonexistent}, tls: {cert_file: /dev/null}}\nstreams: [{name: a, encoder: v4l2h264enc, width: 1920, height: 1080, fps: 60, source: {type: nvargus, sensor_id: 9}}]\nmetrics: {listen: off}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		// As a device of a fleet: overrides matched and merged.
		if cfg, err := ParseFor("f.yaml", data, "pi-1"); err == nil && (cfg.Device.ID != "pi-1" || len(cfg.Streams) == 0) {
			t.Fatalf("accepted for pi-1: %+v", cfg)
		}
		cfg, err := Parse("f.yaml", data)
		if err == nil {
			if cfg == nil || len(cfg.Streams) == 0 || len(cfg.Kafka.Brokers) == 0 {
				t.Fatalf("accepted an incomplete config: %+v", cfg)
			}
			return
		}
		var errs Errors
		if !errors.As(err, &errs) || len(errs) == 0 {
			t.Fatalf("err %v is not Errors", err)
		}
		lines := strings.Count(string(data), "\n") + strings.Count(string(data), "\r") + 2 // YAML breaks lines at \r too
		for _, e := range errs {
			if e.Line < 1 || e.Line > lines || e.Col < 1 {
				t.Fatalf("position %d:%d outside the file (%d lines): %v", e.Line, e.Col, lines, e)
			}
		}
	})
}

func TestSpool(t *testing.T) {
	base := "kafka: {brokers: [\"k:9092\"]}\nstreams: [{name: a, source: {type: test}}]\n"
	t.Setenv("STATE_DIRECTORY", "")
	cfg, err := Parse("/etc/edgecam/e.yaml", []byte(base))
	if err != nil {
		t.Fatal(err)
	}
	want := Spool{Dir: DefaultSpoolDir, Mode: SpoolOutage, MaxSize: 2 << 30, Fsync: FsyncInterval,
		FsyncInterval: Duration(500 * time.Millisecond), SegmentSize: 32 << 20, Memory: 16 << 20}
	if cfg.Spool != want {
		t.Errorf("defaults %+v, want %+v", cfg.Spool, want)
	}
	t.Setenv("STATE_DIRECTORY", "/var/lib/edgecam:/other")
	if cfg, _ := Parse("e.yaml", []byte(base)); cfg.Spool.Dir != "/var/lib/edgecam/spool" {
		t.Errorf("under systemd: dir %q", cfg.Spool.Dir)
	}
	cfg, err = Parse("/etc/edgecam/e.yaml", []byte(base+"spool: {dir: spool, mode: always, max_size: 64MiB, max_age: 2h, fsync: keyframe, drain_rate: 4MiB/s}\n"))
	if err != nil {
		t.Fatal(err)
	}
	want = Spool{Dir: "/etc/edgecam/spool", Mode: SpoolAlways, MaxSize: 64 << 20, MaxAge: Duration(2 * time.Hour), Fsync: FsyncKeyframe,
		FsyncInterval: Duration(500 * time.Millisecond), DrainRate: 4 << 20, SegmentSize: 16 << 20, Memory: 16 << 20}
	if cfg.Spool != want {
		t.Errorf("got %+v, want %+v", cfg.Spool, want)
	}
	_, err = Parse("e.yaml", []byte(base+"spool:\n  mode: sometimes\n  max_size: lots\n  segment_size: 1GiB\n  fsync: allways\n"))
	for _, w := range []string{`e.yaml:4:9: spool.mode: "sometimes"`, `e.yaml:5:13: spool.max_size: "lots" is not a size`,
		`e.yaml:7:10: spool.fsync: "allways": want one of [interval keyframe always] (did you mean "always"?)`} {
		if err == nil || !strings.Contains(err.Error(), w) {
			t.Errorf("err = %v, want %q", err, w)
		}
	}
}

// fleetCredentials makes the files configs/fleet.example.yaml reads from
// $CREDENTIALS_DIRECTORY and points the variable at them.
func fleetCredentials(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range map[string]string{
		"kafka-ca.pem":         "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n",
		"kafka-password":       kafkaPassword + "\n",
		"door-camera-password": cameraPass + "\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("CREDENTIALS_DIRECTORY", dir)
	t.Setenv("STATE_DIRECTORY", "")
	return dir
}

// TestFleetExample: the fleet example loads for each group of devices,
// with the overrides of that group applied.
func TestFleetExample(t *testing.T) {
	creds := fleetCredentials(t)
	path := filepath.Join("..", "configs", "fleet.example.yaml")
	cases := []struct{ device, want string }{
		{"pi-lobby", "id=pi-lobby brokers=kafka-1.example.net:9093,kafka-2.example.net:9093,kafka-3.example.net:9093 topic=edgecam.video tls= spool=outage/4GiB log=info" +
			" front:libcamera::1280x720@30:2000:auto"},
		{"pi-garage-1", "id=pi-garage-1 brokers=kafka-1.example.net:9093,kafka-2.example.net:9093,kafka-3.example.net:9093 topic=edgecam.video tls= spool=outage/8GiB log=info" +
			" front:libcamera::1280x720@30:1200:auto door:rtsp:rtsp://192.0.2.20:554/Streaming/Channels/101:1280x720@30:2000:none"},
		{"pi-garage-3", "id=pi-garage-3 brokers=kafka-1.example.net:9093,kafka-2.example.net:9093,kafka-3.example.net:9093 topic=edgecam.video tls= spool=outage/8GiB log=debug" +
			" door:rtsp:rtsp://192.0.2.20:554/Streaming/Channels/101:1280x720@30:2000:none"},
		{"jetson-dock-1", "id=jetson-dock-1 brokers=kafka-1.example.net:9093,kafka-2.example.net:9093,kafka-3.example.net:9093 topic=edgecam.video tls= spool=always/64GiB log=info" +
			" front:nvargus:0:1920x1080@30:6000:nvv4l2h264enc rear:nvargus:1:1920x1080@30:6000:nvv4l2h264enc"},
	}
	for _, c := range cases {
		cfg, err := LoadFor(path, c.device)
		if err != nil {
			t.Fatalf("%s: %v", c.device, err)
		}
		if got := summary(cfg); got != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.device, got, c.want)
		}
		sasl := cfg.Kafka.SASL
		if cfg.Kafka.TLS.CAFile != filepath.Join(creds, "kafka-ca.pem") || sasl.Mechanism != SASLScramSHA512 || sasl.Password.Reveal() != kafkaPassword {
			t.Errorf("%s: tls %+v sasl %+v", c.device, cfg.Kafka.TLS, sasl)
		}
		if cfg.Log.Format != LogJSON || cfg.Metrics.Listen != "127.0.0.1:9108" || time.Duration(cfg.Spool.MaxAge) != 24*time.Hour {
			t.Errorf("%s: log %+v metrics %+v spool %+v", c.device, cfg.Log, cfg.Metrics, cfg.Spool)
		}
	}
	// Without --device the file's device.id, ${HOSTNAME}, decides.
	t.Setenv("HOSTNAME", "jetson-dock-2")
	if cfg, err := Load(path); err != nil || len(cfg.Streams) != 2 || cfg.Spool.Dir != "/srv/edgecam/spool" {
		t.Errorf("as jetson-dock-2: %+v, %v", cfg, err)
	}
}

// TestShowRoundTrip: what config show prints loads back into the same
// config, for every device of the fleet example and for the demo.
func TestShowRoundTrip(t *testing.T) {
	fleetCredentials(t)
	for _, c := range []struct{ file, device string }{
		{"fleet.example.yaml", "pi-lobby"}, {"fleet.example.yaml", "pi-garage-1"}, {"fleet.example.yaml", "pi-garage-3"},
		{"fleet.example.yaml", "jetson-dock-1"}, {"demo.yaml", ""}, {"edgecam.yaml", "box-1"},
	} {
		cfg, err := LoadFor(filepath.Join("..", "configs", c.file), c.device)
		if err != nil {
			t.Fatal(err)
		}
		out, err := cfg.YAML()
		if err != nil {
			t.Fatal(err)
		}
		back, err := Parse("shown.yaml", out)
		if err != nil {
			t.Fatalf("%s %s: config show output does not load: %v\n%s", c.file, c.device, err, out)
		}
		back.Path = cfg.Path
		if !reflect.DeepEqual(back, cfg) {
			t.Errorf("%s %s: round trip changed the config:\n%+v\n%+v\n%s", c.file, c.device, cfg, back, out)
		}
	}
}
