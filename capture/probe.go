package capture

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/blackjack/webcam"
	"golang.org/x/sys/unix"
)

// Device is one V4L2 device node as `edgecam probe` reports it. The JSON
// names are part of `edgecam probe --json`'s documented output: keep them.
type Device struct {
	// Path is the device node, e.g. /dev/video0.
	Path string `json:"path"`
	// StablePath is a /dev/v4l/by-id link to the node, when udev made one:
	// it names the same camera after a reboot or a replug, where
	// /dev/videoN may change.
	StablePath string `json:"stable_path,omitempty"`
	// Name is the driver's name for the device (V4L2 "card"), Driver the
	// kernel driver, BusInfo where it sits (usb-0000:00:14.0-1, platform:...).
	Name    string `json:"name"`
	Driver  string `json:"driver"`
	BusInfo string `json:"bus_info"`
	// Capabilities are this node's V4L2 device capabilities, lower case
	// without the V4L2_CAP_ prefix: video_capture, streaming, ...
	Capabilities []string `json:"capabilities"`
	// Kind is what the node is for; see the Kind* constants.
	Kind NodeKind `json:"kind"`
	// Capture is true when the node delivers video frames (a camera or a
	// capture card), the only kind edgecam can stream from.
	Capture bool `json:"capture"`
	// Formats are the pixel formats of a capture node.
	Formats []PixelFormat `json:"formats,omitempty"`
	// Error says why the node could not be read (permissions, not V4L2,
	// gone), empty when it was.
	Error string `json:"error,omitempty"`
}

// NodeKind is what a V4L2 device node is for.
type NodeKind string

// The node kinds probe tells apart. One camera often has several nodes
// (uvcvideo adds a metadata node per camera; vivid has a dozen): only
// KindCapture and KindCaptureMplane deliver frames.
const (
	KindCapture       NodeKind = "capture"        // single-planar video capture
	KindCaptureMplane NodeKind = "capture-mplane" // multi-planar video capture (SoC camera interfaces)
	KindOutput        NodeKind = "output"         // video output (displays, vivid's loopback)
	KindM2M           NodeKind = "m2m"            // memory-to-memory: hardware codecs and scalers
	KindMetadata      NodeKind = "metadata"       // metadata capture or output (uvcvideo's second node)
	KindVBI           NodeKind = "vbi"            // teletext/closed-caption data
	KindRadio         NodeKind = "radio"          // AM/FM receivers and transmitters
	KindSDR           NodeKind = "sdr"            // software-defined radio
	KindTouch         NodeKind = "touch"          // touch sensors exposed as frames
	KindOther         NodeKind = "other"
)

// PixelFormat is one pixel format a capture node offers.
type PixelFormat struct {
	// FourCC is the V4L2 code as text: YUYV, MJPG, NV12, H264, ...
	FourCC string `json:"fourcc"`
	// Description is the driver's name for it.
	Description string `json:"description"`
	// GstFormat is the GStreamer raw video format v4l2src turns it into
	// (YUY2, NV12, I420, ...). Empty for compressed formats (MJPG, H264,
	// HEVC: see FormatOf) and raw sensor data (Bayer), which edgecam
	// cannot use.
	GstFormat string `json:"gst_format,omitempty"`
	// Stepwise is true when the driver gave a size range rather than a
	// list: Sizes then holds the common sizes inside the range.
	Stepwise bool `json:"stepwise,omitempty"`
	// Sizes are the frame sizes with their frame rates.
	Sizes []FrameSize `json:"sizes"`
}

// FrameSize is one frame size and the rates the driver offers at it.
type FrameSize struct {
	Width  int    `json:"width"`
	Height int    `json:"height"`
	Rates  []Rate `json:"rates"`
}

// Rate is a frame interval of Num/Den seconds (V4L2 counts intervals, not
// rates: 1/30 is 30 frames a second).
type Rate struct {
	Num uint32 `json:"num"`
	Den uint32 `json:"den"`
}

