package gstnet

/*
#cgo pkg-config: gstreamer-net-1.0
#cgo CFLAGS: -Wno-deprecated-declarations -g -Wall
*/
import "C"
