package encode

// Releasing an unplugged camera. GStreamer 1.22's v4l2src keeps its buffer
// pool's duplicate of the device descriptor when it orphans the pool at
// its stop (after a capture error or not: see forceDrainEnv in gst.go,
// which turns that off), and the kernel frees /dev/videoN only when the
// last descriptor is closed (see capture.HoldDevice, which does the
// releasing, a second line of defence since forceDrainEnv). This file gives the
// releaser the two things it needs: the descriptor of each v4l2src while
// the pipeline certainly holds it, and a moment after the teardown at which
// none of the descriptors of that open file can be closed by GStreamer.
//
// The v4l2src closes its own descriptor when it goes to NULL; its buffer
// pool closes its duplicate only when the pool is freed (its finalize),
// which may happen during the teardown, later when a last buffer comes
// back, or never. So the hold is made just before the teardown (the
// pipeline has ended but is not yet at NULL: v4l2src still has its
// descriptor open, and its base class still references the pool), and a
// reference to the pool is kept until after the release: while we hold
// it, the pool cannot be freed and its descriptor number cannot be closed
// and reused under the releaser's feet. Both run on watchBus's goroutine,
// around the SetState(NULL).

/*
#cgo pkg-config: gstreamer-1.0 gstreamer-base-1.0
#include <gst/gst.h>
#include <gst/base/gstbasesrc.h>

typedef struct {
	gint fd;              // device-fd: v4l2src's own descriptor, -1 when closed
	GstBufferPool *pool;  // a reference to its GstV4l2BufferPool, or NULL
} ec_v4l2;

// ec_v4l2_sources fills out with up to n v4l2src elements of bin. The pool
// is taken only when it is v4l2src's own (GstV4l2BufferPool): a v4l2src
// copying into a downstream pool keeps its own out of reach.
static int ec_v4l2_sources(GstElement *bin, ec_v4l2 *out, int n) {
	GstIterator *it = gst_bin_iterate_recurse(GST_BIN(bin));
	GValue v = G_VALUE_INIT;
	int k = 0;
	gboolean done = FALSE;
	while (!done) {
		switch (gst_iterator_next(it, &v)) {
		case GST_ITERATOR_OK: {
			GstElement *el = GST_ELEMENT(g_value_get_object(&v));
			GstElementFactory *f = gst_element_get_factory(el);
			if (k < n && f != NULL && g_strcmp0(GST_OBJECT_NAME(f), "v4l2src") == 0) {
				gint fd = -1;
				g_object_get(el, "device-fd", &fd, NULL);
				GstBufferPool *pool = gst_base_src_get_buffer_pool(GST_BASE_SRC(el));
				if (pool != NULL && g_strcmp0(G_OBJECT_TYPE_NAME(pool), "GstV4l2BufferPool") != 0) {
					gst_object_unref(pool);
					pool = NULL;
				}
				out[k].fd = fd;
				out[k].pool = pool;
				k++;
			}
			g_value_reset(&v);
			break;
		}
		case GST_ITERATOR_RESYNC:
			for (int i = 0; i < k; i++)
				if (out[i].pool != NULL) gst_object_unref(out[i].pool);
			k = 0;
			gst_iterator_resync(it);
			break;
		default:
			done = TRUE;
		}
	}
	g_value_unset(&v);
	gst_iterator_free(it);
	return k;
}

static void ec_unref_pool(GstBufferPool *pool) { gst_object_unref(pool); }
*/
import "C"

import (
	"errors"
	"fmt"
	"unsafe"
)

// HoldDevice is Spec.HoldDevice: told the descriptor of a v4l2src's
// device while the pipeline holds it, it returns the release to run after
// the teardown (capture.HoldDevice is one).
type HoldDevice func(fd int) (release func() (int, error), err error)

// v4l2Source is a v4l2src found in a running pipeline.
type v4l2Source struct {
	fd   int
	pool unsafe.Pointer // *C.GstBufferPool, a reference of ours; nil if none
}

// maxV4L2Sources bounds the v4l2src elements looked at in one pipeline
// (edgecam builds one per stream).
const maxV4L2Sources = 4

// v4l2Sources lists the v4l2src elements of the pipeline with a reference
// to each one's buffer pool.
func (p *Pipeline) v4l2Sources() []v4l2Source {
	var out [maxV4L2Sources]C.ec_v4l2
	n := int(C.ec_v4l2_sources((*C.GstElement)(unsafe.Pointer(p.pipe.Unsafe())), &out[0], maxV4L2Sources)) //nolint:gocritic // false positive on cgo's rewrite of &out[0]
	srcs := make([]v4l2Source, n)
	for i := range n {
		srcs[i] = v4l2Source{fd: int(out[i].fd), pool: unsafe.Pointer(out[i].pool)}
	}
	return srcs
}

func unrefPool(pool unsafe.Pointer) { C.ec_unref_pool((*C.GstBufferPool)(pool)) }

// heldDevice is a v4l2src's device handed to Spec.HoldDevice, and the pool
// reference kept until its release ran.
type heldDevice struct {
	release func() (int, error)
	pool    unsafe.Pointer
}

// holdDevices runs when the pipeline has ended, before it goes to NULL:
// the descriptors it hands over are open, and each v4l2src that
// negotiated has its buffer pool.
func (p *Pipeline) holdDevices() {
	p.devMu.Lock()
	defer p.devMu.Unlock()
	if p.spec.HoldDevice == nil {
		return
	}
	for _, s := range p.sources(p) {
		switch {
		case s.pool == nil:
			// v4l2src copies into a downstream pool: its own
			// buffers never leave it, so its pool is freed, and
			// its descriptor closed, by the teardown itself. Not
			// holding the pool, we could not release safely.
			continue
		case s.fd < 0:
			p.unrefPool(s.pool)
			continue
		}
		release, err := p.spec.HoldDevice(s.fd)
		if err != nil {
			p.releaseErr = errors.Join(p.releaseErr, fmt.Errorf("holding the camera's descriptor %d: %w", s.fd, err))
			p.unrefPool(s.pool)
			continue
		}
		p.held = append(p.held, heldDevice{release, s.pool})
	}
}

// releaseDevices runs after the pipeline went to NULL: every release, each
// while its pool is still held, then the pool references go.
func (p *Pipeline) releaseDevices() {
	p.devMu.Lock()
	defer p.devMu.Unlock()
	for _, h := range p.held {
		n, err := h.release()
		p.released += n
		if err != nil {
			p.releaseErr = errors.Join(p.releaseErr, err)
		}
		p.unrefPool(h.pool)
	}
	p.held = nil
}

// Released reports, once Frames is closed, how many descriptors of removed
// camera devices the releases of Spec.HoldDevice replaced, and why a
// device could not be held or released (nil when all went well).
func (p *Pipeline) Released() (int, error) {
	p.devMu.Lock()
	defer p.devMu.Unlock()
	return p.released, p.releaseErr
}
