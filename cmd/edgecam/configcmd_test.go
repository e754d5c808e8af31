package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The secrets the config tests write: no output may ever hold them.
const (
	testKafkaPassword = "hunter2-kafka-pw"
	testCameraPass    = "door-cam-pw-42"
	testKeyMaterial   = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7"
)

// credentials writes the files configs/fleet.example.yaml reads and
// points $CREDENTIALS_DIRECTORY at them, as systemd does for the service.
func credentials(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range map[string]string{
		"kafka-ca.pem":         "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----\n",
		"client.pem":           "-----BEGIN CERTIFICATE-----\nMIIBtDCCAVqgAwIBAgIU\n-----END CERTIFICATE-----\n",
		"client.key":           "-----BEGIN PRIVATE KEY-----\n" + testKeyMaterial + "\n-----END PRIVATE KEY-----\n",
		"kafka-password":       testKafkaPassword + "\n",
		"door-camera-password": testCameraPass + "\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("CREDENTIALS_DIRECTORY", dir)
	t.Setenv("STATE_DIRECTORY", "")
	return dir
}

// noSecrets fails the test if out holds a secret of credentials().
func noSecrets(t *testing.T, what, out string) {
	t.Helper()
	for _, s := range []string{testKafkaPassword, testCameraPass, testKeyMaterial, "hunter2"} {
		if strings.Contains(out, s) {
			t.Errorf("%s shows a secret:\n%s", what, out)
		}
	}
}

// TestConfigShowGolden: config show prints the effective config of each
// device of the fleet example, and of the demo.
func TestConfigShowGolden(t *testing.T) {
	creds := credentials(t)
	configs, err := filepath.Abs(filepath.Join("..", "..", "configs"))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct{ golden, file, device string }{
		{"show-demo.golden", "demo.yaml", ""},
		{"show-fleet-pi-lobby.golden", "fleet.example.yaml", "pi-lobby"},
		{"show-fleet-pi-garage-1.golden", "fleet.example.yaml", "pi-garage-1"},
		{"show-fleet-pi-garage-3.golden", "fleet.example.yaml", "pi-garage-3"},
		{"show-fleet-jetson-dock-1.golden", "fleet.example.yaml", "jetson-dock-1"},
	}
	for _, c := range cases {
		args := []string{"config", "show", "--config", filepath.Join(configs, c.file)}
		if c.device != "" {
			args = append(args, "--device", c.device)
		}
		code, stdout, stderr := runCmd(t, args...)
		if code != exitOK {
			t.Fatalf("%v: exit %d\n%s", args, code, stderr)
		}
		noSecrets(t, "config show", stdout)
		// Paths are absolute: make them the same on every machine.
		stdout = strings.ReplaceAll(stdout, creds, "$CREDENTIALS_DIRECTORY")
		stdout = strings.ReplaceAll(stdout, configs, "$CONFIGS")
		golden(t, c.golden, stdout)
	}
}

// TestConfigCheckDevices: one ok line per device, with its stream count
// after its overrides.
func TestConfigCheckDevices(t *testing.T) {
	credentials(t)
	path := filepath.Join("..", "..", "configs", "fleet.example.yaml")
	code, stdout, stderr := runCmd(t, "config", "check", "--config", path,
		"--device", "pi-garage-1", "--device", "pi-garage-3", "--device", "jetson-dock-1", "--device", "pi-lobby")
	want := path + ": ok (device pi-garage-1: 2 streams)\n" +
		"  pi-garage-1/front: libcamera 1280x720@30 1200 kbit/s, encoder auto\n" +
		"  pi-garage-1/door: rtsp rtsp://192.0.2.20:554/Streaming/Channels/101, passed through (encoder none)\n" +
		path + ": ok (device pi-garage-3: 1 stream)\n" +
		"  pi-garage-3/door: rtsp rtsp://192.0.2.20:554/Streaming/Channels/101, passed through (encoder none)\n" +
		path + ": ok (device jetson-dock-1: 2 streams)\n" +
		"  jetson-dock-1/front: nvargus 1920x1080@30 6000 kbit/s, encoder nvv4l2h264enc\n" +
		"  jetson-dock-1/rear: nvargus 1920x1080@30 6000 kbit/s, encoder nvv4l2h264enc\n" +
		path + ": ok (device pi-lobby: 1 stream)\n" +
		"  pi-lobby/front: libcamera 1280x720@30 2000 kbit/s, encoder auto\n"
	if code != exitOK || stdout != want || stderr != "" {
		t.Errorf("exit %d\nstdout:\n%s\nwant:\n%s\nstderr:\n%s", code, stdout, want, stderr)
	}
	// Without --device: device.id of the file.
	demo := filepath.Join("..", "..", "configs", "demo.yaml")
	if code, stdout, _ := runCmd(t, "config", "check", "--config", demo); code != exitOK ||
		stdout != demo+": ok (device demo: 1 stream)\n  demo/cam0: test 1280x720@30 2000 kbit/s, encoder auto\n" {
		t.Errorf("demo: exit %d, %q", code, stdout)
	}
}

// TestConfigCheckProblems: problems go to stderr once each, in file order,
// exit status 2; a problem that only some of the devices checked have
// names them. An override's set is checked for every device.
func TestConfigCheckProblems(t *testing.T) {
	path := writeConfig(t, `kafka: {brokers: ["k:9092"]}
log: {level: loud}
streams:
  - name: cam
    source: {type: test}
overrides:
  - match: "jetson-*"
    set:
      streams: [{name: cam, encoder: v4l2h264enc, width: 2560, height: 1440}]
  - match: "pi-*"
    set: {metrics: {listen: "nohost"}}
`)
	code, stdout, stderr := runCmd(t, "config", "check", "--config", path, "--device", "jetson-1", "--device", "pi-1", "--device", "jetson-2")
	want := path + `:2:14: log.level: "loud": want one of [debug info warn error]` + "\n" +
		path + `:9:58: streams[0].width: v4l2h264enc (Raspberry Pi 4 hardware encoder) stops at 1920x1080@30; this stream is 2560x1440@30: lower width or choose another encoder (device jetson-1, jetson-2)` + "\n" +
		path + `:11:29: overrides[1].set.metrics.listen: "nohost": want host:port (127.0.0.1:9108, :9108 for every interface) or off` + "\n"
	if code != exitUsage || stdout != "" || stderr != want {
		t.Errorf("exit %d\nstdout:\n%s\nstderr:\n%s\nwant:\n%s", code, stdout, stderr, want)
	}
}

// TestConfigNeverShowsSecrets: neither config show nor any problem that
// config check or run reports holds a password or a key file's content.
func TestConfigNeverShowsSecrets(t *testing.T) {
	creds := credentials(t)
	good := `kafka:
  brokers: ["k:9092"]
  tls:
    ca_file: ${CREDENTIALS_DIRECTORY}/kafka-ca.pem
    cert_file: ${CREDENTIALS_DIRECTORY}/client.pem
    key_file: ${CREDENTIALS_DIRECTORY}/client.key
  sasl:
    mechanism: SCRAM-SHA-512
    username: cam
    password_file: ${CREDENTIALS_DIRECTORY}/kafka-password
streams:
  - name: door
    source:
      type: rtsp
      url: "rtsp://cam/1"
      username: u
      password_file: ${CREDENTIALS_DIRECTORY}/door-camera-password
`
	code, stdout, stderr := runCmd(t, "config", "show", "--config", writeConfig(t, good))
	if code != exitOK || !strings.Contains(stdout, "password_file: "+creds+"/kafka-password # content [redacted]") {
		t.Errorf("exit %d\n%s\n%s", code, stdout, stderr)
	}
	noSecrets(t, "config show", stdout+stderr)
	bad := []string{
		// a secret where a password_file belongs, in the URL, or a key
		// file given as the password file (the check must read it, but
		// never print it)
		strings.Replace(good, "password_file: ${CREDENTIALS_DIRECTORY}/kafka-password", "password: "+testKafkaPassword, 1),
		strings.Replace(good, "password_file: ${CREDENTIALS_DIRECTORY}/door-camera-password", "password: "+testCameraPass, 1),
		strings.Replace(good, `"rtsp://cam/1"`, `"rtsp://u:`+testCameraPass+`@cam/1"`, 1),
		strings.Replace(good, `"rtsp://cam/1"`, `"rtsp://u:`+testCameraPass+`@cam:port/1"`, 1),
		good + "  - {name: x}\n",
		strings.Replace(good, "/kafka-password\n", "/client.key\n    password: "+testKeyMaterial+"\n", 1),
		strings.Replace(good, "    cert_file: ${CREDENTIALS_DIRECTORY}/client.pem\n", "", 1),
		strings.Replace(good, "${CREDENTIALS_DIRECTORY}/door-camera-password", "${"+testCameraPass, 1),
	}
	for i, body := range bad {
		path := writeConfig(t, body)
		for _, args := range [][]string{{"config", "check", "--config", path}, {"config", "show", "--config", path}, {"run", "--config", path}} {
			code, stdout, stderr := runCmd(t, args...)
			if code != exitUsage {
				t.Errorf("bad config %d, %v: exit %d, want %d\n%s", i, args[:2], code, exitUsage, stderr)
			}
			noSecrets(t, args[0]+" "+args[1]+" of a bad config", stdout+stderr)
		}
	}
}

func TestConfigUsage(t *testing.T) {
	demo := filepath.Join("..", "..", "configs", "demo.yaml")
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"config"}, "usage: edgecam config check --config FILE [--device ID]..."},
		{[]string{"config", "lint"}, `edgecam config: unknown command "lint"`},
		{[]string{"config", "show", "--config", demo, "--device", "a b"}, `device id "a b": use only letters`},
		{[]string{"config", "check", "--config", demo, "--device", ""}, "empty device id"},
		{[]string{"config", "show", "--config", "/nonexistent/edgecam.yaml"}, "no such file"},
		{[]string{"config", "show", "--config", demo, "extra"}, `unexpected argument "extra"`},
	}
	for _, c := range cases {
		code, _, stderr := runCmd(t, c.args...)
		if code != exitUsage || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 and %q", c.args, code, stderr, c.want)
		}
	}
}

// TestConfigCheckMissingElement: checked as this machine's own config, a
// source whose GStreamer element this machine lacks (nvarguscamerasrc
// exists on Jetson boards only) fails with the package to install; checked
// for another device (--device), the file alone is judged.
func TestConfigCheckMissingElement(t *testing.T) {
	path := writeConfig(t, `device: {id: jetson-1}
kafka: {brokers: ["k:9092"]}
streams:
  - name: front
    source: {type: nvargus, sensor_id: 0}
`)
	code, _, stderr := runCmd(t, "config", "check", "--config", path)
	if code != exitUsage || !strings.Contains(stderr, "nvarguscamerasrc") || !strings.Contains(stderr, "nvidia-l4t-gstreamer") {
		t.Errorf("exit %d, stderr:\n%s\nwant exit 2 naming nvarguscamerasrc and nvidia-l4t-gstreamer", code, stderr)
	}
	if code, stdout, stderr := runCmd(t, "config", "check", "--config", path, "--device", "jetson-1"); code != exitOK {
		t.Errorf("--device jetson-1: exit %d\n%s%s", code, stdout, stderr)
	}
}
