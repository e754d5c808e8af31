package config

import (
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The secrets of testFiles: no output may ever contain them.
const (
	kafkaPassword = "hunter2-kafka-pw"
	cameraPass    = "door-cam-pw-42"
	keyMaterial   = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7"
)

// testFiles writes the files configs refer to into a new folder and
// returns it: a config at dir/cam.yaml finds them by relative path.
func testFiles(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"ca.pem":     "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----\n",
		"client.pem": "-----BEGIN CERTIFICATE-----\nMIIBtDCCAVqgAwIBAgIU\n-----END CERTIFICATE-----\n",
		"client.key": "-----BEGIN PRIVATE KEY-----\n" + keyMaterial + "\n-----END PRIVATE KEY-----\n",
		"pw":         kafkaPassword + "\n",
		"cam-pw":     cameraPass + "\r\n",
		"empty":      "\n",
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// errCase is a config and exactly the problems it has: "line:col: part of
// the message", in file order.
type errCase struct {
	name, yaml string
	device     string
	want       []string
}

// checkErrors parses each case as dir/cam.yaml and compares the problems.
func checkErrors(t *testing.T, dir string, cases []errCase) {
	t.Helper()
	file := filepath.Join(dir, "cam.yaml")
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseFor(file, []byte(c.yaml), c.device)
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
				if got := errs[i].Error(); !strings.HasPrefix(got, file+":"+w) {
					t.Errorf("error %d = %q, want %q", i, strings.TrimPrefix(got, file+":"), w)
				}
			}
			for _, e := range errs {
				for _, secret := range []string{kafkaPassword, cameraPass, keyMaterial, "hunter2"} {
					if strings.Contains(e.Error(), secret) {
						t.Errorf("error %q shows a secret", e)
					}
				}
			}
		})
	}
}

const (
	kafkaBase = "device: {id: d}\nkafka:\n  brokers: [\"k:9092\"]\n" // lines 1-3, inside kafka at the end
	okStream  = "streams: [{name: a, source: {type: test}}]\n"
)

