package agent

import (
	"fmt"
	"testing"
	"time"

	"github.com/edgecam/edgecam/config"
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
