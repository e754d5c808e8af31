package kafka

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/edgecam/edgecam/internal/testkit"
)

// TestTailFromTime: two cameras share one partition. Camera b streamed live
// while camera a was cut off; a's frames, captured meanwhile, were drained
// afterwards, so in the partition they lie behind b's later capture times,
// and Kafka's time index alone would point into b's records. Tail with
// FromTime must still start at a's keyframe at or before the moment, and
// Until must stop after a's last frame captured at or before it.
func TestTailFromTime(t *testing.T) {
	c := testkit.Kfake(t, topic, 1)
	p, cfg := newProducer(t, c)
	t0 := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	at := func(seq int64) time.Time { return t0.Add(time.Duration(seq) * 33 * time.Millisecond) }
	rec := func(key string, seq int64) *Record {
		v := bytes.Repeat([]byte{byte(seq)}, 100)
		copy(v, []byte{0, 0, 0, 1, 0x65})
		return &Record{Key: key, Seq: seq, PTS: time.Duration(seq) * 33 * time.Millisecond, DTS: time.Duration(seq) * 33 * time.Millisecond,
			CaptureTime: at(seq), Keyframe: seq%30 == 0, Codec: "h264", Value: v}
	}
	produce := func(key string, from, to int64) {
		for s := from; s < to; s++ {
			p.Produce(rec(key, s), func(r *Record, err error) {
				if err != nil {
					t.Errorf("%s seq %d: %v", r.Key, r.Seq, err)
				}
			})
		}
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		if err := p.Flush(ctx); err != nil {
			t.Fatal(err)
		}
	}
	produce("dev/b", 0, 90)  // b live: 0 .. 2.97 s
	produce("dev/a", 0, 120) // a's backlog, drained: 0 .. 3.93 s
	produce("dev/b", 90, 150)

	read := func(key string, opts TailOptions) []*Record {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		opts.StopAtEnd = true
		var got []*Record
		if err := Tail(ctx, cfg, key, opts, func(r *Record) error { got = append(got, r); return nil }); err != nil {
			t.Fatal(err)
		}
		return got
	}
	for _, tc := range []struct {
		name        string
		key         string
		at, until   time.Time
		first, last int64 // seqs
	}{
		// 1.5 s: a's frame 45 is the first after it; its keyframe is 30.
		{"inside a GOP", "dev/a", at(45).Add(-time.Millisecond), time.Time{}, 30, 119},
		{"on a keyframe", "dev/a", at(60), time.Time{}, 60, 119},
		{"just before a keyframe", "dev/a", at(60).Add(-time.Nanosecond), time.Time{}, 30, 119},
		{"before everything", "dev/a", t0.Add(-time.Hour), time.Time{}, 0, 119},
		{"after everything", "dev/a", t0.Add(time.Hour), time.Time{}, 90, 119},
		{"until", "dev/a", at(45), at(75).Add(time.Millisecond), 30, 75},
		{"the other camera", "dev/b", at(100), at(130), 90, 130},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := read(tc.key, TailOptions{From: FromTime, At: tc.at, Until: tc.until})
			if len(got) == 0 {
				t.Fatal("no records")
			}
			if got[0].Seq != tc.first || got[len(got)-1].Seq != tc.last || !got[0].Keyframe {
				t.Fatalf("seq %d (keyframe %v) .. %d, want %d (a keyframe) .. %d", got[0].Seq, got[0].Keyframe, got[len(got)-1].Seq, tc.first, tc.last)
			}
			for i, r := range got {
				if r.Key != tc.key || r.Seq != tc.first+int64(i) {
					t.Fatalf("record %d: %s seq %d", i, r.Key, r.Seq)
				}
			}
		})
	}
}
