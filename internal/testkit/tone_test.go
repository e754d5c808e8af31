package testkit

import (
	"math"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestDominantFrequency: a synthetic sine is found to within one bin, and
// noise and silence are told from a tone by their purity.
func TestDominantFrequency(t *testing.T) {
	const rate = 8000
	sine := make([]float64, rate)
	for i := range sine {
		sine[i] = 0.3 * math.Sin(2*math.Pi*697*float64(i)/rate)
	}
	if hz, purity := DominantFrequency(sine, rate); math.Abs(hz-697) > 1 || purity < 0.9 {
		t.Errorf("697 Hz sine: %.1f Hz, purity %.2f", hz, purity)
	}
	if hz, purity := DominantFrequency(make([]float64, rate), rate); hz != 0 || purity != 0 {
		t.Errorf("silence: %.1f Hz, purity %.2f; want 0, 0", hz, purity)
	}
	// A glitch (a 0.1 s dropout) in one window of ten leaves nine.
	glitched := append(append(append([]float64(nil), sine[:4000]...), make([]float64, 800)...), sine[4800:]...)
	if share := ToneShare(glitched, rate, 800, 697); share < 0.85 || share > 0.95 {
		t.Errorf("ToneShare of a sine with a dropout in one window of ten: %.2f, want 0.9", share)
	}
	if share := ToneShare(sine, rate, 800, 1000); share != 0 {
		t.Errorf("ToneShare at the wrong frequency: %.2f, want 0", share)
	}
	if got := RMS(sine); math.Abs(got-0.3/math.Sqrt2) > 0.001 {
		t.Errorf("RMS %.4f, want %.4f", got, 0.3/math.Sqrt2)
	}
}

// TestDecodeAudio: ffmpeg's own tone (lavfi sine) and noise, encoded to
// AAC in ADTS, decode to what they were.
func TestDecodeAudio(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		name, src string
		tone      bool
	}{
		{"tone.aac", "sine=frequency=1234:sample_rate=48000:duration=2", true},
		{"noise.aac", "anoisesrc=sample_rate=48000:duration=2:amplitude=0.5", false},
	} {
		path := filepath.Join(dir, c.name)
		if out, err := exec.Command("ffmpeg", "-nostdin", "-v", "error", "-f", "lavfi", "-i", c.src, "-c:a", "aac", "-f", "adts", path).CombinedOutput(); err != nil {
			t.Fatalf("ffmpeg %s: %v: %s", c.src, err, out)
		}
		samples, errs := DecodeAudio(t, path, 48000)
		if errs != "" {
			t.Errorf("%s: decoding errors: %s", c.name, errs)
		}
		if len(samples) < 90000 {
			t.Fatalf("%s: %d samples, want about 96000", c.name, len(samples))
		}
		hz, purity := DominantFrequency(samples, 48000)
		t.Logf("%s: %.1f Hz, purity %.2f, RMS %.3f", c.name, hz, purity, RMS(samples))
		if c.tone && (math.Abs(hz-1234) > 2 || purity < 0.5) {
			t.Errorf("%s: %.1f Hz, purity %.2f; want 1234 Hz, a clean tone", c.name, hz, purity)
		}
		if !c.tone && purity > 0.1 {
			t.Errorf("%s: purity %.2f at %.1f Hz; noise has no tone", c.name, purity, hz)
		}
	}
}
