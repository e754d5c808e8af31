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

// H.265 access units as x265enc and h265parse write them: VPS SPS PPS,
// a prefix SEI and an IDR_N_LP slice; a TRAIL_R slice; a CRA.
var (
	hevcIDR   = []byte{0, 0, 0, 1, 0x40, 0x01, 0x0c, 0, 0, 0, 1, 0x42, 0x01, 0x01, 0, 0, 0, 1, 0x44, 0x01, 0xc1, 0, 0, 1, 0x4e, 0x01, 0x05, 0, 0, 1, 0x28, 0x01, 0xaf}
	hevcTrail = []byte{0, 0, 0, 1, 0x02, 0x01, 0xd0}
	hevcCRA   = []byte{0, 0, 0, 1, 0x40, 0x01, 0x0c, 0, 0, 1, 0x42, 0x01, 0x01, 0, 0, 1, 0x44, 0x01, 0xc1, 0, 0, 1, 0x2a, 0x01, 0xaf}
)

func TestHEVCNALTypes(t *testing.T) {
	for _, tc := range []struct {
		name string
		au   []byte
		want []int
	}{
		{"VPS SPS PPS SEI IDR_N_LP", hevcIDR, []int{32, 33, 34, 39, 20}},
		{"TRAIL_R", hevcTrail, []int{1}},
		{"CRA", hevcCRA, []int{32, 33, 34, 21}},
		{"layer and temporal id bits ignored", []byte{0, 0, 1, 0x26, 0xff, 0x03}, []int{19}},
		{"no start code", []byte{0x26, 0x01}, nil},
	} {
		if got := HEVCNALTypes(tc.au); !slices.Equal(got, tc.want) {
			t.Errorf("%s: HEVCNALTypes(% x) = %v, want %v", tc.name, tc.au, got, tc.want)
		}
	}
}

func TestCheckHEVCKeyframe(t *testing.T) {
	idrOnly := []byte{0, 0, 0, 1, 0x28, 0x01, 0xaf}
	psAfter := []byte{0, 0, 0, 1, 0x28, 0x01, 0xaf, 0, 0, 1, 0x40, 0x01, 0, 0, 1, 0x42, 0x01, 0, 0, 1, 0x44, 0x01}
	for _, tc := range []struct {
		name     string
		au       []byte
		keyframe bool
		want     string // "" = fine
	}{
		{"IDR keyframe with VPS SPS PPS", hevcIDR, true, ""},
		{"CRA keyframe", hevcCRA, true, ""},
		{"TRAIL frame", hevcTrail, false, ""},
		{"keyframe flag on a TRAIL frame", hevcTrail, true, "no IRAP (16..21) slice"},
		{"IRAP without the flag", hevcCRA, false, "an IRAP(21) slice but no keyframe flag"},
		{"IDR without parameter sets", idrOnly, true, "want VPS(32), SPS(33) and PPS(34)"},
		{"parameter sets after the IDR", psAfter, true, "want VPS(32), SPS(33) and PPS(34)"},
	} {
		err := CheckHEVCKeyframe(tc.au, tc.keyframe)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%s: err %v, want one saying %q", tc.name, err, tc.want)
		}
	}
	if err := CheckCodecKeyframe("h265", hevcIDR, true); err != nil {
		t.Errorf("CheckCodecKeyframe(h265): %v", err)
	}
	if err := CheckCodecKeyframe("h264", hevcIDR, true); err == nil {
		t.Error("CheckCodecKeyframe(h264) took an H.265 access unit for an H.264 keyframe")
	}
	if err := CheckCodecKeyframe("vp8", hevcIDR, true); err == nil {
		t.Error("CheckCodecKeyframe(vp8): no error")
	}
}

func TestCheckKeyframeInterval(t *testing.T) {
	// gop: a keyframe at each 'K', none at '.'.
	gop := func(s string) []bool {
		k := make([]bool, len(s))
		for i := range s {
			k[i] = s[i] == 'K'
		}
		return k
	}
	for _, tc := range []struct {
		frames string
		want   string // "" = fine
	}{
		{"K....K....K..", ""},
		{"K....K....", ""},
		{"K..K.K....K", ""}, // scene cuts between the due ones
		{"K.....K", "frames 1..5 have no keyframe: 6 apart, want at most 5"},
		{"K....K.....", "frames 6..10 have no keyframe: 5 frames"},
		{".K....K", "frame 0 is not a keyframe"},
		{"KKKK.K", "5 keyframes in 6 frames: more than half"},
		{"K", ""},
		{"", "no frames"},
	} {
		err := CheckKeyframeInterval(gop(tc.frames), 5)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%q: %v", tc.frames, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%q: err %v, want one saying %q", tc.frames, err, tc.want)
		}
	}
}
