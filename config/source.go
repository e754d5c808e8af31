package config

import (
	"errors"
	"fmt"
	"maps"
	"net/url"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/edgecam/edgecam/internal/secret"
)

// Source is where a stream's frames come from.
type Source struct {
	Type SourceType
	// Device is the device node of a v4l2 source, e.g. /dev/video0.
	Device string
	// Format is what a v4l2 source asks the camera for: V4L2Auto
	// (default), V4L2Raw, V4L2MJPEG, V4L2H264 or V4L2H265.
	Format V4L2Format
	// Pattern is the videotestsrc pattern of a test source. Default smpte.
	Pattern string
	// CameraName picks a libcamera camera (libcamerasrc camera-name).
	// Empty: the first camera.
	CameraName string
	// SensorID picks a Jetson CSI sensor (nvarguscamerasrc sensor-id).
	SensorID int
	// URL of an rtsp source, rtsp://host[:port]/path, without
	// credentials.
	URL string
	// Transport of an rtsp source: TransportTCP (default) or TransportUDP.
	Transport string
	// Username and Password (from password_file) of an rtsp source.
	Username string
	Password secret.Secret
	// PasswordFile is the absolute path Password was read from.
	PasswordFile string
}

// RTSP transports.
const (
	TransportTCP = "tcp"
	TransportUDP = "udp"
)

// RTSPTransports lists the valid transport values of an rtsp source.
var RTSPTransports = []string{TransportTCP, TransportUDP}

// source decodes a stream's source. Keys that belong to another source
// type are errors at the key.
func (d *decoder) source(n *yaml.Node, p string) Source {
	var src Source
	keys, ok := d.mapping(n, p, map[string]func(k, v *yaml.Node){
		"type":          func(_, v *yaml.Node) { d.value(v, p+".type", &src.Type) },
		"device":        func(_, v *yaml.Node) { d.text(v, p+".device", checkDevice, &src.Device) },
		"format":        func(_, v *yaml.Node) { d.value(v, p+".format", &src.Format) },
		"pattern":       func(_, v *yaml.Node) { d.text(v, p+".pattern", checkPattern, &src.Pattern) },
		"camera_name":   func(_, v *yaml.Node) { d.text(v, p+".camera_name", nil, &src.CameraName) },
		"sensor_id":     func(_, v *yaml.Node) { d.integer(v, p+".sensor_id", 0, MaxSensorID, &src.SensorID) },
		"url":           func(_, v *yaml.Node) { d.text(v, p+".url", checkRTSPURL, &src.URL) },
		"transport":     func(_, v *yaml.Node) { d.choice(v, p+".transport", RTSPTransports, &src.Transport) },
		"username":      func(_, v *yaml.Node) { d.text(v, p+".username", nil, &src.Username) },
		"password_file": func(_, v *yaml.Node) { d.path(v, p+".password_file", &src.PasswordFile) },
		"password":      d.inlinePassword(p),
	})
	if !ok {
		return src
	}
	if !keys.has("type") {
		if !d.partial {
			d.errorf(n, "%s.type: missing: one of %v", p, SourceTypes)
		}
		return src
	}
	if src.Type == "" {
		return src // a bad type, reported
	}
	for _, key := range slices.Sorted(maps.Keys(keys)) {
		if types := sourceKeyTypes(key); types != nil && !slices.Contains(types, src.Type) {
			d.errorf(keys[key].key, "%s.%s: %s source has no %s (only %s sources do)", p, key, src.Type.article(), key, types[0])
		}
	}
	if d.partial {
		return src
	}
	switch src.Type {
	case SourceV4L2:
		if !keys.has("device") {
			d.errorf(n, "%s.device: missing: a v4l2 source needs its device node, e.g. /dev/video0", p)
		}
	case SourceRTSP:
		if !keys.has("url") {
			d.errorf(n, "%s.url: missing: an rtsp source needs the camera's URL, e.g. rtsp://192.0.2.10:554/stream1", p)
		}
		if pw, given := keys["password_file"]; given {
			if !keys.has("username") {
				d.errorf(pw.key, "%s.password_file: a password needs a username too", p)
			}
			src.Password = d.secret(pw.key, p+".password_file", src.PasswordFile)
		}
	}
	return src.withDefaults()
}

// checkDevice checks a v4l2 device node's path.
func checkDevice(s string) error {
	if !strings.HasPrefix(s, "/") {
		return fmt.Errorf("%q: want the absolute path of the device node, e.g. /dev/video0", s)
	}
	return nil
}

// TestPatterns are the videotestsrc pattern names a test source accepts.
var TestPatterns = []string{
	"smpte", "snow", "black", "white", "red", "green", "blue",
	"checkers-1", "checkers-2", "checkers-4", "checkers-8", "circular",
	"blink", "smpte75", "zone-plate", "gamut", "chroma-zone-plate",
	"solid-color", "ball", "smpte100", "bar", "pinwheel", "spokes",
	"gradient", "colors", "smpte-rp-219",
}

// checkPattern checks a test source's pattern.
func checkPattern(s string) error {
	if slices.Contains(TestPatterns, s) {
		return nil
	}
	return fmt.Errorf("unknown test pattern %q%s; see gst-inspect-1.0 videotestsrc", s, suggest(s, TestPatterns))
}

// sourceKeyTypes returns the source types that have key; nil for the key
// every source has (type) and for password (an error of its own).
func sourceKeyTypes(key string) []SourceType {
	switch key {
	case "device", "format":
		return []SourceType{SourceV4L2}
	case "pattern":
		return []SourceType{SourceTest}
	case "camera_name":
		return []SourceType{SourceLibcamera}
	case "sensor_id":
		return []SourceType{SourceNvargus}
	case "url", "transport", "username", "password_file":
		return []SourceType{SourceRTSP}
	}
	return nil
}

// checkRTSPURL checks an rtsp source's URL. Credentials in the URL are
// refused: a URL is printed by `config show`, logged on every reconnect
// and visible in ps; the password belongs in a file. Messages never quote
// a URL that may hold one.
func checkRTSPURL(s string) error {
	u, err := url.Parse(s)
	if err != nil {
		return errors.New("not a valid URL: want rtsp://host[:port]/path")
	}
	if u.User != nil {
		return errors.New("the URL holds a user name or password: write the user as username and put the password in a file named by password_file")
	}
	if u.Scheme != "rtsp" && u.Scheme != "rtsps" {
		return fmt.Errorf("%q: want an rtsp:// or rtsps:// URL", s)
	}
	if u.Hostname() == "" {
		return fmt.Errorf("%q has no host: want rtsp://host[:port]/path", s)
	}
	if p := u.Port(); p != "" {
		return checkPort(s, p, 1)
	}
	return nil
}
