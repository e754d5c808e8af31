package capture

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFragment(t *testing.T) {
	f := Format{Width: 1280, Height: 720, FPS: 30}
	tests := []struct {
		src     Source
		want    string
		wantErr string
	}{
		{Source{Kind: Test}, `videotestsrc is-live=true pattern="smpte" ! video/x-raw,width=1280,height=720,framerate=30/1`, ""},
		{Source{Kind: Test, Pattern: "ball"}, `videotestsrc is-live=true pattern="ball" ! video/x-raw,width=1280,height=720,framerate=30/1`, ""},
		{Source{Kind: V4L2, Device: "/dev/video0"}, `v4l2src device="/dev/video0" ! video/x-raw,width=1280,height=720,framerate=30/1`, ""},
		{Source{Kind: V4L2, Device: `/dev/v "x"`}, `v4l2src device="/dev/v \"x\"" ! video/x-raw,width=1280,height=720,framerate=30/1`, ""},
		{Source{Kind: V4L2}, "", "without a device"},
		{Source{Kind: "hdmi"}, "", `unknown source type "hdmi"`},
	}
	for _, tt := range tests {
		got, err := Fragment(tt.src, f)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("Fragment(%+v) err = %v, want %q", tt.src, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("Fragment(%+v) = %q, %v\nwant %q", tt.src, got, err, tt.want)
		}
	}
}

func TestCheck(t *testing.T) {
	if err := Check(Source{Kind: Test}); err != nil {
		t.Fatalf("test source: %v", err)
	}
	err := Check(Source{Kind: V4L2, Device: "/dev/video99"})
	if !errors.Is(err, ErrNoDevice) || !strings.Contains(err.Error(), "/dev/video99") {
		t.Fatalf("missing device: %v", err)
	}
	regular := filepath.Join(t.TempDir(), "video0")
	if err := os.WriteFile(regular, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Check(Source{Kind: V4L2, Device: regular}); err == nil || !strings.Contains(err.Error(), "not a device node") {
		t.Fatalf("regular file: %v", err)
	}
	// /dev/null is a character device everybody may read and write.
	if err := Check(Source{Kind: V4L2, Device: "/dev/null"}); err != nil {
		t.Fatalf("/dev/null: %v", err)
	}
}
