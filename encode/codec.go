package encode

import "fmt"

// The codecs of Spec.Codec and Frame.Codec, as written in config and in
// the edgecam-codec header.
const (
	// H264 is H.264 / AVC. The default: every decoder plays it.
	H264 = "h264"
	// H265 is H.265 / HEVC: about the same picture at a lower bit rate,
	// more CPU to encode in software, and not every player has it.
	H265 = "h265"
)

// Codecs lists the values Spec.Codec accepts ("" means H264).
func Codecs() []string { return []string{H264, H265} }

// codecName is the codec as people write it, for messages.
func codecName(codec string) string {
	switch codec {
	case H264:
		return "H.264"
	case H265:
		return "H.265"
	}
	return codec
}

// codec returns the stream's codec, H264 when Spec.Codec is empty.
func (s Spec) codec() (string, error) {
	return checkCodec(s.Codec)
}

func checkCodec(codec string) (string, error) {
	switch codec {
	case "", H264:
		return H264, nil
	case H265:
		return H265, nil
	}
	return "", fmt.Errorf("unknown codec %q (want %s or %s)", codec, H264, H265)
}

// parseFragment follows every encoder and every passthrough source: the
// parser re-inserts the parameter sets before each keyframe (SPS/PPS for
// H.264, VPS/SPS/PPS for H.265: config-interval=-1) and the caps force
// Annex-B with one access unit per buffer, the record format of DESIGN.md.
// codec is H264 or H265 (checked by the caller).
func parseFragment(codec string) string {
	if codec == H265 {
		return "h265parse config-interval=-1 ! video/x-h265,stream-format=byte-stream,alignment=au"
	}
	return "h264parse config-interval=-1 ! video/x-h264,stream-format=byte-stream,alignment=au"
}
