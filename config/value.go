package config

import "fmt"

// The value types (Size, Rate, Duration, Encoder, SourceType, SpoolMode,
// FsyncPolicy) each parse and check themselves in their own file, with a
// Parse function and an UnmarshalText method the decoder calls; these are
// the two helpers they share.

// unmarshal sets *dst to parse(text): the body of every value type's
// UnmarshalText. *dst is left as it was on error.
func unmarshal[T any](dst *T, parse func(string) (T, error), text []byte) error {
	v, err := parse(string(text))
	if err != nil {
		return err
	}
	*dst = v
	return nil
}

// oneOf returns s when it is one of valid, else an error that lists them
// with a typo suggestion. noun, when set, starts the message ("unknown
// encoder \"x\": want one of ..."); without it the message starts with the
// value ("\"x\": want one of ...").
func oneOf[T ~string](noun, s string, valid []string) (T, error) {
	for _, v := range valid {
		if s == v {
			return T(s), nil
		}
	}
	if noun != "" {
		return "", fmt.Errorf("unknown %s %q: want one of %v%s", noun, s, valid, suggest(s, valid))
	}
	return "", fmt.Errorf("%q: want one of %v%s", s, valid, suggest(s, valid))
}
