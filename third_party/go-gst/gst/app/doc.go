/*
Package app contains bindings for the gstreamer-app C API. If you are trying
to build simple pipelines quickly (and optiionally readers/writers) see
the gstauto/app package.

The location of this library may be different depending on your OS. It is usually
either with the gst-plugins-base development headers or a separate package called
gstreamer-app.
*/
package app
