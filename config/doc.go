// Package config owns the edgecam configuration file: its schema, its
// defaults and its validation. It is strict on purpose: an unknown key, a
// value of the wrong type or an impossible value is an error that names the
// file, line and column ("edgecam.yaml:12:5: streams[0].fps: ..."), and every
// problem of a file is reported at once, so a fleet operator fixes a config
// in one pass instead of one error per restart.
//
// The package reads YAML and nothing else: it never opens a camera, a
// pipeline or a network connection. Value types (Duration, SourceType,
// Encoder) carry their own parsing and checks.
package config
