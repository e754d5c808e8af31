package testkit

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// Probe runs `ffprobe -v error ARGS PATH` and returns its output, trimmed,
// and what it printed on stderr: with -v error, the decoding errors it met
// (ffprobe still exits 0 for those). It fails t when ffprobe is not
// installed or exits non-zero (it could not open or parse path).
func Probe(t testing.TB, path string, args ...string) (out, errs string) {
	t.Helper()
	if _, err := exec.LookPath("ffprobe"); err != nil {
		t.Fatal("ffprobe not installed (make deps installs ffmpeg)")
	}
	cmd := exec.Command("ffprobe", append(append([]string{"-v", "error"}, args...), path)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.Output()
	if err != nil {
		t.Fatalf("ffprobe %s: %v: %s", path, err, stderr.String())
	}
	return strings.TrimSpace(string(stdout)), stderr.String()
}

// ProbeFrames decodes the first video stream of path with ffprobe and
// returns how many frames it decoded and the errors it printed ("" when
// the stream decoded cleanly). A path ending in .h264 is read as a raw
// H.264 Annex-B stream (-f h264), one ending in .h265 or .hevc as raw
// H.265 (-f hevc), whatever its first bytes look like; other containers
// (.ts, .mp4, .mkv) are recognised by ffprobe. args are more options for
// ffprobe, before the input.
func ProbeFrames(t testing.TB, path string, args ...string) (frames int, errs string) {
	t.Helper()
	if !slices.Contains(args, "-f") {
		switch {
		case strings.HasSuffix(path, ".h264"):
			args = append([]string{"-f", "h264"}, args...)
		case strings.HasSuffix(path, ".h265"), strings.HasSuffix(path, ".hevc"):
			args = append([]string{"-f", "hevc"}, args...)
		}
	}
	out, errs := Probe(t, path, append(args,
		"-count_frames", "-select_streams", "v:0", "-show_entries", "stream=nb_read_frames", "-of", "csv=p=0")...)
	n, err := strconv.Atoi(strings.TrimSpace(strings.Split(out, "\n")[0]))
	if err != nil {
		t.Fatalf("ffprobe output %q: %v", out, err)
	}
	return n, errs
}

// ProbeH264 decodes stream, concatenated H.264 Annex-B access units (the
// values of one key in offset order), as ProbeFrames does a raw .h264
// file: it writes it to a file of the test first.
func ProbeH264(t testing.TB, stream []byte) (frames int, errs string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "stream.h264")
	if err := os.WriteFile(path, stream, 0o644); err != nil {
		t.Fatal(err)
	}
	return ProbeFrames(t, path)
}

// ProbeH265 is ProbeH264 for concatenated H.265 Annex-B access units.
func ProbeH265(t testing.TB, stream []byte) (frames int, errs string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "stream.h265")
	if err := os.WriteFile(path, stream, 0o644); err != nil {
		t.Fatal(err)
	}
	return ProbeFrames(t, path)
}

// ProbeCodec returns the codec_name ffprobe gives the first video stream
// of path ("h264", "hevc"); raw .h264/.h265 paths are read as ProbeFrames
// reads them.
func ProbeCodec(t testing.TB, path string) string {
	t.Helper()
	var args []string
	switch {
	case strings.HasSuffix(path, ".h264"):
		args = []string{"-f", "h264"}
	case strings.HasSuffix(path, ".h265"), strings.HasSuffix(path, ".hevc"):
		args = []string{"-f", "hevc"}
	}
	out, _ := Probe(t, path, append(args, "-select_streams", "v:0", "-show_entries", "stream=codec_name", "-of", "csv=p=0")...)
	// MPEG-TS lists the stream once per program too: the first line.
	return strings.TrimSpace(strings.Split(out, "\n")[0])
}
