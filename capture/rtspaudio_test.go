package capture

import (
	"context"
	"math"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/edgecam/edgecam/internal/rtsptest"
	"github.com/edgecam/edgecam/internal/testkit"
)

func TestRTSPAudioFragments(t *testing.T) {
	cam := Source{Kind: RTSP, URL: "rtsp://cam/live"}
	pcma := Source{Kind: RTSP, URL: "rtsp://cam/live", AudioCodec: AudioPCMA}
	pcmu := Source{Kind: RTSP, URL: "rtsp://cam/live", AudioCodec: AudioPCMU}
	const tap = "camsrc. ! application/x-rtp,media=audio ! "
	tests := []struct {
		name    string
		got     func() (string, error)
		want    string
		wantErr string
	}{
		{"aac passes", func() (string, error) { return RTSPAudioPassthroughFragment(cam) },
			tap + "rtpmp4gdepay name=audio-depay", ""},
		{"aac decoded", func() (string, error) { return RTSPAudioDecodeFragment(cam, 48000, 2) },
			tap + "rtpmp4gdepay name=audio-depay ! aacparse ! avdec_aac name=audio-dec ! audioconvert ! audioresample ! audio/x-raw,rate=48000,channels=2", ""},
		{"pcma decoded", func() (string, error) { return RTSPAudioDecodeFragment(pcma, 16000, 1) },
			tap + "rtppcmadepay name=audio-depay ! alawdec name=audio-dec ! audioconvert ! audioresample ! audio/x-raw,rate=16000,channels=1", ""},
		{"pcmu keeps its rate", func() (string, error) { return RTSPAudioDecodeFragment(pcmu, 0, 0) },
			tap + "rtppcmudepay name=audio-depay ! mulawdec name=audio-dec ! audioconvert ! audioresample ! audio/x-raw", ""},
		{"g711 does not pass", func() (string, error) { return RTSPAudioPassthroughFragment(pcma) },
			"", "only AAC passes through"},
		{"unknown codec", func() (string, error) {
			return RTSPAudioDecodeFragment(Source{Kind: RTSP, URL: "rtsp://cam/live", AudioCodec: "g726"}, 0, 0)
		}, "", `audio codec "g726" (want aac, pcma or pcmu)`},
		{"not rtsp", func() (string, error) { return RTSPAudioPassthroughFragment(Source{Kind: Test}) },
			"", "needs an rtsp source"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.got()
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("got %q, %v\nwant %q", got, err, tt.want)
			}
		})
	}
	if !RTSPAudioPasses(cam, "aac") || RTSPAudioPasses(cam, "opus") || RTSPAudioPasses(pcma, "aac") {
		t.Error("RTSPAudioPasses: want true for an AAC camera into an aac track only")
	}
	for _, r := range append(RTSPAudioRequirements(pcma, false), RTSPAudioRequirements(cam, true)...) {
		if r.Package == "" {
			t.Errorf("%s has no package", r.Element)
		}
	}
}

// gstLaunch runs a pipeline description with gst-launch-1.0 until it ends
// by itself (identity eos-after in each branch); the bound only catches a
// hang.
func gstLaunch(t *testing.T, desc string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "gst-launch-1.0", "-q")
	cmd.Args = append(cmd.Args, strings.Fields(desc)...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("gst-launch-1.0 %s: %v\n%s", desc, err, out)
	}
}