// TestRules: every validation rule, with the exact position of each error.
func TestRules(t *testing.T) {
	dir := testFiles(t)
	streams := func(src string) string { // lines 4-7+
		return kafkaBase + "streams:\n  - name: a\n    source:\n" + src
	}
	limits := func(enc string, w, h, fps string) string { // encoder line 7, width 8, height 9, fps 10
		return kafkaBase + "streams:\n  - name: a\n    source: {type: test}\n    encoder: " + enc +
			"\n    width: " + w + "\n    height: " + h + "\n    fps: " + fps + "\n"
	}
	checkErrors(t, dir, []errCase{
		// kafka.tls
		{name: "tls cert without key", yaml: kafkaBase + "  tls:\n    cert_file: client.pem\n" + okStream,
			want: []string{`5:5: kafka.tls.cert_file: mutual TLS needs key_file too`}},
		{name: "tls key without cert", yaml: kafkaBase + "  tls:\n    key_file: client.key\n" + okStream,
			want: []string{`5:5: kafka.tls.key_file: mutual TLS needs cert_file too`}},
		{name: "tls missing file", yaml: kafkaBase + "  tls:\n    ca_file: nope.pem\n" + okStream,
			want: []string{`5:5: kafka.tls.ca_file: ` + filepath.Join(dir, "nope.pem") + ` does not exist`}},
		{name: "tls folder", yaml: kafkaBase + "  tls:\n    ca_file: sub\n" + okStream,
			want: []string{`5:5: kafka.tls.ca_file: ` + filepath.Join(dir, "sub") + ` is not a regular file`}},
		{name: "tls missing cert, key given", yaml: kafkaBase + "  tls:\n    cert_file: /nonexistent/c.pem\n    key_file: client.key\n" + okStream,
			want: []string{`5:5: kafka.tls.cert_file: /nonexistent/c.pem does not exist`}},
		{name: "tls unknown key", yaml: kafkaBase + "  tls: {ca: x}\n" + okStream,
			want: []string{`4:9: kafka.tls: unknown key "ca"`}},
		{name: "tls not a mapping", yaml: kafkaBase + "  tls: yes\n" + okStream,
			want: []string{`4:8: kafka.tls: want a mapping of keys (key: value), got the text "yes"`}},
		// kafka.sasl
		{name: "sasl mechanism case", yaml: kafkaBase + "  sasl:\n    mechanism: scram-sha-512\n    username: u\n    password_file: pw\n" + okStream,
			want: []string{`5:16: kafka.sasl.mechanism: "scram-sha-512": write it as SCRAM-SHA-512`}},
		{name: "sasl mechanism unknown", yaml: kafkaBase + "  sasl:\n    mechanism: GSSAPI\n    username: u\n    password_file: pw\n" + okStream,
			want: []string{`5:16: kafka.sasl.mechanism: "GSSAPI": want one of [PLAIN SCRAM-SHA-256 SCRAM-SHA-512]`}},
		{name: "sasl inline password", yaml: kafkaBase + "  sasl:\n    mechanism: PLAIN\n    username: u\n    password: hunter2\n" + okStream,
			want: []string{`5:5: kafka.sasl.password_file: missing`, `7:5: kafka.sasl.password: passwords are never written in the config`}},
		{name: "sasl incomplete", yaml: kafkaBase + "  sasl: {mechanism: PLAIN}\n" + okStream,
			want: []string{`4:9: kafka.sasl.username: missing`, `4:9: kafka.sasl.password_file: missing`}},
		{name: "sasl empty password file", yaml: kafkaBase + "  sasl:\n    mechanism: PLAIN\n    username: u\n    password_file: empty\n" + okStream,
			want: []string{`7:5: kafka.sasl.password_file: ` + filepath.Join(dir, "empty") + ` is empty`}},
		{name: "sasl missing password file", yaml: kafkaBase + "  sasl:\n    mechanism: PLAIN\n    username: u\n    password_file: nope\n" + okStream,
			want: []string{`7:5: kafka.sasl.password_file: ` + filepath.Join(dir, "nope") + ` does not exist`}},
		// metrics, log
		{name: "metrics no host", yaml: kafkaBase + okStream + "metrics: {listen: 9108}\n",
			want: []string{`5:19: metrics.listen: "9108": want host:port`}},
		{name: "metrics port", yaml: kafkaBase + okStream + "metrics: {listen: \"localhost:http\"}\n",
			want: []string{`5:19: metrics.listen: "localhost:http": the port must be a number 0..65535`}},
		{name: "metrics unknown key", yaml: kafkaBase + okStream + "metrics: {port: 9108}\n",
			want: []string{`5:11: metrics: unknown key "port"`}},
		{name: "log", yaml: kafkaBase + okStream + "log:\n  format: xml\n  level: WARN\n",
			want: []string{`6:11: log.format: "xml": want one of [text json]`, `7:10: log.level: "WARN": want one of [debug info warn error] (did you mean "warn"?)`}},
		// sources
		{name: "libcamera with device", yaml: streams("      type: libcamera\n      device: /dev/video0\n"),
			want: []string{`8:7: streams[0].source.device: a libcamera source has no device (only v4l2 sources do)`}},
		{name: "v4l2 with url", yaml: streams("      type: v4l2\n      device: /dev/video0\n      url: rtsp://cam/x\n"),
			want: []string{`9:7: streams[0].source.url: a v4l2 source has no url (only rtsp sources do)`}},
		{name: "nvargus sensor range", yaml: streams("      type: nvargus\n      sensor_id: 8\n"),
			want: []string{`8:18: streams[0].source.sensor_id: 8 is out of range 0..7`}},
		{name: "nvargus sensor type", yaml: streams("      type: nvargus\n      sensor_id: left\n"),
			want: []string{`8:18: streams[0].source.sensor_id: want a whole number, got the text "left"`}},
		{name: "rtsp without url", yaml: streams("      type: rtsp\n"),
			want: []string{`7:7: streams[0].source.url: missing`}},
		{name: "rtsp http url", yaml: streams("      type: rtsp\n      url: http://cam/x\n"),
			want: []string{`8:12: streams[0].source.url: "http://cam/x": want an rtsp:// or rtsps:// URL`}},
		{name: "rtsp url with credentials", yaml: streams("      type: rtsp\n      url: rtsp://admin:hunter2@cam/x\n"),
			want: []string{`8:12: streams[0].source.url: the URL holds a user name or password: write the user as username and put the password in a file named by password_file`}},
		{name: "rtsp url without host", yaml: streams("      type: rtsp\n      url: rtsps:///x\n"),
			want: []string{`8:12: streams[0].source.url: "rtsps:///x" has no host`}},
		{name: "rtsp transport", yaml: streams("      type: rtsp\n      url: rtsp://cam/x\n      transport: quic\n"),
			want: []string{`9:18: streams[0].source.transport: "quic": want one of [tcp udp]`}},
		{name: "rtsp password without user", yaml: streams("      type: rtsp\n      url: rtsp://cam/x\n      password_file: cam-pw\n"),
			want: []string{`9:7: streams[0].source.password_file: a password needs a username too`}},
		{name: "rtsp inline password", yaml: streams("      type: rtsp\n      url: rtsp://cam/x\n      username: u\n      password: hunter2\n"),
			want: []string{`10:7: streams[0].source.password: passwords are never written in the config`}},
		{name: "rtsp camera_name", yaml: streams("      type: rtsp\n      url: rtsp://cam/x\n      camera_name: x\n"),
			want: []string{`9:7: streams[0].source.camera_name: an rtsp source has no camera_name (only libcamera sources do)`}},
		{name: "test with transport", yaml: streams("      type: test\n      transport: tcp\n"),
			want: []string{`8:7: streams[0].source.transport: a test source has no transport (only rtsp sources do)`}},
		// v4l2 formats
		{name: "v4l2 format", yaml: streams("      type: v4l2\n      device: /dev/video0\n      format: yuyv\n"),
			want: []string{`9:15: streams[0].source.format: "yuyv": want one of [auto raw mjpeg h264 h265]`}},
		{name: "format of a test source", yaml: streams("      type: test\n      format: mjpeg\n"),
			want: []string{`8:7: streams[0].source.format: a test source has no format (only v4l2 sources do)`}},
		{name: "v4l2 mjpeg with encoder none", yaml: kafkaBase + "streams:\n  - name: a\n    source: {type: v4l2, device: /dev/video0, format: mjpeg}\n    encoder: none\n",
			want: []string{`7:14: streams[0].encoder: none passes a camera's own H.264 or H.265 through unchanged, and source.format mjpeg gives frames to encode`}},
		{name: "v4l2 h264 with an encoder", yaml: kafkaBase + "streams:\n  - name: a\n    source: {type: v4l2, device: /dev/video0, format: h264}\n    encoder: x264enc\n",
			want: []string{`7:14: streams[0].encoder: source.format h264 passes the camera's own encoding through, so x264enc would have nothing to encode`}},
		// encoders
		{name: "none needs rtsp", yaml: kafkaBase + "streams:\n  - name: a\n    source: {type: libcamera}\n    encoder: none\n",
			want: []string{`7:14: streams[0].encoder: none passes a camera's H.264 through unchanged`}},
		{name: "pi4 fps at 1080p", yaml: limits("v4l2h264enc", "1920", "1080", "60"),
			want: []string{`10:10: streams[0].fps: v4l2h264enc (Raspberry Pi 4 hardware encoder) stops at 1920x1080@30; this stream is 1920x1080@60: lower fps`}},
		{name: "pi4 width", yaml: limits("v4l2h264enc", "2560", "1440", "30"),
			want: []string{`8:12: streams[0].width: v4l2h264enc (Raspberry Pi 4 hardware encoder) stops at 1920x1080@30; this stream is 2560x1440@30`}},
		{name: "pi4 height", yaml: limits("v4l2h264enc", "1920", "1200", "15"),
			want: []string{`9:13: streams[0].height: v4l2h264enc (Raspberry Pi 4 hardware encoder) stops at 1920x1080@30`}},
		{name: "openh264 level 5.2 size", yaml: limits("openh264enc", "7680", "4320", "30"),
			want: []string{`8:12: streams[0].width: openh264enc (H.264 level 5.2) stops at 4096x2304`}},
		{name: "openh264 level 5.2 rate", yaml: limits("openh264enc", "4096", "2304", "60"),
			want: []string{`10:10: streams[0].fps: openh264enc (H.264 level 5.2) stops at 4096x2304`}},
		{name: "jetson height", yaml: limits("nvv4l2h264enc", "4096", "4320", "30"),
			want: []string{`9:13: streams[0].height: nvv4l2h264enc (Jetson hardware encoder) stops at 4096x4096`}},
		{name: "vaapi width", yaml: limits("vaapih264enc", "7680", "4320", "30"),
			want: []string{`8:12: streams[0].width: vaapih264enc (VA-API hardware encoder) stops at 4096x4096`}},
		// enabled
		{name: "enabled not a bool", yaml: kafkaBase + "streams:\n  - name: a\n    source: {type: test}\n    enabled: yes\n",
			want: []string{`7:14: streams[0].enabled: want true or false, got the text "yes"`}},
		{name: "every stream off", yaml: kafkaBase + "streams:\n  - name: a\n    enabled: false\n    source: {type: test}\n",
			want: []string{`5:3: streams: every stream is off`}},
		{name: "off stream still checked", yaml: kafkaBase + "streams:\n  - name: a\n    source: {type: test}\n  - name: b\n    enabled: false\n    fps: 500\n    source: {type: v4l2, pattern: ball}\n",
			want: []string{`9:10: streams[1].fps: 500 is out of range`, `10:26: streams[1].source.pattern: a v4l2 source has no pattern`}},
	})
}

