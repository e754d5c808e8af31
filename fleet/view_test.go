package fleet

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func rec(t *testing.T, s *Status, at time.Time) Record {
	t.Helper()
	b, err := s.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	return Record{Key: s.Device, Value: b, Timestamp: at}
}

func TestTableView(t *testing.T) {
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	spooling := sampleStatus()
	running := sampleStatus()
	running.Device, running.State = "pi-lobby", StateRunning
	running.Streams = running.Streams[1:]
	stale := sampleStatus()
	stale.Device, stale.State = "pi-shed", StateRunning
	stopped := sampleStatus()
	stopped.Device, stopped.State = "jetson-dock-1", StateStopped
	older := sampleStatus()
	older.Device, older.State = "pi-lobby", StateFailing

	var tb Table
	tb.Apply(
		rec(t, older, now.Add(-20*time.Second)),
		rec(t, spooling, now.Add(-2*time.Second)),
		rec(t, running, now.Add(-5*time.Second)), // replaces older
		rec(t, stale, now.Add(-31*time.Second)),  // 3 intervals of 10 s passed
		rec(t, stopped, now.Add(-time.Hour)),
		Record{Key: "gone", Value: []byte("{}"), Timestamp: now},
		Record{Key: "gone"}, // tombstone
		Record{Key: "junk", Value: []byte("not json"), Timestamp: now},
	)
	ds := tb.Devices(now)
	got := map[string]Device{}
	var ids []string
	for _, d := range ds {
		got[d.ID] = d
		ids = append(ids, d.ID)
	}
	if strings.Join(ids, " ") != "jetson-dock-1 junk pi-garage-1 pi-lobby pi-shed" {
		t.Fatalf("devices %v", ids)
	}
	check := func(id, state string, healthy, stale bool) {
		t.Helper()
		d := got[id]
		if d.State != state || d.Healthy != healthy || d.Stale != stale {
			t.Errorf("%s: state %s healthy %v stale %v; want %s %v %v", id, d.State, d.Healthy, d.Stale, state, healthy, stale)
		}
	}
	check("pi-garage-1", StateSpooling, true, false)
	check("pi-lobby", StateRunning, true, false)
	check("pi-shed", "stale", false, true)
	check("jetson-dock-1", StateStopped, false, false)
	check("junk", "invalid", false, false)
	if g := got["pi-garage-1"]; g.Streams != (Counts{Total: 2, Running: 1, Spooling: 1}) || g.Backlog.Frames != 1800 || g.Backlog.OldestAgeSeconds != 60 {
		t.Errorf("garage: %+v %+v", g.Streams, g.Backlog)
	}
	if AllHealthy(ds) || !AllHealthy([]Device{got["pi-lobby"]}) {
		t.Error("AllHealthy")
	}
	var out bytes.Buffer
	if err := WriteText(&out, ds); err != nil {
		t.Fatal(err)
	}
	t.Logf("\n%s%s", out.String(), Summary(ds))
	for _, want := range []string{"pi-garage-1", "2s ago", "spooling", "1/1/0", "15.0 MiB, 1800 frames, oldest 1m00s", "1.2.0 (abc1234)", "pi-shed", "stale"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("text output lacks %q", want)
		}
	}
	if s := Summary(ds); s != "5 devices: 2 healthy, 2 unhealthy, 1 stale" {
		t.Errorf("summary %q", s)
	}
	out.Reset()
	if err := WriteJSON(&out, ds); err != nil || !strings.Contains(out.String(), `"device": "pi-shed"`) {
		t.Errorf("json: %v\n%s", err, out.String())
	}
}
