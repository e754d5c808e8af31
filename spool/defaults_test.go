package spool

import (
	"testing"
	"time"

	"github.com/edgecam/edgecam/config"
)

// TestDefaultsAgreeWithConfig: the zero Options fields get the values
// config gives the same unset keys, so a library caller of spool and the
// agent (which passes config's values) get one spool geometry.
func TestDefaultsAgreeWithConfig(t *testing.T) {
	const k, m, g = 1 << 10, 1 << 20, 1 << 30
	for _, c := range []struct{ maxSize, segment, wantMax, wantSegment int64 }{
		{0, 0, 2 * g, 32 * m},
		{64 * m, 0, 64 * m, 16 * m},
		{1 * m, 0, 1 * m, 256 * k},
		{256 * k, 0, 256 * k, 64 * k},
		{128 * k, 0, 128 * k, 64 * k}, // a quarter would be below MinSegmentSize
		{8 * g, 0, 8 * g, 32 * m},
		{0, 64 * k, 2 * g, 64 * k},
		{0, 2 * g, 4 * g, 2 * g}, // larger than config accepts; still two segments
	} {
		o, err := Options{MaxSize: c.maxSize, SegmentSize: c.segment}.withDefaults()
		if err != nil || o.MaxSize != c.wantMax || o.SegmentSize != c.wantSegment {
			t.Errorf("spool %d/%d: max %d segment %d (%v), want %d %d", c.maxSize, c.segment, o.MaxSize, o.SegmentSize, err, c.wantMax, c.wantSegment)
		}
		sp := config.Spool{Dir: "/x", MaxSize: config.Size(c.maxSize), SegmentSize: config.Size(c.segment)}.WithDefaults()
		if int64(sp.MaxSize) != o.MaxSize || int64(sp.SegmentSize) != o.SegmentSize {
			t.Errorf("config %d/%d: max %d segment %d, spool %d %d", c.maxSize, c.segment, sp.MaxSize, sp.SegmentSize, o.MaxSize, o.SegmentSize)
		}
	}
	o, _ := Options{}.withDefaults()
	sp := config.Spool{Dir: "/x"}.WithDefaults()
	if time.Duration(sp.FsyncInterval) != o.FsyncInterval || sp.Fsync != config.FsyncPolicy(o.Fsync.String()) || sp.MaxAge != 0 {
		t.Errorf("config fsync %s/%s max_age %s, spool %s/%s", sp.Fsync, sp.FsyncInterval, sp.MaxAge, o.Fsync, o.FsyncInterval)
	}
}
