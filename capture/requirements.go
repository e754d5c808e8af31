package capture

import (
	"fmt"
	"slices"
	"strings"
)

// Requirement is a GStreamer element a source needs and the package that
// provides it, so a missing element can be reported as "install X".
type Requirement struct {
	Element string
	// Package is the Debian / Raspberry Pi OS package, or NVIDIA's
	// JetPack package on a Jetson.
	Package string
}

// Where each element comes from. Board-specific elements have no Debian
// package: nvarguscamerasrc and nvvidconv come with JetPack.
var elementPackages = map[string]string{
	"videotestsrc":     "gstreamer1.0-plugins-base",
	"videoconvert":     "gstreamer1.0-plugins-base",
	"videoscale":       "gstreamer1.0-plugins-base",
	"videorate":        "gstreamer1.0-plugins-base",
	"v4l2src":          "gstreamer1.0-plugins-good",
	"rtspsrc":          "gstreamer1.0-plugins-good",
	"rtph264depay":     "gstreamer1.0-plugins-good",
	"rtph265depay":     "gstreamer1.0-plugins-good",
	"h264parse":        "gstreamer1.0-plugins-bad",
	"h265parse":        "gstreamer1.0-plugins-bad",
	"jpegdec":          "gstreamer1.0-plugins-good",
	"avdec_h264":       "gstreamer1.0-libav",
	"avdec_h265":       "gstreamer1.0-libav",
	"rtpmp4gdepay":     "gstreamer1.0-plugins-good",
	"rtppcmadepay":     "gstreamer1.0-plugins-good",
	"rtppcmudepay":     "gstreamer1.0-plugins-good",
	"alawdec":          "gstreamer1.0-plugins-good",
	"mulawdec":         "gstreamer1.0-plugins-good",
	"aacparse":         "gstreamer1.0-plugins-good",
	"avdec_aac":        "gstreamer1.0-libav",
	"audioconvert":     "gstreamer1.0-plugins-base",
	"audioresample":    "gstreamer1.0-plugins-base",
	"alsasrc":          "gstreamer1.0-alsa",
	"libcamerasrc":     "gstreamer1.0-libcamera",
	"nvarguscamerasrc": "nvidia-l4t-gstreamer",
	"nvvidconv":        "nvidia-l4t-gstreamer",
}

// Requirements lists the elements the source's fragment uses:
// PassthroughFragment's when passthrough is set, else Fragment's.
// Elements of the encoder are not included (encode.Choose checks those).
func Requirements(s Source, passthrough bool) []Requirement {
	var names []string
	switch s.Kind {
	case Test:
		names = []string{"videotestsrc"}
	case V4L2:
		// The JPEG decoder of FormatMJPEG is encode.ChooseDecoder's;
		// jpegdec, its last resort, is required (the boards' own come
		// with their plugins: v4l2jpegdec in plugins-good like v4l2src,
		// nvv4l2decoder and nvjpegdec with JetPack).
		names = []string{"v4l2src"}
		switch {
		case passthrough:
			names = append(names, PassthroughCodec(s)+"parse")
		case s.Format == FormatMJPEG:
			names = append(names, "jpegdec")
		}
	case Libcamera:
		names = []string{"libcamerasrc"}
	case Nvargus:
		// nvvidconv meets every encoder: nvv4l2h264enc's fragment starts
		// with it, and software encoders need it to leave NVMM memory.
		names = []string{"nvarguscamerasrc", "nvvidconv"}
	case RTSP:
		names = []string{"rtspsrc", "rtph264depay", "h264parse"}
		dec := "avdec_h264"
		if s.Codec == CodecH265 {
			names, dec = []string{"rtspsrc", "rtph265depay", "h265parse"}, "avdec_h265"
		}
		if !passthrough {
			names = append(names, dec, "videoconvert", "videoscale", "videorate")
		}
	}
	reqs := make([]Requirement, 0, len(names))
	for _, n := range names {
		reqs = append(reqs, Requirement{Element: n, Package: elementPackages[n]})
	}
	return reqs
}

// CheckElements tells whether every element the source needs is installed,
// asking missing (encode.MissingElements: the GStreamer registry) which of
// the element names are absent. The error names each missing element and
// the package to install, e.g.
//
//	nvargus camera sensor-id=0: GStreamer elements nvarguscamerasrc, nvvidconv not installed: install nvidia-l4t-gstreamer from NVIDIA JetPack (nvargus cameras exist on Jetson boards only)
func CheckElements(s Source, passthrough bool, missing func(names ...string) []string) error {
	hint := ""
	if s.Kind == Nvargus {
		hint = " from NVIDIA JetPack (nvargus cameras exist on Jetson boards only)"
	}
	return checkRequirements(s.String(), Requirements(s, passthrough), hint, missing)
}

// checkRequirements is CheckElements and CheckAudioElements: nil when
// missing finds every element of reqs, else the error naming what of
// subject is absent and the packages to install, hint after them.
func checkRequirements(subject string, reqs []Requirement, hint string, missing func(names ...string) []string) error {
	names := make([]string, len(reqs))
	for i, r := range reqs {
		names[i] = r.Element
	}
	absent := missing(names...)
	if len(absent) == 0 {
		return nil
	}
	var pkgs []string
	for _, r := range reqs {
		if slices.Contains(absent, r.Element) && !slices.Contains(pkgs, r.Package) {
			pkgs = append(pkgs, r.Package)
		}
	}
	noun := "element"
	if len(absent) > 1 {
		noun = "elements"
	}
	return fmt.Errorf("%s: GStreamer %s %s not installed: install %s%s",
		subject, noun, strings.Join(absent, ", "), strings.Join(pkgs, " and "), hint)
}
