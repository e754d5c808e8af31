package config

import (
	"bytes"
	"encoding"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/edgecam/edgecam/internal/secret"
)

// decoder walks the YAML node tree by hand instead of unmarshalling into
// structs: that is what lets it report every unknown key, wrong type and
// bad value with its own line and column, all in one pass.
//
// This file is the walker: positions, the "want X, got Y" checks of YAML
// kinds, and one decoding helper per kind of value (text, whole numbers,
// booleans, the value types of this package, paths, secrets). What the
// keys are and what they mean is in the file of each section (kafka.go,
// spool.go, stream.go, ...); the defaults are in defaults.go.
//
// A file goes through three phases, each on the node tree: ${VAR}
// expansion, the overrides (checked, and the matching ones merged), then
// decoding of the merged tree. Every node keeps the position it has in the
// file, so an error in a value an override brought points into the
// override. A position that already has an error from an earlier phase
// gets no second one (an unset ${VAR} does not also make its value empty
// or invalid; a bad value in a matching override is reported once).
type decoder struct {
	file string
	// dir is the absolute folder of file: relative paths start there.
	dir      string
	hostname func() (string, error)
	// deviceID is the device the caller asked for; "" means device.id,
	// else the host name.
	deviceID string
	// prefix is put before the key paths of messages: "overrides[2].set"
	// while an override's set is checked.
	prefix string
	// partial is set while a fragment is checked that need not be
	// complete and must not touch files: an override's set, a disabled
	// stream. Required keys, cross-key rules, defaults and file reads are
	// skipped.
	partial bool
	// streamsOptional: a config without streams is complete (LoadFleet).
	streamsOptional bool
	errs            Errors
	muted           map[[2]int]bool
	// failed holds the values whose ${VAR} could not be expanded: they
	// decode as absent, so nothing else is checked with their text.
	failed map[*yaml.Node]bool
}

func newDecoder(file, deviceID string) *decoder {
	dir, err := filepath.Abs(filepath.Dir(file))
	if err != nil {
		dir = filepath.Dir(file)
	}
	return &decoder{file: file, dir: dir, hostname: os.Hostname, deviceID: deviceID, muted: map[[2]int]bool{}, failed: map[*yaml.Node]bool{}}
}

func (d *decoder) errorf(n *yaml.Node, format string, args ...any) {
	line, col := 1, 1
	if n != nil && n.Line > 0 {
		line, col = n.Line, n.Column
	}
	if d.muted[[2]int{line, col}] {
		return
	}
	d.errs = append(d.errs, &Error{File: d.file, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)})
}

// endPhase mutes the positions reported so far for the phases to come.
func (d *decoder) endPhase() {
	for _, e := range d.errs {
		d.muted[[2]int{e.Line, e.Col}] = true
	}
}

// at returns the path of key as messages name it: "kafka.topic", or
// "overrides[0].set.kafka.topic" inside an override.
func (d *decoder) at(key string) string {
	switch {
	case d.prefix == "" && key == "":
		return "the config"
	case d.prefix == "":
		return key
	case key == "":
		return d.prefix
	}
	return d.prefix + "." + key
}

// abs makes a path from the file absolute: relative to the file's folder.
func (d *decoder) abs(p string) string {
	if filepath.IsAbs(p) {
		return filepath.Clean(p)
	}
	return filepath.Join(d.dir, p)
}

// yamlLine matches the position yaml.v3 puts in its syntax errors.
var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parseYAML returns the root node of the single document in data, or nil
// after reporting why there is none.
func (d *decoder) parseYAML(data []byte) *yaml.Node {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			d.errorf(nil, "the file is empty: a config needs at least kafka.brokers and streams")
			return nil
		}
		// yaml.v3 reports the line of a syntax error but not its column.
		msg, line := strings.TrimPrefix(err.Error(), "yaml: "), 1
		if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
			line, _ = strconv.Atoi(m[1])
			msg = m[2]
		}
		d.errs = append(d.errs, &Error{File: d.file, Line: line, Col: 1, Msg: "YAML syntax: " + msg})
		return nil
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		d.errorf(&extra, "a second YAML document: a config file holds exactly one")
	} else if !errors.Is(err, io.EOF) {
		d.errorf(nil, "YAML syntax after the first document: %v", err)
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	return root
}

