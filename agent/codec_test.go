package agent

import (
	"strings"
	"testing"
	"time"

	"github.com/edgecam/edgecam/config"
	"github.com/edgecam/edgecam/internal/testkit"
)

// TestH265SpillsAndDrains: an H.265 stream (codec h265, auto: x265enc)
// loses its only broker, spills to the spool and drains when the broker is
// back. Every record, the live ones and those read back from the spool,
// carries edgecam-codec h265 (the spool keeps each frame's codec), every
// keyframe is an IRAP with its parameter sets, and the sequence is
// contiguous and decodes as hevc frame for frame.
func TestH265SpillsAndDrains(t *testing.T) {
	c, restart := testkit.RestartableKfake(t, topic, 3)
	brokers := c.ListenAddrs()
	s := testStream("hevc")
	s.Codec = config.CodecH265
	cfg := testConfig(t, brokers, s)
	const key = "agent-test/hevc"
	logs := &testkit.LogBuf{}
	phase := 0
	var outageStart time.Time
	runAgent(t, cfg, logs, func() bool {
		switch phase {
		case 0:
			if len(records(t, brokers, key)) >= 15 {
				c.Close()
				phase, outageStart = 1, time.Now()
			}
		case 1:
			if len(logs.Lines("spilling to the spool")) > 0 && time.Since(outageStart) > 3*time.Second {
				restart()
				phase = 2
			}
		case 2:
			return len(logs.Lines("spool drained; back to the direct path")) > 0
		}
		return false
	})
	if len(logs.Lines("encoder chosen", "encoder=x265enc")) != 1 {
		t.Fatalf("x265enc was not chosen:\n%s", logs)
	}
	// Some frames came back from the spool: their codec is the spool's.
	stopped := logs.Lines("msg=\"stream stopped\"", "stream=hevc")
	if len(stopped) != 1 || strings.Contains(stopped[0], " drained=0 ") {
		t.Fatalf("want one stop line with frames drained from the spool: %v\n%s", stopped, logs)
	}
	rs := records(t, brokers, key)
	checkContiguousCodec(t, rs, key, "h265") // edgecam-codec h265 on every record
	var stream []byte
	for i, r := range rs {
		if err := testkit.CheckHEVCKeyframe(r.Value, r.Keyframe); err != nil {
			t.Fatalf("record %d (seq %d): %v", i, r.Seq, err)
		}
		stream = append(stream, r.Value...)
	}
	if n, errs := testkit.ProbeH265(t, stream); n != len(rs) || errs != "" {
		t.Fatalf("ffprobe decoded %d frames of %d records; errors: %q", n, len(rs), errs)
	}
	t.Logf("h265 outage: %d frames, all edgecam-codec h265, live and from the spool", len(rs))
}
