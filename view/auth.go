package view

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"crypto/subtle"
	"fmt"
	"net/http"
	"os"
	"strings"
	"sync"

	"golang.org/x/crypto/bcrypt"
)

// Auth checks the requests of a viewer served beyond the local machine.
// Its file (--auth-file) has one entry a line; blank lines and lines
// starting with # are skipped:
//
//	NAME:BCRYPT-HASH   a user, HTTP Basic authentication (the format of
//	                   `htpasswd -nbB NAME PASSWORD`)
//	token:TOKEN        a token, sent as "Authorization: Bearer TOKEN"
//
// The file is read once, at start.
type Auth struct {
	mu sync.Mutex
	// ok remembers the sha256 of user:password pairs that passed bcrypt,
	// so that the browser's many segment requests do not each pay a
	// bcrypt comparison (tens of ms); bounded by maxRemembered.
	ok     map[[32]byte]bool
	users  map[string][]byte
	tokens [][32]byte // sha256 of each token: compared in constant time
}

// LoadAuth reads an auth file; a bad line is an error naming file:line.
func LoadAuth(path string) (*Auth, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("auth file: %w", err)
	}
	a := &Auth{users: map[string][]byte{}, ok: map[[32]byte]bool{}}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, val, ok := strings.Cut(line, ":")
		switch {
		case !ok || name == "" || val == "":
			return nil, fmt.Errorf("%s:%d:1: want NAME:BCRYPT-HASH or token:TOKEN", path, n)
		case name == "token":
			if len(val) < 16 {
				return nil, fmt.Errorf("%s:%d:7: token too short: use at least 16 random characters (e.g. openssl rand -hex 16)", path, n)
			}
			a.tokens = append(a.tokens, sha256.Sum256([]byte(val)))
		default:
			if _, err := bcrypt.Cost([]byte(val)); err != nil {
				return nil, fmt.Errorf("%s:%d:%d: user %s: not a bcrypt hash (make one with htpasswd -nbB %s PASSWORD): %w", path, n, len(name)+2, name, name, err)
			}
			if _, dup := a.users[name]; dup {
				return nil, fmt.Errorf("%s:%d:1: user %s given twice", path, n, name)
			}
			a.users[name] = []byte(val)
		}
	}
	if len(a.users) == 0 && len(a.tokens) == 0 {
		return nil, fmt.Errorf("%s: no user and no token in it", path)
	}
	return a, nil
}

const maxRemembered = 64

// check answers 401 and returns false unless r carries a known user's
// password or a token.
func (a *Auth) check(w http.ResponseWriter, r *http.Request) bool {
	if tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer "); ok {
		sum := sha256.Sum256([]byte(tok))
		for _, t := range a.tokens {
			if subtle.ConstantTimeCompare(sum[:], t[:]) == 1 {
				return true
			}
		}
	} else if user, pass, ok := r.BasicAuth(); ok {
		sum := sha256.Sum256([]byte(user + "\x00" + pass))
		a.mu.Lock()
		seen := a.ok[sum]
		a.mu.Unlock()
		if seen {
			return true
		}
		if h, known := a.users[user]; known && bcrypt.CompareHashAndPassword(h, []byte(pass)) == nil {
			a.mu.Lock()
			if len(a.ok) >= maxRemembered {
				clear(a.ok)
			}
			a.ok[sum] = true
			a.mu.Unlock()
			return true
		}
	}
	w.Header().Set("WWW-Authenticate", `Basic realm="edgecam view", charset="UTF-8"`)
	http.Error(w, "authentication required", http.StatusUnauthorized)
	return false
}
