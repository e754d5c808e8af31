package config

import (
	"strings"
	"testing"
)

func TestExpandVars(t *testing.T) {
	env := map[string]string{"HOST": "pi-1", "EMPTY": "", "DIR": "/run/credentials/edgecam.service"}
	lookup := func(k string) (string, bool) { v, ok := env[k]; return v, ok }
	cases := []struct {
		in, want, err string
	}{
		{in: "plain", want: "plain"},
		{in: "${HOST}", want: "pi-1"},
		{in: "cam-${HOST}-x", want: "cam-pi-1-x"},
		{in: "${DIR}/kafka-password", want: "/run/credentials/edgecam.service/kafka-password"},
		{in: "${UNSET:-/etc/edgecam/credentials}/pw", want: "/etc/edgecam/credentials/pw"},
		{in: "${HOST:-other}", want: "pi-1"},
		{in: "${EMPTY:-default}", want: "default"}, // as in sh: empty takes the default
		{in: "a${EMPTY}b", want: "ab"},
		{in: "${UNSET:-}", want: ""},
		{in: "${UNSET:-a:-b}", want: "a:-b"},
		{in: "$HOST and $5", want: "$HOST and $5"}, // only ${...} expands
		{in: "pa$$word$", want: "pa$word$"},
		{in: "$${HOST}", want: "${HOST}"},
		{in: "${HOST}${HOST}", want: "pi-1pi-1"},
		{in: "${UNSET}", err: "${UNSET} is not set in the environment: set it, or give a default with ${UNSET:-value}"},
		{in: "x${HOST", err: "unterminated ${ at character 2"},
		{in: "${}", err: `${}: "" is not a variable name`},
		{in: "${1A}", err: `${1A}: "1A" is not a variable name`},
		{in: "${HOST-x}", err: `${HOST-x}: "HOST-x" is not a variable name`},
		{in: "${A:-${B}}", err: "a default cannot hold another ${...}"},
	}
	for _, c := range cases {
		got, err := expandVars(c.in, lookup)
		switch {
		case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
			t.Errorf("%q: err %v, want %q", c.in, err, c.err)
		case c.err == "" && (err != nil || got != c.want):
			t.Errorf("%q = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
}

// TestExpandInFile: values are expanded where they stand, typed after
// expansion when plain, and an unset variable is one error at its own
// position (not also "empty" or "invalid" there).
func TestExpandInFile(t *testing.T) {
	t.Setenv("EDGECAM_T_FPS", "15")
	t.Setenv("EDGECAM_T_DEV", "/dev/video3")
	t.Setenv("HOSTNAME", "") // shells set it without exporting it: the host name is used
	body := kafkaBase + `streams:
  - name: ${EDGECAM_T_UNSET_NAME:-cam}
    source: {type: v4l2, device: "${EDGECAM_T_DEV}"}
    fps: ${EDGECAM_T_FPS}
    keyframe_interval: ${EDGECAM_T_UNSET:-2s}
`
	cfg, err := Parse("x.yaml", []byte(body))
	if err != nil {
		t.Fatal(err)
	}
	s := cfg.Streams[0]
	if s.Name != "cam" || s.Source.Device != "/dev/video3" || s.FPS != 15 || s.KeyframeInterval.String() != "2s" {
		t.Errorf("stream = %+v", s)
	}
	host := (&decoder{hostname: func() (string, error) { return "box-9", nil }})
	if v, ok := host.lookupEnv("HOSTNAME"); !ok || v != "box-9" {
		t.Errorf("HOSTNAME unset = %q, %v; want the host name", v, ok)
	}

	checkErrors(t, t.TempDir(), []errCase{
		{name: "unset in a value", yaml: kafkaBase + "streams:\n  - name: a\n    source: {type: v4l2, device: \"${EDGECAM_T_UNSET}\"}\n",
			want: []string{`6:34: streams[0].source.device: ${EDGECAM_T_UNSET} is not set in the environment`}},
		{name: "unset device id", yaml: "device:\n  id: pi-${EDGECAM_T_UNSET}\nkafka: {brokers: [\"k:9092\"]}\n" + okStream,
			want: []string{`2:7: device.id: ${EDGECAM_T_UNSET} is not set`}},
		{name: "unset in a list", yaml: "device: {id: d}\nkafka:\n  brokers:\n    - k:9092\n    - ${EDGECAM_T_UNSET}:9092\n" + okStream,
			want: []string{`5:7: kafka.brokers[1]: ${EDGECAM_T_UNSET} is not set`}},
		{name: "unset in an override that does not match", yaml: kafkaBase + okStream + "overrides:\n  - match: nomatch\n    set: {log: {level: \"${EDGECAM_T_UNSET}\"}}\n",
			want: []string{`7:24: overrides[0].set.log.level: ${EDGECAM_T_UNSET} is not set`}},
		{name: "unset in a file path: no file check", yaml: kafkaBase + "  tls:\n    ca_file: ${EDGECAM_T_UNSET}/ca.pem\n" + okStream,
			want: []string{`5:14: kafka.tls.ca_file: ${EDGECAM_T_UNSET} is not set`}},
		{name: "quoted stays text", yaml: kafkaBase + "streams:\n  - name: a\n    source: {type: test}\n    fps: \"${EDGECAM_T_FPS}\"\n",
			want: []string{`7:10: streams[0].fps: want a whole number, got the text "15"`}},
		{name: "unterminated", yaml: kafkaBase + "streams:\n  - name: a\n    source: {type: test, pattern: \"${EDGECAM\"}\n",
			want: []string{`6:35: streams[0].source.pattern: unterminated ${ at character 1`}},
	})
}