// TestRTSPAudioFromCamera: the test camera's tone, in each codec it sends,
// comes out of the audio fragments beside the video of the same rtspsrc:
// AAC passed through as ADTS, G.711 (and AAC, for an Opus track) decoded to
// raw audio; the video decodes and the audio holds the camera's tone.
func TestRTSPAudioFromCamera(t *testing.T) {
	for _, c := range []struct {
		camera string // rtsp-server.py --audio
		pass   bool
		freq   int
	}{
		{rtsptest.AudioAAC, true, 1000},
		{rtsptest.AudioAAC, false, 440},
		{rtsptest.AudioPCMA, false, 700},
		{rtsptest.AudioPCMU, false, 1200},
	} {
		name := c.camera + map[bool]string{true: "-passthrough", false: "-decoded"}[c.pass]
		t.Run(name, func(t *testing.T) {
			cam := rtsptest.Start(t, "--width", "320", "--height", "240", "--gop", "15",
				"--audio", c.camera, "--audio-freq", strconv.Itoa(c.freq))
			src := Source{Kind: RTSP, URL: cam.URL(), AudioCodec: c.camera}
			video, err := PassthroughFragment(src, Format{})
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			vpath, apath := filepath.Join(dir, "video.h264"), filepath.Join(dir, "audio.aac")
			var audio string
			if c.pass {
				audio, err = RTSPAudioPassthroughFragment(src)
				// package encode's parser: ADTS, as the records carry it
				audio += " ! aacparse ! audio/mpeg,mpegversion=4,stream-format=adts ! identity eos-after=200 ! filesink location=" + apath
			} else {
				apath = filepath.Join(dir, "audio.wav")
				audio, err = RTSPAudioDecodeFragment(src, 48000, 1)
				audio += " ! identity eos-after=200 ! wavenc ! filesink location=" + apath
			}
			if err != nil {
				t.Fatal(err)
			}
			gstLaunch(t, video+" ! h264parse ! video/x-h264,stream-format=byte-stream,alignment=au ! identity eos-after=90 ! filesink location="+vpath+" "+audio)

			if frames, errs := testkit.ProbeFrames(t, vpath); frames < 60 || errs != "" {
				t.Errorf("video: %d frames, errors %q; want 90 clean", frames, errs)
			}
			if c.pass {
				if codec, _ := testkit.Probe(t, apath, "-f", "aac", "-show_entries", "stream=codec_name", "-of", "csv=p=0"); codec != "aac" {
					t.Errorf("passed-through audio is %q, want aac (ADTS)", codec)
				}
			}
			samples, errs := testkit.DecodeAudio(t, apath, 48000)
			if errs != "" {
				t.Errorf("audio decoding errors: %s", errs)
			}
			// Skip the encoder's start (AAC priming), then look at a second.
			if len(samples) < 72000 {
				t.Fatalf("%d audio samples, want about 2 s of 48 kHz", len(samples))
			}
			hz, purity := testkit.DominantFrequency(samples[24000:72000], 48000)
			t.Logf("check: rtsp camera audio %s: %.0f Hz (tone %d Hz), purity %.2f, %.2f s", name, hz, c.freq, purity, float64(len(samples))/48000)
			if math.Abs(hz-float64(c.freq)) > 3 || purity < 0.5 {
				t.Errorf("audio %.1f Hz, purity %.2f; want the camera's %d Hz tone", hz, purity, c.freq)
			}
		})
	}
}

// TestRTSPVideoOfCameraWithAudio: a stream without camera audio still
// takes the video of a camera that sends audio too (its audio pad stays
// unlinked, which rtspsrc allows while another stream is linked).
func TestRTSPVideoOfCameraWithAudio(t *testing.T) {
	cam := rtsptest.Start(t, "--width", "320", "--height", "240", "--gop", "15", "--audio", rtsptest.AudioAAC)
	video, err := PassthroughFragment(Source{Kind: RTSP, URL: cam.URL()}, Format{})
	if err != nil {
		t.Fatal(err)
	}
	vpath := filepath.Join(t.TempDir(), "video.h264")
	gstLaunch(t, video+" ! h264parse ! video/x-h264,stream-format=byte-stream,alignment=au ! identity eos-after=60 ! filesink location="+vpath)
	if frames, errs := testkit.ProbeFrames(t, vpath); frames < 45 || errs != "" {
		t.Errorf("video: %d frames, errors %q; want 60 clean", frames, errs)
	}
}
