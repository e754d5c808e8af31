package config

import (
	"cmp"
	"fmt"
	"os"
	"slices"
	"time"

	"github.com/edgecam/edgecam/internal/secret"
)

// Config is a whole edgecam configuration, defaults applied and validated.
type Config struct {
	// Path is the file the config was read from.
	Path    string
	Device  Device
	Kafka   Kafka
	Spool   Spool
	Metrics Metrics
	Log     Log
	Streams []Stream
}

// Metrics is the agent's HTTP endpoint: Prometheus /metrics and /healthz.
type Metrics struct {
	// Listen is host:port. Default 127.0.0.1:9108 from a config file;
	// "off" in the file (the empty string in Go) serves nothing.
	Listen string
}

// Log is how the agent writes its log (log/slog, to stderr: the journal
// under systemd).
type Log struct {
	// Format is "text" (default) or "json".
	Format string
	// Level is "debug", "info" (default), "warn" or "error".
	Level string
}

// Spool is the disk ring buffer that holds frames Kafka has not
// acknowledged yet (see DESIGN.md, "Spool").
type Spool struct {
	// Dir holds one directory per stream. Default /var/lib/edgecam/spool,
	// or $STATE_DIRECTORY/spool under systemd. A relative path is taken
	// relative to the config file's directory.
	Dir string
	// Mode is "outage" (default: frames wait in memory and spill to disk
	// when Kafka is unreachable or slower than the camera) or "always"
	// (every frame is on disk before it is produced: survives a power cut
	// up to the fsync window).
	Mode string
	// MaxSize bounds the spool of each stream on disk; when reached the
	// oldest whole segments (whole GOPs) are evicted and counted.
	// Default 2GiB.
	MaxSize Size
	// MaxAge evicts segments older than this. Default 0: no age limit.
	MaxAge Duration
	// Fsync is "interval" (default, every FsyncInterval), "keyframe" or
	// "always"; segment rotation always syncs.
	Fsync string
	// FsyncInterval is the period of the interval policy. Default 500ms.
	FsyncInterval Duration
	// DrainRate caps the backlog drain after an outage, bytes per second
	// ("8MiB"). Default 0: as fast as Kafka accepts.
	DrainRate Size
	// SegmentSize is the size of each segment file. Default 32MiB.
	SegmentSize Size
	// Memory is how much an outage-mode stream keeps in memory while
	// Kafka is slow before it spills to disk. Default 16MiB.
	Memory Size
}

// Spool modes and fsync policies.
const (
	SpoolOutage   = "outage"
	SpoolAlways   = "always"
	FsyncInterval = "interval"
	FsyncKeyframe = "keyframe"
	FsyncAlways   = "always"
)

// Device identifies the box.
type Device struct {
	// ID names this box and is the first half of every Kafka key
	// ("<id>/<stream>"). Default: the host name. "${VAR}" is expanded
	// from the environment; ${HOSTNAME} falls back to the host name.
	// Allowed characters: letters, digits, '.', '_' and '-'.
	ID string
}

// Kafka is where frames go.
type Kafka struct {
	// Brokers are the bootstrap brokers, "host:port". Required.
	Brokers []string
	// Topic receives every stream of the device. Default edgecam.video.
	// It must exist: edgecam never relies on topic auto-creation.
	Topic string
	// TLS, when set, encrypts the connection (kafka.tls in the file).
	TLS *TLS
	// SASL, when set, authenticates with a user name and password
	// (kafka.sasl in the file). Over TLS when TLS is set (SASL_SSL),
	// else in clear (SASL_PLAINTEXT).
	SASL *SASL
}

// TLS configures the connection to the brokers.
type TLS struct {
	// CAFile is a PEM bundle of the CAs that sign the brokers'
	// certificates. Empty: the system's roots.
	CAFile string
	// CertFile and KeyFile are this device's client certificate and key
	// (PEM) for mutual TLS; both or neither.
	CertFile, KeyFile string
	// ServerName overrides the name checked in the brokers' certificates.
	// Empty: the host of each broker address.
	ServerName string
}

// SASL mechanisms.
const (
	SASLPlain       = "PLAIN"
	SASLScramSHA256 = "SCRAM-SHA-256"
	SASLScramSHA512 = "SCRAM-SHA-512"
)

