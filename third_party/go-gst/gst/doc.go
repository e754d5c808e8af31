/*
Package gst contains bindings for the gstreamer C API. If you are trying
to build simple pipelines quickly (and optiionally readers/writers) see
the gstauto package.
*/
package gst
