package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/edgecam/edgecam/capture"
	"github.com/edgecam/edgecam/config"
	"github.com/edgecam/edgecam/encode"
)

const probeHelp = `Usage: edgecam probe [--json] [--no-sample]

Lists what this machine can stream: the V4L2 device nodes (/dev/video*)
with their formats, frame sizes and rates, and for each size and rate which
formats deliver it (raw, mjpeg, h264, h265); the H.264 and H.265 encoders
and the JPEG decoders GStreamer has, each tested by encoding or decoding a
few frames;
libcamera's cameras when libcamera's cam tool is installed; the ALSA
capture devices (microphones, a capture card's audio) for a stream's
audio: {source: alsa, device: ...}, with the rates and channels each
captures at; and a streams:
section for the config with one stream per camera, at a size and rate the
camera offers (1280x720@30 when it can, else the largest size within
1920x1080 that reaches 15 fps) in the format source.format auto would take
there (raw, else mjpeg, else the camera's own h264, else h265: a USB 2.0
webcam at 1280x720@30 gets mjpeg). Add kafka.brokers and check it with
'edgecam config check'.

For a suggested camera that encodes H.264 or H.265 itself, whose keyframe
interval is the camera's own, probe streams it at the suggested mode for up
to 12 s (all such cameras at once) and reports the interval between its
first keyframes, by their timestamps, with a warning above 10 s: a consumer
may wait that long before it can decode a picture. --no-sample skips this.

Only capture nodes are cameras: output, metadata, VBI, radio, SDR, touch and
memory-to-memory (codec) nodes are listed as such and never suggested, nor
are cameras that offer no format edgecam can use (Bayer sensor data, MPEG-2).

--json prints one object; its field names are stable:
  devices[]        path, stable_path (a /dev/v4l/by-id link, when udev made
                   one), name, driver, bus_info, capabilities[] (V4L2
                   device caps: video_capture, streaming, ...), kind
                   (capture, capture-mplane, output, m2m, metadata, vbi,
                   radio, sdr, touch, other), capture (bool), error, and
                   for capture nodes formats[]: fourcc, description,
                   gst_format (empty: not raw video), stepwise,
                   sizes[]: width, height, rates[]: num, den (the frame
                   interval num/den seconds: 1/30 is 30 fps); modes[]:
                   width, height, fps (whole rates), formats[] (raw,
                   mjpeg, h264, h265, in source.format auto's order),
                   fourccs[] (the camera's format behind each)
  encoder_test     the size and rate the encoders were tested at, "WxH@FPS"
  encoders[]       name, codec (h264 or h265: the stream's codec it
                   encodes), hardware (bool), usable (bool), reason (why
                   not); the H.264 ones first, each codec's in the order
                   encoder: auto tries them
  decoders[]       the JPEG decoders of MJPEG cameras, tested at
                   encoder_test: name, hardware, usable, reason
  libcamera        available (bool: libcamera's cam tool or GStreamer's
                   libcamerasrc is installed), cameras[]: id, name;
                   error
  suggestions[]    stream, device, format (source.format), fourcc, width,
                   height, fps, bitrate_kbps (0 for h264 and h265: the
                   camera's own encoding passes through); for h264 and
                   h265: keyframe_interval_s (the longest of the first
                   two intervals measured, omitted when none was),
                   keyframe_note (why none was measured, or the warning
                   above 10 s; omitted when there is nothing to say)
  not_suggested[]  device, reason
  audio            the ALSA capture devices, as GStreamer's ALSA device
                   provider (gstreamer1.0-alsa) reads them: devices[]:
                   device (hw:CARD,DEV by number, what alsasrc opens),
                   stable_device (hw:ID,DEV by the card's id: the same
                   device after a reboot; omitted when the card has no
                   id), name, card_id, card, rate_min, rate_max (Hz),
                   channels_min, channels_max, formats[] (sample formats);
                   error (why none could be listed)
  config           the suggested streams: section, YAML text

Flags:
`

// probeReport is the output of `edgecam probe`; the JSON names are
// documented in probeHelp.
type probeReport struct {
	Devices      []probeDevice  `json:"devices"`
	EncoderTest  string         `json:"encoder_test"`
	Encoders     []probeEncoder `json:"encoders"`
	Decoders     []probeEncoder `json:"decoders"`
	Libcamera    probeLibcamera `json:"libcamera"`
	Suggestions  []probeSuggest `json:"suggestions"`
	NotSuggested []probeSkip    `json:"not_suggested"`
	Config       string         `json:"config"`
	Audio        probeAudio     `json:"audio"`
}

