package pbutils

/*
#cgo pkg-config: gstreamer-plugins-base-1.0 gstreamer-pbutils-1.0
#cgo CFLAGS: -Wno-deprecated-declarations
*/
import "C"
