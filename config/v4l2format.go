package config

// V4L2Format is source.format of a v4l2 source: what the camera is asked to
// deliver at the stream's width, height and fps.
type V4L2Format string

// V4L2 source formats.
const (
	// V4L2Auto (the default) takes, for the stream's width, height and
	// fps, raw frames when the camera gives them at that rate, else
	// MJPEG, else the camera's own H.264, else its H.265. The agent asks
	// the camera each time the stream starts; `edgecam probe` shows
	// which formats deliver each size and rate.
	V4L2Auto V4L2Format = "auto"
	// V4L2Raw is uncompressed frames (YUYV, NV12, ...), encoded by the
	// stream's encoder. USB 2.0 cameras give them at full rate only at
	// small sizes (YUYV 1280x720 tops out near 10 fps).
	V4L2Raw V4L2Format = "raw"
	// V4L2MJPEG is Motion JPEG, decoded on the board (v4l2jpegdec on a
	// Raspberry Pi 4, nvv4l2decoder or nvjpegdec on a Jetson, else
	// libjpeg-turbo's jpegdec) and then encoded like raw frames.
	V4L2MJPEG V4L2Format = "mjpeg"
	// V4L2H264 and V4L2H265 are the camera's own encoding, passed
	// through to Kafka without decoding (encoder none, their default):
	// the camera's keyframe interval and bit rate rule, and bitrate_kbps
	// and keyframe_interval have no effect.
	V4L2H264 V4L2Format = "h264"
	V4L2H265 V4L2Format = "h265"
)

// V4L2Formats lists the valid source.format values.
var V4L2Formats = []string{string(V4L2Auto), string(V4L2Raw), string(V4L2MJPEG), string(V4L2H264), string(V4L2H265)}

// ParseV4L2Format checks that s is a v4l2 source format.
func ParseV4L2Format(s string) (V4L2Format, error) {
	return oneOf[V4L2Format]("", s, V4L2Formats)
}

// UnmarshalText implements encoding.TextUnmarshaler with ParseV4L2Format.
func (f *V4L2Format) UnmarshalText(text []byte) error { return unmarshal(f, ParseV4L2Format, text) }

// Encoded reports whether the camera encodes the video itself (h264,
// h265): the stream then passes it through.
func (f V4L2Format) Encoded() bool { return f == V4L2H264 || f == V4L2H265 }
