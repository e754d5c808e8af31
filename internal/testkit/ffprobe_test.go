package testkit

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestProbeFrames: ten frames that ffmpeg encodes decode as ten, without
// errors, from a file or from memory; the same stream cut in the middle of
// a frame decodes as fewer, with the error reported.
func TestProbeFrames(t *testing.T) {
	if _, err := exec.LookPath("ffmpeg"); err != nil {
		t.Fatal("ffmpeg not installed (make deps installs it)")
	}
	path := filepath.Join(t.TempDir(), "ten.h264")
	if out, err := exec.Command("ffmpeg", "-v", "error", "-f", "lavfi", "-i", "testsrc=size=64x64:rate=10", "-frames:v", "10",
		"-c:v", "libx264", "-g", "5", "-f", "h264", path).CombinedOutput(); err != nil {
		t.Fatalf("ffmpeg: %v\n%s", err, out)
	}
	if n, errs := ProbeFrames(t, path); n != 10 || errs != "" {
		t.Fatalf("ProbeFrames = %d, %q; want 10 frames, no errors", n, errs)
	}
	if out, _ := Probe(t, path, "-f", "h264", "-show_entries", "stream=width,height", "-of", "csv=p=0"); out != "64,64" {
		t.Fatalf("Probe size = %q, want 64,64", out)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if n, errs := ProbeH264(t, data); n != 10 || errs != "" {
		t.Fatalf("ProbeH264 = %d, %q; want 10 frames, no errors", n, errs)
	}
	cut := filepath.Join(t.TempDir(), "cut.h264")
	if err := os.WriteFile(cut, append(data[:len(data)/2:len(data)/2], 0, 0, 1, 0x65, 0x88, 0x84, 0x21, 0xa0), 0o644); err != nil {
		t.Fatal(err)
	}
	if n, errs := ProbeFrames(t, cut); n >= 10 || errs == "" {
		t.Fatalf("a damaged stream: ProbeFrames = %d, %q; want fewer than 10 frames and an error", n, errs)
	}
}

// TestProbeH265: ten frames of H.265 that ffmpeg encodes (libx265) decode
// as ten from a .h265 file and from memory, their codec is hevc, and
// CheckHEVCKeyframe finds the IRAP with its parameter sets in the first.
func TestProbeH265(t *testing.T) {
	if _, err := exec.LookPath("ffmpeg"); err != nil {
		t.Fatal("ffmpeg not installed (make deps installs it)")
	}
	path := filepath.Join(t.TempDir(), "ten.h265")
	if out, err := exec.Command("ffmpeg", "-v", "error", "-f", "lavfi", "-i", "testsrc=size=64x64:rate=10", "-frames:v", "10",
		"-c:v", "libx265", "-x265-params", "log-level=error", "-g", "5", "-f", "hevc", path).CombinedOutput(); err != nil {
		t.Fatalf("ffmpeg: %v\n%s", err, out)
	}
	if n, errs := ProbeFrames(t, path); n != 10 || errs != "" {
		t.Fatalf("ProbeFrames = %d, %q; want 10 frames, no errors", n, errs)
	}
	if c := ProbeCodec(t, path); c != "hevc" {
		t.Fatalf("ProbeCodec = %q, want hevc", c)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if n, errs := ProbeH265(t, data); n != 10 || errs != "" {
		t.Fatalf("ProbeH265 = %d, %q; want 10 frames, no errors", n, errs)
	}
	// The first access unit of the file: up to the second slice's AUD or
	// parameter sets is more than we need; the whole file starts with
	// VPS SPS PPS and an IRAP, which is what the check looks at first.
	types := HEVCNALTypes(data)
	if len(types) < 4 || types[0] != HEVCVPS {
		t.Fatalf("NAL types of ffmpeg's H.265: %v, want VPS first", types)
	}
	if err := CheckHEVCKeyframe(data, true); err != nil {
		t.Fatal(err)
	}
}
