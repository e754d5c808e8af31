package agent

import (
	"fmt"
	"testing"
	"time"

	"github.com/edgecam/edgecam/capture"
	"github.com/edgecam/edgecam/config"
	"github.com/edgecam/edgecam/encode"
	"github.com/edgecam/edgecam/internal/rtsptest"
	"github.com/edgecam/edgecam/internal/testkit"
	"github.com/edgecam/edgecam/kafka"
)

func audioStream(name, codec string) config.Stream {
	s := testStream(name)
	br := config.DefaultAACBitrateKbps
	if codec == config.AudioOpus {
		br = config.DefaultOpusBitrateKbps
	}
	s.Audio = &config.Audio{Source: config.AudioTest, Codec: codec, BitrateKbps: br, Rate: config.DefaultAudioRate, Channels: 1}
	return s
}

// byTrack splits a key's records into its video and audio tracks.
func byTrack(rs []*kafka.Record) (video, audio []*kafka.Record) {
	for _, r := range rs {
		if r.Track == kafka.TrackAudio {
			audio = append(audio, r)
		} else {
			video = append(video, r)
		}
	}
	return video, audio
}

func trackCounts(t *testing.T, brokers []string, key string) (video, audio int) {
	v, a := byTrack(records(t, brokers, key))
	return len(v), len(a)
}

// checkAudio checks an audio track: seq 0..n-1 with no gap or repeat,
// every record of codec, a keyframe, AAC in ADTS, PTS increasing.
func checkAudio(t *testing.T, rs []*kafka.Record, key, codec string) {
	t.Helper()
	if len(rs) == 0 {
		t.Fatalf("%s: no audio records", key)
	}
	for i, r := range rs {
		if r.Seq != int64(i) {
			t.Fatalf("%s audio: seq %d at index %d (gap or repeat)", key, r.Seq, i)
		}
		if r.Codec != codec || !r.Keyframe {
			t.Fatalf("%s audio seq %d: codec %q keyframe %v; want %s, true", key, r.Seq, r.Codec, r.Keyframe, codec)
		}
		if codec == config.AudioAAC && (len(r.Value) < 7 || r.Value[0] != 0xff || r.Value[1]&0xf0 != 0xf0) {
			t.Fatalf("%s audio seq %d is not ADTS", key, r.Seq)
		}
	}
}

// TestAudioTrackDelivered: a stream with a test tone delivers both tracks
// to its key, each numbered from 0 with no gap or repeat, video records
// marked edgecam-track: video; a second run resumes each track after its
// own last seq.
func TestAudioTrackDelivered(t *testing.T) {
	for _, codec := range []string{config.AudioAAC, config.AudioOpus} {
		t.Run(codec, func(t *testing.T) {
			c := testkit.Kfake(t, topic, 3)
			brokers := c.ListenAddrs()
			cfg := testConfig(t, brokers, audioStream("cam", codec))
			const key = "agent-test/cam"
			first := &testkit.LogBuf{}
			runAgent(t, cfg, first, func() bool { v, a := trackCounts(t, brokers, key); return v >= 15 && a >= 40 })
			v1, a1 := byTrack(records(t, brokers, key))
			for _, r := range v1 {
				if r.Track != kafka.TrackVideo {
					t.Fatalf("video record seq %d has track %q", r.Seq, r.Track)
				}
			}
			second := &testkit.LogBuf{}
			runAgent(t, cfg, second, func() bool {
				v, a := trackCounts(t, brokers, key)
				return v >= len(v1)+15 && a >= len(a1)+40
			})
			for _, want := range []string{fmt.Sprintf("last_seq=%d", len(v1)-1), fmt.Sprintf("last_seq=%d", len(a1)-1)} {
				if len(second.Lines("resuming sequence", want)) != 1 {
					t.Errorf("second run did not resume with %s:\n%s", want, second)
				}
			}
			video, audio := byTrack(records(t, brokers, key))
			checkContiguous(t, video, key)
			checkAudio(t, audio, key, codec)
			t.Logf("%s: %d video and %d audio records over two runs", codec, len(video), len(audio))
		})
	}
}

// TestAudioOutageSpillsAndDrains: the broker goes away; both tracks spill
// to their spools and, once it is back, both arrive whole: per track no gap
// and no repeat.
func TestAudioOutageSpillsAndDrains(t *testing.T) {
	c, restart := testkit.RestartableKfake(t, topic, 3)
	brokers := c.ListenAddrs()
	cfg := testConfig(t, brokers, audioStream("cam", config.AudioAAC))
	const key = "agent-test/cam"
	logs := &testkit.LogBuf{}
	phase := 0
	outageStart := time.Time{}
	runAgent(t, cfg, logs, func() bool {
		switch phase {
		case 0:
			if v, a := trackCounts(t, brokers, key); v >= 15 && a >= 20 {
				c.Close()
				phase, outageStart = 1, time.Now()
			}
		case 1:
			if len(logs.Lines("spilling to the spool", "track=audio")) > 0 && len(logs.Lines("spilling to the spool")) > 1 && time.Since(outageStart) > 4*time.Second {
				restart()
				phase = 2
			}
		case 2:
			return len(logs.Lines("spool drained; back to the direct path", "track=audio")) > 0 &&
				len(logs.Lines("spool drained; back to the direct path")) > 1
		}
		return false
	})
	video, audio := byTrack(records(t, brokers, key))
	checkContiguous(t, video, key)
	checkAudio(t, audio, key, config.AudioAAC)
	t.Logf("outage: %d video and %d audio records, each track in order", len(video), len(audio))
}

