package encode

import (
	"fmt"
	"os"
	"sync"

	"github.com/go-gst/go-gst/gst"
)

// initOnce guards gst_init, which must run once per process before any other
// GStreamer call. It is the package's only global state.
var initOnce sync.Once

func ensureInit() {
	initOnce.Do(func() {
		// Before gst_init: no GStreamer thread reads the environment yet.
		if _, set := os.LookupEnv(forceDrainEnv); !set {
			_ = os.Setenv(forceDrainEnv, "1") // cannot fail for a valid name
		}
		gst.Init(nil)
	})
}

// forceDrainEnv turns off GStreamer's orphaning of V4L2 buffer pools,
// whose 1.22 code leaks the pool of every V4L2 element that stops.
//
// gst_v4l2_object_stop (gst-plugins-good 1.22, sys/v4l2/gstv4l2object.c)
// takes a reference to the pool, then asks gst_v4l2_buffer_pool_orphan to
// orphan it (what it does when the driver can orphan buffers: every vb2
// driver of a 5.0 or later kernel, vivid and USB cameras included); when
// that succeeds, the reference it took is never dropped. The pool then
// lives as long as the process, with its duplicate of the camera's
// descriptor (closed only in the pool's finalize) and a reference to its
// element: one descriptor and one element per pipeline stopped, which is
// every restart of a stream (a stall, a reload, an unplug), and a camera
// unplugged afterwards cannot get its /dev/videoN back while one is open.
// Measured with vivid (vm/v4l2_test.go TestRestartReleases,
// GST_DEBUG=GST_REFCOUNTING:7): the pool ends the teardown at refcount 1.
// With GST_V4L2_FORCE_DRAIN set, gst_v4l2_buffer_pool_orphan declines and
// gst_v4l2_object_stop deactivates the pool and drops both its references,
// the path it takes for drivers that cannot orphan, so the pool is freed
// at the teardown. The same variable makes v4l2 decoders drain instead of
// orphaning when they renegotiate. A value set by the user is kept.
const forceDrainEnv = "GST_V4L2_FORCE_DRAIN"

// Version returns the version of the GStreamer library the process runs
// against, e.g. "GStreamer 1.22.0".
func Version() string {
	ensureInit()
	return gstVersionString()
}

// elementExists reports whether the GStreamer registry has an element factory
// called name (the plugin that provides it is installed and loadable).
func elementExists(name string) bool {
	ensureInit()
	return gst.Find(name) != nil
}

// Available reports whether the named GStreamer element is installed, for
// callers outside this package that must check an element before building a
// pipeline (for example a source element that only some boards have).
func Available(element string) bool { return elementExists(element) }

// busError turns a GStreamer error message into a Go error that names the
// element that failed and carries GStreamer's debug text, which usually holds
// the cause a user needs (device path, negotiated caps, errno).
func busError(msg *gst.Message) error {
	gerr := msg.ParseError()
	if dbg := gerr.DebugString(); dbg != "" {
		return fmt.Errorf("%s: %s (%s)", msg.Source(), gerr.Error(), dbg)
	}
	return fmt.Errorf("%s: %s", msg.Source(), gerr.Error())
}
