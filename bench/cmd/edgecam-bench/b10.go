package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
)

// B10: start-up of a 720p x264 stream with an empty spool — from `edgecam
// run` to the broker's append of its first frame (the ack follows within a
// millisecond on one broker), and to that frame's capture. B7 measures the
// same end point with a full spool and a small stream; B10 is the ordinary
// boot of a camera box, where GStreamer's start (registry, the encoder)
// is what there is to wait for. Each repetition has its own key, so the
// first record is this run's first frame.

type b10Start struct {
	// Seconds per repetition.
	StartToAck     []f64  `json:"start_to_first_ack_s"`
	StartToCapture []f64  `json:"start_to_first_capture_s"`
	GoalSec        f64    `json:"goal_start_to_first_ack_s_max"`
	Method         string `json:"method"`
}

func (b *bench) b10(ctx context.Context) error {
	r := &b10Start{GoalSec: 1.5, Method: "edgecam run (one 1280x720@30 x264enc stream, empty spool, real Kafka on loopback), " +
		"from process start to the LogAppendTime of its first record (kcat), and to that record's edgecam-capture-ns"}
	b.res.B10 = r
	dir := filepath.Join(b.work, "b10")
	empty := filepath.Join(dir, "empty")
	if err := os.MkdirAll(empty, 0o755); err != nil {
		return err
	}
	for rep := 0; rep < b.d.Reps && ctx.Err() == nil; rep++ {
		s := hdStream
		s.name = fmt.Sprintf("start%d", rep)
		ack, capture, err := b.b7Start(ctx, empty, filepath.Join(dir, s.name), s, false)
		if err != nil {
			return fmt.Errorf("B10: %w", err)
		}
		r.StartToAck = append(r.StartToAck, f64(ack.Seconds()))
		r.StartToCapture = append(r.StartToCapture, f64(capture.Seconds()))
		logf("B10 rep %d start → first frame acked: %.2f s (captured at %.2f s)", rep+1, ack.Seconds(), capture.Seconds())
	}
	return nil
}