// entry is one key of a mapping: the key node (where a problem of the key
// as a whole is reported: a missing file, a key the source type does not
// have) and its value node.
type entry struct{ key, value *yaml.Node }

// found is what mapping saw: the known keys given, the first occurrence
// of each. An absent key is not in it.
type found map[string]entry

// has tells whether key was given.
func (f found) has(key string) bool { _, ok := f[key]; return ok }

// mapping checks that n is a mapping and calls the field's function for
// each key; unknown and repeated keys are errors. It returns the keys it
// decoded, and whether n was a mapping at all (when it is not, the
// required keys of a section are not reported missing: the section is
// already wrong).
func (d *decoder) mapping(n *yaml.Node, what string, fields map[string]func(k, v *yaml.Node)) (found, bool) {
	n = resolve(n)
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "%s: want a mapping of keys (key: value), got %s", what, describe(n))
		return nil, false
	}
	known := make([]string, 0, len(fields))
	for k := range fields {
		known = append(known, k)
	}
	slices.Sort(known)
	seen := map[string]int{} // key → line, known or not
	given := found{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.errorf(k, "%s: keys must be plain names", what)
			continue
		}
		if line, dup := seen[k.Value]; dup {
			d.errorf(k, "%s: %s given twice (first at line %d)", what, k.Value, line)
			continue
		}
		seen[k.Value] = k.Line
		f, ok := fields[k.Value]
		if !ok {
			d.errorf(k, "%s: unknown key %q%s; known keys: %s", what, k.Value, suggest(k.Value, known), strings.Join(known, ", "))
			continue
		}
		given[k.Value] = entry{k, resolve(v)}
		f(k, resolve(v))
	}
	return given, true
}

// resolve follows an alias to the node it names.
func resolve(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

// mapValue returns the value of key in mapping m (nil when absent).
func mapValue(m *yaml.Node, key string) *yaml.Node {
	if i := keyIndex(m, key); i >= 0 {
		return m.Content[i+1]
	}
	return nil
}

// keyIndex returns the index in m.Content of key's key node, or -1.
func keyIndex(m *yaml.Node, key string) int {
	if m == nil || m.Kind != yaml.MappingNode {
		return -1
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if k := m.Content[i]; k.Kind == yaml.ScalarNode && k.Value == key {
			return i
		}
	}
	return -1
}

// describe names what a node holds, for "want X, got Y" messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!null":
			return "nothing"
		case "!!str":
			return fmt.Sprintf("the text %q", n.Value)
		case "!!int", "!!float":
			return "the number " + n.Value
		case "!!bool":
			return "the boolean " + n.Value
		}
		return fmt.Sprintf("%q", n.Value)
	}
	return "nothing"
}

// list checks that n is a list with at least one entry; items names what
// it holds. For an empty list, empty says what to do ("" when an empty
// list is no problem here: it is still not decoded).
func (d *decoder) list(n *yaml.Node, what, items, empty string) bool {
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, "%s: want a list of %s, got %s", what, items, describe(n))
		return false
	}
	if len(n.Content) == 0 && empty != "" {
		d.errorf(n, "%s: empty: %s", what, empty)
	}
	return len(n.Content) > 0
}

// str decodes a text value. Numbers are accepted as text (a device id of
// 42 is fine); lists, mappings, booleans and nulls are not.
func (d *decoder) str(n *yaml.Node, what string) (string, bool) {
	if d.failed[n] {
		return "", false
	}
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" || n.Tag == "!!bool" {
		d.errorf(n, "%s: want text, got %s", what, describe(n))
		return "", false
	}
	if n.Value == "" {
		d.errorf(n, "%s: must not be empty", what)
		return "", false
	}
	return n.Value, true
}

// text decodes a text value into dst when check (if not nil) accepts it;
// check's error is reported at the value.
func (d *decoder) text(v *yaml.Node, what string, check func(string) error, dst *string) bool {
	s, ok := d.str(v, what)
	if !ok || (check != nil && !d.report(v, what, check(s))) {
		return false
	}
	*dst = s
	return true
}