// FPS is the frame rate in frames a second.
func (r Rate) FPS() float64 { return float64(r.Den) / float64(r.Num) }

// WholeFPS returns the rate as a whole number of frames a second, and false
// when it is not one (30000/1001 = 29.97): the config's fps is a whole
// number and edgecam asks the camera for exactly fps/1.
func (r Rate) WholeFPS() (int, bool) {
	if r.Num == 0 || r.Den%r.Num != 0 {
		return 0, false
	}
	return int(r.Den / r.Num), true
}

func (r Rate) String() string {
	if fps, ok := r.WholeFPS(); ok {
		return strconv.Itoa(fps)
	}
	return strconv.FormatFloat(r.FPS(), 'f', 2, 64)
}

// capNames names the V4L2_CAP_* bits, in the header's order.
var capNames = []struct {
	bit  uint32
	name string
}{
	{0x00000001, "video_capture"}, {0x00000002, "video_output"}, {0x00000004, "video_overlay"},
	{0x00000010, "vbi_capture"}, {0x00000020, "vbi_output"}, {0x00000040, "sliced_vbi_capture"},
	{0x00000080, "sliced_vbi_output"}, {0x00000100, "rds_capture"}, {0x00000200, "video_output_overlay"},
	{0x00000400, "hw_freq_seek"}, {0x00000800, "rds_output"}, {0x00001000, "video_capture_mplane"},
	{0x00002000, "video_output_mplane"}, {0x00004000, "video_m2m_mplane"}, {0x00008000, "video_m2m"},
	{0x00010000, "tuner"}, {0x00020000, "audio"}, {0x00040000, "radio"}, {0x00080000, "modulator"},
	{0x00100000, "sdr_capture"}, {0x00200000, "ext_pix_format"}, {0x00400000, "sdr_output"},
	{0x00800000, "meta_capture"}, {0x01000000, "readwrite"}, {0x04000000, "streaming"},
	{0x08000000, "meta_output"}, {0x10000000, "touch"}, {0x20000000, "io_mc"},
}

// CapNames lists the names of the capability bits set in caps.
func CapNames(caps uint32) []string {
	names := []string{}
	for _, c := range capNames {
		if caps&c.bit != 0 {
			names = append(names, c.name)
		}
	}
	return names
}

// Classify tells what a node with these device capabilities is for, and
// whether edgecam can capture video from it. Order matters: touch sensors
// and codecs also set video_capture, and they are not cameras.
func Classify(caps uint32) (NodeKind, bool) {
	has := func(bits uint32) bool { return caps&bits != 0 }
	switch {
	case has(0x10000000):
		return KindTouch, false
	case has(0x00004000 | 0x00008000):
		return KindM2M, false
	case has(0x00000001):
		return KindCapture, true
	case has(0x00001000):
		return KindCaptureMplane, true
	case has(0x00000002 | 0x00002000 | 0x00000200):
		return KindOutput, false
	case has(0x00800000 | 0x08000000):
		return KindMetadata, false
	case has(0x00000010 | 0x00000020 | 0x00000040 | 0x00000080):
		return KindVBI, false
	case has(0x00100000 | 0x00400000):
		return KindSDR, false
	case has(0x00040000 | 0x00010000 | 0x00080000 | 0x00000100 | 0x00000800):
		return KindRadio, false
	}
	return KindOther, false
}

// gstFormats maps the V4L2 raw formats v4l2src outputs as video/x-raw
// (gst_v4l2_object_v4l2fourcc_to_video_format, GStreamer 1.22) to the
// GStreamer format names.
var gstFormats = map[string]string{
	"YUYV": "YUY2", "UYVY": "UYVY", "YVYU": "YVYU", "VYUY": "VYUY",
	"NV12": "NV12", "NM12": "NV12", "NV21": "NV21", "NV16": "NV16", "NV61": "NV61", "NV24": "NV24",
	"YU12": "I420", "YM12": "I420", "YV12": "YV12", "422P": "Y42B", "411P": "Y41B",
	"YUV9": "YUV9", "YVU9": "YVU9",
	"GREY": "GRAY8", "Y16 ": "GRAY16_LE", //nolint:gocritic // V4L2_PIX_FMT_Y16 is 'Y' '1' '6' ' ': the space is part of the fourcc
	"RGB3": "RGB", "BGR3": "BGR", "RGBP": "RGB16", "RGBO": "RGB15",
	"AR24": "BGRA", "XR24": "BGRx", "BGR4": "BGRx", "AB24": "RGBA", "XB24": "RGBx",
	"BA24": "ARGB", "BX24": "xRGB", "RGB4": "xRGB", "RA24": "ABGR", "RX24": "xBGR",
}

