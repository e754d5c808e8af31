package view

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/crypto/bcrypt"
)

func writeAuth(t *testing.T, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "auth")
	if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLoadAuthErrors(t *testing.T) {
	for _, tc := range []struct{ body, want string }{
		{"", "no user and no token"},
		{"# only a comment\n\n", "no user and no token"},
		{"alice\n", ":1:1: want NAME:BCRYPT-HASH or token:TOKEN"},
		{"\nalice:plaintext\n", ":2:7: user alice: not a bcrypt hash"},
		{"token:short\n", ":1:7: token too short"},
	} {
		_, err := LoadAuth(writeAuth(t, tc.body))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("LoadAuth(%q) = %v, want an error with %q", tc.body, err, tc.want)
		}
	}
}

func TestAuthCheck(t *testing.T) {
	hash, err := bcrypt.GenerateFromPassword([]byte("pw-of-alice"), bcrypt.MinCost)
	if err != nil {
		t.Fatal(err)
	}
	a, err := LoadAuth(writeAuth(t, "# viewers\nalice:"+string(hash)+"\ntoken:0123456789abcdef0123\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		set  func(*http.Request)
		ok   bool
	}{
		{"nothing", func(*http.Request) {}, false},
		{"user", func(r *http.Request) { r.SetBasicAuth("alice", "pw-of-alice") }, true},
		{"user again (remembered)", func(r *http.Request) { r.SetBasicAuth("alice", "pw-of-alice") }, true},
		{"wrong password", func(r *http.Request) { r.SetBasicAuth("alice", "pw-of-bob") }, false},
		{"unknown user", func(r *http.Request) { r.SetBasicAuth("bob", "pw-of-alice") }, false},
		{"token", func(r *http.Request) { r.Header.Set("Authorization", "Bearer 0123456789abcdef0123") }, true},
		{"wrong token", func(r *http.Request) { r.Header.Set("Authorization", "Bearer 0123456789abcdef0124") }, false},
	} {
		r := httptest.NewRequest("GET", "/", nil)
		tc.set(r)
		w := httptest.NewRecorder()
		if got := a.check(w, r); got != tc.ok {
			t.Errorf("%s: check = %v, want %v", tc.name, got, tc.ok)
		}
		if !tc.ok && (w.Code != http.StatusUnauthorized || w.Header().Get("WWW-Authenticate") == "") {
			t.Errorf("%s: answered %d %v, want 401 with WWW-Authenticate", tc.name, w.Code, w.Header())
		}
	}
}

// TestServerRequiresAuth: with an auth file, every path answers 401
// without credentials, the page and the API alike.
func TestServerRequiresAuth(t *testing.T) {
	a, err := LoadAuth(writeAuth(t, "token:0123456789abcdef0123\n"))
	if err != nil {
		t.Fatal(err)
	}
	srv := New(nil, Options{Auth: a})
	for _, path := range []string{"/", "/app.js", "/api/streams", "/hls/live/ZC9z/index.m3u8", "/hls/rec/x/index.m3u8"} {
		w := httptest.NewRecorder()
		srv.ServeHTTP(w, httptest.NewRequest("GET", path, nil))
		if w.Code != http.StatusUnauthorized {
			t.Errorf("GET %s without credentials: %d, want 401", path, w.Code)
		}
	}
	r := httptest.NewRequest("GET", "/", nil)
	r.Header.Set("Authorization", "Bearer 0123456789abcdef0123")
	w := httptest.NewRecorder()
	srv.ServeHTTP(w, r)
	if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), "edgecam view") {
		t.Errorf("GET / with the token: %d %.100s", w.Code, w.Body.String())
	}
}
