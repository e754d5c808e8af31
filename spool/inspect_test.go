package spool

import (
	"path/filepath"
	"testing"
)

func TestInspect(t *testing.T) {
	dir := t.TempDir()
	s := mustOpen(t, dir, smallOpts())
	appendRange(t, s, 0, 95, 30, 5000)
	if err := s.Sync(); err != nil {
		t.Fatal(err)
	}
	info, err := Inspect(dir) // live, locked spool
	if err != nil {
		t.Fatal(err)
	}
	st := s.Stats()
	if info.Frames != 95 || info.Bytes != st.Bytes || len(info.Segments) != st.Segments || info.FirstSeq != 0 || info.LastSeq != 94 {
		t.Fatalf("Inspect %+v vs Stats %+v", info, st)
	}
	if !info.FirstCapture.Equal(mkrec(0, 30, 0).Capture) || !info.LastCapture.Equal(mkrec(94, 30, 0).Capture) {
		t.Fatalf("capture span %v – %v", info.FirstCapture, info.LastCapture)
	}
	var frames int64
	for i, sg := range info.Segments {
		frames += sg.Frames
		if !sg.HeaderOK || sg.Corrupt != 0 || sg.TornBytes != 0 || sg.Keyframes != 1 || sg.FirstSeq != int64(30*i) {
			t.Errorf("segment %+v", sg)
		}
	}
	if frames != 95 {
		t.Fatalf("segments hold %d frames", frames)
	}
	// A frame shows as soon as Append returned: it is written through,
	// synced or not.
	appendRange(t, s, 95, 96, 30, 5000)
	if info, _ := Inspect(dir); info.Frames != 96 {
		t.Fatalf("appended frame not visible: %d", info.Frames)
	}
	s.Close()
	if info, _ := Inspect(dir); info.Frames != 96 {
		t.Fatalf("after Close: %d", info.Frames)
	}
	if _, err := Inspect(filepath.Join(dir, "nope")); err == nil {
		t.Fatal("Inspect of a missing directory succeeded")
	}
}
