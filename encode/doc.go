// Package encode owns the GStreamer pipeline of a stream: it takes a source
// fragment rendered by package capture, adds the JPEG decoder of an MJPEG
// camera (decoder.go) and the H.264 encoder chosen for the board, or nothing
// for a source that delivers H.264/H.265 itself (passthrough.go), then
// h264parse or h265parse and an appsink, and delivers one Frame per access
// unit. It also writes frames back into playable files (WriteFile) for
// `edgecam tail`.
//
// It is the only package that imports go-gst (github.com/go-gst/go-gst v1.4.0,
// LGPL-2.1) or talks to GStreamer through cgo, so a move to other bindings
// touches this folder only. It never logs per frame and never imports the
// Kafka or config packages: callers hand it a Spec of plain values.
//
// Memory: go-gst frees GStreamer objects through Go finalizers, which let raw
// and encoded buffers pile up far faster than the garbage collector runs
// (measured: 831 MB in 20 s of 720p). The frame path therefore pulls samples
// with a few lines of C (pull.go) that copy the access unit into Go memory and
// unref the sample at once; go-gst is used only for setup and bus messages.
package encode