// fourCC renders a V4L2 pixel format code as its four characters; a format
// with the big-endian flag gets "-BE".
func fourCC(code uint32) string {
	s := string([]byte{byte(code), byte(code >> 8), byte(code >> 16), byte(code >> 24 & 0x7f)})
	if code&(1<<31) != 0 {
		s += "-BE"
	}
	return s
}

// DevicePaths lists the /dev/video* nodes in number order (video2 before
// video10).
func DevicePaths() []string {
	paths, _ := filepath.Glob("/dev/video*")
	slices.SortFunc(paths, func(a, b string) int {
		na, _ := strconv.Atoi(strings.TrimPrefix(a, "/dev/video"))
		nb, _ := strconv.Atoi(strings.TrimPrefix(b, "/dev/video"))
		return cmp.Or(cmp.Compare(na, nb), cmp.Compare(a, b))
	})
	return paths
}

// ProbeV4L2 reads every /dev/video* node: what it is and, for capture
// nodes, its formats, sizes and rates. Nodes it cannot read are listed with
// the reason in Error. It only enumerates: no node is streamed from.
func ProbeV4L2() []Device {
	links := stableLinks("/dev/v4l/by-id")
	var devs []Device
	for _, p := range DevicePaths() {
		d := ProbeDevice(p)
		d.StablePath = links[p]
		devs = append(devs, d)
	}
	return devs
}

// ProbeDevice reads one device node.
func ProbeDevice(path string) Device {
	d := Device{Path: path, Capabilities: []string{}}
	fd, err := openV4L2(path)
	if err != nil {
		d.Error = openError(path, err)
		return d
	}
	defer func() { _ = unix.Close(fd) }() // read-only queries
	c, err := queryCap(fd)
	if err != nil {
		d.Error = fmt.Sprintf("not a V4L2 device (VIDIOC_QUERYCAP: %v)", err)
		return d
	}
	d.Name, d.Driver, d.BusInfo = cString(c.card[:]), cString(c.driver[:]), cString(c.busInfo[:])
	caps := c.nodeCaps()
	d.Capabilities = CapNames(caps)
	d.Kind, d.Capture = Classify(caps)
	switch d.Kind {
	case KindCapture:
		d.Formats, err = formats(path, fd)
		if err != nil {
			d.Error = err.Error()
		}
	case KindCaptureMplane:
		// blackjack/webcam enumerates single-planar capture only.
		d.Error = "multi-planar capture node: its formats are not listed (v4l2src can still capture it; try gst-device-monitor-1.0 Video/Source)"
	}
	return d
}

func openError(path string, err error) string {
	switch {
	case errors.Is(err, unix.EACCES):
		return fmt.Sprintf("cannot open %s: %v (add this user to group video)", path, err)
	case errors.Is(err, unix.EBUSY):
		return fmt.Sprintf("cannot open %s: %v (another program holds it)", path, err)
	}
	return fmt.Sprintf("cannot open %s: %v", path, err)
}

