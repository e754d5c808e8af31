package video

/*
#cgo pkg-config: gstreamer-plugins-base-1.0 gstreamer-video-1.0
#cgo CFLAGS: -Wno-deprecated-declarations
#cgo LDFLAGS: -lgstvideo-1.0
*/
import "C"
