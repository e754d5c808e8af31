package kafka

import (
	"context"
	"testing"
	"time"
)

// TestConnected follows the broker: false before any contact, true once
// the producer talked to it, false after the broker went away and a
// request failed.
func TestConnected(t *testing.T) {
	c := newCluster(t)
	p, _ := newProducer(t, c)
	if p.Connected() {
		t.Error("connected before any request")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if _, _, err := p.Resume(ctx, "cam"); err != nil {
		t.Fatal(err)
	}
	if !p.Connected() {
		t.Error("not connected after a successful request")
	}
	c.Close()
	for p.Connected() {
		// The next request dials the closed port and fails.
		rctx, rcancel := context.WithTimeout(ctx, 200*time.Millisecond)
		_, _, _ = p.Resume(rctx, "cam") // expected to fail: what counts is Connected
		rcancel()
		if ctx.Err() != nil {
			t.Fatal("still connected 10 s after the broker went away")
		}
	}
}
