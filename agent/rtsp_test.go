package agent

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/edgecam/edgecam/config"
	"github.com/edgecam/edgecam/internal/rtsptest"
	"github.com/edgecam/edgecam/internal/secret"
	"github.com/edgecam/edgecam/internal/testkit"
)

// TestRTSPPassthroughReconnects: an IP camera with a password, encoder
// none. The camera dies after 30 frames and comes back 2 s later: the
// stream reconnects by itself, logs the gap, and Kafka holds one gapless
// sequence starting with a keyframe, every keyframe carrying SPS/PPS. The
// password never reaches the log.
func TestRTSPPassthroughReconnects(t *testing.T) {
	const password = "cam-pw-7Hq"
	pwFile := t.TempDir() + "/pw"
	if err := os.WriteFile(pwFile, []byte(password), 0o600); err != nil {
		t.Fatal(err)
	}
	cam := rtsptest.Start(t, "--user", "viewer", "--password-file", pwFile, "--width", "320", "--height", "240", "--gop", "15")
	c := testkit.Kfake(t, topic, 3)
	brokers := c.ListenAddrs()
	door := testStream("door")
	door.Source = config.Source{Type: config.SourceRTSP, URL: cam.URL(), Username: "viewer", Password: secret.New(password)}
	door.Encoder = config.EncoderNone
	cfg := testConfig(t, brokers, door)
	const key = "agent-test/door"

	logs := &testkit.LogBuf{}
	var killedAt time.Time
	var before int
	runAgent(t, cfg, logs, func() bool {
		switch {
		case killedAt.IsZero():
			if before = len(records(t, brokers, key)); before >= 30 {
				cam.Kill()
				killedAt = time.Now()
			}
		case !cam.Running():
			if time.Since(killedAt) >= 2*time.Second {
				cam.Start()
			}
		default:
			return len(logs.Lines("stream resumed")) == 1 && len(records(t, brokers, key)) >= before+30
		}
		return false
	})

	rs := records(t, brokers, key)
	checkContiguous(t, rs, key)
	for _, r := range rs {
		if err := testkit.CheckKeyframe(r.Value, r.Keyframe); err != nil {
			t.Fatalf("seq %d: %v: want SPS(7), PPS(8) and IDR(5) exactly on keyframes", r.Seq, err)
		}
	}
	if len(logs.Lines("stream=door", "stream failed; retrying")) == 0 {
		t.Errorf("the camera's death is not in the log:\n%s", logs)
	}
	resumed := logs.Lines("stream resumed")
	if len(resumed) != 1 || !strings.Contains(resumed[0], "gap=") {
		t.Errorf("no gap logged on reconnecting: %q", resumed)
	}
	if strings.Contains(logs.String(), password) {
		t.Fatalf("the log contains the camera password:\n%s", logs)
	}
	t.Logf("%d frames, seq 0..%d gapless across a 2 s camera outage; %s", len(rs), len(rs)-1, resumed)
}

// TestMissingElementFailsClearly: a Jetson camera configured on a machine
// without JetPack fails its attempts with an error that names the missing
// element and the package to install.
func TestMissingElementFailsClearly(t *testing.T) {
	c := testkit.Kfake(t, topic, 3)
	csi := testStream("csi")
	csi.Source = config.Source{Type: config.SourceNvargus}
	cfg := testConfig(t, c.ListenAddrs(), csi)
	logs := &testkit.LogBuf{}
	runAgent(t, cfg, logs, func() bool { return len(logs.Lines("stream=csi", "stream failed; retrying")) >= 1 })
	l := logs.Lines("stream=csi", "stream failed; retrying")[0]
	for _, want := range []string{"nvarguscamerasrc", "install nvidia-l4t-gstreamer"} {
		if !strings.Contains(l, want) {
			t.Errorf("failure %q does not contain %q", l, want)
		}
	}
}
