package e2e

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/edgecam/edgecam/internal/testkit"
)

// TestTailFromTo: `edgecam tail --from/--to` over records whose capture
// times span an outage (spooled while the link to Kafka was cut, drained
// after it came back, so Kafka wrote them seconds after they were
// captured). --from a moment inside the outage starts the file at the last
// keyframe captured at or before it; --to a moment after the link came back
// ends it at the last frame captured at or before that. The file holds
// exactly those records' values, in order, and ffprobe decodes every frame.
// --since reaches back over the whole stream.
func TestTailFromTo(t *testing.T) {
	brokers, bin := env(t)
	proxy, a, cfg, key := streaming(t, brokers, bin, "", oneTestStream, 60)
	proxy.Stop()
	cut := time.Now()
	a.waitLog(t, "spilling to the spool")
	time.Sleep(6*time.Second - time.Since(cut))
	if err := proxy.Start(); err != nil {
		t.Fatal(err)
	}
	back := time.Now()
	a.waitLog(t, "spool drained; back to the direct path")
	waitProduced(t, brokers, topicEnd(t, brokers), 60)
	a.stop(t)
	recs := readKey(t, brokers, key)
	checkDelivery(t, recs, nil, 0)

	captured := make([]time.Time, len(recs))
	for i, r := range recs {
		ns, err := strconv.ParseInt(r.headers["edgecam-capture-ns"], 10, 64)
		if err != nil {
			t.Fatalf("record %d: edgecam-capture-ns %q", i, r.headers["edgecam-capture-ns"])
		}
		captured[i] = time.Unix(0, ns)
	}
	// A moment in the middle of the outage, between two frames, and one
	// after the link came back.
	mid := firstAfter(captured, cut.Add(3*time.Second))
	end := firstAfter(captured, back.Add(time.Second))
	if mid <= 0 || end < 0 || mid+1 >= len(recs) {
		t.Fatalf("no frames captured 3 s into the outage and 1 s after it (%d records, %v .. %v)", len(recs), captured[0], captured[len(captured)-1])
	}
	if recs[mid].headers["edgecam-keyframe"] == "1" {
		mid++ // a moment just before a keyframe is the easy case; take one inside a GOP
	}
	from := captured[mid].Add(-time.Millisecond / 2)
	to := captured[end].Add(-time.Millisecond / 2)
	want0, want1 := -1, -1 // the records tail must write: [want0, want1]
	for i := range recs {
		if captured[i].After(from) {
			break
		}
		if recs[i].headers["edgecam-keyframe"] == "1" {
			want0 = i
		}
	}
	for i := range recs {
		if !captured[i].After(to) {
			want1 = i
		}
	}
	if want0 < 0 || want0 == mid {
		t.Fatalf("no keyframe captured before %v", from)
	}
	// The frames around the asked moment were spooled: their Kafka timestamp is
	// their capture time, not the later time of the drain.
	if ts := recs[mid].timestampMs; ts != captured[mid].UnixMilli() {
		t.Fatalf("record at offset %d: Kafka timestamp %d ms, capture time %d ms", recs[mid].offset, ts, captured[mid].UnixMilli())
	}

	out := filepath.Join(t.TempDir(), "range.h264")
	cmd := exec.Command(bin, "tail", "--config", cfg, "--stream", faultStream,
		"--from", from.UTC().Format(time.RFC3339Nano), "--to", to.UTC().Format(time.RFC3339Nano), "-o", out)
	msg, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("edgecam tail --from --to: %v\n%s", err, msg)
	}
	t.Logf("tail --from %s (%.1f s into the outage) --to %s (%.1f s after it):\n%s",
		from.Format(time.RFC3339Nano), from.Sub(cut).Seconds(), to.Format(time.RFC3339Nano), to.Sub(back).Seconds(), msg)
	if want := "starting at the keyframe seq " + recs[want0].headers["edgecam-seq"] + " "; !strings.Contains(string(msg), want) {
		t.Fatalf("tail did not say %q (want the keyframe at offset %d, captured %v, the asked time %v)", want, recs[want0].offset, captured[want0], from)
	}
	var wantBytes []byte
	for _, r := range recs[want0 : want1+1] {
		wantBytes = append(wantBytes, r.value...)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, wantBytes) {
		t.Fatalf("tail wrote %d bytes; records %d..%d (seq %s..%s) hold %d", len(got), want0, want1,
			recs[want0].headers["edgecam-seq"], recs[want1].headers["edgecam-seq"], len(wantBytes))
	}
	n, errs := testkit.ProbeFrames(t, out)
	if n != want1-want0+1 || errs != "" {
		t.Fatalf("ffprobe decoded %d frames of %d; errors %q", n, want1-want0+1, errs)
	}
	first, _ := testkit.Probe(t, out, "-f", "h264", "-select_streams", "v:0", "-read_intervals", "%+#1",
		"-show_entries", "frame=key_frame,pict_type", "-of", "csv=p=0")
	if !strings.HasPrefix(strings.TrimSpace(first), "1,I") {
		t.Fatalf("ffprobe: the file's first frame is %q, want a keyframe (1,I)", first)
	}

	// --since a span longer than the test: from the stream's first keyframe.
	out = filepath.Join(t.TempDir(), "since.h264")
	if msg, err := exec.Command(bin, "tail", "--config", cfg, "--stream", faultStream, "--since", "1h", "--frames", "45", "-o", out).CombinedOutput(); err != nil {
		t.Fatalf("tail --since: %v\n%s", err, msg)
	}
	got, err = os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	wantBytes = nil
	for _, r := range recs[:45] {
		wantBytes = append(wantBytes, r.value...)
	}
	if !bytes.Equal(got, wantBytes) {
		t.Fatalf("tail --since 1h --frames 45 wrote %d bytes, the first 45 records hold %d", len(got), len(wantBytes))
	}
}

// firstAfter is the index of the first capture time after t, or -1.
func firstAfter(captured []time.Time, t time.Time) int {
	for i, c := range captured {
		if c.After(t) {
			return i
		}
	}
	return -1
}
