package config

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/edgecam/edgecam/internal/secret"
)

// maxSecretSize bounds what readSecret reads: passwords are short, and a
// path mistyped to a large file or a device should fail, not fill memory.
const maxSecretSize = 64 << 10

// checkFile tells whether p is a regular file this process can open for
// reading: the check `config check` makes for TLS files, so a missing or
// unreadable credential is found before the agent starts. Messages name
// the path, never the content.
func checkFile(p string) error {
	st, err := os.Stat(p)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("%s does not exist", p)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("%s cannot be reached by this user (uid %d): check the permissions of its folders", p, os.Getuid())
	case err != nil:
		return fmt.Errorf("%s: %w", p, errors.Unwrap(err))
	case !st.Mode().IsRegular():
		return fmt.Errorf("%s is not a regular file", p)
	}
	f, err := os.Open(p)
	if errors.Is(err, fs.ErrPermission) {
		return fmt.Errorf("%s is not readable by this user (uid %d): run the check as the service's user, or fix the file's owner and mode", p, os.Getuid())
	}
	if err != nil {
		return fmt.Errorf("%s: %w", p, errors.Unwrap(err))
	}
	return f.Close()
}

// readSecret reads a *_file secret: the file's content without one
// trailing newline ("\n" or "\r\n": what `echo` or an editor adds).
// Messages name the path, never the content.
func readSecret(p string) (secret.Secret, error) {
	if err := checkFile(p); err != nil {
		return secret.Secret{}, err
	}
	f, err := os.Open(p)
	if err != nil {
		return secret.Secret{}, fmt.Errorf("%s: %w", p, errors.Unwrap(err))
	}
	defer func() { _ = f.Close() }() // read-only
	b, err := io.ReadAll(io.LimitReader(f, maxSecretSize+1))
	if err != nil {
		return secret.Secret{}, fmt.Errorf("%s: %w", p, errors.Unwrap(err))
	}
	if len(b) > maxSecretSize {
		return secret.Secret{}, fmt.Errorf("%s is larger than %s: is it the right file?", p, Size(maxSecretSize))
	}
	s := string(b)
	if t, ok := strings.CutSuffix(s, "\r\n"); ok {
		s = t
	} else {
		s = strings.TrimSuffix(s, "\n")
	}
	if s == "" {
		return secret.Secret{}, fmt.Errorf("%s is empty", p)
	}
	return secret.New(s), nil
}