// TestRulesAccept: the same keys, used right, load with these values.
func TestRulesAccept(t *testing.T) {
	dir := testFiles(t)
	body := kafkaBase + `  tls:
    ca_file: ca.pem
    cert_file: client.pem
    key_file: ` + filepath.Join(dir, "client.key") + `
    server_name: kafka.internal
  sasl: {mechanism: SCRAM-SHA-256, username: cam, password_file: pw}
metrics: {listen: "off"}
log: {format: json, level: debug}
streams:
  - {name: pi, source: {type: libcamera, camera_name: "/base/soc/i2c0mux/i2c@1/imx708@1a"}}
  - {name: jet, source: {type: nvargus, sensor_id: 7}, width: 1920, height: 1080, encoder: nvv4l2h264enc}
  - {name: door, source: {type: rtsp, url: "rtsps://192.0.2.9:322/live", username: viewer, password_file: cam-pw}}
  - {name: transcode, source: {type: rtsp, url: "rtsp://cam/x", transport: udp}, encoder: x264enc}
  - {name: pi4, source: {type: test}, width: 1280, height: 720, fps: 60, encoder: v4l2h264enc}
  - {name: usb, source: {type: v4l2, device: /dev/video0}}
  - {name: c920, source: {type: v4l2, device: /dev/video2, format: mjpeg}, encoder: x264enc}
  - {name: uvch264, source: {type: v4l2, device: /dev/video4, format: h264}}
  - {name: uvch265, source: {type: v4l2, device: /dev/video6, format: h265}}
  - {name: uvcauto, source: {type: v4l2, device: /dev/video8}, encoder: none}
  - {name: off, enabled: false, source: {type: rtsp}}
`
	cfg, err := Parse(filepath.Join(dir, "cam.yaml"), []byte(body))
	if err != nil {
		t.Fatal(err)
	}
	want := TLS{CAFile: filepath.Join(dir, "ca.pem"), CertFile: filepath.Join(dir, "client.pem"), KeyFile: filepath.Join(dir, "client.key"), ServerName: "kafka.internal"}
	if cfg.Kafka.TLS == nil || *cfg.Kafka.TLS != want {
		t.Errorf("tls = %+v, want %+v", cfg.Kafka.TLS, want)
	}
	sasl := cfg.Kafka.SASL
	if sasl == nil || sasl.Mechanism != SASLScramSHA256 || sasl.Username != "cam" || sasl.Password.Reveal() != kafkaPassword || sasl.PasswordFile != filepath.Join(dir, "pw") {
		t.Errorf("sasl = %+v", sasl)
	}
	if cfg.Metrics.Listen != "" || cfg.Log != (Log{Format: LogJSON, Level: LogDebug}) {
		t.Errorf("metrics %+v log %+v", cfg.Metrics, cfg.Log)
	}
	if len(cfg.Streams) != 10 {
		t.Fatalf("%d streams, want 10 (the one that is off left out)", len(cfg.Streams))
	}
	src := func(i int) Source { return cfg.Streams[i].Source }
	if src(0).CameraName != "/base/soc/i2c0mux/i2c@1/imx708@1a" || cfg.Streams[0].Encoder != EncoderAuto {
		t.Errorf("libcamera = %+v", cfg.Streams[0])
	}
	if src(1).SensorID != 7 || cfg.Streams[1].Encoder != "nvv4l2h264enc" {
		t.Errorf("nvargus = %+v", cfg.Streams[1])
	}
	door := src(2)
	if door.URL != "rtsps://192.0.2.9:322/live" || door.Transport != TransportTCP || door.Username != "viewer" ||
		door.Password.Reveal() != cameraPass || cfg.Streams[2].Encoder != EncoderNone {
		t.Errorf("rtsp = %+v (password %q: want the file without its \\r\\n)", cfg.Streams[2], door.Password.Reveal())
	}
	if src(3).Transport != TransportUDP || cfg.Streams[3].Encoder != "x264enc" {
		t.Errorf("rtsp transcode = %+v", cfg.Streams[3])
	}
	for i, want := range []struct {
		format  V4L2Format
		encoder Encoder
	}{{V4L2Auto, EncoderAuto}, {V4L2MJPEG, "x264enc"}, {V4L2H264, EncoderNone}, {V4L2H265, EncoderNone}, {V4L2Auto, EncoderNone}} {
		if s := cfg.Streams[5+i]; s.Source.Format != want.format || s.Encoder != want.encoder {
			t.Errorf("v4l2 stream %s: format %q encoder %q, want %q %q", s.Name, s.Source.Format, s.Encoder, want.format, want.encoder)
		}
	}

	// Defaults of the new sections.
	cfg, err = Parse("x.yaml", []byte(kafkaBase+okStream))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Metrics.Listen != DefaultMetricsListen || cfg.Log != (Log{Format: "text", Level: "info"}) || cfg.Kafka.TLS != nil || cfg.Kafka.SASL != nil {
		t.Errorf("defaults: metrics %+v log %+v tls %v sasl %v", cfg.Metrics, cfg.Log, cfg.Kafka.TLS, cfg.Kafka.SASL)
	}
	// tls: {} is TLS with the system's roots.
	cfg, err = Parse("x.yaml", []byte(kafkaBase+"  tls: {}\n"+okStream))
	if err != nil || cfg.Kafka.TLS == nil || *cfg.Kafka.TLS != (TLS{}) {
		t.Errorf("tls: {} gives %+v, %v", cfg, err)
	}
}

