package encode

// The frame path. No goroutine waits inside a cgo call: appsink's
// new-sample and eos callbacks (C, on the streaming thread) add to an
// eventfd, which the pulling goroutine reads through Go's netpoller, and
// then takes every queued sample with two short cgo calls each: ec_pull
// (gst_app_sink_try_pull_sample with no wait) reports its size, ec_take
// copies the bytes into a Go slice of exactly that size, fills in the
// timestamps and unrefs the sample. No go-gst wrapper and no finalizer is
// involved, so memory is released at once.
//
// Why not a blocking gst_app_sink_pull_sample, as before: a goroutine
// blocked in cgo holds an OS thread and, for longer than 10 ms (a frame
// is 33 ms), has its P taken by sysmon and must get one back when the
// frame comes; with 16 RTSP cameras (B9) that kept sysmon polling every
// 20 µs and handing Ps between threads: 16% of the agent's CPU was
// runtime.sysmon alone. A second appsink in one pipeline (an audio track)
// gets its own puller, and so its own eventfd.

/*
#cgo pkg-config: gstreamer-1.0 gstreamer-app-1.0
#include <gst/gst.h>
#include <gst/app/gstappsink.h>
#include <gst/app/gstappsrc.h>
#include <sys/eventfd.h>
#include <unistd.h>

typedef struct {
	GstSample *sample;
	gsize size;
	gint64 pts;      // running time, ns; -1 when unknown
	gint64 dts;      // running time, ns; -1 when unknown
	gint64 age;      // pipeline clock now minus capture time, ns; -1 when unknown
	int keyframe;
} ec_frame;

// ec_pull takes the next sample appsink holds, without waiting. It returns
// 0 when there is none (none yet, EOS, or flushing: ec_is_eos and the
// puller's stop tell which), 1 with f->size set.
static int ec_pull(GstElement *sink, ec_frame *f) {
	f->sample = gst_app_sink_try_pull_sample(GST_APP_SINK(sink), 0);
	if (f->sample == NULL) return 0;
	GstBuffer *buf = gst_sample_get_buffer(f->sample);
	f->size = buf ? gst_buffer_get_size(buf) : 0;
	return 1;
}

static int ec_is_eos(GstElement *sink) { return gst_app_sink_is_eos(GST_APP_SINK(sink)); }

// ec_notify adds one to the puller's eventfd (the streaming thread's only
// work for us; a full counter cannot happen: the puller reads it to 0).
static void ec_notify(gpointer fd) {
	guint64 one = 1;
	ssize_t n = write(GPOINTER_TO_INT(fd), &one, sizeof one);
	(void) n; // EAGAIN only on a counter near 2^64
}

static GstFlowReturn ec_on_sample(GstAppSink *sink, gpointer fd) {
	(void) sink;
	ec_notify(fd);
	return GST_FLOW_OK;
}

static void ec_on_eos(GstAppSink *sink, gpointer fd) {
	(void) sink;
	ec_notify(fd);
}

// ec_watch makes a non-blocking eventfd that appsink's new-sample and eos
// callbacks add to; -1 with errno set when there is none.
static int ec_watch(GstElement *sink) {
	int fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	if (fd < 0) return -1;
	GstAppSinkCallbacks cb = {0};
	cb.eos = ec_on_eos;
	cb.new_sample = ec_on_sample;
	gst_app_sink_set_callbacks(GST_APP_SINK(sink), &cb, GINT_TO_POINTER(fd), NULL);
	return fd;
}

// ec_unwatch removes the callbacks (before the eventfd is closed).
static void ec_unwatch(GstElement *sink) {
	GstAppSinkCallbacks cb = {0};
	gst_app_sink_set_callbacks(GST_APP_SINK(sink), &cb, NULL, NULL);
}

static gint64 ec_running(const GstSegment *seg, GstClockTime t) {
	if (!GST_CLOCK_TIME_IS_VALID(t) || seg == NULL) return -1;
	guint64 rt = gst_segment_to_running_time(seg, GST_FORMAT_TIME, t);
	return GST_CLOCK_TIME_IS_VALID(rt) ? (gint64) rt : -1;
}

// ec_take copies the pulled sample into dst (f->size bytes), fills in the
// timestamps and releases the sample.
static void ec_take(GstElement *sink, ec_frame *f, guint8 *dst) {
	GstBuffer *buf = gst_sample_get_buffer(f->sample);
	const GstSegment *seg = gst_sample_get_segment(f->sample);
	f->pts = f->dts = f->age = -1;
	f->keyframe = 0;
	if (buf != NULL) {
		if (f->size > 0) gst_buffer_extract(buf, 0, dst, f->size);
		f->pts = ec_running(seg, GST_BUFFER_PTS(buf));
		f->dts = ec_running(seg, GST_BUFFER_DTS(buf));
		f->keyframe = !GST_BUFFER_FLAG_IS_SET(buf, GST_BUFFER_FLAG_DELTA_UNIT);
	}
	if (f->pts >= 0) {
		GstClock *clock = gst_element_get_clock(sink);
		if (clock != NULL) {
			GstClockTime now = gst_clock_get_time(clock);
			GstClockTime base = gst_element_get_base_time(sink);
			f->age = (gint64) now - (gint64) (base + (GstClockTime) f->pts);
			gst_object_unref(clock);
		}
	}
	gst_sample_unref(f->sample);
	f->sample = NULL;
}

// ec_push copies data into a new buffer and pushes it into appsrc (which
// takes ownership). Returns the GstFlowReturn. (gst_buffer_new_memdup would
// do the first two steps in one, but is new in GStreamer 1.20: the packaged
// binary runs on 1.16.)
static int ec_push(GstElement *src, const guint8 *data, gsize size, gint64 pts, gint64 dts, int keyframe) {
	GstBuffer *buf = gst_buffer_new_allocate(NULL, size, NULL);
	if (buf == NULL) return GST_FLOW_ERROR;
	gst_buffer_fill(buf, 0, data, size);
	GST_BUFFER_PTS(buf) = pts >= 0 ? (GstClockTime) pts : GST_CLOCK_TIME_NONE;
	GST_BUFFER_DTS(buf) = dts >= 0 ? (GstClockTime) dts : GST_CLOCK_TIME_NONE;
	if (!keyframe) GST_BUFFER_FLAG_SET(buf, GST_BUFFER_FLAG_DELTA_UNIT);
	return gst_app_src_push_buffer(GST_APP_SRC(src), buf);
}

static int ec_end(GstElement *src) { return gst_app_src_end_of_stream(GST_APP_SRC(src)); }

static char *ec_version(void) { return gst_version_string(); }
*/
import "C"

