package encode

import (
	"strings"
	"testing"

	"github.com/go-gst/go-gst/gst"
)

// TestLaunchStrings pins the whole pipeline of every encoder of both codecs
// and of passthrough, for a 320x240@30 stream at 500 kbit/s with a keyframe
// every 0.5 s (15 frames). The ones whose elements are installed here are
// also parsed by GStreamer (property names and values must exist); the
// others must fail naming their element (the hardware encoders run only on
// their boards: these strings are all that is tested of them here).
func TestLaunchStrings(t *testing.T) {
	ensureInit()
	const (
		src  = "videotestsrc is-live=true pattern=ball ! video/x-raw,width=320,height=240,framerate=30/1 ! queue name=capq max-size-buffers=4 max-size-bytes=0 max-size-time=0 leaky=downstream ! "
		h264 = " ! h264parse config-interval=-1 ! video/x-h264,stream-format=byte-stream,alignment=au ! appsink name=sink sync=false emit-signals=false drop=false max-buffers=120"
		h265 = " ! h265parse config-interval=-1 ! video/x-h265,stream-format=byte-stream,alignment=au ! appsink name=sink sync=false emit-signals=false drop=false max-buffers=120"
	)
	for _, tc := range []struct {
		encoder, codec, want string
	}{
		{"nvv4l2h264enc", H264, src + "nvvidconv ! video/x-raw(memory:NVMM),format=NV12 ! nvv4l2h264enc name=enc control-rate=1 bitrate=500000 iframeinterval=15 idrinterval=15 insert-sps-pps=true maxperf-enable=true preset-level=1" + h264},
		{"v4l2h264enc", "", src + `videoconvert ! video/x-raw,format=I420 ! v4l2h264enc name=enc extra-controls="controls,video_bitrate=500000,h264_i_frame_period=15,repeat_sequence_header=1" ! video/x-h264,level=(string)4` + h264},
		{"vaapih264enc", H264, src + "videoconvert ! video/x-raw,format=NV12 ! vaapih264enc name=enc rate-control=cbr bitrate=500 keyframe-period=15 max-bframes=0" + h264},
		{"x264enc", H264, src + "videoconvert ! video/x-raw,format=I420 ! x264enc name=enc bitrate=500 key-int-max=15 bframes=0 speed-preset=ultrafast tune=zerolatency" + h264},
		{"openh264enc", H264, src + "videoconvert ! video/x-raw,format=I420 ! openh264enc name=enc bitrate=500000 gop-size=15 rate-control=bitrate complexity=low usage-type=camera" + h264},
		{"nvv4l2h265enc", H265, src + "nvvidconv ! video/x-raw(memory:NVMM),format=NV12 ! nvv4l2h265enc name=enc control-rate=1 bitrate=500000 iframeinterval=15 idrinterval=15 insert-sps-pps=true maxperf-enable=true preset-level=1" + h265},
		{"vaapih265enc", H265, src + "videoconvert ! video/x-raw,format=NV12 ! vaapih265enc name=enc rate-control=cbr bitrate=500 keyframe-period=15 max-bframes=0" + h265},
		{"x265enc", H265, src + `videoconvert ! video/x-raw,format=I420 ! x265enc name=enc bitrate=500 key-int-max=15 speed-preset=ultrafast tune=zerolatency option-string="open-gop=0:vbv-maxrate=500:vbv-bufsize=500"` + h265},
	} {
		s := testSpec(tc.encoder)
		s.Codec = tc.codec
		got, err := launchFor(s)
		if err != nil || got != tc.want {
			t.Errorf("%s: launch = %q, %v\nwant %q", tc.encoder, got, err, tc.want)
			continue
		}
		// The Jetson's encoders come with nvvidconv, which GStreamer
		// misses first.
		var missing []string
		for _, m := range MissingElements("nvvidconv", tc.encoder) {
			if strings.Contains(got, m+" ") {
				missing = append(missing, m)
			}
		}
		p, err := gst.NewPipelineFromString(got)
		switch {
		case len(missing) == 0 && err != nil:
			t.Errorf("%s: %q does not parse: %v", tc.encoder, got, err)
		case len(missing) > 0 && (err == nil || !strings.Contains(err.Error(), missing[0])):
			t.Errorf("%s (%s not installed here): parse error %v, want one naming it", tc.encoder, missing[0], err)
		}
		if p != nil {
			_ = p.SetState(gst.StateNull)
		}
	}

	pass := testSpec(None)
	pass.Codec = H265
	pass.Source = `rtspsrc location="rtsp://cam/live" ! rtph265depay`
	if got, err := launchFor(pass); err != nil || got != pass.Source+h265 {
		t.Errorf("H.265 passthrough launch = %q, %v\nwant %q", got, err, pass.Source+h265)
	}

	// An encoder of the other codec, and a codec nobody knows.
	for _, tc := range []struct{ encoder, codec, want string }{
		{"x264enc", H265, "stream t: encoder x264enc encodes H.264, not the stream's codec h265"},
		{"x265enc", "", "stream t: encoder x265enc encodes H.265, not the stream's codec h264"},
		{"x264enc", "av1", `stream t: unknown codec "av1" (want h264 or h265)`},
		{None, "mjpeg", `stream t: unknown codec "mjpeg" (want h264 or h265)`},
	} {
		s := testSpec(tc.encoder)
		s.Codec = tc.codec
		if _, err := launchFor(s); err == nil || err.Error() != tc.want {
			t.Errorf("%s with codec %q: err = %v, want %q", tc.encoder, tc.codec, err, tc.want)
		}
	}
}

// TestMuxLaunch pins the muxing pipelines of CreateFile, and GStreamer
// parses each.
func TestMuxLaunch(t *testing.T) {
	ensureInit()
	const head = "appsrc name=src format=time is-live=false block=true max-bytes=8388608 caps="
	for _, tc := range []struct{ codec, mux, want string }{
		{H264, "mp4mux", head + "video/x-h264,stream-format=byte-stream,alignment=au ! h264parse ! mp4mux ! filesink name=out"},
		{H265, "mp4mux", head + "video/x-h265,stream-format=byte-stream,alignment=au ! h265parse ! mp4mux ! filesink name=out"},
		{H265, "matroskamux", head + "video/x-h265,stream-format=byte-stream,alignment=au ! h265parse ! matroskamux ! filesink name=out"},
		{H265, "mpegtsmux", head + "video/x-h265,stream-format=byte-stream,alignment=au ! h265parse ! mpegtsmux ! filesink name=out"},
	} {
		got := muxLaunch(tc.codec, tc.mux)
		if got != tc.want {
			t.Errorf("muxLaunch(%s, %s) = %q\nwant %q", tc.codec, tc.mux, got, tc.want)
		}
		p, err := gst.NewPipelineFromString(got)
		if err != nil {
			t.Errorf("%q does not parse: %v", got, err)
			continue
		}
		_ = p.SetState(gst.StateNull)
	}
}

func TestCodecOf(t *testing.T) {
	for name, want := range map[string]string{"x264enc": H264, "nvv4l2h264enc": H264, "x265enc": H265, "vaapih265enc": H265, None: "", Auto: "", "nosuch": ""} {
		if got := CodecOf(name); got != want {
			t.Errorf("CodecOf(%s) = %q, want %q", name, got, want)
		}
	}
	all := append(NamesFor(H264), NamesFor(H265)...)
	if got := Names(); strings.Join(got, " ") != strings.Join(all, " ") {
		t.Errorf("Names() = %v, want the H.264 encoders then the H.265 ones: %v", got, all)
	}
}
