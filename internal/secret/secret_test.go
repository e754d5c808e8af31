package secret

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

const password = "hunter2-Pa55"

// holder is how a Secret travels: a field of a config struct.
type holder struct {
	User     string
	Password Secret
}

// TestNeverPrinted: every way a Secret, or a struct that holds one, can
// become text shows Redacted and never the value.
func TestNeverPrinted(t *testing.T) {
	s := New(password)
	h := holder{User: "cam", Password: s}
	var logged bytes.Buffer
	slog.New(slog.NewTextHandler(&logged, nil)).Info("x", "secret", s, "holder", h, "ptr", &h)
	slog.New(slog.NewJSONHandler(&logged, nil)).Info("x", "secret", s, "holder", h, "ptr", &h)
	js, err := json.Marshal(h)
	if err != nil {
		t.Fatal(err)
	}
	ym, err := yaml.Marshal(h)
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string]string{
		"slog":  logged.String(),
		"json":  string(js),
		"yaml":  string(ym),
		"error": fmt.Errorf("login as %s with %v failed", h.User, s).Error(),
	}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%d", "%10s", "%T"} {
		cases[verb] = fmt.Sprintf(verb+" "+verb+" "+verb+" "+verb, s, h, &h, []Secret{s})
	}
	for what, out := range cases {
		if strings.Contains(out, password) || strings.Contains(out, fmt.Sprintf("%x", password)) {
			t.Errorf("%s shows the secret: %s", what, out)
		}
		if what != "%T" && what != "%x" && what != "%X" && !strings.Contains(out, Redacted) {
			t.Errorf("%s does not say %s: %s", what, Redacted, out)
		}
	}
}

func TestValue(t *testing.T) {
	s := New(password)
	if s.Reveal() != password || s.IsZero() {
		t.Errorf("Reveal %q IsZero %v", s.Reveal(), s.IsZero())
	}
	var zero Secret
	if !zero.IsZero() || zero.String() != "" || fmt.Sprint(zero) != "" {
		t.Errorf("zero prints %q", fmt.Sprint(zero))
	}
	if New("a") == New("b") || New("a") != New("a") { //nolint:staticcheck // two New("a") must compare equal: that is the test
		t.Error("secrets do not compare by value")
	}
}