import (
	"encoding/binary"
	"fmt"
	"os"
	"strconv"
	"sync/atomic"
	"time"
	"unsafe"

	"github.com/go-gst/go-gst/gst"
)

// puller reads encoded samples out of one appsink.
type puller struct {
	sink *C.GstElement
	f    C.ec_frame
	// wakeup is the eventfd appsink's callbacks add to: read (through
	// the netpoller) when appsink holds no sample. stopped is set by
	// stop, after the pipeline went to NULL.
	wakeup  *os.File
	buf     [8]byte
	stopped atomic.Bool

	// trace, when set, receives one line per frame: its capture time
	// (Unix ns, the edgecam-capture-ns header) and how long it took from
	// capture to appsink (ns). See traceEnv.
	trace *os.File
	line  []byte
}

// traceEnv names a file that receives the encoder latency of every frame,
// for the benchmarks (make bench, B3): joined with the records read back
// from Kafka by edgecam-capture-ns, it splits capture→ack into the
// encoder's part and the agent's. Unset (always, outside benchmarks), it
// costs nothing.
const traceEnv = "EDGECAM_BENCH_ENCODE_TRACE"

// newPuller watches sink (before the pipeline plays, so that no sample
// comes unannounced; one that did would still be found). close releases
// what it holds.
func newPuller(sink *gst.Element) (*puller, error) {
	p := &puller{sink: (*C.GstElement)(unsafe.Pointer(sink.Unsafe()))}
	fd, err := C.ec_watch(p.sink)
	if fd < 0 {
		return nil, fmt.Errorf("appsink: cannot make an eventfd (out of file descriptors? raise LimitNOFILE): %w", err)
	}
	// Non-blocking: os.NewFile hands it to the netpoller.
	p.wakeup = os.NewFile(uintptr(fd), "appsink-wakeup")
	if path := os.Getenv(traceEnv); path != "" {
		// Best effort: a benchmark that finds no trace says so.
		if f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644); err == nil {
			p.trace, p.line = f, make([]byte, 0, 48)
		}
	}
	return p, nil
}

