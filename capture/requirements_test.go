package capture

import (
	"slices"
	"strings"
	"testing"
)

func TestRequirements(t *testing.T) {
	tests := []struct {
		src         Source
		passthrough bool
		want        []string
	}{
		{Source{Kind: Test}, false, []string{"videotestsrc"}},
		{Source{Kind: V4L2, Device: "/dev/video0"}, false, []string{"v4l2src"}},
		{Source{Kind: Libcamera}, false, []string{"libcamerasrc"}},
		{Source{Kind: Nvargus}, false, []string{"nvarguscamerasrc", "nvvidconv"}},
		{Source{Kind: RTSP}, true, []string{"rtspsrc", "rtph264depay", "h264parse"}},
		{Source{Kind: RTSP}, false, []string{"rtspsrc", "rtph264depay", "h264parse", "avdec_h264", "videoconvert", "videoscale", "videorate"}},
	}
	for _, tt := range tests {
		var got []string
		for _, r := range Requirements(tt.src, tt.passthrough) {
			if r.Package == "" {
				t.Errorf("%s: element %s has no package", tt.src, r.Element)
			}
			got = append(got, r.Element)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Requirements(%s, %v) = %v, want %v", tt.src, tt.passthrough, got, tt.want)
		}
	}
}

// Every element a fragment renders is in the source's requirements, so
// `config check` cannot pass a source whose pipeline lacks an element.
func TestRequirementsCoverFragments(t *testing.T) {
	f := Format{Width: 640, Height: 480, FPS: 30}
	srcs := []Source{
		{Kind: Test}, {Kind: V4L2, Device: "/dev/video0"}, {Kind: Libcamera}, {Kind: Nvargus},
		{Kind: RTSP, URL: "rtsp://cam/live"},
		{Kind: V4L2, Device: "/dev/video0", Format: FormatMJPEG}, {Kind: V4L2, Device: "/dev/video0", Format: FormatH264},
		{Kind: V4L2, Device: "/dev/video0", Format: FormatH265},
	}
	for _, src := range srcs {
		for _, pass := range []bool{false, true} {
			frag, err := Fragment(src, f)
			if pass {
				frag, err = PassthroughFragment(src, f)
			}
			if err != nil {
				continue
			}
			reqs := Requirements(src, pass)
			for _, el := range fragmentElements(frag) {
				if !slices.ContainsFunc(reqs, func(r Requirement) bool { return r.Element == el }) {
					t.Errorf("%s (passthrough %v): element %s of %q is not a requirement", src, pass, el, frag)
				}
			}
		}
	}
}

// fragmentElements lists the element names of a gst-launch fragment: the
// first word of each link that is not caps.
func fragmentElements(frag string) []string {
	var els []string
	for _, link := range strings.Split(frag, " ! ") {
		name := strings.Fields(link)[0]
		if !strings.Contains(name, "/") {
			els = append(els, name)
		}
	}
	return els
}

func TestCheckElements(t *testing.T) {
	installed := func(have ...string) func(names ...string) []string {
		return func(names ...string) []string {
			var missing []string
			for _, n := range names {
				if !slices.Contains(have, n) {
					missing = append(missing, n)
				}
			}
			return missing
		}
	}
	rtsp := Source{Kind: RTSP, URL: "rtsp://cam/live"}
	tests := []struct {
		name string
		src  Source
		pass bool
		have []string
		want []string // substrings of the error; nil: no error
	}{
		{"all there", rtsp, true, []string{"rtspsrc", "rtph264depay", "h264parse"}, nil},
		{"no plugins-good", rtsp, true, []string{"h264parse"},
			[]string{"rtsp camera rtsp://cam/live: ", "elements rtspsrc, rtph264depay not installed", "install gstreamer1.0-plugins-good"}},
		{"no libav for re-encoding", rtsp, false, []string{"rtspsrc", "rtph264depay", "h264parse", "videoconvert", "videoscale", "videorate"},
			[]string{"element avdec_h264 not installed", "install gstreamer1.0-libav"}},
		{"two packages", rtsp, false, []string{"rtspsrc", "rtph264depay", "videoconvert", "videoscale", "videorate"},
			[]string{"h264parse, avdec_h264", "install gstreamer1.0-plugins-bad and gstreamer1.0-libav"}},
		{"pi without libcamera plugin", Source{Kind: Libcamera}, false, nil,
			[]string{"libcamerasrc not installed", "install gstreamer1.0-libcamera"}},
		{"nvargus off a jetson", Source{Kind: Nvargus}, false, []string{"videoconvert"},
			[]string{"nvarguscamerasrc, nvvidconv not installed", "install nvidia-l4t-gstreamer from NVIDIA JetPack"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckElements(tt.src, tt.pass, installed(tt.have...))
			if tt.want == nil {
				if err != nil {
					t.Fatalf("err = %v, want nil", err)
				}
				return
			}
			if err == nil {
				t.Fatal("err = nil, want a missing-element error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("err = %v\nwant it to contain %q", err, w)
				}
			}
		})
	}
}