// formats lists a single-planar capture node's formats with blackjack/webcam
// and asks the driver (fd) for the frame intervals of each size.
func formats(path string, fd int) ([]PixelFormat, error) {
	cam, err := webcam.Open(path)
	if err != nil {
		return nil, fmt.Errorf("listing formats: %w", err)
	}
	defer func() { _ = cam.Close() }() // formats listed only, nothing captured
	var out []PixelFormat
	for code, desc := range cam.GetSupportedFormats() {
		f := PixelFormat{FourCC: fourCC(uint32(code)), Description: desc, Sizes: []FrameSize{}}
		f.GstFormat = gstFormats[f.FourCC]
		for _, fs := range cam.GetSupportedFrameSizes(code) {
			sizes := []FrameSize{{Width: int(fs.MaxWidth), Height: int(fs.MaxHeight)}}
			if fs.StepWidth != 0 || fs.StepHeight != 0 || fs.MaxWidth != fs.MinWidth {
				f.Stepwise = true
				sizes = expandSizes(fs)
			}
			for _, s := range sizes {
				if s.Width == 0 || s.Height == 0 {
					continue // a continuous range webcam did not decode
				}
				s.Rates, err = frameIntervals(fd, uint32(code), s.Width, s.Height)
				if err != nil {
					return out, fmt.Errorf("%s %dx%d: %w", f.FourCC, s.Width, s.Height, err)
				}
				if s.Rates == nil {
					s.Rates = []Rate{}
				}
				f.Sizes = append(f.Sizes, s)
			}
		}
		out = append(out, f)
	}
	// The map has no order: raw formats first, in edgecam's preference,
	// then the rest by name, so the output is stable.
	slices.SortFunc(out, func(a, b PixelFormat) int {
		return cmp.Or(cmp.Compare(formatRank(a), formatRank(b)), cmp.Compare(a.FourCC, b.FourCC))
	})
	return out, nil
}

// preferredFormats are the raw formats a suggestion names first: the ones
// cameras deliver natively, cheapest to convert for the encoders.
var preferredFormats = []string{"YUYV", "NV12", "YU12", "UYVY"}

func formatRank(f PixelFormat) int {
	if i := slices.Index(preferredFormats, f.FourCC); i >= 0 {
		return i
	}
	if f.GstFormat != "" {
		return len(preferredFormats)
	}
	return len(preferredFormats) + 1
}

// commonSizes are the sizes a stepwise size range is shown as: listing every
// step of a 16..4096 range helps nobody.
var commonSizes = [][2]int{
	{160, 120}, {320, 240}, {352, 288}, {640, 360}, {640, 480}, {800, 600}, {1024, 768},
	{1280, 720}, {1280, 960}, {1920, 1080}, {2560, 1440}, {3840, 2160},
}

// expandSizes turns a size range into the common sizes it holds, plus its
// largest size.
func expandSizes(fs webcam.FrameSize) []FrameSize {
	in := func(v, lo, hi, step uint32) bool {
		return v >= lo && v <= hi && (step == 0 || (v-lo)%step == 0)
	}
	var out []FrameSize
	for _, s := range commonSizes {
		w, h := uint32(s[0]), uint32(s[1])
		if in(w, fs.MinWidth, fs.MaxWidth, fs.StepWidth) && in(h, fs.MinHeight, fs.MaxHeight, fs.StepHeight) {
			out = append(out, FrameSize{Width: s[0], Height: s[1]})
		}
	}
	largest := FrameSize{Width: int(fs.MaxWidth), Height: int(fs.MaxHeight)}
	if !slices.ContainsFunc(out, func(s FrameSize) bool { return s.Width == largest.Width && s.Height == largest.Height }) {
		out = append(out, largest)
	}
	return out
}

// commonRates are the frame rates an interval range is shown as.
var commonRates = []uint32{120, 60, 50, 30, 25, 20, 15, 10, 5, 1}

// expandRates turns an interval range [shortest, longest] into the common
// whole rates inside it, fastest first, plus its bounds.
func expandRates(shortest, longest Rate) []Rate {
	if shortest.Num == 0 || shortest.Den == 0 || longest.Num == 0 || longest.Den == 0 {
		return []Rate{}
	}
	maxFPS, minFPS := shortest.FPS(), longest.FPS()
	out := []Rate{shortest}
	for _, r := range commonRates {
		if f := float64(r); f < maxFPS && f > minFPS {
			out = append(out, Rate{Num: 1, Den: r})
		}
	}
	if longest != shortest {
		out = append(out, longest)
	}
	return out
}

