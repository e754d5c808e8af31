package config

import (
	"cmp"
	"fmt"
	"os"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"
)

// envName is what a shell accepts as a variable name.
var envName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// expandVars replaces ${NAME} and ${NAME:-default} in s, the two forms
// systemd and docker users already write. lookup returns a variable's
// value and whether it is set. ${NAME:-default} takes default when NAME is
// unset or empty (as in sh); ${NAME} alone must be set. "$$" is a literal
// "$"; a "$" not followed by "{" stays as it is, so "$5" or "a$b" need no
// escaping. os.Expand is not used: it has no ":-" and would turn the "$b"
// of a literal into nothing without a word.
//
// Error messages never quote s itself: it may be a mistyped secret.
func expandVars(s string, lookup func(string) (string, bool)) (string, error) {
	if !strings.Contains(s, "$") {
		return s, nil
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] != '$' || i+1 == len(s) || (s[i+1] != '$' && s[i+1] != '{') {
			b.WriteByte(s[i])
			i++
			continue
		}
		if s[i+1] == '$' {
			b.WriteByte('$')
			i += 2
			continue
		}
		end := strings.IndexByte(s[i+2:], '}')
		if end < 0 {
			return "", fmt.Errorf("unterminated ${ at character %d: write ${NAME} or ${NAME:-default}, and $$ for a literal $", i+1)
		}
		expr := s[i+2 : i+2+end]
		v, err := expandOne(expr, lookup)
		if err != nil {
			return "", err
		}
		b.WriteString(v)
		i += 2 + end + 1
	}
	return b.String(), nil
}

// expandOne gives the value of the inside of one ${...}.
func expandOne(expr string, lookup func(string) (string, bool)) (string, error) {
	varName, def, hasDef := strings.Cut(expr, ":-")
	if !envName.MatchString(varName) {
		return "", fmt.Errorf("${%s}: %q is not a variable name (letters, digits and _, not starting with a digit); only ${NAME} and ${NAME:-default} are supported", expr, varName)
	}
	if strings.Contains(def, "${") {
		return "", fmt.Errorf("${%s}: a default cannot hold another ${...}", expr)
	}
	v, set := lookup(varName)
	switch {
	case set && v != "":
		return v, nil
	case hasDef:
		return def, nil
	case set:
		return "", nil
	}
	return "", fmt.Errorf("${%s} is not set in the environment: set it, or give a default with ${%s:-value}", varName, varName)
}

// lookupEnv is the environment as the config sees it. HOSTNAME, which
// shells set but do not export (so systemd services lack it), falls back
// to the host name.
func (d *decoder) lookupEnv(v string) (string, bool) {
	if val, ok := os.LookupEnv(v); ok && (val != "" || v != "HOSTNAME") {
		return val, true
	}
	if v == "HOSTNAME" {
		if h, err := d.hostname(); err == nil && h != "" {
			return h, true
		}
	}
	return "", false
}

// expandTree expands every scalar value of the tree in place (keys stay as
// written), reporting each failure at its own line:col with the value's
// path. It runs before overrides are matched, so ${VAR} works in
// device.id, match and set alike. Aliases are not followed: the node they
// name is expanded where it is defined, and a tree of aliases (a "billion
// laughs" file) costs nothing.
func (d *decoder) expandTree(n *yaml.Node, path string) {
	switch n.Kind {
	case yaml.DocumentNode:
		for _, c := range n.Content {
			d.expandTree(c, path)
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			d.expandTree(n.Content[i+1], joinPath(path, n.Content[i].Value))
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			d.expandTree(c, fmt.Sprintf("%s[%d]", path, i))
		}
	case yaml.ScalarNode:
		v, err := expandVars(n.Value, d.lookupEnv)
		if err != nil {
			d.errorf(n, "%s: %v", cmp.Or(path, "the config"), err)
			d.failed[n] = true
			return
		}
		if v == n.Value {
			return
		}
		n.Value = v
		// A plain scalar is typed by what it says after expansion
		// (fps: ${FPS} is a number); a quoted one or one with an
		// explicit tag stays what it was.
		if n.Style&(yaml.TaggedStyle|yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) == 0 {
			n.Tag = ""
			n.Tag = n.ShortTag()
		}
	}
}

func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}
