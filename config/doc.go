// Package config owns the edgecam configuration file: its schema, its
// defaults and its validation. It is strict on purpose: an unknown key, a
// value of the wrong type or an impossible value is an error that names the
// file, line and column ("edgecam.yaml:12:5: streams[0].fps: ..."), and every
// problem of a file is reported at once, so a fleet operator fixes a config
// in one pass instead of one error per restart.
//
// # What it owns
//
//   - The schema: the Go types of every section (Config, Device, Kafka,
//     Spool, Metrics, Log, Stream, Source), each in the file of its name
//     with its keys' checks and decoder. Their doc comments are the
//     manual of the keys: unit, range, default.
//   - The defaults, all in defaults.go and applied once, by Parse: the
//     agent and the packages it configures get values, never zeroes to
//     fill in with formulas of their own. A program that builds a Spool
//     by hand calls Spool.WithDefaults.
//   - The value types, each with its parsing and checks and a test beside
//     it: Size, Rate, Duration, Encoder (with its hardware limits),
//     SourceType, SpoolMode, FsyncPolicy.
//   - Fleet files: ${VAR} and ${VAR:-default} are expanded in every value
//     (expand.go), and the top-level overrides are merged for the device
//     whose id they match (merge.go), both on the YAML node tree before it
//     is decoded, so every value keeps its own position. LoadFor and
//     ParseFor give the config as one device sees it; Config.YAML prints
//     it back (`edgecam config show`).
//   - Reading secrets from *_file keys, into secret.Secret
//     (internal/secret).
//
// The decoding itself is a walk over yaml.v3's node tree (walk.go), not
// yaml.Unmarshal: that is what keeps a position for every error.
//
// # What it must never do
//
//   - Open a camera, a pipeline, a network connection or a spool: it reads
//     YAML and the files the config names (to check them, and the secrets),
//     nothing else, so `edgecam config check` is safe on any machine.
//   - Import another edgecam package but internal/secret: it is a leaf.
//     The agent and cmd/edgecam translate its values for spool, kafka,
//     capture and encode, whose code does not import it, so `config check`
//     and this package's tests need no GStreamer or Kafka.
//   - Show a secret: no message, `config show` output or printed value
//     quotes a password or a secret file's content.
//   - Guess what a value means: a bare "2" for a duration is an error, not
//     two seconds; "scram-sha-512" is an error that says how to write it.
//   - Keep state between calls: no init(), nothing package-level that
//     changes, so two Parse calls share nothing.
package config
