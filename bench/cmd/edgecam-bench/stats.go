package main

import (
	"math"
	"slices"
	"strconv"
	"time"
)

// f64 is a figure of the results: NaN (not measured) is null in JSON.
type f64 float64

func (f f64) MarshalJSON() ([]byte, error) {
	x := float64(f)
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return []byte("null"), nil
	}
	return strconv.AppendFloat(nil, math.Round(x*1e4)/1e4, 'f', -1, 64), nil
}

func median(xs []float64) float64 { return quantile(xs, 0.5) }

// quantile is the q-quantile by linear interpolation between order
// statistics; NaN for no data.
func quantile(xs []float64, q float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	pos := q * float64(len(s)-1)
	lo := int(math.Floor(pos))
	hi := min(lo+1, len(s)-1)
	return s[lo] + (s[hi]-s[lo])*(pos-float64(lo))
}

// ratio is a/b, NaN when b is 0.
func ratio(a, b float64) float64 {
	if b == 0 {
		return math.NaN()
	}
	return a / b
}

// pct is p50/p95/p99 of a set of durations, in milliseconds.
type pct struct {
	N   int `json:"n"`
	P50 f64 `json:"p50_ms"`
	P95 f64 `json:"p95_ms"`
	P99 f64 `json:"p99_ms"`
	Max f64 `json:"max_ms"`
}

func percentiles(ds []time.Duration) pct {
	ms := make([]float64, len(ds))
	for i, d := range ds {
		ms[i] = float64(d) / 1e6
	}
	return pct{N: len(ms), P50: f64(quantile(ms, 0.5)), P95: f64(quantile(ms, 0.95)), P99: f64(quantile(ms, 0.99)), Max: f64(quantile(ms, 1))}
}

// field picks one number out of each run.
func field(rs []runResult, f func(runResult) float64) []float64 {
	out := make([]float64, len(rs))
	for i, r := range rs {
		out[i] = f(r)
	}
	return out
}

func cpuOf(r runResult) float64  { return r.CPUSeconds }
func peakOf(r runResult) float64 { return r.PeakRSSMB }