// TestUnreadableFile: a file that exists but that this user cannot read
// is reported as such (root reads everything: skipped).
func TestUnreadableFile(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root can read any file")
	}
	dir := testFiles(t)
	if err := os.Chmod(filepath.Join(dir, "client.key"), 0); err != nil {
		t.Fatal(err)
	}
	checkErrors(t, dir, []errCase{{name: "unreadable key",
		yaml: kafkaBase + "  tls:\n    cert_file: client.pem\n    key_file: client.key\n" + okStream,
		want: []string{`6:5: kafka.tls.key_file: ` + filepath.Join(dir, "client.key") + ` is not readable by this user`}}})
}

// TestSecretsNeverShown: config show, fmt and slog of a Config never
// hold a password or a key file's content.
func TestSecretsNeverShown(t *testing.T) {
	dir := testFiles(t)
	body := kafkaBase + "  tls: {ca_file: ca.pem, cert_file: client.pem, key_file: client.key}\n" +
		"  sasl: {mechanism: PLAIN, username: cam, password_file: pw}\n" +
		"streams: [{name: door, source: {type: rtsp, url: \"rtsp://cam/x\", username: u, password_file: cam-pw}}]\n"
	cfg, err := Parse(filepath.Join(dir, "cam.yaml"), []byte(body))
	if err != nil {
		t.Fatal(err)
	}
	out, err := cfg.YAML()
	if err != nil {
		t.Fatal(err)
	}
	var logged strings.Builder
	slog.New(slog.NewTextHandler(&logged, nil)).Info("loaded", "config", cfg, "sasl", cfg.Kafka.SASL.Password)
	slog.New(slog.NewJSONHandler(&logged, nil)).Info("loaded", "config", cfg)
	for _, text := range []string{string(out), fmt.Sprintf("%v", cfg), fmt.Sprintf("%+v", cfg), fmt.Sprintf("%#v", cfg), fmt.Sprintf("%+v %v", *cfg.Kafka.SASL, cfg.Streams)} {
		logged.WriteString(text)
	}
	for _, secret := range []string{kafkaPassword, cameraPass, keyMaterial} {
		if strings.Contains(logged.String(), secret) {
			t.Errorf("a secret is shown:\n%s", logged.String())
		}
	}
	if !strings.Contains(string(out), "# content [redacted]") {
		t.Errorf("config show does not mark the secrets:\n%s", out)
	}
}