// probeAudio is the ALSA capture devices (encode.AudioDevices).
type probeAudio struct {
	Devices []probeAudioDevice `json:"devices"`
	Error   string             `json:"error,omitempty"`
}

type probeAudioDevice struct {
	Device       string   `json:"device"`
	StableDevice string   `json:"stable_device,omitempty"`
	Name         string   `json:"name"`
	CardID       string   `json:"card_id"`
	Card         int      `json:"card"`
	RateMin      int      `json:"rate_min"`
	RateMax      int      `json:"rate_max"`
	ChannelsMin  int      `json:"channels_min"`
	ChannelsMax  int      `json:"channels_max"`
	Formats      []string `json:"formats"`
}

// probeAudioDevices lists the ALSA capture devices for the report.
func probeAudioDevices() probeAudio {
	a := probeAudio{Devices: []probeAudioDevice{}}
	devs, err := encode.AudioDevices()
	if err != nil {
		a.Error = err.Error()
		return a
	}
	for _, d := range devs {
		a.Devices = append(a.Devices, probeAudioDevice{
			Device: d.Device, StableDevice: d.StableDevice, Name: d.Name, CardID: d.CardID, Card: d.Card,
			RateMin: d.RateMin, RateMax: d.RateMax, ChannelsMin: d.ChannelsMin, ChannelsMax: d.ChannelsMax,
			Formats: append([]string{}, d.Formats...),
		})
	}
	return a
}

