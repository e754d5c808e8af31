package e2e

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// oneAudioStream is oneTestStream with a test tone as its sound track.
const oneAudioStream = oneTestStream + `    audio:
      source: test
      codec: aac
`

// splitTracks splits the records of a key by edgecam-track (absent is
// video).
func splitTracks(recs []record) (video, audio []record) {
	for _, r := range recs {
		if r.headers["edgecam-track"] == "audio" {
			audio = append(audio, r)
		} else {
			video = append(video, r)
		}
	}
	return video, audio
}

// probeAudio decodes concatenated ADTS AAC with ffmpeg and returns the
// frames decoded, the duration, and ffmpeg's error output.
func probeAudio(t *testing.T, adts []byte) (frames int, dur time.Duration, errs string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "audio.aac")
	if err := os.WriteFile(path, adts, 0o644); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd := exec.Command("ffprobe", "-v", "error", "-f", "aac", "-count_frames", "-select_streams", "a:0",
		"-show_entries", "stream=nb_read_frames,sample_rate:format=duration", "-of", "default=nw=1", path)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("ffprobe: %v: %s", err, stderr.String())
	}
	for _, l := range strings.Split(string(out), "\n") {
		k, v, _ := strings.Cut(l, "=")
		switch k {
		case "nb_read_frames":
			frames, _ = strconv.Atoi(v)
		case "duration":
			f, _ := strconv.ParseFloat(v, 64)
			dur = time.Duration(f * float64(time.Second))
		}
	}
	dec := exec.Command("ffmpeg", "-v", "error", "-f", "aac", "-i", path, "-f", "null", "-")
	var decErr bytes.Buffer
	dec.Stderr = &decErr
	if err := dec.Run(); err != nil {
		t.Fatalf("ffmpeg decode: %v: %s", err, decErr.String())
	}
	return frames, dur, stderr.String() + decErr.String()
}

// checkAudioDelivery asserts the delivery promises on an audio track:
// seq from 0, strictly increasing, every gap announced by edgecam-evicted;
// every record AAC, a keyframe, with a session, its Kafka timestamp the
// capture time; and the values decode with ffmpeg, frame for record, with
// no error. It returns the track's PTS span.
func checkAudioDelivery(t *testing.T, recs []record) time.Duration {
	t.Helper()
	if len(recs) == 0 {
		t.Fatal("no audio records")
	}
	prev := int64(-1)
	var adts []byte
	for i, r := range recs {
		seq, err := strconv.ParseInt(r.headers["edgecam-seq"], 10, 64)
		if err != nil {
			t.Fatalf("audio record %d: edgecam-seq %q", i, r.headers["edgecam-seq"])
		}
		ev, _ := strconv.ParseInt(r.headers["edgecam-evicted"], 10, 64)
		switch {
		case seq <= prev:
			t.Fatalf("audio record %d: seq %d after %d: duplicate or out of order", i, seq, prev)
		case seq != prev+1 && ev != seq-prev-1:
			t.Fatalf("audio record %d: seq %d after %d: gap of %d, edgecam-evicted %q", i, seq, prev, seq-prev-1, r.headers["edgecam-evicted"])
		}
		prev = seq
		if r.headers["edgecam-codec"] != "aac" || r.headers["edgecam-keyframe"] != "1" || r.headers["edgecam-session"] == "" {
			t.Fatalf("audio seq %d: headers %v", seq, r.headers)
		}
		capNs, err := strconv.ParseInt(r.headers["edgecam-capture-ns"], 10, 64)
		if err != nil || r.timestampMs != capNs/1e6 {
			t.Fatalf("audio seq %d: Kafka timestamp %d ms, edgecam-capture-ns %s", seq, r.timestampMs, r.headers["edgecam-capture-ns"])
		}
		adts = append(adts, r.value...)
	}
	n, _, errs := probeAudio(t, adts)
	if n != len(recs) || errs != "" {
		t.Fatalf("ffmpeg decoded %d AAC frames of %d records; errors %q", n, len(recs), errs)
	}
	return ptsSpan(t, recs)
}

