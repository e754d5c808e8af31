package kafkatest

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/twmb/franz-go/pkg/kgo"
)

// Frame is one record of edgecam's record format (DESIGN.md, "The Kafka
// record"), written by ProduceFrames with the headers spelled out here,
// independently of package kafka's producer: tests of readers use it to
// write what an agent of another version would, e.g. audio records
// (Track "audio") or records without edgecam-track (Track "").
type Frame struct {
	Key      string
	Track    string // edgecam-track; "" leaves the header out
	Codec    string // h264, h265, aac, opus
	Seq      int64
	PTS, DTS time.Duration
	Capture  time.Time
	Keyframe bool
	Session  string // "" leaves the header out
	Value    []byte
}

// ProduceFrames writes frames to topic in order, partitioned by key as the
// agent's producer does (kgo's sticky key partitioner: murmur2, as Java
// clients), with the record timestamp the capture time, and waits for
// every acknowledgement. It fails t on any error.
func ProduceFrames(t testing.TB, brokers []string, topic string, frames []Frame) {
	t.Helper()
	cl, err := kgo.NewClient(kgo.SeedBrokers(brokers...), kgo.DefaultProduceTopic(topic),
		kgo.RecordPartitioner(kgo.StickyKeyPartitioner(nil)), kgo.AllowAutoTopicCreation())
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	num := func(v int64) []byte { return strconv.AppendInt(nil, v, 10) }
	rs := make([]*kgo.Record, 0, len(frames))
	for _, f := range frames {
		kf := "0"
		if f.Keyframe {
			kf = "1"
		}
		r := &kgo.Record{Key: []byte(f.Key), Value: f.Value, Timestamp: f.Capture, Headers: []kgo.RecordHeader{
			{Key: "edgecam-seq", Value: num(f.Seq)},
			{Key: "edgecam-pts", Value: num(int64(f.PTS))},
			{Key: "edgecam-dts", Value: num(int64(f.DTS))},
			{Key: "edgecam-capture-ns", Value: num(f.Capture.UnixNano())},
			{Key: "edgecam-keyframe", Value: []byte(kf)},
			{Key: "edgecam-codec", Value: []byte(f.Codec)},
		}}
		if f.Session != "" {
			r.Headers = append(r.Headers, kgo.RecordHeader{Key: "edgecam-session", Value: []byte(f.Session)})
		}
		if f.Track != "" {
			r.Headers = append(r.Headers, kgo.RecordHeader{Key: "edgecam-track", Value: []byte(f.Track)})
		}
		rs = append(rs, r)
	}
	// In order, one partition per key: ProduceSync keeps the order of
	// the records of one partition (one batch, idempotent producer).
	if err := cl.ProduceSync(ctx, rs...).FirstErr(); err != nil {
		t.Fatalf("produce %d frames to %s: %v", len(rs), topic, err)
	}
}
