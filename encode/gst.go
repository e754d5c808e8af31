package encode

import (
	"fmt"
	"sync"

	"github.com/go-gst/go-gst/gst"
)

// initOnce guards gst_init, which must run once per process before any other
// GStreamer call. It is the package's only global state.
var initOnce sync.Once

func ensureInit() { initOnce.Do(func() { gst.Init(nil) }) }

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
