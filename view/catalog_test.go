package view

import (
	"context"
	"fmt"
	"log/slog"
	"testing"
	"time"

	"github.com/edgecam/edgecam/internal/testkit"
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

// TestDiscoverOlderStreams: a stream that sent nothing during the backlog
// is still listed (not live, with its codec and size, playable from the
// timeline), found by sampling the partition below the follower's start.
func TestDiscoverOlderStreams(t *testing.T) {
	c := testkit.Kfake(t, "v", 1)
	cfg := kafka.Config{Brokers: c.ListenAddrs(), Topic: "v"}
	aus := encodeH264(t, 40)
	produce(t, cfg, "old/cam", aus, time.Now().Add(-time.Hour))
	produce(t, cfg, "recent/cam", aus, time.Now().Add(-10*time.Second))
	v, err := kafka.NewViewer(cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	cat := newCatalog(v, slog.Default(), 30*time.Second)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() { _ = cat.run(ctx) }()
	var list []StreamInfo
	testkit.Wait(t, "both streams listed", time.Minute, 100*time.Millisecond, func() bool {
		list = cat.list(time.Now())
		return len(list) == 2 && list[0].Playable && list[1].Playable
	}, func() string { return fmt.Sprintf("%+v", list) })
	old := list[0]
	if old.Key != "old/cam" || old.Live || old.Codec != codecH264 || old.Width != 320 || old.Height != 180 {
		t.Errorf("old/cam listed as %+v", old)
	}
	if d := time.Since(old.LastSeen); d < 59*time.Minute || d > 61*time.Minute {
		t.Errorf("old/cam last seen %s ago, want about an hour", d)
	}
}
