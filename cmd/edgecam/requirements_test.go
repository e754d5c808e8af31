package main

import (
	"strings"
	"testing"

	"github.com/edgecam/edgecam/config"
)

func TestCheckElements(t *testing.T) {
	cfg := &config.Config{Streams: []config.Stream{
		{Name: "demo", Source: config.Source{Type: config.SourceTest}, Encoder: config.EncoderAuto},
		{Name: "door", Source: config.Source{Type: config.SourceRTSP, URL: "rtsp://cam/live"}, Encoder: config.EncoderNone},
		{Name: "csi", Source: config.Source{Type: config.SourceNvargus}, Encoder: config.EncoderAuto},
	}}
	err := checkElements(cfg)
	if err == nil {
		t.Fatal("nvargus source passed the element check on a machine without JetPack")
	}
	msg := err.Error()
	for _, want := range []string{"stream csi: ", "nvarguscamerasrc", "install nvidia-l4t-gstreamer"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q does not contain %q", msg, want)
		}
	}
	if strings.Contains(msg, "demo") || strings.Contains(msg, "door") {
		t.Errorf("error blames a stream whose elements are installed: %q", msg)
	}
	cfg.Streams = cfg.Streams[:2]
	if err := checkElements(cfg); err != nil {
		t.Fatalf("test and rtsp sources: %v", err)
	}
}