// stableLinks maps device nodes to the by-id links pointing at them.
func stableLinks(dir string) map[string]string {
	links := map[string]string{}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		link := filepath.Join(dir, e.Name())
		if target, err := filepath.EvalSymlinks(link); err == nil {
			if _, taken := links[target]; !taken {
				links[target] = link
			}
		}
	}
	return links
}

// Mode is what a stream asks a camera for.
type Mode struct {
	// Format is the kind of frames (FormatRaw, FormatMJPEG, FormatH264,
	// FormatH265): source.format of the suggested stream.
	Format string
	// FourCC is a format of that kind the camera offers at this size and
	// rate (for raw, the one v4l2src will most likely pick; edgecam
	// leaves the choice to it).
	FourCC             string
	Width, Height, FPS int
}

func (m Mode) String() string { return fmt.Sprintf("%s %dx%d@%d", m.FourCC, m.Width, m.Height, m.FPS) }

// The size and rate a suggestion aims for, and the bounds it keeps to.
const (
	idealWidth, idealHeight = 1280, 720
	idealFPS                = 30
	maxSuggestWidth         = 1920
	maxSuggestHeight        = 1080
	// minUsefulFPS: below it a size is a snapshot mode (USB 2 cameras give
	// raw 1080p at 5 fps); a smaller size at a video rate is preferred.
	minUsefulFPS = 15
	// The config's limits (config.MinFPS..MaxFPS).
	minFPS, maxFPS = 1, 120
)

// Suggest picks the mode a stream should capture from d: 1280x720 at 30 fps
// when the camera offers it, else the largest size within 1920x1080 that
// reaches 15 fps, at 30 fps or the nearest rate below (above if none is
// below). Sizes over 1920x1080 only when there is nothing else (the
// smallest then). At the same size and rate, the format is the one
// FormatAuto would take: raw, else MJPEG, else the camera's H.264, else
// H.265 (a C920 at 1280x720@30 gets MJPEG: its YUYV stops at 10 fps
// there). The error says why d cannot be streamed from.
func Suggest(d Device) (Mode, error) {
	if !d.Capture {
		return Mode{}, fmt.Errorf("not a capture device (%s)", d.Kind)
	}
	if d.Error != "" && len(d.Formats) == 0 {
		return Mode{}, errors.New(d.Error)
	}
	var modes []Mode
	var other []string
	for _, f := range d.Formats {
		kind := FormatOf(f)
		if kind == "" {
			other = append(other, f.FourCC)
			continue
		}
		for _, s := range f.Sizes {
			if s.Width%2 != 0 || s.Height%2 != 0 {
				continue // H.264 4:2:0 needs even sizes
			}
			if fps, ok := pickRate(s.Rates); ok {
				modes = append(modes, Mode{Format: kind, FourCC: f.FourCC, Width: s.Width, Height: s.Height, FPS: fps})
			}
		}
	}
	if len(modes) == 0 {
		if len(other) > 0 {
			return Mode{}, fmt.Errorf("no format edgecam can use (it offers %s): edgecam takes raw video, MJPEG, H.264 or H.265", strings.Join(other, ", "))
		}
		return Mode{}, errors.New("no frame size with a whole frame rate between 1 and 120 fps")
	}
	// Stable sort: among equal modes of one kind the format order of
	// d.Formats (the preferred raw formats first) decides.
	slices.SortStableFunc(modes, func(a, b Mode) int {
		return cmp.Or(compareModes(a, b), slices.Index(autoOrder, a.Format)-slices.Index(autoOrder, b.Format))
	})
	return modes[0], nil
}

// pickRate chooses the rate for one size: 30, else the fastest below 30,
// else the slowest above.
func pickRate(rates []Rate) (int, bool) {
	best, found := 0, false
	for _, r := range rates {
		fps, ok := r.WholeFPS()
		if !ok || fps < minFPS || fps > maxFPS {
			continue
		}
		if !found || rateScore(fps) < rateScore(best) {
			best, found = fps, true
		}
	}
	return best, found
}

