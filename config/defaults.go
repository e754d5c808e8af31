package config

import (
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Every default of the config is applied here, once, by Parse: the agent
// and the packages it configures (spool, encode, capture, kafka) get
// values, never zeroes to fill in again with formulas of their own.
// `edgecam config show` prints the result.

// Defaults of the optional keys.
const (
	DefaultTopic            = "edgecam.video"
	DefaultWidth            = 1280
	DefaultHeight           = 720
	DefaultFPS              = 30
	DefaultBitrateKbps      = 2000
	DefaultKeyframeInterval = Duration(time.Second)
	DefaultPattern          = "smpte"
	DefaultRTSPTransport    = TransportTCP
	DefaultSpoolDir         = "/var/lib/edgecam/spool"
	DefaultSpoolMode        = SpoolOutage
	DefaultSpoolMaxSize     = Size(2 << 30)
	DefaultFsync            = FsyncInterval
	DefaultFsyncInterval    = Duration(500 * time.Millisecond)
	// DefaultSegmentSize is the segment size of a spool whose max_size
	// holds at least four of them; a smaller max_size gets segments of a
	// quarter of it (see Spool.WithDefaults).
	DefaultSegmentSize    = Size(32 << 20)
	DefaultSpoolMemory    = Size(16 << 20)
	DefaultMetricsListen  = "127.0.0.1:9108"
	DefaultStatusTopic    = "edgecam.status"
	DefaultStatusInterval = Duration(10 * time.Second)
	DefaultLogFormat      = LogText
	DefaultLogLevel       = LogInfo
)

// Limits of the numeric keys, checked by Parse.
const (
	MinWidth, MaxWidth       = 16, 7680
	MinHeight, MaxHeight     = 16, 4320
	MinFPS, MaxFPS           = 1, 120
	MinBitrate, MaxBitrate   = 50, 100000
	MinKeyframe, MaxKeyframe = Duration(100 * time.Millisecond), Duration(60 * time.Second)
	// MaxSensorID is the highest nvargus sensor-id: a Jetson carrier
	// board has at most 8 CSI cameras.
	MaxSensorID = 7

	MinSpoolMaxSize, MaxSpoolMaxSize = Size(1 << 20), Size(1 << 50)
	MinSegmentSize, MaxSegmentSize   = Size(64 << 10), Size(1 << 30)
	MinSpoolMemory, MaxSpoolMemory   = Size(1 << 20), Size(1 << 32)
	MaxDrainRate                     = Rate(1 << 40)
	MinMaxAge                        = Duration(time.Minute)
	MinFsyncInterval                 = Duration(10 * time.Millisecond)
)

// newConfig is a config before a file is decoded into it: the defaults
// that depend on no other key. The others are filled in after decoding:
// Spool.WithDefaults, the device id from the host name, a source's by its
// type, a stream's encoder by its source.
func newConfig() *Config {
	return &Config{
		Kafka:   Kafka{Topic: DefaultTopic},
		Metrics: Metrics{Listen: DefaultMetricsListen},
		Fleet:   Fleet{StatusTopic: DefaultStatusTopic, StatusInterval: DefaultStatusInterval},
		Log:     Log{Format: DefaultLogFormat, Level: DefaultLogLevel},
	}
}

// newStream is a stream before its keys are decoded.
func newStream() Stream {
	return Stream{
		Width:            DefaultWidth,
		Height:           DefaultHeight,
		FPS:              DefaultFPS,
		BitrateKbps:      DefaultBitrateKbps,
		KeyframeInterval: DefaultKeyframeInterval,
		Encoder:          EncoderAuto,
	}
}

// defaultEncoder is the encoder of a stream without an encoder key: none
// for an rtsp source and for a v4l2 source of format h264 or h265 (the
// camera's own encoding goes to Kafka as it comes), else auto.
func defaultEncoder(src Source) Encoder {
	if src.Type == SourceRTSP || (src.Type == SourceV4L2 && src.Format.Encoded()) {
		return EncoderNone
	}
	return EncoderAuto
}

// withDefaults fills the unset keys of a decoded source of its type.
func (s Source) withDefaults() Source {
	switch s.Type {
	case SourceTest:
		if s.Pattern == "" {
			s.Pattern = DefaultPattern
		}
	case SourceV4L2:
		if s.Format == "" {
			s.Format = V4L2Auto
		}
	case SourceRTSP:
		if s.Transport == "" {
			s.Transport = DefaultRTSPTransport
		}
	}
	return s
}

// WithDefaults fills the unset fields of sp with their defaults. Parse
// calls it; a program that builds a Spool itself (a test) calls it too:
// the agent takes a Spool as it is and applies no default of its own.
//
// Two defaults are derived, with the formulas package spool uses for its
// own zero Options (a spool test checks that they agree): max_size is
// DefaultSpoolMaxSize, or two segments when segment_size is larger than a
// gigabyte (only a program can set that); segment_size is a quarter of
// max_size, at least MinSegmentSize and at most DefaultSegmentSize, so a
// full spool evicts at most a quarter of itself at once and max_size
// always holds the two segments a spool needs.
func (sp Spool) WithDefaults() Spool {
	if sp.Dir == "" {
		sp.Dir = DefaultSpoolDir
		// systemd's StateDirectory= sets this (a list; the first entry).
		if sd, _, _ := strings.Cut(os.Getenv("STATE_DIRECTORY"), ":"); sd != "" {
			sp.Dir = filepath.Join(sd, "spool")
		}
	}
	if sp.Mode == "" {
		sp.Mode = DefaultSpoolMode
	}
	if sp.Fsync == "" {
		sp.Fsync = DefaultFsync
	}
	if sp.MaxSize == 0 {
		sp.MaxSize = max(DefaultSpoolMaxSize, 2*sp.SegmentSize)
	}
	if sp.SegmentSize == 0 {
		sp.SegmentSize = min(max(sp.MaxSize/4, MinSegmentSize), DefaultSegmentSize)
	}
	if sp.FsyncInterval == 0 {
		sp.FsyncInterval = DefaultFsyncInterval
	}
	if sp.Memory == 0 {
		sp.Memory = DefaultSpoolMemory
	}
	return sp
}
