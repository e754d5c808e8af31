package config

import (
	"encoding"
	"strings"
	"testing"
)

func TestOneOf(t *testing.T) {
	valid := []string{"interval", "keyframe", "always"}
	for _, c := range []struct{ noun, in, err string }{
		{"", "always", ""},
		{"", "allways", `"allways": want one of [interval keyframe always] (did you mean "always"?)`},
		{"policy", "allways", `unknown policy "allways": want one of [interval keyframe always] (did you mean "always"?)`},
		{"policy", "sometimes", `unknown policy "sometimes": want one of [interval keyframe always]`},
		{"", "", `"": want one of [interval keyframe always]`},
	} {
		got, err := oneOf[FsyncPolicy](c.noun, c.in, valid)
		if errText(err) != c.err || (err == nil && string(got) != c.in) {
			t.Errorf("oneOf(%q, %q) = %q, %v; want error %q", c.noun, c.in, got, err, c.err)
		}
	}
}

// errText is err's message, "" for nil.
func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// parseCase is an input of a value type's parser, the value it gives,
// and its error: a substring of the message, "" when the input is valid.
type parseCase[T any] struct {
	in   string
	want T
	err  string
}

// unmarshaler is a pointer to a value type.
type unmarshaler[T any] interface {
	*T
	encoding.TextUnmarshaler
}

// checkParse tests a value type's parser on cases, and that its
// UnmarshalText agrees with it and leaves the value as it was (was) on
// error.
func checkParse[T comparable, P unmarshaler[T]](t *testing.T, parse func(string) (T, error), was T, cases []parseCase[T]) {
	t.Helper()
	for _, c := range cases {
		got, err := parse(c.in)
		if c.err == "" && (err != nil || got != c.want) {
			t.Errorf("parse(%q) = %v, %v; want %v", c.in, got, err, c.want)
		}
		if c.err != "" && !strings.Contains(errText(err), c.err) {
			t.Errorf("parse(%q) error %v, want %q", c.in, err, c.err)
		}
		v := was
		uerr := P(&v).UnmarshalText([]byte(c.in))
		if errText(uerr) != errText(err) || (err == nil && v != got) || (err != nil && v != was) {
			t.Errorf("UnmarshalText(%q) = %v, %v; parse gives %v, %v", c.in, v, uerr, got, err)
		}
	}
}

// enumCase is a bad input of an enum value type and its error.
type enumCase struct{ in, err string }

// checkEnum tests an enum value type: every one of valid parses as
// itself, and each bad input fails with its message (see checkParse).
func checkEnum[T ~string, P unmarshaler[T]](t *testing.T, parse func(string) (T, error), valid []string, was T, bad []enumCase) {
	t.Helper()
	var cases []parseCase[T]
	for _, v := range valid {
		cases = append(cases, parseCase[T]{in: v, want: T(v)})
	}
	for _, b := range bad {
		cases = append(cases, parseCase[T]{in: b.in, err: b.err})
	}
	checkParse[T, P](t, parse, was, cases)
}