// writeText renders the ALSA section of the text report.
func (a probeAudio) writeText(w *strings.Builder) {
	fmt.Fprintln(w, "\nALSA capture devices (audio: {source: alsa, device: ...})")
	switch {
	case a.Error != "":
		fmt.Fprintf(w, "  %s\n", a.Error)
		return
	case len(a.Devices) == 0:
		fmt.Fprintln(w, "  none (no sound card captures: is the microphone plugged in, its driver loaded?)")
		return
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, d := range a.Devices {
		dev := d.Device
		if d.StableDevice != "" {
			dev += " (" + d.StableDevice + ")"
		}
		ch := "channels"
		if d.ChannelsMax == 1 {
			ch = "channel"
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s, %s\t%s\n", dev, d.Name, span(d.RateMin, d.RateMax, "Hz"), span(d.ChannelsMin, d.ChannelsMax, ch), strings.Join(d.Formats, " "))
	}
	_ = tw.Flush() // into w: cannot fail
}

// span renders lo..hi with a unit: "48000 Hz", "8000-192000 Hz", "? Hz"
// when the device reported none.
func span(lo, hi int, unit string) string {
	switch {
	case hi == 0:
		return "? " + unit
	case lo == hi:
		return fmt.Sprintf("%d %s", lo, unit)
	}
	return fmt.Sprintf("%d-%d %s", lo, hi, unit)
}

// probeDevice is a device with the formats that deliver each of its sizes
// and rates (capture nodes only).
type probeDevice struct {
	capture.Device
	Modes []capture.Delivery `json:"modes,omitempty"`
}

type probeEncoder struct {
	Name string `json:"name"`
	// Codec is what an encoder encodes (encode.H264 or encode.H265); empty
	// for the JPEG decoders.
	Codec    string `json:"codec,omitempty"`
	Hardware bool   `json:"hardware"`
	Usable   bool   `json:"usable"`
	Reason   string `json:"reason,omitempty"`
}

type probeLibcamera struct {
	Available bool                      `json:"available"`
	Cameras   []capture.LibcameraCamera `json:"cameras"`
	Error     string                    `json:"error,omitempty"`
}

type probeSuggest struct {
	Stream string `json:"stream"`
	// Device is the path written into the config: the by-id link when
	// there is one (it survives renumbering), else the node.
	Device      string `json:"device"`
	Format      string `json:"format"`
	FourCC      string `json:"fourcc"`
	Width       int    `json:"width"`
	Height      int    `json:"height"`
	FPS         int    `json:"fps"`
	BitrateKbps int    `json:"bitrate_kbps"`
	// KeyframeIntervalS is the keyframe interval measured for a camera
	// that encodes itself, in seconds; 0 when not measured.
	KeyframeIntervalS float64 `json:"keyframe_interval_s,omitempty"`
	// KeyframeNote says why no interval was measured, or warns of one
	// longer than 10 s.
	KeyframeNote string `json:"keyframe_note,omitempty"`
	// comment ends the source line of the YAML: which camera, which mode.
	comment string
}

type probeSkip struct {
	Device string `json:"device"`
	Reason string `json:"reason"`
}

// The encoders are tested at the first suggestion's size and rate, or at
// config's default stream when there is no camera.

func cmdProbe(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("probe", stderr)
	fs.Usage = func() {
		say(fs.Output(), "%s", probeHelp)
		fs.PrintDefaults()
	}
	asJSON := fs.Bool("json", false, "print JSON (fields described above) instead of tables")
	noSample := fs.Bool("no-sample", false, "do not stream the cameras that encode themselves to measure their keyframe interval (a quicker probe)")
	if err := parse(fs, args); err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	r := newProbeReport(capture.ProbeV4L2())
	w, h, fps := config.DefaultWidth, config.DefaultHeight, config.DefaultFPS
	if len(r.Suggestions) > 0 {
		s := r.Suggestions[0]
		w, h, fps = s.Width, s.Height, s.FPS
	}
	r.EncoderTest = fmt.Sprintf("%dx%d@%d", w, h, fps)
	spec := encode.Spec{Name: "probe", Width: w, Height: h, FPS: fps,
		BitrateKbps: bitrateFor(w, h, fps), KeyframeInterval: time.Duration(config.DefaultKeyframeInterval)}
	for _, codec := range []string{encode.H264, encode.H265} {
		spec.Codec = codec
		for _, c := range encode.Probe(ctx, spec) {
			r.Encoders = append(r.Encoders, probeEncoder{Name: c.Name, Codec: codec, Hardware: c.Hardware, Usable: c.Usable, Reason: c.Reason})
		}
	}
	spec.Codec = ""
	for _, c := range encode.ProbeDecoders(ctx, spec) {
		r.Decoders = append(r.Decoders, probeEncoder{Name: c.Name, Hardware: c.Hardware, Usable: c.Usable, Reason: c.Reason})
	}
	r.Libcamera = probeLibcameraCameras(ctx)
	r.Audio = probeAudioDevices()
	if !*noSample {
		r.sampleKeyframes(ctx, capture.PassthroughFragment, keyframeSampleLimit, keyframeSampleWait)
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	}
	var text strings.Builder
	r.writeText(&text)
	_, err := io.WriteString(stdout, text.String())
	return err
}

// probeLibcameraCameras lists libcamera's cameras with its cam tool; without
// it, GStreamer's libcamerasrc alone tells libcamera is there.
func probeLibcameraCameras(ctx context.Context) probeLibcamera {
	cams, err := capture.LibcameraCameras(ctx)
	switch {
	case err == nil:
		return probeLibcamera{Available: true, Cameras: cams}
	case !errors.Is(err, capture.ErrNoLibcamera):
		return probeLibcamera{Available: true, Cameras: []capture.LibcameraCamera{}, Error: err.Error()}
	case encode.Available("libcamerasrc"):
		return probeLibcamera{Available: true, Cameras: []capture.LibcameraCamera{},
			Error: "libcamerasrc is installed but the cam tool is not: install libcamera-tools to list the cameras"}
	}
	return probeLibcamera{Cameras: []capture.LibcameraCamera{}}
}

// newProbeReport sorts the devices into suggestions and the rest, and
// renders the suggested config.
func newProbeReport(devs []capture.Device) probeReport {
	r := probeReport{
		Devices: []probeDevice{}, Encoders: []probeEncoder{}, Decoders: []probeEncoder{}, Suggestions: []probeSuggest{}, NotSuggested: []probeSkip{},
		Libcamera: probeLibcamera{Cameras: []capture.LibcameraCamera{}},
		Audio:     probeAudio{Devices: []probeAudioDevice{}},
	}
	for _, d := range devs {
		r.Devices = append(r.Devices, probeDevice{Device: d, Modes: capture.Deliveries(d)})
	}
	for _, d := range devs {
		m, err := capture.Suggest(d)
		if err != nil {
			r.NotSuggested = append(r.NotSuggested, probeSkip{Device: d.Path, Reason: err.Error()})
			continue
		}
		path := d.Path
		if d.StablePath != "" {
			path = d.StablePath
		}
		sug := probeSuggest{
			Stream: fmt.Sprintf("cam%d", len(r.Suggestions)), Device: path,
			Format: m.Format, FourCC: m.FourCC, Width: m.Width, Height: m.Height, FPS: m.FPS,
			BitrateKbps: bitrateFor(m.Width, m.Height, m.FPS),
			comment:     fmt.Sprintf("%s (%s): %s", d.Name, d.Path, m),
		}
		if capture.Encoded(m.Format) {
			sug.BitrateKbps = 0 // the camera's own
		}
		r.Suggestions = append(r.Suggestions, sug)
	}
	r.Config = suggestedConfig(r.Suggestions)
	return r
}

// bitrateFor is a starting bit rate for H.264 at this size and rate: about
// 0.07 bit per pixel, rounded up to 100 kbit/s (2000 for 1280x720@30, the
// config's default), at least 200.
func bitrateFor(w, h, fps int) int {
	kbps := (w*h*fps*7/100/1000 + 99) / 100 * 100
	return max(kbps, 200)
}

// suggestedConfig renders the streams: section.
func suggestedConfig(ss []probeSuggest) string {
	if len(ss) == 0 {
		return "# no camera edgecam can capture from was found\n"
	}
	var b strings.Builder
	b.WriteString("streams:\n")
	for _, s := range ss {
		fmt.Fprintf(&b, "  - name: %s\n", s.Stream)
		fmt.Fprintf(&b, "    source: {type: v4l2, device: %s, format: %s}  # %s\n", yamlString(s.Device), s.Format, s.comment)
		fmt.Fprintf(&b, "    width: %d\n    height: %d\n    fps: %d\n", s.Width, s.Height, s.FPS)
		if capture.Encoded(s.Format) {
			// The camera encodes: its bit rate and keyframe interval rule.
			fmt.Fprintf(&b, "    encoder: none  # the camera's own %s passes through\n", s.Format)
			continue
		}
		fmt.Fprintf(&b, "    bitrate_kbps: %d\n    keyframe_interval: 1s\n    encoder: auto\n", s.BitrateKbps)
	}
	return b.String()
}

// yamlString quotes s for YAML when it holds characters YAML would read
// otherwise (by-id links have ':' and may have spaces).
func yamlString(s string) string {
	if strings.ContainsAny(s, ": #'\"{}[],&*!|>%@`") {
		b, _ := json.Marshal(s) // a JSON string is a valid YAML string
		return string(b)
	}
	return s
}

// writeText renders the report. Into a strings.Builder, which cannot fail:
// the caller writes it out and returns that error.
func (r probeReport) writeText(w *strings.Builder) {
	fmt.Fprintln(w, "V4L2 devices")
	if len(r.Devices) == 0 {
		fmt.Fprintln(w, "  none (no /dev/video* nodes: is the camera plugged in, its driver loaded?)")
	}
	for _, d := range r.Devices {
		writeDevice(w, d)
	}

	for _, codec := range []struct{ codec, name string }{{encode.H264, "H.264"}, {encode.H265, "H.265"}} {
		var encs []probeEncoder
		for _, e := range r.Encoders {
			if e.Codec == codec.codec {
				encs = append(encs, e)
			}
		}
		if len(encs) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n%s encoders (codec: %s; each tested by encoding a few frames at %s)\n", codec.name, codec.codec, r.EncoderTest)
		writeCandidates(w, encs)
	}
	if len(r.Decoders) > 0 {
		fmt.Fprintf(w, "\nJPEG decoders for MJPEG cameras (each tested by decoding a few frames at %s)\n", r.EncoderTest)
		writeCandidates(w, r.Decoders)
	}

	switch {
	case r.Libcamera.Error != "":
		fmt.Fprintf(w, "\nlibcamera: %s\n", r.Libcamera.Error)
	case r.Libcamera.Available:
		fmt.Fprintf(w, "\nlibcamera cameras (source: {type: libcamera})\n")
		if len(r.Libcamera.Cameras) == 0 {
			fmt.Fprintln(w, "  none")
		}
		for _, c := range r.Libcamera.Cameras {
			fmt.Fprintf(w, "  %s  (id %s)\n", c.Name, c.ID)
		}
	}

	r.Audio.writeText(w)

	r.writeKeyframes(w)

	fmt.Fprintln(w, "\nSuggested streams (add kafka.brokers, then check with `edgecam config check`)")
	fmt.Fprint(w, r.Config)
	for _, s := range r.NotSuggested {
		fmt.Fprintf(w, "# not suggested: %s: %s\n", s.Device, s.Reason)
	}
}

func writeCandidates(w *strings.Builder, cands []probeEncoder) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, e := range cands {
		kind := "software"
		if e.Hardware {
			kind = "hardware"
		}
		verdict := "usable"
		if !e.Usable {
			verdict = "not usable: " + e.Reason
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\n", e.Name, kind, verdict)
	}
	_ = tw.Flush() // into w: cannot fail
}

func writeDevice(w *strings.Builder, pd probeDevice) {
	d := pd.Device
	fmt.Fprintf(w, "  %s  %s", d.Path, d.Kind)
	if d.Name != "" {
		fmt.Fprintf(w, "  %q driver %s, bus %s", d.Name, d.Driver, d.BusInfo)
	}
	fmt.Fprintln(w)
	if d.StablePath != "" {
		fmt.Fprintf(w, "      stable name %s\n", d.StablePath)
	}
	if d.Error != "" {
		fmt.Fprintf(w, "      %s\n", d.Error)
	}
	if d.Kind != "" && !d.Capture {
		fmt.Fprintf(w, "      not a camera (capabilities: %s)\n", strings.Join(d.Capabilities, ", "))
		return
	}
	// Formats with the same sizes and rates share one block: a driver
	// offers most raw formats at the same modes.
	type group struct {
		fourccs []string
		sizes   []capture.FrameSize
	}
	var groups []group
	var unusable []string
	for _, f := range d.Formats {
		if capture.FormatOf(f) == "" {
			unusable = append(unusable, f.FourCC)
			continue
		}
		i := slices.IndexFunc(groups, func(g group) bool { return sameSizes(g.sizes, f.Sizes) })
		if i < 0 {
			groups = append(groups, group{sizes: f.Sizes})
			i = len(groups) - 1
		}
		groups[i].fourccs = append(groups[i].fourccs, f.FourCC)
	}
	for _, g := range groups {
		fmt.Fprintf(w, "      %s\n", strings.Join(g.fourccs, " "))
		for _, s := range g.sizes {
			rates := make([]string, len(s.Rates))
			for i, r := range s.Rates {
				rates[i] = r.String()
			}
			fmt.Fprintf(w, "        %dx%d @ %s fps\n", s.Width, s.Height, strings.Join(rates, " "))
		}
	}
	if len(unusable) > 0 {
		also := "also"
		if len(groups) == 0 {
			also = "only"
		}
		fmt.Fprintf(w, "      %s %s (not usable: sensor data, or neither raw video, MJPEG, H.264 nor H.265)\n", also, strings.Join(unusable, " "))
	}
	if len(pd.Modes) > 0 {
		fmt.Fprintln(w, "      delivered as (fps: formats; source.format auto takes the first)")
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		for _, line := range deliveryLines(pd.Modes) {
			fmt.Fprintf(tw, "        %s\n", line)
		}
		_ = tw.Flush() // into w: cannot fail
	}
}

// deliveryLines renders modes one size a line, the rates with the same
// formats together: "1280x720\t30 15: mjpeg; 10 5: raw mjpeg".
func deliveryLines(modes []capture.Delivery) []string {
	var lines []string
	for i := 0; i < len(modes); {
		w, h := modes[i].Width, modes[i].Height
		var parts []string
		for i < len(modes) && modes[i].Width == w && modes[i].Height == h {
			formats := modes[i].Formats
			var rates []string
			for ; i < len(modes) && modes[i].Width == w && modes[i].Height == h && slices.Equal(modes[i].Formats, formats); i++ {
				rates = append(rates, strconv.Itoa(modes[i].FPS))
			}
			parts = append(parts, strings.Join(rates, " ")+": "+strings.Join(formats, " "))
		}
		lines = append(lines, fmt.Sprintf("%dx%d\t%s", w, h, strings.Join(parts, "; ")))
	}
	return lines
}

func sameSizes(a, b []capture.FrameSize) bool {
	return slices.EqualFunc(a, b, func(x, y capture.FrameSize) bool {
		return x.Width == y.Width && x.Height == y.Height && slices.Equal(x.Rates, y.Rates)
	})
}
