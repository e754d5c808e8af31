// Package secret holds the one type edgecam keeps passwords in. A Secret
// prints as [redacted] through every fmt verb, slog, JSON, YAML and any
// other text marshalling, so the structs that carry one (config.SASL,
// capture.Source, kafka.SASL) can be logged, printed or shown whole.
//
// It is a leaf: it imports only the standard library, so config, capture
// and kafka share it without importing each other. It never reads files
// (config reads the *_file keys) and never logs.
package secret

import (
	"fmt"
	"log/slog"
)

// Redacted is what a set Secret prints as.
const Redacted = "[redacted]"

// Secret is a password or key. The zero value is "no secret" and prints
// as the empty string; any other value prints as Redacted. Reveal gives
// the value to the one place that needs it (the Kafka client's SASL
// mechanism, rtspsrc's user-pw). Secrets compare with == and
// reflect.DeepEqual by value, so a changed password is a changed config.
type Secret struct{ v string }

// New wraps v.
func New(v string) Secret { return Secret{v} }

// Reveal returns the secret value.
func (s Secret) Reveal() string { return s.v }

// IsZero reports whether no secret is set.
func (s Secret) IsZero() bool { return s.v == "" }

// String implements fmt.Stringer: Redacted, or "" when no secret is set.
func (s Secret) String() string {
	if s.v == "" {
		return ""
	}
	return Redacted
}

// Format implements fmt.Formatter for every verb (%v, %+v, %#v, %s, %q,
// %x, %d, ...): without it, a verb that ignores String (%d) would print
// the struct's field, the secret itself.
func (s Secret) Format(f fmt.State, verb rune) {
	switch verb {
	case 'q':
		_, _ = fmt.Fprintf(f, "%q", s.String()) // Format has no error to return
	default:
		_, _ = fmt.Fprint(f, s.String())
	}
}

// GoString implements fmt.GoStringer.
func (s Secret) GoString() string { return s.String() }

// LogValue implements slog.LogValuer.
func (s Secret) LogValue() slog.Value { return slog.StringValue(s.String()) }

// MarshalText implements encoding.TextMarshaler (JSON, slog's handlers,
// YAML encoders).
func (s Secret) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// MarshalYAML implements gopkg.in/yaml.v3's Marshaler.
func (s Secret) MarshalYAML() (any, error) { return s.String(), nil }
