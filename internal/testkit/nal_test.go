package testkit

import (
	"slices"
	"strings"
	"testing"
)

// Access units as encoders write them: 4-byte start codes before the
// first NAL unit (x264, nvv4l2h264enc), 3-byte ones between the others.
var (
	idrAU   = []byte{0, 0, 0, 1, 0x67, 0x42, 0xc0, 0x1e, 0, 0, 1, 0x68, 0xce, 0x3c, 0x80, 0, 0, 1, 0x65, 0x88, 0x84}
	sliceAU = []byte{0, 0, 0, 1, 0x09, 0xf0, 0, 0, 0, 1, 0x41, 0x9a, 0x21}
)

func TestNALTypes(t *testing.T) {
	for _, tc := range []struct {
		name string
		au   []byte
		want []int
	}{
		{"SPS PPS IDR", idrAU, []int{7, 8, 5}},
		{"AUD and a P slice, 4-byte codes", sliceAU, []int{9, 1}},
		{"nal_ref_idc bits ignored", []byte{0, 0, 1, 0x25, 0xff, 0, 0, 1, 0x06, 0x05}, []int{5, 6}},
		{"bytes before the first start code", []byte{0xff, 0x00, 0, 0, 1, 0x61, 0x00}, []int{1}},
		{"a start code with no header byte after it", []byte{0, 0, 0, 1, 0x65, 0, 0, 1}, []int{5}},
		{"no start code", []byte{0x65, 0x88, 0x84, 0x00}, nil},
		{"empty", nil, nil},
	} {
		if got := NALTypes(tc.au); !slices.Equal(got, tc.want) {
			t.Errorf("%s: NALTypes(% x) = %v, want %v", tc.name, tc.au, got, tc.want)
		}
	}
}

func TestAnnexB(t *testing.T) {
	for au, want := range map[string]bool{"\x00\x00\x00\x01\x65": true, "\x00\x00\x01\x65": true, "\x00\x01\x65": false, "\x00\x00\x00\x18\x65": false, "": false} {
		if got := AnnexB([]byte(au)); got != want {
			t.Errorf("AnnexB(% x) = %v, want %v", au, got, want)
		}
	}
}

func TestCheckKeyframe(t *testing.T) {
	idrOnly := []byte{0, 0, 0, 1, 0x65, 0x88}
	for _, tc := range []struct {
		name     string
		au       []byte
		keyframe bool
		want     string // "" = fine
	}{
		{"keyframe with SPS PPS IDR", idrAU, true, ""},
		{"P frame", sliceAU, false, ""},
		{"keyframe flag on a P frame", sliceAU, true, "no IDR(5) slice"},
		{"IDR without the flag", idrAU, false, "an IDR(5) slice but no keyframe flag"},
		{"IDR without parameter sets", idrOnly, true, "want SPS(7) and PPS(8) before the IDR"},
	} {
		err := CheckKeyframe(tc.au, tc.keyframe)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%s: err %v, want one saying %q", tc.name, err, tc.want)
		}
	}
}
