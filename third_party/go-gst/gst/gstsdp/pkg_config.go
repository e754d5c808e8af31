package gstsdp

/*
#cgo pkg-config: gstreamer-sdp-1.0
#cgo CFLAGS: -Wno-deprecated-declarations -g -Wall
*/
import "C"
