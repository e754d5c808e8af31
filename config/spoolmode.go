package config

// SpoolMode is spool.mode: when frames go to disk.
type SpoolMode string

// Spool modes.
const (
	// SpoolOutage (the default) keeps frames in memory (spool.memory)
	// and writes them to disk only while Kafka is unreachable or slower
	// than the camera. A power cut loses what is in memory.
	SpoolOutage SpoolMode = "outage"
	// SpoolAlways writes every frame to disk before it is produced: a
	// power cut loses at most the fsync window. It costs a disk write of
	// every frame (SD cards wear).
	SpoolAlways SpoolMode = "always"
)

// SpoolModes lists the valid spool.mode values.
var SpoolModes = []string{string(SpoolOutage), string(SpoolAlways)}

// ParseSpoolMode checks that s is a spool mode.
func ParseSpoolMode(s string) (SpoolMode, error) { return oneOf[SpoolMode]("", s, SpoolModes) }

// UnmarshalText implements encoding.TextUnmarshaler with ParseSpoolMode.
func (m *SpoolMode) UnmarshalText(text []byte) error { return unmarshal(m, ParseSpoolMode, text) }

// FsyncPolicy is spool.fsync: when frames written to the spool are forced
// to stable storage. Whatever the policy, a segment is synced before the
// next one starts.
type FsyncPolicy string

// Fsync policies.
const (
	// FsyncInterval (the default) syncs at most spool.fsync_interval after
	// the first unsynced frame: a power cut loses at most that window.
	FsyncInterval FsyncPolicy = "interval"
	// FsyncKeyframe syncs after every keyframe: a power cut loses at most
	// the GOP being written.
	FsyncKeyframe FsyncPolicy = "keyframe"
	// FsyncAlways syncs every frame: nothing written is lost, at one
	// fsync a frame (for real disks, not SD cards).
	FsyncAlways FsyncPolicy = "always"
)

// FsyncPolicies lists the valid spool.fsync values.
var FsyncPolicies = []string{string(FsyncInterval), string(FsyncKeyframe), string(FsyncAlways)}

// ParseFsyncPolicy checks that s is an fsync policy.
func ParseFsyncPolicy(s string) (FsyncPolicy, error) {
	return oneOf[FsyncPolicy]("", s, FsyncPolicies)
}

// UnmarshalText implements encoding.TextUnmarshaler with ParseFsyncPolicy.
func (f *FsyncPolicy) UnmarshalText(text []byte) error {
	return unmarshal(f, ParseFsyncPolicy, text)
}
