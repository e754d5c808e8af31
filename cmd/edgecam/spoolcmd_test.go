package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/edgecam/edgecam/spool"
)

// TestSpoolInspect: the table lists each configured stream, with what its
// spool holds, also while the spool is open (locked) by an agent.
func TestSpoolInspect(t *testing.T) {
	dir := t.TempDir()
	sp, err := spool.Open(filepath.Join(dir, "spool", "front"), spool.Options{SegmentSize: 64 << 10, MaxSize: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	defer sp.Close()
	for seq := int64(10); seq < 40; seq++ {
		err := sp.Append(spool.Record{Seq: seq, Keyframe: seq%10 == 0, Capture: time.Unix(1700000000, 0), Payload: make([]byte, 5000)})
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := sp.Sync(); err != nil {
		t.Fatal(err)
	}
	cfg := writeConfig(t, fmt.Sprintf("kafka: {brokers: [\"k:9092\"]}\nspool: {dir: %s}\nstreams:\n  - {name: front, source: {type: test}}\n  - {name: back, source: {type: test}}\n", filepath.Join(dir, "spool")))
	code, stdout, stderr := runCmd(t, "spool", "inspect", "--config", cfg, "--segments")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(stdout, "\n")
	var front, back string
	for _, l := range lines {
		switch {
		case strings.HasPrefix(l, "front "):
			front = l
		case strings.HasPrefix(l, "back "):
			back = l
		}
	}
	if f := strings.Fields(front); len(f) < 5 || f[3] != "30" || f[4] != "10..39" {
		t.Errorf("front row %q, want 30 frames, seq 10..39:\n%s", front, stdout)
	}
	if !strings.Contains(back, "-") {
		t.Errorf("back row %q: want dashes for a stream without a spool", back)
	}
	if !strings.Contains(stdout, "seg-00000000000000000010.log") {
		t.Errorf("--segments does not list the segment files:\n%s", stdout)
	}
}
