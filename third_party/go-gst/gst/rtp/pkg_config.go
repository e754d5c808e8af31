package rtp

/*
#cgo pkg-config: gstreamer-plugins-base-1.0
#cgo LDFLAGS: -lgstrtp-1.0
#cgo CFLAGS: -Wno-deprecated-declarations -g -Wall
*/
import "C"