// report reports err, when there is one, at v as a problem of what; it
// tells whether there was none.
func (d *decoder) report(v *yaml.Node, what string, err error) bool {
	if err != nil {
		d.errorf(v, "%s: %v", what, err)
	}
	return err == nil
}

// choice decodes a text value that must be one of valid.
func (d *decoder) choice(v *yaml.Node, what string, valid []string, dst *string) {
	d.text(v, what, func(s string) error { _, err := oneOf[string]("", s, valid); return err }, dst)
}

// value decodes a text value with dst's own parsing and checks (Size,
// Duration, Encoder, SourceType, SpoolMode, ...): their error is the
// message.
func (d *decoder) value(v *yaml.Node, what string, dst encoding.TextUnmarshaler) bool {
	s, ok := d.str(v, what)
	return ok && d.report(v, what, dst.UnmarshalText([]byte(s)))
}

// bounded is a value type with a range: Size, Rate, Duration.
type bounded[T any] interface {
	*T
	encoding.TextUnmarshaler
	check(lo, hi T) error
}

// within decodes a value of a bounded type that lies within lo..hi (what
// the bounds mean, and the message, are the type's check).
func within[T any, P bounded[T]](d *decoder, v *yaml.Node, what string, lo, hi T, dst *T) {
	var x T
	if d.value(v, what, P(&x)) && d.report(v, what, P(&x).check(lo, hi)) {
		*dst = x
	}
}

// integer decodes a whole number within lo..hi into dst.
func (d *decoder) integer(n *yaml.Node, what string, lo, hi int, dst *int) bool {
	if d.failed[n] {
		return false
	}
	if n.Kind != yaml.ScalarNode || n.Tag != "!!int" {
		d.errorf(n, "%s: want a whole number, got %s", what, describe(n))
		return false
	}
	var v int
	if err := n.Decode(&v); err != nil {
		d.errorf(n, "%s: %q is not a whole number", what, n.Value)
		return false
	}
	if v < lo || v > hi {
		d.errorf(n, "%s: %d is out of range %d..%d", what, v, lo, hi)
		return false
	}
	*dst = v
	return true
}

// boolean decodes true or false.
func (d *decoder) boolean(n *yaml.Node, what string) (bool, bool) {
	if d.failed[n] {
		return false, false
	}
	if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
		d.errorf(n, "%s: want true or false, got %s", what, describe(n))
		return false, false
	}
	var b bool
	if err := n.Decode(&b); err != nil {
		d.errorf(n, "%s: want true or false, got %s", what, describe(n))
		return false, false
	}
	return b, true
}

// path decodes a path, made absolute from the file's folder. Nothing is
// checked on disk (see readable).
func (d *decoder) path(v *yaml.Node, what string, dst *string) bool {
	s, ok := d.str(v, what)
	if ok {
		*dst = d.abs(s)
	}
	return ok
}

// readable decodes a path to a file that must be readable now (unless
// partial); problems are reported at the key k, the line to fix.
func (d *decoder) readable(k, v *yaml.Node, what string) string {
	var p string
	if d.path(v, what, &p) && !d.partial {
		d.report(k, what, checkFile(p))
	}
	return p
}

// secret reads the secret in file p (see readSecret), reporting at k.
func (d *decoder) secret(k *yaml.Node, what, p string) secret.Secret {
	if d.partial || p == "" {
		return secret.Secret{}
	}
	s, err := readSecret(p)
	if err != nil {
		d.errorf(k, "%s: %v", what, err)
	}
	return s
}

// inlinePassword is the decoder of a "password" key: always an error
// that points to password_file. The value is never quoted.
func (d *decoder) inlinePassword(what string) func(k, v *yaml.Node) {
	return func(k, _ *yaml.Node) {
		d.errorf(k, "%s.password: passwords are never written in the config (it is copied, shown and logged): put it in a file readable only by edgecam (a systemd credential) and give the file's path as %s.password_file", what, what)
	}
}
