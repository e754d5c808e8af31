//go:build gst_1_16

package gst

// edgecam patch, 2026-12-01 (third_party/README.md): -tags gst_1_16 builds a binary that
// runs on GStreamer 1.16 and later, whatever the headers' version: no
// function newer than 1.16 is called (gst.go.h, GOGST_HAVE).

// #cgo CFLAGS: -DGOGST_TARGET_MINOR=16
import "C"
