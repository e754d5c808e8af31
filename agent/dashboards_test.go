package agent

import (
	"encoding/json"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"gopkg.in/yaml.v3"

	fleetpkg "github.com/edgecam/edgecam/fleet"
)

// knownMetrics are the names the agent's /metrics and `edgecam fleet
// --metrics` can serve.
func knownMetrics(t *testing.T) map[string]bool {
	t.Helper()
	known := map[string]bool{}
	fq := regexp.MustCompile(`fqName: "([^"]+)"`)
	describe := func(c prometheus.Collector) {
		ch := make(chan *prometheus.Desc, 256)
		go func() { c.Describe(ch); close(ch) }()
		for d := range ch {
			if m := fq.FindStringSubmatch(d.String()); m != nil {
				known[m[1]] = true
			}
		}
	}
	mon := newMonitor(slog.New(slog.NewTextHandler(io.Discard, nil)), time.Minute)
	fams, err := mon.reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fams {
		known[f.GetName()] = true
	}
	describe(mon)
	describe(mon.latency)
	describe(&fleetpkg.Collector{Table: &fleetpkg.Table{}})
	for name := range known {
		if strings.HasSuffix(name, "_seconds") {
			known[name+"_bucket"], known[name+"_sum"], known[name+"_count"] = true, true, true
		}
	}
	return known
}

var metricName = regexp.MustCompile(`\b((?:edgecam|go|process)_[a-z0-9_]+)`)

// TestDashboardsUseRealMetrics: every metric the Grafana dashboard and the
// alert rules query is one the agent or `edgecam fleet --metrics` serves
// (a renamed metric would otherwise leave an empty panel or a silent
// alert).
func TestDashboardsUseRealMetrics(t *testing.T) {
	known := knownMetrics(t)
	var exprs []string
	b, err := os.ReadFile("../docs/grafana/edgecam.json")
	if err != nil {
		t.Fatal(err)
	}
	var dash struct {
		Panels []struct {
			Title   string `json:"title"`
			Targets []struct {
				Expr string `json:"expr"`
			} `json:"targets"`
		} `json:"panels"`
		Templating struct {
			List []struct {
				Definition string `json:"definition"`
			} `json:"list"`
		} `json:"templating"`
	}
	if err := json.Unmarshal(b, &dash); err != nil {
		t.Fatalf("dashboard: %v", err)
	}
	for _, p := range dash.Panels {
		for _, tg := range p.Targets {
			exprs = append(exprs, tg.Expr)
		}
	}
	for _, v := range dash.Templating.List {
		exprs = append(exprs, v.Definition)
	}
	b, err = os.ReadFile("../docs/prometheus/edgecam-alerts.yml")
	if err != nil {
		t.Fatal(err)
	}
	var rules struct {
		Groups []struct {
			Rules []struct {
				Alert string `yaml:"alert"`
				Expr  string `yaml:"expr"`
			} `yaml:"rules"`
		} `yaml:"groups"`
	}
	if err := yaml.Unmarshal(b, &rules); err != nil {
		t.Fatalf("alert rules: %v", err)
	}
	alerts := map[string]bool{}
	for _, g := range rules.Groups {
		for _, r := range g.Rules {
			exprs = append(exprs, r.Expr)
			alerts[r.Alert] = true
		}
	}
	for _, want := range []string{"EdgecamDeviceStale", "EdgecamStreamNotRunning", "EdgecamSpoolBacklogOld", "EdgecamSpoolEvictions", "EdgecamClockUnsynchronised"} {
		if !alerts[want] {
			t.Errorf("no alert %s", want)
		}
	}
	n := 0
	for _, e := range exprs {
		for _, m := range metricName.FindAllStringSubmatch(e, -1) {
			n++
			if !known[m[1]] {
				t.Errorf("%s is queried (%q) but served by neither the agent nor edgecam fleet --metrics", m[1], e)
			}
		}
	}
	if n < 30 {
		t.Fatalf("only %d metric references found: the parsing is broken", n)
	}
	// The rules load and their unit tests pass (promtool comes with
	// Debian's prometheus package).
	promtool, err := exec.LookPath("promtool")
	if err != nil {
		t.Log("promtool not installed (apt-get install prometheus): rules not run")
		return
	}
	for _, args := range [][]string{{"check", "rules", "edgecam-alerts.yml"}, {"test", "rules", "edgecam-alerts.test.yml"}} {
		cmd := exec.Command(promtool, args...)
		cmd.Dir = "../docs/prometheus"
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("promtool %v: %v\n%s", args, err, out)
		}
	}
}
