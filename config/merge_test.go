package config

import (
	"fmt"
	"strings"
	"testing"
)

// summary prints what the merge tests look at, one line.
func summary(cfg *Config) string {
	var b strings.Builder
	fmt.Fprintf(&b, "id=%s brokers=%s topic=%s", cfg.Device.ID, strings.Join(cfg.Kafka.Brokers, ","), cfg.Kafka.Topic)
	if cfg.Kafka.TLS != nil {
		fmt.Fprintf(&b, " tls=%s", cfg.Kafka.TLS.ServerName)
	}
	fmt.Fprintf(&b, " spool=%s/%s log=%s", cfg.Spool.Mode, cfg.Spool.MaxSize, cfg.Log.Level)
	for _, s := range cfg.Streams {
		where := s.Source.Device + s.Source.Pattern + s.Source.URL
		if s.Source.Type == SourceNvargus {
			where = fmt.Sprint(s.Source.SensorID)
		}
		fmt.Fprintf(&b, " %s:%s:%s:%dx%d@%d:%d:%s", s.Name, s.Source.Type, where, s.Width, s.Height, s.FPS, s.BitrateKbps, s.Encoder)
	}
	return b.String()
}

// mergeBase is the fleet file the merge cases add overrides to.
const mergeBase = `device: {id: pi-1}
kafka:
  brokers: ["k1:9092", "k2:9092"]
  topic: cams
  tls: {server_name: kafka.internal}
spool: {mode: always, max_size: 1GiB}
streams:
  - name: front
    source: {type: v4l2, device: /dev/video0}
    width: 640
    height: 480
  - name: back
    source: {type: test, pattern: ball}
`

const mergeBaseSummary = "id=pi-1 brokers=k1:9092,k2:9092 topic=cams tls=kafka.internal spool=always/1GiB log=info" +
	" front:v4l2:/dev/video0:640x480@30:2000:auto back:test:ball:1280x720@30:2000:auto"

