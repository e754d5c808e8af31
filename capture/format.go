package capture

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// The formats a V4L2 camera can deliver (Source.Format), in the order
// FormatAuto prefers them: raw frames cost nothing to decode; MJPEG is
// decoded on the board (cheap in hardware, about one core at 1080p30 in
// software) and then encoded like raw frames; a camera's own H.264 or H.265
// is passed through as it comes, with the camera's keyframe interval and
// bit rate, which the config cannot change.
const (
	FormatAuto  = "auto"
	FormatRaw   = "raw"
	FormatMJPEG = "mjpeg"
	FormatH264  = "h264"
	FormatH265  = "h265"
)

// autoOrder is FormatAuto's preference.
var autoOrder = []string{FormatRaw, FormatMJPEG, FormatH264, FormatH265}

// Encoded reports whether format is the camera's own H.264 or H.265, which
// a stream passes through.
func Encoded(format string) bool { return format == FormatH264 || format == FormatH265 }

// FormatOf is the kind of a pixel format: FormatRaw for the raw formats
// v4l2src outputs as video/x-raw, FormatMJPEG for MJPG and JPEG, FormatH264
// for H264, FormatH265 for HEVC; "" for what edgecam cannot use (Bayer,
// MPEG-2, H.264 without start codes, ...).
func FormatOf(f PixelFormat) string {
	switch {
	case f.GstFormat != "":
		return FormatRaw
	case f.FourCC == "MJPG" || f.FourCC == "JPEG":
		return FormatMJPEG
	case f.FourCC == "H264":
		return FormatH264
	case f.FourCC == "HEVC":
		return FormatH265
	}
	return ""
}

// Delivery is one size and whole frame rate of a camera and the formats
// that deliver it, in FormatAuto's preference order (probe's table).
type Delivery struct {
	Width   int      `json:"width"`
	Height  int      `json:"height"`
	FPS     int      `json:"fps"`
	Formats []string `json:"formats"`
	// FourCCs are the camera's codes behind Formats, the same order: the
	// first raw format v4l2src would most likely pick for raw.
	FourCCs []string `json:"fourccs"`
}

// Deliveries lists every size and whole rate of d (between 1 and 120 fps)
// with the formats that deliver it: largest sizes first, fastest rates
// first.
func Deliveries(d Device) []Delivery {
	var out []Delivery
	for _, f := range d.Formats {
		kind := FormatOf(f)
		if kind == "" {
			continue
		}
		for _, s := range f.Sizes {
			for _, r := range s.Rates {
				fps, ok := r.WholeFPS()
				if !ok || fps < minFPS || fps > maxFPS {
					continue
				}
				i := slices.IndexFunc(out, func(x Delivery) bool { return x.Width == s.Width && x.Height == s.Height && x.FPS == fps })
				if i < 0 {
					out = append(out, Delivery{Width: s.Width, Height: s.Height, FPS: fps})
					i = len(out) - 1
				}
				if !slices.Contains(out[i].Formats, kind) {
					out[i].Formats = append(out[i].Formats, kind)
					out[i].FourCCs = append(out[i].FourCCs, f.FourCC)
				}
			}
		}
	}
	for i := range out {
		// Formats arrive in d.Formats order (preferred raw first): keep
		// that within a kind, order the kinds as auto prefers them.
		idx := make([]int, len(out[i].Formats))
		for j := range idx {
			idx[j] = j
		}
		slices.SortStableFunc(idx, func(a, b int) int {
			return slices.Index(autoOrder, out[i].Formats[a]) - slices.Index(autoOrder, out[i].Formats[b])
		})
		fs, cs := make([]string, len(idx)), make([]string, len(idx))
		for j, k := range idx {
			fs[j], cs[j] = out[i].Formats[k], out[i].FourCCs[k]
		}
		out[i].Formats, out[i].FourCCs = fs, cs
	}
	slices.SortStableFunc(out, func(a, b Delivery) int {
		if c := (b.Width * b.Height) - (a.Width * a.Height); c != 0 {
			return c
		}
		if a.Width != b.Width {
			return b.Width - a.Width
		}
		return b.FPS - a.FPS
	})
	return out
}

// ChooseFormat resolves want (Source.Format: FormatAuto or "" for auto, or
// a format) against what the camera d offers at f. FormatAuto takes raw
// frames when the camera gives them at f, else MJPEG, else the camera's
// H.264, else H.265; encodedOnly (a stream with encoder none) limits it to
// the last two. An explicit format is checked the same way. The error says
// what the camera does offer at that size.
func ChooseFormat(d Device, want string, f Format, encodedOnly bool) (string, error) {
	if want == "" {
		want = FormatAuto
	}
	if want != FormatAuto && !slices.Contains(autoOrder, want) {
		return "", fmt.Errorf("unknown v4l2 format %q (want %s or %s)", want, FormatAuto, strings.Join(autoOrder, ", "))
	}
	if d.Error != "" && len(d.Formats) == 0 {
		return "", errors.New(d.Error)
	}
	var have []string
	for _, x := range Deliveries(d) {
		if x.Width == f.Width && x.Height == f.Height && x.FPS == f.FPS {
			have = x.Formats
		}
	}
	candidates := []string{want}
	switch {
	case want == FormatAuto && encodedOnly:
		candidates = []string{FormatH264, FormatH265}
	case want == FormatAuto:
		candidates = autoOrder
	}
	for _, c := range candidates {
		if slices.Contains(have, c) {
			return c, nil
		}
	}
	what := want
	switch {
	case want == FormatAuto && encodedOnly:
		what = "its own h264 or h265 (encoder none)"
	case want == FormatAuto:
		what = "any format edgecam can use"
	}
	return "", fmt.Errorf("the camera does not deliver %dx%d@%d as %s; %s (`edgecam probe` lists every size and rate)",
		f.Width, f.Height, f.FPS, what, offersAt(d, f.Width, f.Height))
}

// offersAt says what d offers at one size, for errors: "at 1280x720 it
// offers raw at 10 fps, mjpeg at 30 15 fps".
func offersAt(d Device, w, h int) string {
	var parts []string
	for _, kind := range autoOrder {
		var rates []string
		for _, x := range Deliveries(d) {
			if x.Width == w && x.Height == h && slices.Contains(x.Formats, kind) {
				rates = append(rates, fmt.Sprint(x.FPS))
			}
		}
		if len(rates) > 0 {
			parts = append(parts, fmt.Sprintf("%s at %s fps", kind, strings.Join(rates, " ")))
		}
	}
	if len(parts) == 0 {
		return fmt.Sprintf("it offers nothing usable at %dx%d", w, h)
	}
	return fmt.Sprintf("at %dx%d it offers %s", w, h, strings.Join(parts, ", "))
}

// v4l2Caps is the caps that ask a V4L2 camera for format at f: v4l2src
// negotiates the pixel format from the media type (video/x-raw picks one of
// the raw formats, image/jpeg MJPG, video/x-h264 H264, video/x-h265 HEVC).
func v4l2Caps(format string, f Format) (string, error) {
	media := ""
	switch format {
	case "", FormatAuto, FormatRaw:
		media = "video/x-raw"
	case FormatMJPEG:
		media = "image/jpeg"
	case FormatH264:
		media = "video/x-h264"
	case FormatH265:
		media = "video/x-h265"
	default:
		return "", fmt.Errorf("unknown v4l2 format %q (want %s)", format, strings.Join(autoOrder, ", "))
	}
	return fmt.Sprintf("%s,width=%d,height=%d,framerate=%d/1", media, f.Width, f.Height, f.FPS), nil
}
