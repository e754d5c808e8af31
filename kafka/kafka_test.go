package kafka

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/twmb/franz-go/pkg/kerr"
	"github.com/twmb/franz-go/pkg/kfake"
	"github.com/twmb/franz-go/pkg/kgo"
	"github.com/twmb/franz-go/pkg/kmsg"

	"github.com/edgecam/edgecam/internal/testkit"
)

const topic = "edgecam.video"

func newCluster(t *testing.T, opts ...kfake.Opt) *kfake.Cluster {
	t.Helper()
	return testkit.Kfake(t, topic, 3, opts...)
}

func newProducer(t *testing.T, c *kfake.Cluster) (*Producer, Config) {
	t.Helper()
	cfg := Config{Brokers: c.ListenAddrs(), Topic: topic}
	p, err := NewProducer(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(p.Close)
	return p, cfg
}

func frame(key string, seq int64, size int) *Record {
	v := bytes.Repeat([]byte{byte(seq)}, size)
	copy(v, []byte{0, 0, 0, 1, 0x65})
	return &Record{Key: key, Seq: seq, PTS: time.Duration(seq) * 33 * time.Millisecond, DTS: time.Duration(seq) * 33 * time.Millisecond,
		CaptureTime: time.Unix(1700000000, seq), Keyframe: seq%30 == 0, Codec: "h264", Value: v}
}

// produceAll produces n frames of key from seq first and waits for every
// acknowledgement.
func produceAll(t *testing.T, p *Producer, key string, first, n int64) {
	t.Helper()
	var mu sync.Mutex
	var errs []error
	for s := first; s < first+n; s++ {
		p.Produce(frame(key, s, 200), func(r *Record, err error) {
			if err != nil {
				mu.Lock()
				errs = append(errs, fmt.Errorf("seq %d: %w", r.Seq, err))
				mu.Unlock()
			}
		})
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := p.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	if len(errs) > 0 {
		t.Fatal(errors.Join(errs...))
	}
}

func readAll(t *testing.T, cfg Config, key string) []*Record {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	var got []*Record
	add := func(r *Record) error {
		got = append(got, r)
		return nil
	}
	// Both tracks, in partition order.
	err := Tail(ctx, cfg, key, TailOptions{From: FromStart, StopAtEnd: true, Audio: add}, add)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// sameShard returns a key other than key that lands in the same partition
// of an n-partition topic.
func sameShard(t *testing.T, key string, n int) string {
	p := kgo.StickyKeyPartitioner(nil).ForTopic(topic)
	want := p.Partition(&kgo.Record{Key: []byte(key)}, n)
	for i := range 1000 {
		k := fmt.Sprintf("other/%d", i)
		if p.Partition(&kgo.Record{Key: []byte(k)}, n) == want {
			return k
		}
	}
	t.Fatal("no key shares the partition")
	return ""
}

func TestRecordRoundTrip(t *testing.T) {
	r := frame("dev/cam", 42, 100)
	r.PTS, r.DTS = 1400*time.Millisecond, 1366*time.Millisecond
	kr := r.toKgo()
	want := map[string]string{HeaderSeq: "42", HeaderPTS: "1400000000", HeaderDTS: "1366000000",
		HeaderCaptureNs: "1700000000000000042", HeaderKeyframe: "0", HeaderCodec: "h264", HeaderTrack: TrackVideo}
	for _, h := range kr.Headers {
		if want[h.Key] != string(h.Value) {
			t.Errorf("header %s = %q, want %q", h.Key, h.Value, want[h.Key])
		}
		delete(want, h.Key)
	}
	if len(want) > 0 {
		t.Errorf("headers missing: %v", want)
	}
	if &kr.Value[0] != &r.Value[0] {
		t.Error("toKgo copied the frame's data")
	}
	// The key and header values share one buffer: each must be capped so
	// that growing one cannot overwrite the next.
	_ = append(kr.Headers[0].Value, "99999"...)
	_ = append(kr.Key, "xxxx"...)
	if string(kr.Headers[1].Value) != "1400000000" || string(kr.Headers[0].Value) != "42" {
		t.Errorf("header values overlap: seq %q, pts %q", kr.Headers[0].Value, kr.Headers[1].Value)
	}
	back, err := fromKgo(kr)
	if err != nil {
		t.Fatal(err)
	}
	if back.Key != r.Key || back.Seq != r.Seq || back.PTS != r.PTS || back.DTS != r.DTS || !back.CaptureTime.Equal(r.CaptureTime) ||
		back.Keyframe != r.Keyframe || back.Codec != r.Codec || !bytes.Equal(back.Value, r.Value) {
		t.Errorf("round trip: got %+v, want %+v", back, r)
	}

	if back.ClockUnsynced || headerOf(r.toKgo(), HeaderClock) != "" {
		t.Errorf("a frame of a synchronised clock carries %s", HeaderClock)
	}
	r.Session, r.Evicted, r.ClockUnsynced = "s-1", 7, true
	if back, err := fromKgo(r.toKgo()); err != nil || back.Session != "s-1" || back.Evicted != 7 || !back.ClockUnsynced {
		t.Errorf("session/evicted/clock round trip: %+v, %v", back, err)
	}
	if v := headerOf(r.toKgo(), HeaderClock); v != "unsynced" {
		t.Errorf("%s = %q, want unsynced", HeaderClock, v)
	}

	kr.Headers[4].Value = []byte("yes")
	if _, err := fromKgo(kr); err == nil || !strings.Contains(err.Error(), "edgecam-keyframe") {
		t.Errorf("bad keyframe header: err = %v", err)
	}
	if _, err := fromKgo(&kgo.Record{Key: []byte("x"), Value: []byte("y")}); err == nil || !strings.Contains(err.Error(), "not an edgecam record") {
		t.Errorf("foreign record: err = %v", err)
	}
}

func TestProduceTailInOrder(t *testing.T) {
	c := newCluster(t)
	p, cfg := newProducer(t, c)
	ctx := context.Background()
	const key = "pi-1/front"
	if _, found, err := p.Resume(ctx, key); err != nil || found {
		t.Fatalf("Resume on an empty topic: found=%v err=%v", found, err)
	}
	other := sameShard(t, key, 3)
	// Interleave another stream of the same partition: Tail must skip it.
	for i := int64(0); i < 5; i++ {
		produceAll(t, p, key, i*40, 40)
		produceAll(t, p, other, i*10, 10)
	}
	got := readAll(t, cfg, key)
	if len(got) != 200 {
		t.Fatalf("read %d records, want 200", len(got))
	}
	for i, r := range got {
		if r.Seq != int64(i) || r.Key != key || len(r.Value) != 200 || r.Keyframe != (i%30 == 0) {
			t.Fatalf("record %d: %+v", i, r)
		}
		if i > 0 && r.Offset <= got[i-1].Offset {
			t.Fatalf("offsets not increasing at %d", i)
		}
	}

	// ErrStop ends Tail cleanly.
	n := 0
	err := Tail(ctx, cfg, key, TailOptions{From: FromStart}, func(*Record) error {
		if n++; n == 10 {
			return ErrStop
		}
		return nil
	})
	if err != nil || n != 10 {
		t.Errorf("Tail with ErrStop: n=%d err=%v", n, err)
	}
}

// TestResumeFindsLastSeq: the last record of our key is found even when
// many records of another stream follow it in the partition (the backwards
// window has to grow).
func TestResumeFindsLastSeq(t *testing.T) {
	c := newCluster(t)
	p, _ := newProducer(t, c)
	const key = "pi-2/back"
	produceAll(t, p, key, 0, 30)
	produceAll(t, p, sameShard(t, key, 3), 0, 700)
	last, found, err := p.Resume(context.Background(), key)
	if err != nil || !found || last != 29 {
		t.Fatalf("Resume = %d, %v, %v; want 29, true, nil", last, found, err)
	}
	// A new producer session continues after it.
	p2, cfg := newProducer(t, c)
	produceAll(t, p2, key, last+1, 10)
	got := readAll(t, cfg, key)
	for i, r := range got {
		if r.Seq != int64(i) {
			t.Fatalf("seq %d at index %d", r.Seq, i)
		}
	}
	if len(got) != 40 {
		t.Fatalf("%d records, want 40", len(got))
	}
}

func TestResumeUnknownTopic(t *testing.T) {
	c := newCluster(t)
	p, err := NewProducer(Config{Brokers: c.ListenAddrs(), Topic: "no.such.topic"})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, _, err = p.Resume(ctx, "a/b")
	if err == nil || !strings.Contains(err.Error(), "topic no.such.topic does not exist") {
		t.Fatalf("err = %v", err)
	}
}

// TestTooLarge: a frame above the topic limit fails with ErrTooLarge and
// the frames around it are still delivered.
func TestTooLarge(t *testing.T) {
	c := newCluster(t)
	p, cfg := newProducer(t, c)
	const key = "pi-3/big"
	var mu sync.Mutex
	results := map[int64]error{}
	done := func(r *Record, err error) { mu.Lock(); results[r.Seq] = err; mu.Unlock() }
	p.Produce(frame(key, 0, 1000), done)
	p.Produce(frame(key, 1, 2<<20), done)
	p.Produce(frame(key, 2, 1000), done)
	if err := p.Flush(context.Background()); err != nil {
		t.Fatal(err)
	}
	if results[0] != nil || results[2] != nil || !errors.Is(results[1], ErrTooLarge) {
		t.Fatalf("results = %v", results)
	}
	got := readAll(t, cfg, key)
	if len(got) != 2 || got[0].Seq != 0 || got[1].Seq != 2 {
		t.Fatalf("read %v", got)
	}
}

// TestTooLargeBeforeEarlierResults pins the exception Produce documents:
// the result of an oversize frame comes before the result of a frame
// produced before it that is still in flight (its produce request is held
// at the broker until the oversize result was seen).
func TestTooLargeBeforeEarlierResults(t *testing.T) {
	c := newCluster(t)
	p, _ := newProducer(t, c)
	const key = "pi-3/order"
	produceAll(t, p, key, 0, 1) // metadata and producer id known: frame 2 fails inside Produce
	release := make(chan struct{})
	var held atomic.Bool
	c.ControlKey(int16(kmsg.Produce), func(kmsg.Request) (kmsg.Response, error, bool) {
		if held.CompareAndSwap(false, true) {
			c.SleepControl(func() { <-release })
		}
		return nil, nil, false
	})
	var mu sync.Mutex
	var order []int64
	errs := map[int64]error{}
	done := func(r *Record, err error) {
		mu.Lock()
		order, errs[r.Seq] = append(order, r.Seq), err
		n := len(order)
		mu.Unlock()
		if r.Seq == 2 && n == 1 {
			close(release) // only now may Kafka answer for seq 1
		}
	}
	p.Produce(frame(key, 1, 1000), done)
	p.Produce(frame(key, 2, 2<<20), done)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := p.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	if len(order) != 2 || order[0] != 2 || order[1] != 1 || errs[1] != nil || !errors.Is(errs[2], ErrTooLarge) {
		t.Fatalf("results in order %v, errors %v; want seq 2 (ErrTooLarge) before seq 1 (nil)", order, errs)
	}
}

// TestRefusedAlone: which MESSAGE_TOO_LARGE errors make a record too
// large on its own. The record's size as a batch's only record is worked
// out by hand from Kafka's record format: length varint 2 (zigzag of 112
// is 224), attributes 1, timestamp and offset deltas 1 each, key 1+1,
// value 2+100, header count 1, header "h"="v" 1+1+1+1: 114 bytes.
func TestRefusedAlone(t *testing.T) {
	kr := &kgo.Record{Key: []byte("k"), Value: bytes.Repeat([]byte{7}, 100), Headers: []kgo.RecordHeader{{Key: "h", Value: []byte("v")}}}
	for _, c := range []struct {
		err   error
		batch int
		alone bool
	}{
		{fmt.Errorf("%w (uncompressed_bytes=114)", kerr.MessageTooLarge), 0, true},                         // kgo's, before sending
		{fmt.Errorf("%w (uncompressed_bytes=114, compressed_bytes=114)", kerr.MessageTooLarge), 114, true}, // a batch of it alone
		{fmt.Errorf("%w (uncompressed_bytes=115, compressed_bytes=115)", kerr.MessageTooLarge), 115, false},
		{fmt.Errorf("%w (uncompressed_bytes=9000, compressed_bytes=9000)", kerr.MessageTooLarge), 9000, false},
		{kerr.MessageTooLarge, 0, false}, // no size: nothing is taken as too large
	} {
		batch, alone := refusedAlone(kr, c.err)
		if batch != c.batch || alone != c.alone {
			t.Errorf("refusedAlone(%q) = %d, %v; want %d, %v", c.err, batch, alone, c.batch, c.alone)
		}
	}
}

// TestBatchTooLarge: kgo's batch limit (cached for a partition when it
// first saw it; here kgo's default, as no Resume learned the topic's) is
// above what the broker accepts (3000 bytes), so a batch of records that
// each fit is refused. They fail with ErrBatchTooLarge, never ErrTooLarge;
// produced again one at a time, those that fit are delivered and the one
// that does not fails with ErrTooLarge (Kafka refused it alone). This also
// pins the form of kgo's errors refusedAlone reads.
func TestBatchTooLarge(t *testing.T) {
	c := newCluster(t, kfake.BrokerConfigs(map[string]string{"message.max.bytes": "3000"}))
	p, cfg := newProducer(t, c)
	const key = "pi-3/batch"
	// Seq 1 goes alone in the partition's first request, which is held
	// until seqs 2 to 6 are buffered: kgo sends no second request for
	// the partition before the first is answered (it pipelines only after
	// an answer), so they go in one batch, of about 8.9 KB.
	var first atomic.Bool
	arrived, release := make(chan struct{}), make(chan struct{})
	c.ControlKey(int16(kmsg.Produce), func(kmsg.Request) (kmsg.Response, error, bool) {
		c.KeepControl()
		if first.CompareAndSwap(false, true) {
			close(arrived)
			<-release
		}
		return nil, nil, false
	})
	var mu sync.Mutex
	errs := map[int64]error{}
	done := func(r *Record, err error) { mu.Lock(); errs[r.Seq] = err; mu.Unlock() }
	sizes := map[int64]int{1: 1000, 2: 1000, 3: 1000, 4: 1000, 5: 1000, 6: 4000}
	p.Produce(frame(key, 1, sizes[1]), done)
	select {
	case <-arrived:
	case <-time.After(2 * time.Minute):
		t.Fatal("the first produce request never reached the broker")
	}
	for seq := int64(2); seq <= 6; seq++ {
		p.Produce(frame(key, seq, sizes[seq]), done)
	}
	close(release)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	if err := p.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	if errs[1] != nil {
		t.Fatalf("seq 1 (alone in its request): %v", errs[1])
	}
	for seq := int64(2); seq <= 6; seq++ {
		if !errors.Is(errs[seq], ErrBatchTooLarge) || errors.Is(errs[seq], ErrTooLarge) {
			t.Fatalf("seq %d in the refused batch: %v; want ErrBatchTooLarge", seq, errs[seq])
		}
	}
	var be *BatchTooLargeError
	if !errors.As(errs[2], &be) || be.Batch < 8000 || be.Record != 1000 {
		t.Fatalf("seq 2: %#v; want the refused batch's size (its 5 records: over 8000 bytes)", be)
	}
	t.Logf("refused batch: %v", errs[2])
	for seq := int64(2); seq <= 6; seq++ {
		p.Produce(frame(key, seq, sizes[seq]), done)
		if err := p.Flush(ctx); err != nil {
			t.Fatal(err)
		}
		want := error(nil)
		if seq == 6 {
			want = ErrTooLarge
		}
		if got := errs[seq]; (want == nil) != (got == nil) || (want != nil && !errors.Is(got, want)) {
			t.Fatalf("seq %d produced alone: %v; want %v", seq, got, want)
		}
	}
	t.Logf("refused alone: %v", errs[6])
	got := readAll(t, cfg, key)
	var seqs []int64
	for _, r := range got {
		seqs = append(seqs, r.Seq)
	}
	if !slices.Equal(seqs, []int64{1, 2, 3, 4, 5}) {
		t.Fatalf("Kafka holds seqs %v; want 1..5", seqs)
	}
}

// TestTailFollows: without StopAtEnd, Tail from the end delivers records
// produced after it started, and none from before.
func TestTailFollows(t *testing.T) {
	c := newCluster(t)
	p, cfg := newProducer(t, c)
	const key = "pi-4/live"
	produceAll(t, p, key, 0, 5) // before Tail starts: not delivered
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	var seqs []int64
	tailed := make(chan error, 1)
	go func() {
		tailed <- Tail(ctx, cfg, key, TailOptions{From: FromEnd}, func(r *Record) error {
			if seqs = append(seqs, r.Seq); len(seqs) == 5 {
				return ErrStop
			}
			return nil
		})
	}()
	// Keep producing until Tail has seen five frames: it starts at
	// whatever the end is when it reads it.
	for seq := int64(5); ; seq++ {
		select {
		case err := <-tailed:
			if err != nil {
				t.Fatal(err)
			}
			if seqs[0] < 5 {
				t.Fatalf("Tail from the end delivered old seq %d", seqs[0])
			}
			for i := range seqs {
				if seqs[i] != seqs[0]+int64(i) {
					t.Fatalf("followed %v: not contiguous", seqs)
				}
			}
			return
		case <-time.After(50 * time.Millisecond):
			produceAll(t, p, key, seq, 1)
		}
	}
}

// TestBrokerRestart: frames produced while the only broker is down stay in
// the client and are delivered once it is back, with no gap or repeat.
func TestBrokerRestart(t *testing.T) {
	c, restart := testkit.RestartableKfake(t, topic, 3)
	addrs := c.ListenAddrs()
	p, err := NewProducer(Config{Brokers: addrs, Topic: topic})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	const key = "pi-5/cam"
	produceAll(t, p, key, 0, 50)
	c.Close()

	var mu sync.Mutex
	var failed []error
	for s := int64(50); s < 100; s++ {
		p.Produce(frame(key, s, 300), func(r *Record, err error) {
			if err != nil {
				mu.Lock()
				failed = append(failed, err)
				mu.Unlock()
			}
		})
	}
	time.Sleep(time.Second) // the client retries against a dead broker
	restart()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := p.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	if len(failed) > 0 {
		t.Fatal(errors.Join(failed...))
	}
	got := readAll(t, Config{Brokers: addrs, Topic: topic}, key)
	if len(got) != 100 {
		t.Fatalf("%d records after the restart, want 100", len(got))
	}
	for i, r := range got {
		if r.Seq != int64(i) {
			t.Fatalf("seq %d at index %d", r.Seq, i)
		}
	}
}

// BenchmarkToKgo is the per-frame cost of turning a frame into a Kafka
// record (allocations: the record, its headers, one buffer for the key
// and the header values; the frame's data is not copied).
func BenchmarkToKgo(b *testing.B) {
	r := frame("dev/cam", 42, 20000)
	r.Session = "0123456789abcdef"
	b.ReportAllocs()
	for b.Loop() {
		_ = r.toKgo()
	}
}

// TestTimestamp: a record's Kafka timestamp is its capture time, moved only
// where the broker would refuse it.
func TestTimestamp(t *testing.T) {
	now := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name    string
		before  time.Duration
		capture time.Time
		want    time.Time
	}{
		{"capture time", 0, now.Add(-3 * time.Second), now.Add(-3 * time.Second)},
		{"drained a week later, no limit", 0, now.Add(-7 * 24 * time.Hour), now.Add(-7 * 24 * time.Hour)},
		{"older than the topic allows", 24 * time.Hour, now.Add(-7 * 24 * time.Hour), now.Add(-24*time.Hour + time.Minute)},
		{"inside the topic's limit", 24 * time.Hour, now.Add(-23 * time.Hour), now.Add(-23 * time.Hour)},
		{"after now (the clock stepped back)", 0, now.Add(time.Hour), now},
		{"no capture time", 0, time.Time{}, now},
	} {
		p := &Producer{}
		p.tsBefore.Store(int64(tc.before))
		if got := p.timestamp(tc.capture, now); !got.Equal(tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}

// headerOf is the value of header key of kr ("" when absent).
func headerOf(kr *kgo.Record, key string) string {
	for _, h := range kr.Headers {
		if h.Key == key {
			return string(h.Value)
		}
	}
	return ""
}

// TestResumePerTrack: the two tracks of a key are numbered on their own,
// and Resume finds each one's last seq: video past a run of audio records
// and audio past a run of video, a record without edgecam-track counted as
// video. The audio header survives a round trip.
func TestResumePerTrack(t *testing.T) {
	c := newCluster(t)
	p, cfg := newProducer(t, c)
	const key = "pi-2/front"
	produce := func(track string, first, n int64) {
		t.Helper()
		var wg sync.WaitGroup
		var mu sync.Mutex
		var errs []error
		for s := first; s < first+n; s++ {
			r := frame(key, s, 100)
			if track == TrackAudio {
				r.Track, r.Codec, r.Keyframe = TrackAudio, "aac", true
			}
			wg.Add(1)
			p.Produce(r, func(_ *Record, err error) {
				defer wg.Done()
				if err != nil {
					mu.Lock()
					errs = append(errs, err)
					mu.Unlock()
				}
			})
		}
		wg.Wait()
		if len(errs) > 0 {
			t.Fatal(errs[0])
		}
	}
	// Records of before tracks: no edgecam-track header at all.
	old := frame(key, 0, 100).toKgo()
	for i, h := range old.Headers {
		if h.Key == HeaderTrack {
			old.Headers = append(old.Headers[:i], old.Headers[i+1:]...)
			break
		}
	}
	old.Topic = topic
	cl, err := kgo.NewClient(kgo.SeedBrokers(c.ListenAddrs()...))
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	if err := cl.ProduceSync(context.Background(), old).FirstErr(); err != nil {
		t.Fatal(err)
	}
	produce(TrackVideo, 1, 9)   // video 0..9
	produce(TrackAudio, 0, 300) // audio 0..299, after the video
	produce(TrackVideo, 10, 5)  // video 10..14
	produce(TrackAudio, 300, 2)
	ctx := context.Background()
	if last, found, err := p.ResumeTrack(ctx, key, TrackVideo); err != nil || !found || last != 14 {
		t.Errorf("video: Resume = %d, %v, %v; want 14, true, nil", last, found, err)
	}
	if last, found, err := p.Resume(ctx, key); err != nil || !found || last != 14 {
		t.Errorf("Resume (video) = %d, %v, %v; want 14, true, nil", last, found, err)
	}
	if last, found, err := p.ResumeTrack(ctx, key, TrackAudio); err != nil || !found || last != 301 {
		t.Errorf("audio: Resume = %d, %v, %v; want 301, true, nil", last, found, err)
	}
	if _, found, err := p.ResumeTrack(ctx, "pi-2/other", TrackAudio); err != nil || found {
		t.Errorf("other key: found %v, err %v", found, err)
	}
	var tracks = map[string]int{}
	for _, r := range readAll(t, cfg, key) {
		tracks[r.Track+"/"+r.Codec]++
	}
	if tracks["video/h264"] != 15 || tracks["audio/aac"] != 302 {
		t.Errorf("read back %v; want 15 video/h264 and 302 audio/aac", tracks)
	}
}