func TestOverridesMerge(t *testing.T) {
	t.Setenv("EDGECAM_T_GROUP", "pi-*")
	cases := []struct {
		name, overrides, device, want string
	}{
		{"no overrides", "", "", mergeBaseSummary},
		{"not matching", `
  - match: "jetson-*"
    set: {log: {level: debug}, streams: [{name: front, fps: 10}]}`, "",
			mergeBaseSummary},
		{"deep map merge keeps the keys not set", `
  - match: "pi-*"
    set:
      kafka: {tls: {server_name: other}}
      spool: {max_size: 4GiB}`, "",
			"id=pi-1 brokers=k1:9092,k2:9092 topic=cams tls=other spool=always/4GiB log=info" +
				" front:v4l2:/dev/video0:640x480@30:2000:auto back:test:ball:1280x720@30:2000:auto"},
		{"other lists replace", `
  - match: "*"
    set: {kafka: {brokers: ["k9:9092"]}}`, "",
			"id=pi-1 brokers=k9:9092 topic=cams tls=kafka.internal spool=always/1GiB log=info" +
				" front:v4l2:/dev/video0:640x480@30:2000:auto back:test:ball:1280x720@30:2000:auto"},
		{"stream modified by name", `
  - match: pi-1
    set:
      streams:
        - name: front
          fps: 15
          source: {device: /dev/video2}`, "",
			"id=pi-1 brokers=k1:9092,k2:9092 topic=cams tls=kafka.internal spool=always/1GiB log=info" +
				" front:v4l2:/dev/video2:640x480@15:2000:auto back:test:ball:1280x720@30:2000:auto"},
		{"source of another type replaces the source", `
  - match: pi-1
    set:
      streams: [{name: front, source: {type: nvargus, sensor_id: 1}}]`, "",
			"id=pi-1 brokers=k1:9092,k2:9092 topic=cams tls=kafka.internal spool=always/1GiB log=info" +
				" front:nvargus:1:640x480@30:2000:auto back:test:ball:1280x720@30:2000:auto"},
		{"stream added", `
  - match: pi-1
    set:
      streams: [{name: door, source: {type: rtsp, url: "rtsp://cam/1"}}]`, "",
			mergeBaseSummary + " door:rtsp:rtsp://cam/1:1280x720@30:2000:none"},
		{"stream removed", `
  - match: pi-1
    set:
      streams: [{name: front, enabled: false}]`, "",
			"id=pi-1 brokers=k1:9092,k2:9092 topic=cams tls=kafka.internal spool=always/1GiB log=info" +
				" back:test:ball:1280x720@30:2000:auto"},
		{"in order: later wins, and sees what earlier ones added", `
  - match: "pi-*"
    set:
      log: {level: debug}
      streams: [{name: front, fps: 10}, {name: door, source: {type: rtsp, url: "rtsp://cam/1"}}]
  - match: "pi-?"
    set:
      log: {level: warn}
      streams: [{name: front, fps: 20}, {name: door, bitrate_kbps: 500}]
  - match: "jetson-*"
    set:
      log: {level: error}`, "",
			"id=pi-1 brokers=k1:9092,k2:9092 topic=cams tls=kafka.internal spool=always/1GiB log=warn" +
				" front:v4l2:/dev/video0:640x480@20:2000:auto back:test:ball:1280x720@30:2000:auto door:rtsp:rtsp://cam/1:1280x720@30:500:none"},
		{"removed, then back", `
  - match: "pi-*"
    set: {streams: [{name: back, enabled: false}]}
  - match: "pi-1"
    set: {streams: [{name: back, enabled: true, fps: 5}]}`, "",
			"id=pi-1 brokers=k1:9092,k2:9092 topic=cams tls=kafka.internal spool=always/1GiB log=info" +
				" front:v4l2:/dev/video0:640x480@30:2000:auto back:test:ball:1280x720@5:2000:auto"},
		{"explicit device id is matched and used", `
  - match: "jetson-*"
    set: {streams: [{name: front, encoder: nvv4l2h264enc}]}`, "jetson-7",
			"id=jetson-7 brokers=k1:9092,k2:9092 topic=cams tls=kafka.internal spool=always/1GiB log=info" +
				" front:v4l2:/dev/video0:640x480@30:2000:nvv4l2h264enc back:test:ball:1280x720@30:2000:auto"},
		{"glob classes", `
  - match: "pi-[0-4]"
    set: {log: {level: error}}
  - match: "pi-[5-9]"
    set: {log: {level: debug}}`, "pi-7",
			"id=pi-7 brokers=k1:9092,k2:9092 topic=cams tls=kafka.internal spool=always/1GiB log=debug" +
				" front:v4l2:/dev/video0:640x480@30:2000:auto back:test:ball:1280x720@30:2000:auto"},
		{"match from the environment", `
  - match: ${EDGECAM_T_GROUP}
    set: {log: {level: debug}}`, "",
			"id=pi-1 brokers=k1:9092,k2:9092 topic=cams tls=kafka.internal spool=always/1GiB log=debug" +
				" front:v4l2:/dev/video0:640x480@30:2000:auto back:test:ball:1280x720@30:2000:auto"},
		{"anchors and aliases", `
  - match: "pi-*"
    set: &quiet {log: {level: error}}
  - match: "nope"
    set: *quiet`, "",
			"id=pi-1 brokers=k1:9092,k2:9092 topic=cams tls=kafka.internal spool=always/1GiB log=error" +
				" front:v4l2:/dev/video0:640x480@30:2000:auto back:test:ball:1280x720@30:2000:auto"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			body := mergeBase
			if c.overrides != "" {
				body += "overrides:" + c.overrides + "\n"
			}
			cfg, err := ParseFor("fleet.yaml", []byte(body), c.device)
			if err != nil {
				t.Fatal(err)
			}
			if got := summary(cfg); got != c.want {
				t.Errorf("got\n %s\nwant\n %s", got, c.want)
			}
		})
	}
}

// TestOverridesDeviceFromFile: the device id that overrides match comes
// from device.id after expansion, else from the host name.
func TestOverridesDeviceFromFile(t *testing.T) {
	t.Setenv("EDGECAM_T_SITE", "garage")
	ov := "overrides:\n  - match: pi-garage\n    set: {log: {level: debug}}\n  - match: host-*\n    set: {log: {level: warn}}\n"
	body := "device: {id: \"pi-${EDGECAM_T_SITE}\"}\nkafka: {brokers: [\"k:9092\"]}\n" + okStream + ov
	cfg, err := Parse("x.yaml", []byte(body))
	if err != nil || cfg.Log.Level != LogDebug || cfg.Device.ID != "pi-garage" {
		t.Errorf("from device.id: %+v, %v", cfg, err)
	}
	d := newDecoder("x.yaml", "")
	d.hostname = func() (string, error) { return "host-3", nil }
	cfg = d.decode([]byte("kafka: {brokers: [\"k:9092\"]}\n" + okStream + ov))
	if len(d.errs) > 0 || cfg.Log.Level != LogWarn || cfg.Device.ID != "host-3" {
		t.Errorf("from the host name: %+v, %v", cfg, d.errs)
	}
	if _, err := ParseFor("x.yaml", []byte(body), "bad id"); err == nil || !strings.Contains(err.Error(), `device id "bad id"`) {
		t.Errorf("bad explicit id: %v", err)
	}
}

