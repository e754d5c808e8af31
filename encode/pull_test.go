package encode

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/go-gst/go-gst/gst"
)

// TestEncodeTrace checks the benchmarks' encoder-latency trace: one line
// per frame, keyed by the frame's capture time as the edgecam-capture-ns
// header carries it, with a capture→appsink delay that is not negative.
func TestEncodeTrace(t *testing.T) {
	path := filepath.Join(t.TempDir(), "trace")
	t.Setenv(traceEnv, path)
	frames := collect(t, testSpec("x264enc"), 10)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("no trace written: %v", err)
	}
	lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	if len(lines) != len(frames) {
		t.Fatalf("%d trace lines for %d frames", len(lines), len(frames))
	}
	for i, l := range lines {
		f := strings.Fields(l)
		if len(f) != 2 {
			t.Fatalf("line %d: %q: want two fields", i, l)
		}
		capNs, err1 := strconv.ParseInt(f[0], 10, 64)
		age, err2 := strconv.ParseInt(f[1], 10, 64)
		if err1 != nil || err2 != nil || age < 0 {
			t.Fatalf("line %d: %q: want capture ns and a delay ≥ 0", i, l)
		}
		if want := frames[i].CaptureTime.UnixNano(); capNs != want {
			t.Errorf("line %d: capture %d, frame's capture time %d", i, capNs, want)
		}
	}
}

// BenchmarkPull measures the frame path out of appsink (puller.next: the
// cgo calls, the copy into Go memory, the timestamps) per access unit, for
// a P-frame and a keyframe size of a 2 Mbit/s 720p stream. The buffers are
// queued in appsink before the timer starts, so only the pull is timed.
// make bench (B1) measures the whole agent; this isolates the one copy
// between the GstBuffer and the Kafka record.
func BenchmarkPull(b *testing.B) {
	ensureInit()
	for _, size := range []int{8 << 10, 64 << 10} {
		b.Run(fmt.Sprintf("%dKiB", size>>10), func(b *testing.B) {
			pipe, err := gst.NewPipelineFromString("appsrc name=src format=time is-live=false max-bytes=0 ! " +
				"appsink name=sink sync=false emit-signals=false max-buffers=0 drop=false")
			if err != nil {
				b.Fatal(err)
			}
			defer pipe.SetState(gst.StateNull)
			srcEl, _ := pipe.GetElementByName("src")
			sinkEl, _ := pipe.GetElementByName("sink")
			if err := pipe.SetState(gst.StatePlaying); err != nil {
				b.Fatal(err)
			}
			src := newPusher(srcEl)
			sink, err := newPuller(sinkEl)
			if err != nil {
				b.Fatal(err)
			}
			defer sink.close() // after the deferred SetState(NULL): runs first, callbacks off, then NULL
			data := make([]byte, size)
			const batch = 256
			b.SetBytes(int64(size))
			b.ReportAllocs()
			b.ResetTimer()
			for done := 0; done < b.N; {
				n := min(batch, b.N-done)
				b.StopTimer()
				for i := range n {
					pts := time.Duration(done+i) * 33 * time.Millisecond
					if err := src.push(data, pts, pts, i%30 == 0); err != nil {
						b.Fatal(err)
					}
				}
				// Let appsrc's streaming thread hand them all to appsink.
				time.Sleep(5 * time.Millisecond)
				b.StartTimer()
				for range n {
					fr, ok := sink.next()
					if !ok || len(fr.Data) != size {
						b.Fatalf("pulled %d bytes, ok=%v; want %d", len(fr.Data), ok, size)
					}
				}
				done += n
			}
		})
	}
}
