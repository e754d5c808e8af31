package gst

/*
#cgo pkg-config: gstreamer-1.0 gstreamer-controller-1.0
#cgo CFLAGS: -Wno-deprecated-declarations -Wno-format-security -g -Wall -Wno-unused-variable
#cgo LDFLAGS: -lm
*/
import "C"