// TestAudioFailureKeepsVideo: a microphone that cannot be opened costs the
// stream its audio, not its video: the video is delivered, the failure is
// logged, and no audio record appears.
func TestAudioFailureKeepsVideo(t *testing.T) {
	c := testkit.Kfake(t, topic, 3)
	brokers := c.ListenAddrs()
	s := audioStream("cam", config.AudioAAC)
	s.Audio.Source, s.Audio.Device = config.AudioALSA, "hw:CARD=EdgecamNoSuchCard"
	cfg := testConfig(t, brokers, s)
	const key = "agent-test/cam"
	logs := &testkit.LogBuf{}
	runAgent(t, cfg, logs, func() bool { v, _ := trackCounts(t, brokers, key); return v >= 30 })
	video, audio := byTrack(records(t, brokers, key))
	checkContiguous(t, video, key)
	if len(audio) != 0 {
		t.Errorf("%d audio records from a missing microphone", len(audio))
	}
	failed := logs.Lines("audio failed: the stream runs without audio")
	if len(failed) == 0 {
		t.Fatalf("no audio failure logged:\n%s", logs)
	}
	t.Logf("%d video records; %s", len(video), failed[0])
}

// TestCameraAudio: audio source camera takes an RTSP camera's own audio
// track from the same RTSP session as its video: AAC passes through
// (ADTS), G.711 (PCMA) is encoded to the track's codec (AAC, and Opus);
// per track seq 0..N with no gap or repeat, the video passed through.
func TestCameraAudio(t *testing.T) {
	for _, tc := range []struct{ camera, codec, note string }{
		{"aac", config.AudioAAC, "MPEG4-GENERIC"},
		{"pcma", config.AudioAAC, "PCMA"},
		{"pcmu", config.AudioOpus, "PCMU"},
	} {
		t.Run(tc.camera+"-to-"+tc.codec, func(t *testing.T) {
			cam := rtsptest.Start(t, "--width", "320", "--height", "240", "--gop", "15", "--audio", tc.camera)
			c := testkit.Kfake(t, topic, 3)
			brokers := c.ListenAddrs()
			door := audioStream("door", tc.codec)
			door.Source = config.Source{Type: config.SourceRTSP, URL: cam.URL()}
			door.Encoder = config.EncoderNone
			door.Audio.Source = config.AudioCamera
			cfg := testConfig(t, brokers, door)
			const key = "agent-test/door"
			logs := &testkit.LogBuf{}
			runAgent(t, cfg, logs, func() bool { v, a := trackCounts(t, brokers, key); return v >= 30 && a >= 50 })
			video, audio := byTrack(records(t, brokers, key))
			checkContiguous(t, video, key)
			checkAudio(t, audio, key, tc.codec)
			if len(logs.Lines("camera audio", tc.note)) == 0 {
				t.Errorf("no camera audio line naming %s:\n%s", tc.note, logs)
			}
			t.Logf("camera %s → %s: %d video, %d audio records", tc.camera, tc.codec, len(video), len(audio))
		})
	}
}

// TestCameraWithoutAudio: audio source camera on a camera that sends no
// audio: the video runs on, the log says so, and no audio record appears.
func TestCameraWithoutAudio(t *testing.T) {
	cam := rtsptest.Start(t, "--width", "320", "--height", "240", "--gop", "15", "--audio", "none")
	c := testkit.Kfake(t, topic, 3)
	brokers := c.ListenAddrs()
	door := audioStream("door", config.AudioAAC)
	door.Source = config.Source{Type: config.SourceRTSP, URL: cam.URL()}
	door.Encoder = config.EncoderNone
	door.Audio.Source = config.AudioCamera
	cfg := testConfig(t, brokers, door)
	const key = "agent-test/door"
	logs := &testkit.LogBuf{}
	runAgent(t, cfg, logs, func() bool { v, _ := trackCounts(t, brokers, key); return v >= 45 })
	video, audio := byTrack(records(t, brokers, key))
	checkContiguous(t, video, key)
	if len(audio) != 0 {
		t.Errorf("%d audio records from a camera without audio", len(audio))
	}
	if len(logs.Lines("camera audio", "the camera sends no audio track")) == 0 {
		t.Errorf("no line saying the camera has no audio:\n%s", logs)
	}
	if n := len(logs.Lines("stream started")); n != 1 {
		t.Errorf("the stream started %d times; want once (no restart for the missing audio)", n)
	}
}