// TestOverrideErrors: overrides are checked whether they match or not,
// and each problem is reported once, at its own position.
func TestOverrideErrors(t *testing.T) {
	head := kafkaBase + okStream + "overrides:\n" // lines 1-5
	checkErrors(t, t.TempDir(), []errCase{
		{name: "bad glob", yaml: head + "  - match: \"pi-[\"\n    set: {log: {level: debug}}\n",
			want: []string{`6:12: overrides[0].match: "pi-[" is not a valid glob`}},
		{name: "set device", yaml: head + "  - match: x\n    set:\n      device: {id: y}\n",
			want: []string{`8:7: overrides[0].set.device: an override cannot change the device`}},
		{name: "set overrides", yaml: head + "  - match: x\n    set:\n      overrides: []\n",
			want: []string{`8:7: overrides[0].set.overrides: overrides do not nest`}},
		{name: "unknown key, not matching", yaml: head + "  - match: nomatch\n    set:\n      streams:\n        - name: a\n          fsp: 5\n",
			want: []string{`10:11: overrides[0].set.streams[0]: unknown key "fsp" (did you mean "fps"?)`}},
		{name: "bad value, not matching", yaml: head + "  - match: nomatch\n    set:\n      streams:\n        - name: a\n          fps: 500\n",
			want: []string{`10:16: overrides[0].set.streams[0].fps: 500 is out of range 1..120`}},
		{name: "bad value, matching, once", yaml: head + "  - match: d\n    set:\n      streams: [{name: a, fps: 500}]\n",
			want: []string{`8:32: overrides[0].set.streams[0].fps: 500 is out of range 1..120`}},
		{name: "unknown top key in set", yaml: head + "  - match: x\n    set: {spol: {}}\n",
			want: []string{`7:11: overrides[0].set: unknown key "spol" (did you mean "spool"?)`}},
		{name: "stream without name", yaml: head + "  - match: x\n    set:\n      streams:\n        - fps: 5\n",
			want: []string{`9:11: overrides[0].set.streams[0].name: missing`}},
		{name: "source key of another type", yaml: head + "  - match: x\n    set:\n      streams: [{name: a, source: {type: test, device: /dev/video0}}]\n",
			want: []string{`8:48: overrides[0].set.streams[0].source.device: a test source has no device`}},
		{name: "missing match", yaml: head + "  - set: {}\n",
			want: []string{`6:5: overrides[0].match: missing`}},
		{name: "missing set, typo", yaml: head + "  - match: x\n    sett: {}\n",
			want: []string{`6:5: overrides[0].set: missing`, `7:5: overrides[0]: unknown key "sett" (did you mean "set"?)`}},
		{name: "not a list", yaml: kafkaBase + okStream + "overrides: {match: x}\n",
			want: []string{`5:12: overrides: want a list of {match: GLOB, set: {...}}, got a mapping`}},
		{name: "set not a mapping", yaml: head + "  - match: x\n    set: [a]\n",
			want: []string{`7:10: overrides[0].set: want a mapping`}},
		{name: "limit reached through an override", yaml: kafkaBase +
			"streams:\n  - name: a\n    source: {type: test}\n    encoder: v4l2h264enc\noverrides:\n  - match: d\n    set:\n      streams: [{name: a, width: 1920, height: 1080, fps: 60}]\n",
			want: []string{`11:59: streams[0].fps: v4l2h264enc (Raspberry Pi 4 hardware encoder) stops at 1920x1080@30`}},
		{name: "merged stream incomplete", yaml: head + "  - match: d\n    set: {streams: [{name: new, fps: 5}]}\n",
			want: []string{`7:21: streams[1].source: missing`}},
	})
}
