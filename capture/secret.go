package capture

import "log/slog"

// Secret is a camera password. Like config.Secret (which the agent copies
// it from) it prints as [redacted] through fmt, slog and text marshalling,
// so a Source can be logged whole; Reveal gives the value to the one place
// that needs it, the rtspsrc description.
type Secret struct{ v string }

// NewSecret wraps v.
func NewSecret(v string) Secret { return Secret{v} }

// Reveal returns the password.
func (s Secret) Reveal() string { return s.v }

// IsZero reports whether no password is set.
func (s Secret) IsZero() bool { return s.v == "" }

// String implements fmt.Stringer.
func (s Secret) String() string {
	if s.v == "" {
		return ""
	}
	return "[redacted]"
}

// GoString implements fmt.GoStringer (%#v).
func (s Secret) GoString() string { return s.String() }

// LogValue implements slog.LogValuer.
func (s Secret) LogValue() slog.Value { return slog.StringValue(s.String()) }

// MarshalText implements encoding.TextMarshaler (JSON and friends).
func (s Secret) MarshalText() ([]byte, error) { return []byte(s.String()), nil }
