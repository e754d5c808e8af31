package gstwebrtc

/*
#cgo pkg-config: gstreamer-webrtc-1.0
#cgo CFLAGS: -Wno-deprecated-declarations -g -Wall
*/
import "C"