// TestAudioMetricsAndHealth: /metrics has the delivery and spool series of
// each track (label track), the audio's final acked count is what Kafka
// holds of the track, and /healthz shows the audio of the stream.
func TestAudioMetricsAndHealth(t *testing.T) {
	c := testkit.Kfake(t, topic, 3)
	brokers := c.ListenAddrs()
	a := startAgent(t, testConfig(t, brokers, audioStream("cam", config.AudioAAC)), Options{})
	a.waitFor(t, "30 audio frames acknowledged", func() bool {
		v, _ := a.scrape(t).Get("edgecam_frames_acked_total", "stream=cam", "track=audio")
		return v >= 30
	})
	m := a.scrape(t)
	for _, name := range []string{"edgecam_frames_captured_total", "edgecam_frames_encoded_total", "edgecam_spool_frames", "edgecam_spool_written_frames_total"} {
		for _, track := range []string{"track=video", "track=audio"} {
			if _, ok := m.Get(name, "stream=cam", track); !ok {
				t.Errorf("no %s{stream=cam,%s}", name, track)
			}
		}
	}
	code, h, body := a.health(t)
	if code != 200 || h.Streams["cam"].Audio == nil || !h.Streams["cam"].Audio.On || h.Streams["cam"].Audio.Acked == 0 {
		t.Errorf("/healthz: %d %s; want 200 with the audio on and acknowledged", code, body)
	}
	a.stop(t)
	fin := a.final(t)
	_, audio := byTrack(records(t, brokers, "agent-test/cam"))
	if v, _ := fin.Get("edgecam_frames_acked_total", "stream=cam", "track=audio"); int(v) != len(audio) {
		t.Errorf("edgecam_frames_acked_total{track=audio} = %v, Kafka holds %d audio records", v, len(audio))
	}
	checkAudio(t, audio, "agent-test/cam", config.AudioAAC)
}

// TestSpoolShares: spool.max_size stays the stream's budget: with audio,
// 1/16 of it goes to the audio's spool, the rest to the video's, each
// holding at least two of its segments.
func TestSpoolShares(t *testing.T) {
	const mib = 1 << 20
	for _, c := range []struct {
		max, seg               int64
		audio                  bool
		vMax, vSeg, aMax, aSeg int64
	}{
		{2048 * mib, 0, false, 2048 * mib, 0, 2048 * mib, 0},
		{2048 * mib, 0, true, 1920 * mib, 0, 128 * mib, 32 * mib},
		{2048 * mib, 8 * mib, true, 1920 * mib, 8 * mib, 128 * mib, 8 * mib},
		{1 * mib, 256 << 10, true, 1*mib - 128<<10, 256 << 10, 128 << 10, 64 << 10},
	} {
		s := &stream{spool: config.Spool{MaxSize: config.Size(c.max), SegmentSize: config.Size(c.seg)}}
		if c.audio {
			s.audio = newAudioTrack(&config.Audio{Source: config.AudioTest, Codec: config.AudioAAC, Rate: 48000, Channels: 1})
		}
		vMax, vSeg, aMax, aSeg := s.spoolShares()
		if vMax != c.vMax || vSeg != c.vSeg || (c.audio && (aMax != c.aMax || aSeg != c.aSeg)) {
			t.Errorf("max %d seg %d audio %v: video %d/%d audio %d/%d; want %d/%d and %d/%d", c.max, c.seg, c.audio, vMax, vSeg, aMax, aSeg, c.vMax, c.vSeg, c.aMax, c.aSeg)
		}
		if c.audio && vMax+aMax != c.max {
			t.Errorf("max %d: the shares add up to %d", c.max, vMax+aMax)
		}
	}
}

// TestDiffAudio: a reload restarts a stream whose audio changed, and only
// that one (the audio is compared by value, not by pointer).
func TestDiffAudio(t *testing.T) {
	mk := func(codec string) *config.Config {
		a, b := audioStream("a", config.AudioAAC), audioStream("b", codec)
		return &config.Config{Device: config.Device{ID: "d"}, Streams: []config.Stream{a, b, testStream("c")}}
	}
	if p := diff(mk(config.AudioAAC), mk(config.AudioAAC)); !p.empty() {
		t.Errorf("same config: plan %+v, want nothing to do", p)
	}
	p := diff(mk(config.AudioAAC), mk(config.AudioOpus))
	if len(p.restart) != 1 || p.restart[0] != "b" || len(p.add)+len(p.remove) != 0 || p.global {
		t.Errorf("audio codec of b changed: plan %+v, want b restarted alone", p)
	}
}

// TestCameraElementName: the audio branch of audio source camera finds
// the camera's rtspsrc by the name capture gives it.
func TestCameraElementName(t *testing.T) {
	if capture.RTSPSourceName != encode.CameraElement {
		t.Fatalf("capture names rtspsrc %q, encode looks for %q", capture.RTSPSourceName, encode.CameraElement)
	}
}
