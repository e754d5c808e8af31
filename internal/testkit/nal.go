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
