package config

import (
	"fmt"
	"path"
	"slices"

	"gopkg.in/yaml.v3"
)

// Fleet overrides (the top-level "overrides" key):
//
//	overrides:
//	  - match: "pi-garage-*"     # path.Match glob on the device id
//	    set:                     # any keys of the file but device and overrides
//	      streams: [{name: front, bitrate_kbps: 1200}]
//
// They are merged on the YAML node tree before the tree is decoded, so a
// value an override brings keeps its own line:col in every error. Merge
// rules, applied in list order, each override on the result of the last:
//   - mappings merge key by key, recursively;
//   - streams merge by name: a name not in the list appends a stream, a
//     known name merges into that stream, "enabled: false" turns it off;
//   - a stream's source that names another type replaces the whole source
//     (keys of a v4l2 source make no sense on an rtsp one);
//   - scalars and every other list replace what was there.

// applyOverrides checks every override (the ones that do not match this
// device too, so a typo in the jetson group is found on a Pi) and returns
// root with the sets of the matching ones merged in. root itself is not
// changed.
func (d *decoder) applyOverrides(root *yaml.Node, deviceID string) *yaml.Node {
	if root.Kind != yaml.MappingNode {
		return root
	}
	list := resolve(mapValue(root, "overrides"))
	if list == nil {
		return root
	}
	if list.Kind != yaml.SequenceNode {
		d.errorf(list, "overrides: want a list of {match: GLOB, set: {...}}, got %s", describe(list))
		return root
	}
	merged := root
	for i, o := range list.Content {
		o = resolve(o)
		p := fmt.Sprintf("overrides[%d]", i)
		var match string
		keys, ok := d.mapping(o, p, map[string]func(k, v *yaml.Node){
			"match": func(_, v *yaml.Node) { d.text(v, p+".match", checkGlob, &match) },
			"set":   func(_, v *yaml.Node) { d.overrideSet(v, p+".set") },
		})
		if !ok {
			continue
		}
		set := keys["set"].value
		if !keys.has("match") {
			d.errorf(o, "%s.match: missing: the glob of the device ids this override is for, e.g. \"pi-garage-*\"", p)
		}
		if set == nil {
			d.errorf(o, "%s.set: missing: the keys this override changes, e.g. set: {log: {level: debug}}", p)
		}
		if match == "" || set == nil || set.Kind != yaml.MappingNode || deviceID == "" {
			continue
		}
		if ok, _ := path.Match(match, deviceID); ok {
			merged = mergeMaps(merged, set, true)
		}
	}
	return merged
}

// checkGlob checks an override's match: a path.Match pattern.
func checkGlob(s string) error {
	if _, err := path.Match(s, ""); err != nil {
		return fmt.Errorf("%q is not a valid glob (%w): use *, ? and [a-z], e.g. \"pi-garage-*\"", s, err)
	}
	return nil
}

// overrideSet checks an override's set like the top of a file, with
// nothing required and no file opened (the set may be for other devices):
// unknown keys, wrong types and impossible values.
func (d *decoder) overrideSet(n *yaml.Node, p string) {
	saved, savedPartial := d.prefix, d.partial
	d.prefix, d.partial = p, true
	defer func() { d.prefix, d.partial = saved, savedPartial }()
	fields := d.sections(&Config{})
	fields["device"] = func(k, _ *yaml.Node) {
		d.errorf(k, "%s.device: an override cannot change the device: match chooses the devices it applies to", p)
	}
	fields["overrides"] = func(k, _ *yaml.Node) {
		d.errorf(k, "%s.overrides: overrides do not nest: list every override at the top level", p)
	}
	d.mapping(n, p, fields)
}

// merge returns dst with src laid over it; key is the mapping key both
// stand under. Neither node is changed: merged mappings and lists are
// copies that share the unchanged children.
func merge(dst, src *yaml.Node, key string) *yaml.Node {
	dst, src = resolve(dst), resolve(src)
	switch {
	case key == "streams" && dst.Kind == yaml.SequenceNode && src.Kind == yaml.SequenceNode:
		return mergeStreams(dst, src)
	case dst.Kind == yaml.MappingNode && src.Kind == yaml.MappingNode:
		if key == "source" && sourceType(dst) != sourceType(src) && sourceType(src) != "" {
			return src
		}
		return mergeMaps(dst, src, false)
	}
	return src
}

// mergeMaps merges mapping src into a copy of mapping dst. At the top of
// the file, device and overrides are never taken from src (checking the
// set reports them).
func mergeMaps(dst, src *yaml.Node, top bool) *yaml.Node {
	out := *dst
	out.Content = slices.Clone(dst.Content)
	for i := 0; i+1 < len(src.Content); i += 2 {
		k, v := src.Content[i], src.Content[i+1]
		if k.Kind != yaml.ScalarNode || (top && (k.Value == "device" || k.Value == "overrides")) {
			continue
		}
		if j := keyIndex(&out, k.Value); j >= 0 {
			out.Content[j+1] = merge(out.Content[j+1], v, k.Value)
		} else {
			out.Content = append(out.Content, k, v)
		}
	}
	return &out
}

// mergeStreams merges the streams of src into a copy of the list dst by
// name. Entries without a usable name are skipped (checking the set
// reports them).
func mergeStreams(dst, src *yaml.Node) *yaml.Node {
	out := *dst
	out.Content = slices.Clone(dst.Content)
	for _, s := range src.Content {
		s = resolve(s)
		n := streamName(s)
		if n == "" {
			continue
		}
		j := slices.IndexFunc(out.Content, func(c *yaml.Node) bool { return streamName(resolve(c)) == n })
		if j < 0 {
			out.Content = append(out.Content, s)
			continue
		}
		out.Content[j] = merge(out.Content[j], s, "")
	}
	return &out
}

// streamName is the name of a stream node, "" when it has none.
func streamName(s *yaml.Node) string {
	if v := resolve(mapValue(s, "name")); v != nil && v.Kind == yaml.ScalarNode {
		return v.Value
	}
	return ""
}

// sourceType is the type written in a source node, "" when none.
func sourceType(s *yaml.Node) string {
	if v := resolve(mapValue(s, "type")); v != nil && v.Kind == yaml.ScalarNode {
		return v.Value
	}
	return ""
}