func ptsSpan(t *testing.T, recs []record) time.Duration {
	t.Helper()
	first, err1 := strconv.ParseInt(recs[0].headers["edgecam-pts"], 10, 64)
	last, err2 := strconv.ParseInt(recs[len(recs)-1].headers["edgecam-pts"], 10, 64)
	if err1 != nil || err2 != nil {
		t.Fatalf("edgecam-pts %q .. %q", recs[0].headers["edgecam-pts"], recs[len(recs)-1].headers["edgecam-pts"])
	}
	return time.Duration(last - first)
}

// TestAudioToKafka: the test camera with a test tone into real Kafka: both
// tracks under the stream's key, video records marked edgecam-track: video
// and passing every check of TestStreamToKafka, the audio track numbered
// from 0 on its own, AAC in ADTS that ffmpeg decodes record for frame with
// no error, and both tracks on one clock (edgecam-capture-ns minus
// edgecam-pts the same for both, within a video frame). The PTS spans of
// the tracks are logged, not compared: a loaded box drops raw video frames
// at the start (the leaky queue before the encoder) and the spans differ by
// those.
func TestAudioToKafka(t *testing.T) {
	brokers, bin := env(t)
	cfg, device := writeConfig(t, brokers, oneAudioStream)
	key := device + "/cam0"
	// Until 250 records are in (about 100 video, 150 audio), however
	// long a loaded machine takes to start the pipeline.
	base := topicEnd(t, brokers)
	a := startAgent(t, bin, cfg)
	waitProduced(t, brokers, base, 250)
	logs := a.stop(t)
	video, audio := splitTracks(readKey(t, brokers, key))
	for i, r := range video {
		if r.headers["edgecam-track"] != "video" {
			t.Fatalf("video record %d: edgecam-track %q", i, r.headers["edgecam-track"])
		}
	}
	stream := checkStream(t, video, key)
	checkDelivery(t, video, nil, 0)
	aSpan := checkAudioDelivery(t, audio)
	vSpan := ptsSpan(t, video)
	if len(video) < 30 || len(audio) < 60 {
		t.Fatalf("%d video and %d audio records of the 250 produced\n%s", len(video), len(audio), logs)
	}
	// One clock: capture time minus PTS is the same wall-clock moment
	// (the pipeline's start) for both tracks; separate clocks would put
	// them seconds apart. The medians shrug off the odd frame whose
	// capture time a preempted thread read late.
	vo, ao := clockOffset(t, video), clockOffset(t, audio)
	if (vo - ao).Abs() > time.Second/30 {
		t.Errorf("capture-ns minus PTS: video %v, audio %v: the tracks are not on one clock", vo, ao)
	}
	t.Logf("capture-ns minus PTS, medians: video and audio %v apart", (vo - ao).Abs())
	if want := finalFrames(t, logs, "cam0"); len(video) != want {
		t.Errorf("Kafka has %d video frames, the agent encoded %d", len(video), want)
	}
	t.Logf("%d video records (%d bytes) and %d audio records over %v / %v of stream clock", len(video), len(stream), len(audio), vSpan, aSpan)
}

// TestAudioNetworkCut is TestNetworkCut with audio on: both tracks spill
// to their spools during a 15 s cut and, once the link is back, every
// frame of each track arrives exactly once and in order.
func TestAudioNetworkCut(t *testing.T) {
	brokers, bin := env(t)
	proxy, a, _, key := streaming(t, brokers, bin, "", oneAudioStream, 60)
	proxy.Stop()
	cut := time.Now()
	a.waitLog(t, "spilling to the spool", "track=audio")
	time.Sleep(15*time.Second - time.Since(cut))
	if err := proxy.Start(); err != nil {
		t.Fatal(err)
	}
	a.waitLog(t, "spool drained; back to the direct path", "track=audio")
	waitProduced(t, brokers, topicEnd(t, brokers), 60)
	logs := a.stop(t)
	video, audio := splitTracks(readKey(t, brokers, key))
	checkDelivery(t, video, nil, 0)
	checkAudioDelivery(t, audio)
	if want := finalFrames(t, logs, faultStream); len(video) != want {
		t.Fatalf("Kafka has %d video frames, the agent encoded %d", len(video), want)
	}
	st := finalAudioStats(t, logs)
	if st["acked"] != int64(len(audio)) || st["frames"] != int64(len(audio)) || st["spooled"] == 0 {
		t.Fatalf("audio: the agent counted %v; Kafka holds %d audio records", st, len(audio))
	}
	t.Logf("network cut 15 s with audio: %d video and %d audio records (%d spooled), each track once and in order", len(video), len(audio), st["spooled"])
}

