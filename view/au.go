package view

import (
	"bytes"
	"fmt"

	"github.com/bluenviron/mediacommon/v2/pkg/codecs/h264"
	"github.com/bluenviron/mediacommon/v2/pkg/codecs/h265"
)

// Codecs of the record contract (edgecam-codec).
const (
	codecH264 = "h264"
	codecH265 = "h265"
)

// splitAU splits an Annex-B access unit into its NAL units (no copy).
func splitAU(b []byte) ([][]byte, error) {
	var a h264.AnnexB // the start code format is the same for H.265
	if err := a.Unmarshal(b); err != nil {
		return nil, fmt.Errorf("annex-b: %w", err)
	}
	return a, nil
}

// params are the parameter sets of a stream, taken from its keyframes.
type params struct {
	vps, sps, pps []byte
	width, height int
}

func (p *params) equal(o *params) bool {
	return bytes.Equal(p.vps, o.vps) && bytes.Equal(p.sps, o.sps) && bytes.Equal(p.pps, o.pps)
}

// paramsOf returns the parameter sets in the NAL units of a keyframe, and
// the picture size read from the SPS; ok is false when the SPS or PPS is
// missing (or the VPS of H.265).
func paramsOf(codec string, nalus [][]byte) (p params, ok bool) {
	for _, n := range nalus {
		if len(n) == 0 {
			continue
		}
		switch codec {
		case codecH264:
			switch h264.NALUType(n[0] & 0x1f) {
			case h264.NALUTypeSPS:
				p.sps = n
			case h264.NALUTypePPS:
				p.pps = n
			}
		case codecH265:
			switch h265.NALUType((n[0] >> 1) & 0x3f) {
			case h265.NALUType_VPS_NUT:
				p.vps = n
			case h265.NALUType_SPS_NUT:
				p.sps = n
			case h265.NALUType_PPS_NUT:
				p.pps = n
			}
		}
	}
	if p.sps == nil || p.pps == nil || (codec == codecH265 && p.vps == nil) {
		return p, false
	}
	switch codec {
	case codecH264:
		var s h264.SPS
		if s.Unmarshal(p.sps) == nil {
			p.width, p.height = s.Width(), s.Height()
		}
	case codecH265:
		var s h265.SPS
		if s.Unmarshal(p.sps) == nil {
			p.width, p.height = s.Width(), s.Height()
		}
	}
	// The muxer keeps them: copy out of the record's buffer.
	p.vps, p.sps, p.pps = bytes.Clone(p.vps), bytes.Clone(p.sps), bytes.Clone(p.pps)
	return p, true
}
