package testkit

import (
	"bytes"
	"fmt"
	"slices"
)

// H.264 NAL unit types the record format speaks of (DESIGN.md, "The Kafka
// record"): every keyframe carries its parameter sets before the IDR.
const (
	NALIDR = 5 // coded slice of an IDR picture
	NALSPS = 7 // sequence parameter set
	NALPPS = 8 // picture parameter set
)

// NALTypes lists the NAL unit types of an H.264 Annex-B access unit, in
// order: the type of every NAL unit behind a start code (3- or 4-byte,
// 00 00 01 or 00 00 00 01). Bytes before the first start code are not a
// NAL unit and are passed over.
func NALTypes(au []byte) []int {
	var types []int
	for i := 0; i+3 < len(au); i++ {
		if au[i] == 0 && au[i+1] == 0 && au[i+2] == 1 {
			types = append(types, int(au[i+3]&0x1f))
			i += 3
		}
	}
	return types
}

// AnnexB reports whether au starts with an Annex-B start code.
func AnnexB(au []byte) bool {
	return bytes.HasPrefix(au, []byte{0, 0, 0, 1}) || bytes.HasPrefix(au, []byte{0, 0, 1})
}

// CheckKeyframe checks the record format's keyframe promise on one H.264
// access unit: it holds an IDR slice exactly when it is flagged as a
// keyframe, and then its SPS and PPS too. The error says which part is
// wrong and lists the NAL types.
func CheckKeyframe(au []byte, keyframe bool) error {
	types := NALTypes(au)
	idr := slices.Contains(types, NALIDR)
	switch {
	case keyframe && !idr:
		return fmt.Errorf("flagged as a keyframe, NAL types %v: no IDR(5) slice", types)
	case !keyframe && idr:
		return fmt.Errorf("an IDR(5) slice but no keyframe flag, NAL types %v", types)
	case keyframe && (!slices.Contains(types, NALSPS) || !slices.Contains(types, NALPPS)):
		return fmt.Errorf("keyframe with NAL types %v: want SPS(7) and PPS(8) before the IDR", types)
	}
	return nil
}

// H.265 (HEVC) NAL unit types the record format speaks of: every IRAP
// picture (types 16..21: BLA, IDR, CRA) carries VPS, SPS and PPS before it.
const (
	HEVCIRAPFirst = 16 // BLA_W_LP, the first IRAP type
	HEVCIRAPLast  = 21 // CRA_NUT, the last
	HEVCVPS       = 32 // video parameter set
	HEVCSPS       = 33 // sequence parameter set
	HEVCPPS       = 34 // picture parameter set
)

// HEVCNALTypes lists the NAL unit types of an H.265 Annex-B access unit,
// in order, as NALTypes does for H.264: the type is bits 1..6 of the
// first of the two header bytes.
func HEVCNALTypes(au []byte) []int {
	var types []int
	for i := 0; i+3 < len(au); i++ {
		if au[i] == 0 && au[i+1] == 0 && au[i+2] == 1 {
			types = append(types, int(au[i+3]>>1)&0x3f)
			i += 3
		}
	}
	return types
}

// CheckHEVCKeyframe checks the record format's keyframe promise on one
// H.265 access unit: it holds an IRAP picture (NAL types 16..21) exactly
// when it is flagged as a keyframe, and then its VPS, SPS and PPS before
// the first IRAP slice.
func CheckHEVCKeyframe(au []byte, keyframe bool) error {
	types := HEVCNALTypes(au)
	irap := slices.IndexFunc(types, func(t int) bool { return t >= HEVCIRAPFirst && t <= HEVCIRAPLast })
	switch {
	case keyframe && irap < 0:
		return fmt.Errorf("flagged as a keyframe, NAL types %v: no IRAP (16..21) slice", types)
	case !keyframe && irap >= 0:
		return fmt.Errorf("an IRAP(%d) slice but no keyframe flag, NAL types %v", types[irap], types)
	case keyframe:
		before := types[:irap]
		if !slices.Contains(before, HEVCVPS) || !slices.Contains(before, HEVCSPS) || !slices.Contains(before, HEVCPPS) {
			return fmt.Errorf("keyframe with NAL types %v: want VPS(32), SPS(33) and PPS(34) before the IRAP slice", types)
		}
	}
	return nil
}

// CheckCodecKeyframe is CheckKeyframe for codec "h264" (or "") and
// CheckHEVCKeyframe for "h265", as the edgecam-codec header names them.
func CheckCodecKeyframe(codec string, au []byte, keyframe bool) error {
	switch codec {
	case "", "h264":
		return CheckKeyframe(au, keyframe)
	case "h265":
		return CheckHEVCKeyframe(au, keyframe)
	}
	return fmt.Errorf("unknown codec %q (want h264 or h265)", codec)
}

// CheckKeyframeInterval checks where the keyframes of an encoded stream
// fall (keyframe[i]: frame i is one) against an encoder told to make one
// at least every maxRun frames (key-int-max): the first frame is one, no
// two are more than maxRun frames apart, and at most half the frames are
// keyframes (more means the encoder ignored its interval). More keyframes
// than len/maxRun are no error: x264 and x265 also start one at a scene
// cut, and a test pattern jumps where a loaded machine drops frames ahead
// of the encoder (a leaky queue). Counting keyframes per maxRun frames
// made that a timing check in effect: "4 keyframes in 63 frames, want
// about 2" at load 28.
func CheckKeyframeInterval(keyframe []bool, maxRun int) error {
	if len(keyframe) == 0 {
		return fmt.Errorf("no frames")
	}
	if !keyframe[0] {
		return fmt.Errorf("frame 0 is not a keyframe")
	}
	last, n := 0, 0
	for i, k := range keyframe {
		if !k {
			continue
		}
		if i-last > maxRun {
			return fmt.Errorf("frames %d..%d have no keyframe: %d apart, want at most %d", last+1, i-1, i-last, maxRun)
		}
		last, n = i, n+1
	}
	if end := len(keyframe) - last; end > maxRun {
		return fmt.Errorf("frames %d..%d have no keyframe: %d frames, want a keyframe at least every %d", last+1, len(keyframe)-1, end-1, maxRun)
	}
	if n > 1 && n > len(keyframe)/2 {
		return fmt.Errorf("%d keyframes in %d frames: more than half, with one due every %d", n, len(keyframe), maxRun)
	}
	return nil
}