// finalAudioStats is the last "audio track stopped" line as key=value.
func finalAudioStats(t *testing.T, logs string) map[string]int64 {
	t.Helper()
	return finalStatsOf(t, logs, `msg="audio track stopped"`)
}

func finalStatsOf(t *testing.T, logs string, parts ...string) map[string]int64 {
	t.Helper()
	lines := lastMatching(logs, parts...)
	if lines == "" {
		t.Fatalf("no line with %q:\n%s", parts, lastLines(logs, 20))
	}
	out := map[string]int64{}
	for _, f := range strings.Fields(lines) {
		k, v, ok := strings.Cut(f, "=")
		if n, err := strconv.ParseInt(v, 10, 64); ok && err == nil {
			out[k] = n
		}
	}
	return out
}

func lastMatching(logs string, parts ...string) string {
	last := ""
	for _, l := range strings.Split(logs, "\n") {
		all := true
		for _, p := range parts {
			all = all && strings.Contains(l, p)
		}
		if all {
			last = l
		}
	}
	return last
}

// TestAudioAgentKilled is TestAgentKilledDuringDrain with audio on: mode
// always, a backlog behind a cut link, the agent killed (SIGKILL) while it
// drains, three times; a last run drains everything: per track no
// duplicate and no gap.
func TestAudioAgentKilled(t *testing.T) {
	brokers, bin := env(t)
	proxy := newProxy(t)
	cfg, device := writeConfigSpool(t, proxyAddr, "  mode: always\n", oneAudioStream)
	key := device + "/" + faultStream
	for i := range 3 {
		a := startAgent(t, bin, cfg)
		a.waitLog(t, "stream started")
		proxy.Stop()
		time.Sleep(3 * time.Second)
		if err := proxy.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(200+i*200) * time.Millisecond)
		a.kill()
	}
	a := startAgent(t, bin, cfg)
	a.waitLog(t, "stream started")
	a.waitLog(t, "resuming sequence", "track=audio")
	time.Sleep(5 * time.Second)
	logs := a.stop(t)
	video, audio := splitTracks(readKey(t, brokers, key))
	checkDelivery(t, video, nil, 0)
	checkAudioDelivery(t, audio)
	if st := finalAudioStats(t, logs); st["in_spool"] != 0 && st["acked"] == 0 {
		t.Errorf("audio track of the last run: %v", st)
	}
	t.Logf("3 kills during drains with audio, mode always: %d video records, %d audio records (seq 0..%s), per track no gap, no duplicate",
		len(video), len(audio), audio[len(audio)-1].headers["edgecam-seq"])
}

// clockOffset is the median of edgecam-capture-ns minus edgecam-pts over
// recs: the wall-clock moment of the track's PTS 0.
func clockOffset(t *testing.T, recs []record) time.Duration {
	t.Helper()
	offs := make([]int64, 0, len(recs))
	for _, r := range recs {
		c, err1 := strconv.ParseInt(r.headers["edgecam-capture-ns"], 10, 64)
		p, err2 := strconv.ParseInt(r.headers["edgecam-pts"], 10, 64)
		if err1 != nil || err2 != nil {
			t.Fatalf("capture-ns %q pts %q", r.headers["edgecam-capture-ns"], r.headers["edgecam-pts"])
		}
		offs = append(offs, c-p)
	}
	slices.Sort(offs)
	return time.Duration(offs[len(offs)/2])
}
