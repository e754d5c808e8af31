package agent

import (
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/edgecam/edgecam/config"
	"github.com/edgecam/edgecam/internal/rtsptest"
	"github.com/edgecam/edgecam/internal/testkit"
)

// TestCameraAudioTone: the RTSP test camera's AAC track, passed through
// into an aac track (encoder none: the camera's frames, in ADTS), decodes
// to the camera's tone (TestCameraAudio covers the other encodings and
// codecs by their records).
func TestCameraAudioTone(t *testing.T) {
	for _, codec := range []string{config.AudioAAC} {
		t.Run(codec, func(t *testing.T) {
			const freq = 900
			cam := rtsptest.Start(t, "--width", "320", "--height", "240", "--gop", "15", "--audio", rtsptest.AudioAAC, "--audio-freq", "900")
			c := testkit.Kfake(t, topic, 3)
			brokers := c.ListenAddrs()
			door := testStream("door")
			door.Source = config.Source{Type: config.SourceRTSP, URL: cam.URL()}
			door.Encoder = config.EncoderNone
			br := config.DefaultAACBitrateKbps
			if codec == config.AudioOpus {
				br = config.DefaultOpusBitrateKbps
			}
			door.Audio = &config.Audio{Source: config.AudioCamera, Codec: codec, BitrateKbps: br, Rate: config.DefaultAudioRate, Channels: 1}
			cfg := testConfig(t, brokers, door)
			const key = "agent-test/door"
			logs := &testkit.LogBuf{}
			// 150 AAC frames of 1024 samples at 48 kHz: 3.2 s.
			runAgent(t, cfg, logs, func() bool { v, a := trackCounts(t, brokers, key); return v >= 30 && a >= 150 })
			video, audio := byTrack(records(t, brokers, key))
			checkContiguous(t, video, key)
			checkAudio(t, audio, key, codec)
			if n := len(logs.Lines("audio failed")); n > 0 {
				t.Errorf("the audio failed %d times:\n%s", n, logs)
			}
			if codec != config.AudioAAC {
				t.Logf("%d video, %d opus records", len(video), len(audio))
				return
			}
			var adts []byte
			for _, r := range audio {
				adts = append(adts, r.Value...)
			}
			path := filepath.Join(t.TempDir(), "audio.aac")
			if err := os.WriteFile(path, adts, 0o644); err != nil {
				t.Fatal(err)
			}
			samples, errs := testkit.DecodeAudio(t, path, 48000)
			if errs != "" {
				t.Errorf("the track's AAC decodes with errors: %s", errs)
			}
			if len(samples) < 96000 {
				t.Fatalf("%d samples decoded, want 2 s or more", len(samples))
			}
			hz, purity := testkit.DominantFrequency(samples[24000:96000], 48000)
			t.Logf("%d video, %d aac records; %.2f s decode to %.0f Hz (purity %.2f)", len(video), len(audio), float64(len(samples))/48000, hz, purity)
			if math.Abs(hz-freq) > 3 || purity < 0.5 {
				t.Errorf("audio %.1f Hz, purity %.2f; want the camera's %d Hz tone", hz, purity, freq)
			}
		})
	}
}