// rateScore orders rates: 30 first, then 29, 28, ... 1, then 31, 32, ...
func rateScore(fps int) int {
	if fps <= idealFPS {
		return idealFPS - fps
	}
	return fps
}

// compareModes orders modes best first (see Suggest).
func compareModes(a, b Mode) int {
	ideal := func(m Mode) bool { return m.Width == idealWidth && m.Height == idealHeight && m.FPS == idealFPS }
	fits := func(m Mode) bool { return m.Width <= maxSuggestWidth && m.Height <= maxSuggestHeight }
	useful := func(m Mode) bool { return m.FPS >= minUsefulFPS }
	first := func(x, y bool) int { // x before y when x is true and y is not
		switch {
		case x && !y:
			return -1
		case y && !x:
			return 1
		}
		return 0
	}
	if c := first(ideal(a), ideal(b)); c != 0 {
		return c
	}
	if c := first(fits(a), fits(b)); c != 0 {
		return c
	}
	if c := first(useful(a), useful(b)); c != 0 {
		return c
	}
	areaA, areaB := a.Width*a.Height, b.Width*b.Height
	if fits(a) {
		// Within the bounds: larger is better.
		areaA, areaB = -areaA, -areaB
	}
	return cmp.Or(cmp.Compare(areaA, areaB), cmp.Compare(rateScore(a.FPS), rateScore(b.FPS)))
}

// LibcameraCamera is one camera libcamera sees (`cam --list`).
type LibcameraCamera struct {
	// ID is libcamera's id for it (a device-tree path on a Pi), the value
	// of libcamerasrc camera-name.
	ID string `json:"id"`
	// Name is the model as libcamera names it (imx219, "Internal front
	// camera", ...).
	Name string `json:"name"`
}

// ErrNoLibcamera is returned by LibcameraCameras when libcamera's `cam`
// tool is not installed.
var ErrNoLibcamera = errors.New("libcamera's cam tool is not installed")

// camListBound bounds `cam --list` (LibcameraCameras).
const camListBound = 2 * time.Minute

// LibcameraCameras lists libcamera's cameras with `cam --list` (package
// libcamera-tools). Slow on a Pi (it starts the camera pipelines): bounded
// by camListBound.
func LibcameraCameras(ctx context.Context) ([]LibcameraCamera, error) {
	bin, err := exec.LookPath("cam")
	if err != nil {
		return nil, ErrNoLibcamera
	}
	// Only an outer bound for a cam that hangs: the first listing under
	// emulation, or on a board starting its IPA modules, took 27-44 s.
	ctx, cancel := context.WithTimeout(ctx, camListBound)
	defer cancel()
	out, err := exec.CommandContext(ctx, bin, "--list").Output()
	if ctx.Err() != nil {
		return nil, fmt.Errorf("cam --list did not finish within %s: %w", camListBound, ctx.Err())
	}
	if err != nil {
		return nil, fmt.Errorf("cam --list: %w", err)
	}
	return parseCamList(out), nil
}

// parseCamList reads `cam --list`: after "Available cameras:", one line per
// camera, "1: 'imx219' (/base/soc/i2c0mux/i2c@1/imx219@10)" (libcamera
// 0.0.x) or "1: Internal front camera (/base/...)" (later versions).
func parseCamList(out []byte) []LibcameraCamera {
	cams := []LibcameraCamera{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		num, rest, ok := strings.Cut(line, ": ")
		if !ok {
			continue
		}
		if _, err := strconv.Atoi(num); err != nil {
			continue
		}
		name, id := rest, ""
		if i := strings.LastIndex(rest, " ("); i >= 0 && strings.HasSuffix(rest, ")") {
			name, id = rest[:i], rest[i+2:len(rest)-1]
		}
		cams = append(cams, LibcameraCamera{ID: id, Name: strings.Trim(name, "'")})
	}
	return cams
}
