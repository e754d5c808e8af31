package testkit

import (
	"io"
	"strings"
	"testing"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
)

// Metrics is one scrape of a Prometheus text endpoint (the agent's
// /metrics), parsed: the metric families by name. A nil Metrics (nothing
// scraped yet) has no samples.
type Metrics map[string]*dto.MetricFamily

// ParseMetrics parses the Prometheus text format from r, as a scraper does;
// it fails t when the text does not parse.
func ParseMetrics(t testing.TB, r io.Reader) Metrics {
	t.Helper()
	var p expfmt.TextParser
	fams, err := p.TextToMetricFamilies(r)
	if err != nil {
		t.Fatalf("/metrics does not parse: %v", err)
	}
	return fams
}

// Get is the value of the first sample of name whose labels include every
// "label=value" pair given (others may be there too): a counter's or a
// gauge's value, a histogram's sample count. ok is false when there is no
// such sample.
func (m Metrics) Get(name string, labels ...string) (v float64, ok bool) {
	f := m[name]
	if f == nil {
		return 0, false
	}
	for _, s := range f.Metric {
		if !hasLabels(s, labels) {
			continue
		}
		switch {
		case s.Counter != nil:
			return s.Counter.GetValue(), true
		case s.Gauge != nil:
			return s.Gauge.GetValue(), true
		case s.Histogram != nil:
			return float64(s.Histogram.GetSampleCount()), true
		}
	}
	return 0, false
}

// Must is Get for a sample that must be there: it fails t when it is not.
func (m Metrics) Must(t testing.TB, name string, labels ...string) float64 {
	t.Helper()
	v, ok := m.Get(name, labels...)
	if !ok {
		t.Fatalf("no sample %s%v", name, labels)
	}
	return v
}

func hasLabels(s *dto.Metric, labels []string) bool {
	for _, l := range labels {
		k, want, _ := strings.Cut(l, "=")
		found := false
		for _, lp := range s.Label {
			found = found || lp.GetName() == k && lp.GetValue() == want
		}
		if !found {
			return false
		}
	}
	return true
}