// SASL authenticates the client.
type SASL struct {
	// Mechanism is PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512.
	Mechanism string
	Username  string
	// Password comes from password_file (systemd LoadCredential=
	// friendly): the file's content without a trailing newline.
	Password secret.Secret
	// PasswordFile is the absolute path Password was read from.
	PasswordFile string
}

// Stream is one camera.
type Stream struct {
	// Name is unique within the device and the second half of the Kafka
	// key. Required.
	Name   string
	Source Source
	// Width and Height of the encoded frames, pixels, even. Default
	// 1280x720.
	Width, Height int
	// FPS is the frame rate. Default 30.
	FPS int
	// BitrateKbps is the encoder's target bit rate, kbit/s. Default 2000.
	BitrateKbps int
	// KeyframeInterval is the time between IDR frames: the points where a
	// consumer can start decoding. Default 1s.
	KeyframeInterval Duration
	// Encoder is "auto" (default) or a GStreamer encoder element.
	Encoder Encoder
}

// Source is where a stream's frames come from.
type Source struct {
	Type SourceType
	// Device is the device node of a v4l2 source, e.g. /dev/video0.
	Device string
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
	// Transport of an rtsp source: "tcp" (default) or "udp".
	Transport string
	// Username and Password (from password_file) of an rtsp source.
	Username string
	Password secret.Secret
	// PasswordFile is the absolute path Password was read from.
	PasswordFile string
}

// Defaults of the optional keys.
const (
	DefaultTopic            = "edgecam.video"
	DefaultWidth            = 1280
	DefaultHeight           = 720
	DefaultFPS              = 30
	DefaultBitrateKbps      = 2000
	DefaultKeyframeInterval = Duration(time.Second)
	DefaultSpoolDir         = "/var/lib/edgecam/spool"
	DefaultSpoolMaxSize     = Size(2 << 30)
	DefaultFsyncInterval    = Duration(500 * time.Millisecond)
	DefaultSegmentSize      = Size(32 << 20)
	DefaultSpoolMemory      = Size(16 << 20)
	DefaultMetricsListen    = "127.0.0.1:9108"
	DefaultLogFormat        = LogText
	DefaultLogLevel         = LogInfo
	DefaultRTSPTransport    = TransportTCP
)

// Log formats and levels, metrics switch, RTSP transports.
const (
	LogText      = "text"
	LogJSON      = "json"
	LogDebug     = "debug"
	LogInfo      = "info"
	LogWarn      = "warn"
	LogError     = "error"
	MetricsOff   = "off"
	TransportTCP = "tcp"
	TransportUDP = "udp"
)

// Limits of the numeric keys, checked by Parse.
const (
	MinWidth, MaxWidth       = 16, 7680
	MinHeight, MaxHeight     = 16, 4320
	MinFPS, MaxFPS           = 1, 120
	MinBitrate, MaxBitrate   = 50, 100000
	MinKeyframe, MaxKeyframe = Duration(100 * time.Millisecond), Duration(60 * time.Second)
)

// Load reads and validates the config file at path for this device (its
// device.id, else the host name). Problems in the file come back as
// Errors, one per problem.
func Load(path string) (*Config, error) { return LoadFor(path, "") }

// LoadFor reads and validates the config file at path as the device
// deviceID sees it: the overrides whose match fits deviceID are applied
// and device.id is deviceID. An empty deviceID means the file's device.id,
// else the host name. That is how one fleet file is checked for each kind
// of device from a workstation.
func LoadFor(path, deviceID string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	return ParseFor(path, data, deviceID)
}

// Parse validates the config in data; name is used in error positions and
// relative paths in the file are taken from name's folder.
func Parse(name string, data []byte) (*Config, error) { return ParseFor(name, data, "") }

// ParseFor is Parse for the device deviceID (see LoadFor).
func ParseFor(name string, data []byte, deviceID string) (*Config, error) {
	if deviceID != "" && !validName.MatchString(deviceID) {
		return nil, fmt.Errorf("config: device id %q: use only letters, digits, '.', '_' and '-'", deviceID)
	}
	d := newDecoder(name, deviceID)
	cfg := d.decode(data)
	if len(d.errs) > 0 {
		// File order, as an editor lists problems.
		slices.SortStableFunc(d.errs, func(a, b *Error) int {
			return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
		})
		return nil, d.errs
	}
	cfg.Path = name
	return cfg, nil
}
