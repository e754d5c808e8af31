// Package base contains bindings for extendable GStreamer base objects.
//
// The objects and methods provided by this package are mostly for use in building
// plugins using the go-gst bindings.
package base
