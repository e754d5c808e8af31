package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runCmd(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func writeConfig(t *testing.T, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "edgecam.yaml")
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestBadConfigsExit2: every kind of broken config makes `run` and
// `config check` exit 2 and print file:line:col for each problem, without
// starting anything.
func TestBadConfigsExit2(t *testing.T) {
	cases := []struct {
		name, body string
		want       []string // ":line:col: message part"
	}{
		{"unknown key", "kafka: {brokers: [\"127.0.0.1:9092\"]}\nstreams:\n  - name: a\n    source: {type: test}\n    colour: red\n",
			[]string{`:5:5: streams[0]: unknown key "colour"`}},
		{"wrong type", "kafka: {brokers: [\"127.0.0.1:9092\"]}\nstreams:\n  - name: a\n    source: {type: test}\n    fps: thirty\n",
			[]string{`:5:10: streams[0].fps: want a whole number`}},
		{"no brokers", "kafka:\n  brokers: []\nstreams: [{name: a, source: {type: test}}]\n",
			[]string{`:2:12: kafka.brokers: empty`}},
		{"no streams", "kafka: {brokers: [\"127.0.0.1:9092\"]}\nstreams: []\n",
			[]string{`:2:10: streams: empty`}},
		{"duplicate stream names", "kafka: {brokers: [\"127.0.0.1:9092\"]}\nstreams:\n  - {name: cam, source: {type: test}}\n  - {name: cam, source: {type: test}}\n",
			[]string{`:4:12: streams[1].name: "cam" is already the name of the stream at line 3`}},
		{"several problems at once", "kafka: {brokers: [\"nohost\"]}\nstreams:\n  - {name: a, source: {type: test}, width: 99999}\n  - {name: a, source: {type: v4l2}}\n",
			[]string{`:1:19: kafka.brokers[0]`, `:3:44: streams[0].width: 99999 is out of range`, `:4:12: streams[1].name`, `:4:23: streams[1].source.device: missing`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := writeConfig(t, c.body)
			for _, args := range [][]string{{"run", "--config", path}, {"config", "check", "--config", path}} {
				code, _, stderr := runCmd(t, args...)
				if code != exitUsage {
					t.Errorf("%v: exit %d, want %d; stderr:\n%s", args[0], code, exitUsage, stderr)
				}
				lines := strings.Split(strings.TrimSpace(stderr), "\n")
				if len(lines) != len(c.want) {
					t.Errorf("%v: %d lines, want %d:\n%s", args[0], len(lines), len(c.want), stderr)
					continue
				}
				for i, w := range c.want {
					if !strings.HasPrefix(lines[i], path+":") || !strings.Contains(lines[i], w) {
						t.Errorf("%v: line %d = %q, want %s%s", args[0], i, lines[i], path, w)
					}
				}
			}
		})
	}
}

func TestConfigCheckOK(t *testing.T) {
	path := filepath.Join("..", "..", "configs", "demo.yaml")
	code, stdout, stderr := runCmd(t, "config", "check", "--config", path)
	if code != exitOK || !strings.Contains(stdout, "ok (device demo: 1 stream)") || !strings.Contains(stdout, "demo/cam0: test 1280x720@30 2000 kbit/s, encoder auto") {
		t.Errorf("exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
}

func TestUsageErrors(t *testing.T) {
	demo := filepath.Join("..", "..", "configs", "demo.yaml")
	cases := []struct {
		args []string
		want string
	}{
		{nil, "Usage:"},
		{[]string{"frobnicate"}, `unknown command "frobnicate"`},
		{[]string{"run", "--config", "/nonexistent/edgecam.yaml"}, "no such file"},
		{[]string{"run", "--nope"}, "flag provided but not defined"},
		{[]string{"config"}, "usage: edgecam config check"},
		{[]string{"tail", "--config", demo, "-o", "x.mp4"}, "--stream NAME is required"},
		{[]string{"tail", "--config", demo, "--stream", "cam0"}, "-o OUT is required"},
		{[]string{"tail", "--config", demo, "--stream", "cam0", "-o", "x.avi"}, ".avi"},
		{[]string{"tail", "--config", demo, "--stream", "cam0", "-o", "x.mp4", "--frames", "3", "--duration", "1s"}, "not both"},
		{[]string{"run", "--config", demo, "--log-level", "loud"}, `--log-level "loud"`},
	}
	for _, c := range cases {
		code, _, stderr := runCmd(t, c.args...)
		if code != exitUsage || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 and %q", c.args, code, stderr, c.want)
		}
	}
}

func TestVersion(t *testing.T) {
	code, stdout, _ := runCmd(t, "version")
	if code != exitOK || !strings.HasPrefix(stdout, "edgecam dev (commit unknown") || !strings.Contains(stdout, "GStreamer 1.") {
		t.Errorf("exit %d, version output:\n%s", code, stdout)
	}
}
