package view

import (
	"log/slog"
	"testing"
	"time"

	"github.com/edgecam/edgecam/kafka"
)

// TestCatalogGaps: frames the spool evicted, an agent restart (a new
// session) and a hole in seq are gaps on the timeline, each with its
// reason; consecutive frames are not.
func TestCatalogGaps(t *testing.T) {
	c := newCatalog(nil, slog.Default(), time.Minute)
	base := time.Now().Add(-time.Minute)
	at := func(i int) time.Time { return base.Add(time.Duration(i) * 100 * time.Millisecond) }
	rec := func(seq int64, i int, session string, evicted int64) *kafka.Record {
		return &kafka.Record{Key: "d/s", Seq: seq, CaptureTime: at(i), Session: session, Evicted: evicted, Codec: codecH264, Value: []byte{0, 0, 0, 1, 0x41}}
	}
	for i := range 10 {
		c.see(0, rec(int64(i), i, "a", 0))
	}
	c.see(0, rec(40, 40, "a", 30)) // the spool dropped seq 10..39
	c.see(0, rec(41, 41, "a", 0))  //
	c.see(0, rec(200, 60, "b", 0)) // the agent restarted (reserved seqs skipped)
	c.see(0, rec(201, 61, "b", 0)) //
	c.see(0, rec(205, 65, "b", 0)) // 202..204 missing
	c.see(0, rec(206, 66, "b", 0)) //
	list := c.list(time.Now())
	if len(list) != 1 {
		t.Fatalf("%d streams listed, want 1", len(list))
	}
	want := []Gap{
		{From: at(9), To: at(40), Why: "evicted", Frames: 30},
		{From: at(41), To: at(60), Why: "session", Frames: 158},
		{From: at(61), To: at(65), Why: "seq", Frames: 3},
	}
	got := list[0].Gaps
	if len(got) != len(want) {
		t.Fatalf("gaps %+v, want %+v", got, want)
	}
	for i := range want {
		if !got[i].From.Equal(want[i].From) || !got[i].To.Equal(want[i].To) || got[i].Why != want[i].Why || got[i].Frames != want[i].Frames {
			t.Errorf("gap %d: %+v, want %+v", i, got[i], want[i])
		}
	}
}
