//go:build gst_1_20 && !gst_1_16

package gst

// edgecam patch, 2026-12-01 (third_party/README.md): -tags gst_1_20 builds a binary that
// runs on GStreamer 1.20 and later, whatever the headers' version: no
// function newer than 1.20 is called (gst.go.h, GOGST_HAVE). With both
// tags, gst_1_16 wins.

// #cgo CFLAGS: -DGOGST_TARGET_MINOR=20
import "C"