// stop makes next return false once appsink holds no sample: call it
// after the pipeline went to NULL (appsink flushed, no callback comes any
// more), from any goroutine.
func (p *puller) stop() {
	p.stopped.Store(true)
	var one [8]byte
	binary.NativeEndian.PutUint64(one[:], 1) // eventfd adds a host-order uint64
	_, _ = p.wakeup.Write(one[:])            // fails only once closed: then nothing waits
}

// close removes appsink's callbacks and closes the eventfd: after next
// returned false and the pipeline is at NULL.
func (p *puller) close() {
	C.ec_unwatch(p.sink)
	_ = p.wakeup.Close() // an eventfd: nothing to flush
}

// wait blocks until appsink's callbacks or stop add to the eventfd; false
// when it is closed.
func (p *puller) wait() bool {
	_, err := p.wakeup.Read(p.buf[:])
	return err == nil
}

// traceFrame writes the frame's line: one write of under 48 bytes to an
// O_APPEND file, so the lines of several streams never interleave.
func (p *puller) traceFrame(capture time.Time, age time.Duration) {
	b := strconv.AppendInt(p.line[:0], capture.UnixNano(), 10)
	b = append(b, ' ')
	b = strconv.AppendInt(b, int64(age), 10)
	b = append(b, '\n')
	_, _ = p.trace.Write(b) // a debugging aid: best effort
}

// next blocks until the next access unit and returns it, or ok=false once the
// appsink reached EOS or the pipeline is shutting down.
func (p *puller) next() (fr Frame, ok bool) {
	// A sample that comes between an empty ec_pull and wait has already
	// added to the eventfd: wait returns at once.
	for C.ec_pull(p.sink, &p.f) == 0 { //nolint:gocritic // false positive on cgo's rewrite of &p.f; through a local pointer cgo would check all of *p
		if C.ec_is_eos(p.sink) != 0 || p.stopped.Load() || !p.wait() {
			if p.trace != nil {
				_ = p.trace.Close() // as its writes
				p.trace = nil
			}
			return Frame{}, false
		}
	}
	// The only per-frame allocation: the record value must outlive the
	// sample (it stays queued until Kafka acknowledges it).
	fr.Data = make([]byte, int(p.f.size))
	var dst *C.guint8
	if len(fr.Data) > 0 {
		dst = (*C.guint8)(unsafe.Pointer(&fr.Data[0]))
	}
	C.ec_take(p.sink, &p.f, dst) //nolint:gocritic // as in ec_pull above
	now := time.Now()
	fr.PTS = time.Duration(p.f.pts)
	fr.DTS = time.Duration(p.f.dts)
	if fr.DTS < 0 {
		fr.DTS = fr.PTS
	}
	fr.Keyframe = p.f.keyframe != 0
	fr.CaptureTime = now
	if p.f.age >= 0 {
		fr.CaptureTime = now.Add(-time.Duration(p.f.age))
		if p.trace != nil {
			p.traceFrame(fr.CaptureTime, time.Duration(p.f.age))
		}
	}
	return fr, true
}

// pusher feeds frames into an appsrc.
type pusher struct{ src *C.GstElement }

func newPusher(src *gst.Element) *pusher {
	return &pusher{src: (*C.GstElement)(unsafe.Pointer(src.Unsafe()))}
}

func (p *pusher) push(data []byte, pts, dts time.Duration, keyframe bool) error {
	if len(data) == 0 {
		return nil
	}
	kf := C.int(0)
	if keyframe {
		kf = 1
	}
	ret := C.ec_push(p.src, (*C.guint8)(unsafe.Pointer(&data[0])), C.gsize(len(data)), C.gint64(pts), C.gint64(dts), kf)
	if ret != C.GST_FLOW_OK {
		return fmt.Errorf("appsrc refused buffer: %s", gst.FlowReturn(ret))
	}
	return nil
}

func (p *pusher) end() { C.ec_end(p.src) }

func gstVersionString() string {
	cs := C.ec_version()
	defer C.g_free(C.gpointer(unsafe.Pointer(cs)))
	return C.GoString(cs)
}
