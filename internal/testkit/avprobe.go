package testkit

import (
	"bytes"
	"math"
	"os/exec"
	"strconv"
	"strings"
	"testing"
)

// AVTrack is what ProbeAV found of one stream of a file.
type AVTrack struct {
	// Codec is ffprobe's codec_name (h264, hevc, aac, opus).
	Codec string
	// Start and End are the first packet's presentation time and the
	// last packet's end (pts + duration), seconds; Packets counts them.
	Start, End float64
	Packets    int
}

// Span is how long the track plays: End - Start, seconds.
func (a AVTrack) Span() float64 { return a.End - a.Start }

// ProbeAV opens a muxed file (.mp4, .mkv, .ts) and returns its first video
// and first audio stream (Codec "" when the file has none), read packet by
// packet with ffprobe, and what `ffmpeg -v error -i PATH -f null -` printed
// while decoding every stream of the file: "" when both decoded without an
// error. It fails t when ffprobe or ffmpeg is missing or cannot open path.
func ProbeAV(t testing.TB, path string) (video, audio AVTrack, decodeErrs string) {
	t.Helper()
	out, _ := Probe(t, path, "-show_entries", "stream=index,codec_type,codec_name", "-of", "csv=p=0")
	vi, ai := -1, -1
	for _, line := range strings.Split(out, "\n") {
		f := strings.Split(strings.TrimSpace(line), ",")
		if len(f) < 3 {
			continue
		}
		i, err := strconv.Atoi(f[0])
		if err != nil {
			continue
		}
		switch {
		case f[2] == "video" && vi < 0:
			vi, video.Codec = i, f[1]
		case f[2] == "audio" && ai < 0:
			ai, audio.Codec = i, f[1]
		}
	}
	span := func(index int, tr *AVTrack) {
		if index < 0 {
			return
		}
		out, _ := Probe(t, path, "-select_streams", strconv.Itoa(index), "-show_entries", "packet=pts_time,duration_time", "-of", "csv=p=0")
		tr.Start, tr.End = math.Inf(1), math.Inf(-1)
		for _, line := range strings.Split(out, "\n") {
			f := strings.Split(strings.TrimSpace(line), ",")
			if len(f) < 2 {
				continue
			}
			pts, err1 := strconv.ParseFloat(f[0], 64)
			d, err2 := strconv.ParseFloat(f[1], 64)
			if err1 != nil {
				continue
			}
			if err2 != nil {
				d = 0
			}
			tr.Packets++
			tr.Start, tr.End = min(tr.Start, pts), max(tr.End, pts+d)
		}
	}
	span(vi, &video)
	span(ai, &audio)
	if _, err := exec.LookPath("ffmpeg"); err != nil {
		t.Fatal("ffmpeg not installed (make deps installs it)")
	}
	cmd := exec.Command("ffmpeg", "-nostdin", "-v", "error", "-i", path, "-f", "null", "-")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("ffmpeg -i %s: %v: %s", path, err, stderr.String())
	}
	return video, audio, stderr.String()
}
