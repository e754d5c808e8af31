// Package config owns the edgecam configuration file: its schema, its
// defaults and its validation. It is strict on purpose: an unknown key, a
// value of the wrong type or an impossible value is an error that names the
// file, line and column ("edgecam.yaml:12:5: streams[0].fps: ..."), and every
// problem of a file is reported at once, so a fleet operator fixes a config
// in one pass instead of one error per restart.
//
// One file serves a fleet: ${VAR} and ${VAR:-default} are expanded in every
// value (expand.go), and the top-level overrides are merged for the device
// whose id they match (merge.go), both on the YAML node tree before it is
// decoded, so every value keeps its own position. LoadFor and ParseFor
// give the config as one device sees it; Config.YAML prints it back
// (`edgecam config show`).
//
// Secrets are read from *_file keys only and held in secret.Secret
// (internal/secret), which never prints its value; no error message quotes
// a secret file's content.
//
// The package reads YAML and the files it names, nothing else: it never
// opens a camera, a pipeline or a network connection. Value types
// (Duration, Size, SourceType, Encoder and its hardware limits) carry
// their own parsing and checks.
package config
