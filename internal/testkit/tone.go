package testkit

import (
	"bytes"
	"encoding/binary"
	"math"
	"math/cmplx"
	"os/exec"
	"strconv"
	"testing"

	"gonum.org/v1/gonum/dsp/fourier"
	"gonum.org/v1/gonum/dsp/window"
)

// DecodeAudio decodes the first audio stream of path with ffmpeg into mono
// samples in [-1, 1) at rate Hz (ffmpeg mixes the channels down and
// resamples). A path ending in .aac is read as raw AAC in ADTS (-f aac),
// other containers (.mp4, .mkv, .ts, .wav) are recognised by ffmpeg. It
// fails t when ffmpeg is missing or cannot read path, and returns the
// errors ffmpeg printed while decoding ("" when it decoded cleanly).
func DecodeAudio(t testing.TB, path string, rate int) (samples []float64, errs string) {
	t.Helper()
	if _, err := exec.LookPath("ffmpeg"); err != nil {
		t.Fatal("ffmpeg not installed (make deps installs it)")
	}
	args := []string{"-nostdin", "-v", "error"}
	if len(path) > 4 && path[len(path)-4:] == ".aac" {
		args = append(args, "-f", "aac")
	}
	args = append(args, "-i", path, "-vn", "-ac", "1", "-ar", strconv.Itoa(rate), "-f", "s16le", "-")
	cmd := exec.Command("ffmpeg", args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	raw, err := cmd.Output()
	if err != nil {
		t.Fatalf("ffmpeg decoding %s: %v: %s", path, err, stderr.String())
	}
	samples = make([]float64, len(raw)/2)
	for i := range samples {
		samples[i] = float64(int16(binary.LittleEndian.Uint16(raw[2*i:]))) / 32768
	}
	return samples, stderr.String()
}

// DominantFrequency is the frequency (Hz) of the strongest component of
// samples taken at rate Hz: the peak of their spectrum (gonum's FFT over
// the Hann-windowed samples), to within rate/len(samples) Hz, and the share
// of the spectrum's energy within two bins of that peak (near 1 for a clean
// tone, small for noise or silence). The DC bin is left out.
func DominantFrequency(samples []float64, rate int) (hz, purity float64) {
	n := len(samples)
	if n < 2 {
		return 0, 0
	}
	seq := window.Hann(append([]float64(nil), samples...))
	fft := fourier.NewFFT(n)
	coeff := fft.Coefficients(nil, seq)
	power := make([]float64, len(coeff))
	total, peak := 0.0, 1
	for i := 1; i < len(coeff); i++ {
		a := cmplx.Abs(coeff[i])
		power[i] = a * a
		total += power[i]
		if power[i] > power[peak] {
			peak = i
		}
	}
	if total == 0 {
		return 0, 0
	}
	near := 0.0
	for i := max(1, peak-2); i <= min(len(power)-1, peak+2); i++ {
		near += power[i]
	}
	return fft.Freq(peak) * float64(rate), near / total
}

// RMS is the root mean square of samples: 0 for silence, 1/√2 for a
// full-scale sine.
func RMS(samples []float64) float64 {
	if len(samples) == 0 {
		return 0
	}
	sum := 0.0
	for _, s := range samples {
		sum += s * s
	}
	return math.Sqrt(sum / float64(len(samples)))
}

// ToneShare cuts samples into windows of n samples and returns the share
// of the windows (0..1) whose dominant frequency is hz, to within one bin
// (rate/n Hz): robust against the few glitches of a real-time capture
// under load (an underrun, a dropped period), which smear one window's
// spectrum but not the others'. Silent windows never match.
func ToneShare(samples []float64, rate, n int, hz float64) float64 {
	if n < 2 || len(samples) < n {
		return 0
	}
	windows, match := 0, 0
	for i := 0; i+n <= len(samples); i += n {
		windows++
		f, purity := DominantFrequency(samples[i:i+n], rate)
		if purity > 0 && math.Abs(f-hz) <= float64(rate)/float64(n)+0.5 {
			match++
		}
	}
	return float64(match) / float64(windows)
}
