package kafka

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/edgecam/edgecam/internal/testkit"
)

// produceSync produces rs and waits for every acknowledgement.
func produceSync(t *testing.T, p *Producer, rs []*Record) {
	t.Helper()
	errc := make(chan error, len(rs))
	for _, r := range rs {
		p.Produce(r, func(_ *Record, err error) { errc <- err })
	}
	for range rs {
		if err := <-errc; err != nil {
			t.Fatal(err)
		}
	}
}

// TestViewerKeyframeAt: the time index finds the keyframe at or before a
// time, for one stream among others in the same partition.
func TestViewerKeyframeAt(t *testing.T) {
	c := testkit.Kfake(t, "v", 1)
	cfg := Config{Brokers: c.ListenAddrs(), Topic: "v"}
	p, err := NewProducer(cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	base := time.Now().Add(-time.Hour).Truncate(time.Second)
	var rs []*Record
	// Two streams in one partition, 10 fps, a keyframe every 10 frames
	// (1 s), 60 s each, interleaved.
	for i := range 600 {
		for _, k := range []string{"a/cam", "b/cam"} {
			rs = append(rs, &Record{Key: k, Seq: int64(i), PTS: time.Duration(i) * 100 * time.Millisecond,
				CaptureTime: base.Add(time.Duration(i) * 100 * time.Millisecond), Keyframe: i%10 == 0,
				Codec: "h264", Value: []byte{0, 0, 0, 1, 0x65, byte(i)}})
		}
	}
	produceSync(t, p, rs)

	v, err := NewViewer(cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	for _, tc := range []struct {
		at, want time.Duration // from base
	}{
		{at: 25*time.Second + 500*time.Millisecond, want: 25 * time.Second},
		{at: 25 * time.Second, want: 25 * time.Second}, // a keyframe exactly then
		{at: 25*time.Second - time.Millisecond, want: 24 * time.Second},
		{at: 59*time.Second + 900*time.Millisecond, want: 59 * time.Second},
		{at: time.Hour, want: 59 * time.Second}, // after the end: the last keyframe
		{at: -time.Hour, want: 0 * time.Second}, // before the start: the oldest
	} {
		t.Run(fmt.Sprint(tc.at), func(t *testing.T) {
			r, err := v.KeyframeAt(ctx, "b/cam", base.Add(tc.at))
			if err != nil {
				t.Fatal(err)
			}
			if r.Key != "b/cam" || !r.Keyframe || !r.CaptureTime.Equal(base.Add(tc.want)) {
				t.Errorf("KeyframeAt(+%s) = %s seq %d keyframe %v at +%s, want the keyframe at +%s", tc.at, r.Key, r.Seq, r.Keyframe, r.CaptureTime.Sub(base), tc.want)
			}
		})
	}
	if _, err := v.KeyframeAt(ctx, "c/cam", base); !errors.Is(err, ErrNoKeyframe) {
		t.Errorf("KeyframeAt of a key not in the topic: %v, want ErrNoKeyframe", err)
	}

	// Read of one key, a range: every record of it, in order.
	_, end, err := v.Bounds(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	var n int64
	err = v.Read(ctx, 0, 0, ReadOptions{To: end, Key: "a/cam"}, func(r *Record) error {
		if r.Key != "a/cam" || r.Seq != n {
			return fmt.Errorf("record %d: %s seq %d", n, r.Key, r.Seq)
		}
		n++
		return nil
	}, nil)
	if err != nil || n != 600 {
		t.Fatalf("Read: %d records of a/cam, %v; want 600", n, err)
	}
}
