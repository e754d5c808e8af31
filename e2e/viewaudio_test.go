package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/edgecam/edgecam/internal/testkit"
)

// audioState is what view/browsertest/audio.mjs reads of the player.
type audioState struct {
	Mode        string   `json:"mode"`
	T           float64  `json:"t"`
	AudioBytes  int64    `json:"audioBytes"`
	VideoBytes  int64    `json:"videoBytes"`
	AudioTracks int      `json:"audioTracks"`
	Codecs      []string `json:"codecs"`
	Sound       bool     `json:"soundButton"`
	Errors      []string `json:"errors"`
}

type audioReport struct {
	Fatal   string   `json:"fatal"`
	Errors  []string `json:"errors"`
	AACMSE  bool     `json:"aacMSE"`
	OpusMSE bool     `json:"opusMSE"`
	Live    struct{ From, To audioState }
	Rec     struct{ From, To audioState }
}

// TestViewAudio: `edgecam view` plays a stream's sound with its video.
// The real agent sends audiotestsrc (AAC, then Opus) beside
// videotestsrc; /api/streams lists the stream's audio codec; ffprobe finds
// the audio track in the live HLS; and in Debian's chromium (headless) the
// page's media element decodes audio while it plays, live and after a
// seek into the recording: Chromium's webkitAudioDecodedByteCount grows,
// and hls.js reports the track's codec.
func TestViewAudio(t *testing.T) {
	brokers, bin := env(t)
	pw := playwrightDir(t)
	for _, codec := range []string{"aac", "opus"} {
		t.Run(codec, func(t *testing.T) {
			camCfg, device := writeConfig(t, brokers, avStream(codec))
			key := device + "/cam0"
			agentStart := time.Now()
			_, agentLog := startProc(t, bin, "run", "--config", camCfg)
			viewCfg := filepath.Join(t.TempDir(), "view.yaml")
			if err := os.WriteFile(viewCfg, []byte(fmt.Sprintf("kafka:\n  brokers: [%q]\n  topic: %s\n", brokers, topic)), 0o644); err != nil {
				t.Fatal(err)
			}
			addr := freeAddr(t)
			base := "http://" + addr + "/"
			_, viewLog := startProc(t, bin, "view", "--config", viewCfg, "--listen", addr)
			var st struct {
				Key, ID, Audio string
				Live, Playable bool
			}
			testkit.Wait(t, "the stream live, playable and with sound in /api/streams", 90*time.Second, 500*time.Millisecond, func() bool {
				resp, err := http.Get(base + "api/streams")
				if err != nil {
					return false
				}
				defer resp.Body.Close()
				var j struct{ Streams []json.RawMessage }
				if json.NewDecoder(resp.Body).Decode(&j) != nil {
					return false
				}
				for _, raw := range j.Streams {
					if json.Unmarshal(raw, &st) == nil && st.Key == key {
						return st.Live && st.Playable && st.Audio == codec
					}
				}
				return false
			}, func() string { return fmt.Sprintf("%+v\nviewer:\n%s\nagent:\n%s", st, viewLog, agentLog) })

			hls := base + "hls/live/" + st.ID + "/index.m3u8"
			out, errs := testkit.Probe(t, hls, "-show_entries", "stream=codec_type,codec_name", "-of", "csv=p=0")
			if !strings.Contains(out, codec+",audio") || !strings.Contains(out, "h264,video") || errs != "" {
				t.Fatalf("ffprobe %s: %q (errors %q); want h264 video and %s audio", hls, out, errs, codec)
			}
			// The recording the browser seeks into (10 s back).
			time.Sleep(time.Until(agentStart.Add(15 * time.Second)))
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute) // a hang, not a timing
			defer cancel()
			cmd := exec.CommandContext(ctx, "node", "../view/browsertest/audio.mjs", pw, base, key)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			b, err := cmd.Output()
			if err != nil {
				t.Fatalf("audio.mjs: %v\n%s\n%s", err, b, stderr.String())
			}
			t.Logf("browser: %s", b)
			var r audioReport
			if err := json.Unmarshal(b, &r); err != nil {
				t.Fatalf("audio.mjs printed %q: %v", b, err)
			}
			if r.Fatal != "" {
				t.Fatalf("audio.mjs: %s\nviewer:\n%s", r.Fatal, viewLog)
			}
			if len(r.Errors) > 0 {
				t.Errorf("page errors: %v", r.Errors)
			}
			for name, s := range map[string]struct{ From, To audioState }{"live": r.Live, "recorded": r.Rec} {
				if s.To.AudioBytes <= s.From.AudioBytes || s.To.VideoBytes <= s.From.VideoBytes {
					t.Errorf("%s: decoded audio %d -> %d bytes, video %d -> %d over %.1f s of playback; want both growing",
						name, s.From.AudioBytes, s.To.AudioBytes, s.From.VideoBytes, s.To.VideoBytes, s.To.T-s.From.T)
				}
				if len(s.To.Codecs) != 2 || s.To.Codecs[1] == "" || !s.To.Sound {
					t.Errorf("%s: hls.js codecs %v, sound button shown %v; want an audio codec and the button", name, s.To.Codecs, s.To.Sound)
				}
			}
		})
	}
}
