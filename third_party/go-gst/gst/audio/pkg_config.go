package audio

/*
#cgo pkg-config: gstreamer-plugins-base-1.0 gstreamer-audio-1.0
#cgo CFLAGS: -Wno-deprecated-declarations
#cgo LDFLAGS: -lgstaudio-1.0
*/
import "C"
