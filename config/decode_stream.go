package config

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// streams decodes the streams list. Streams with enabled: false are
// checked (keys and values, not required keys or files) and left out.
func (d *decoder) streams(n *yaml.Node) []Stream {
	p := d.at("streams")
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, "%s: want a list of streams, got %s", p, describe(n))
		return nil
	}
	if len(n.Content) == 0 {
		if !d.partial {
			d.errorf(n, "%s: empty: configure at least one stream", p)
		}
		return nil
	}
	names := map[string]int{}
	var out []Stream
	for i, sn := range n.Content {
		s, nameNode, on := d.stream(resolve(sn), i)
		if nameNode != nil && s.Name != "" {
			if line, dup := names[s.Name]; dup {
				d.errorf(nameNode, "%s[%d].name: %q is already the name of the stream at line %d; stream names must be unique", p, i, s.Name, line)
			} else {
				names[s.Name] = nameNode.Line
			}
		}
		if on {
			out = append(out, s)
		}
	}
	if !d.partial && len(out) == 0 {
		d.errorf(n, "%s: every stream is off (enabled: false) for this device: turn at least one on", p)
	}
	return out
}

// stream decodes one stream; on is false for enabled: false.
func (d *decoder) stream(n *yaml.Node, i int) (s Stream, nameNode *yaml.Node, on bool) {
	p := d.at(fmt.Sprintf("streams[%d]", i))
	on = true
	if v := resolve(mapValue(n, "enabled")); v != nil {
		if b, ok := d.boolean(v, p+".enabled"); ok {
			on = b
		}
	}
	if !on && !d.partial {
		// A stream that is off is checked like an override's set: it
		// may be for other devices, its camera or files absent here.
		d.partial = true
		defer func() { d.partial = false }()
	}
	s = Stream{
		Width:            DefaultWidth,
		Height:           DefaultHeight,
		FPS:              DefaultFPS,
		BitrateKbps:      DefaultBitrateKbps,
		KeyframeInterval: DefaultKeyframeInterval,
		Encoder:          EncoderAuto,
	}
	var sourceNode, encoderNode *yaml.Node
	nodes := map[string]*yaml.Node{}
	d.mapping(n, p, map[string]func(k, v *yaml.Node){
		"name": func(_, v *yaml.Node) {
			nameNode = v
			if str, ok := d.str(v, p+".name"); ok {
				if !validName.MatchString(str) {
					d.errorf(v, "%s.name: %q: use only letters, digits, '.', '_' and '-' (it is the second half of the Kafka key)", p, str)
					return
				}
				s.Name = str
			}
		},
		"enabled": func(_, _ *yaml.Node) {}, // decoded above: it decides how the rest is checked
		"source":  func(_, v *yaml.Node) { sourceNode = v; s.Source = d.source(v, p+".source") },
		"width": func(_, v *yaml.Node) {
			nodes["width"] = v
			if w, ok := d.integer(v, p+".width", MinWidth, MaxWidth); ok {
				s.Width = w
				if w%2 != 0 {
					d.errorf(v, "%s.width: %d is odd; H.264 with 4:2:0 chroma needs an even width", p, w)
				}
			}
		},
		"height": func(_, v *yaml.Node) {
			nodes["height"] = v
			if h, ok := d.integer(v, p+".height", MinHeight, MaxHeight); ok {
				s.Height = h
				if h%2 != 0 {
					d.errorf(v, "%s.height: %d is odd; H.264 with 4:2:0 chroma needs an even height", p, h)
				}
			}
		},
		"fps": func(_, v *yaml.Node) {
			nodes["fps"] = v
			if f, ok := d.integer(v, p+".fps", MinFPS, MaxFPS); ok {
				s.FPS = f
			}
		},
		"bitrate_kbps": func(_, v *yaml.Node) {
			if b, ok := d.integer(v, p+".bitrate_kbps", MinBitrate, MaxBitrate); ok {
				s.BitrateKbps = b
			}
		},
		"keyframe_interval": func(_, v *yaml.Node) {
			str, ok := d.str(v, p+".keyframe_interval")
			if !ok {
				return
			}
			k, err := ParseDuration(str)
			if err != nil {
				d.errorf(v, "%s.keyframe_interval: %v", p, err)
				return
			}
			if k < MinKeyframe || k > MaxKeyframe {
				d.errorf(v, "%s.keyframe_interval: %s is out of range %s..%s", p, k, MinKeyframe, MaxKeyframe)
				return
			}
			s.KeyframeInterval = k
		},
		"encoder": func(_, v *yaml.Node) {
			encoderNode = v
			str, ok := d.str(v, p+".encoder")
			if !ok {
				return
			}
			e, err := ParseEncoder(str)
			if err != nil {
				d.errorf(v, "%s.encoder: %v", p, err)
				return
			}
			s.Encoder = e
		},
	})
	if n.Kind != yaml.MappingNode {
		return s, nil, on
	}
	if nameNode == nil {
		d.errorf(n, "%s.name: missing: every stream needs a unique name (overrides find streams by it)", p)
	}
	if sourceNode == nil && !d.partial {
		d.errorf(n, "%s.source: missing: e.g. source: {type: v4l2, device: /dev/video0}", p)
	}
	if encoderNode == nil && s.Source.Type == SourceRTSP {
		s.Encoder = EncoderNone
	}
	if s.Encoder == EncoderNone && s.Source.Type != "" && s.Source.Type != SourceRTSP {
		d.errorf(encoderNode, "%s.encoder: none passes a camera's H.264 through unchanged, and only an rtsp source delivers H.264 (a %s source gives raw frames): use auto or an encoder", p, s.Source.Type)
	}
	if encoderNode != nil && !d.partial {
		if key, err := s.Encoder.CheckLimits(s.Width, s.Height, s.FPS); err != nil {
			at := cmp.Or(nodes[key], encoderNode)
			d.errorf(at, "%s.%s: %v: lower %s or choose another encoder", p, key, err, key)
		}
	}
	return s, nameNode, on
}

// source decodes a stream's source. Keys that belong to another source
// type are errors at the key.
func (d *decoder) source(n *yaml.Node, p string) Source {
	var src Source
	var typeNode *yaml.Node
	given := map[string]*yaml.Node{} // key → key node, for type-specific keys
	keyed := func(f func(k, v *yaml.Node)) func(k, v *yaml.Node) {
		return func(k, v *yaml.Node) { given[k.Value] = k; f(k, v) }
	}
	text := func(key string, dst *string) func(k, v *yaml.Node) {
		return keyed(func(_, v *yaml.Node) {
			if str, ok := d.str(v, p+"."+key); ok {
				*dst = str
			}
		})
	}
	d.mapping(n, p, map[string]func(k, v *yaml.Node){
		"type": func(_, v *yaml.Node) {
			typeNode = v
			if str, ok := d.str(v, p+".type"); ok {
				t, err := ParseSourceType(str)
				if err != nil {
					d.errorf(v, "%s.type: %v", p, err)
					return
				}
				src.Type = t
			}
		},
		"device": keyed(func(_, v *yaml.Node) {
			if str, ok := d.str(v, p+".device"); ok {
				if !strings.HasPrefix(str, "/") {
					d.errorf(v, "%s.device: %q: want the absolute path of the device node, e.g. /dev/video0", p, str)
					return
				}
				src.Device = str
			}
		}),
		"pattern": keyed(func(_, v *yaml.Node) {
			if str, ok := d.str(v, p+".pattern"); ok {
				if err := checkPattern(str); err != nil {
					d.errorf(v, "%s.pattern: %v", p, err)
					return
				}
				src.Pattern = str
			}
		}),
		"camera_name": text("camera_name", &src.CameraName),
		"sensor_id": keyed(func(_, v *yaml.Node) {
			if id, ok := d.integer(v, p+".sensor_id", 0, MaxSensorID); ok {
				src.SensorID = id
			}
		}),
		"url": keyed(func(_, v *yaml.Node) {
			if str, ok := d.str(v, p+".url"); ok {
				if err := checkRTSPURL(str); err != nil {
					d.errorf(v, "%s.url: %v", p, err)
					return
				}
				src.URL = str
			}
		}),
		"transport": keyed(func(_, v *yaml.Node) { d.choice(v, p+".transport", RTSPTransports, &src.Transport) }),
		"username":  text("username", &src.Username),
		"password_file": keyed(func(_, v *yaml.Node) {
			if str, ok := d.str(v, p+".password_file"); ok {
				src.PasswordFile = d.abs(str)
			}
		}),
		"password": d.inlinePassword(p),
	})
	if n.Kind != yaml.MappingNode {
		return src
	}
	if typeNode == nil {
		if !d.partial {
			d.errorf(n, "%s.type: missing: one of %v", p, SourceTypes)
		}
		return src
	}
	if src.Type == "" {
		return src // a bad type, reported
	}
	for _, key := range slices.Sorted(maps.Keys(given)) {
		if types := sourceKeyTypes(key); !slices.Contains(types, src.Type) {
			d.errorf(given[key], "%s.%s: %s source has no %s (only %s sources do)", p, key, src.Type.article(), key, types[0])
		}
	}
	if d.partial {
		return src
	}
	switch src.Type {
	case SourceV4L2:
		if given["device"] == nil {
			d.errorf(n, "%s.device: missing: a v4l2 source needs its device node, e.g. /dev/video0", p)
		}
	case SourceTest:
		if src.Pattern == "" {
			src.Pattern = DefaultPattern
		}
	case SourceRTSP:
		if given["url"] == nil {
			d.errorf(n, "%s.url: missing: an rtsp source needs the camera's URL, e.g. rtsp://192.0.2.10:554/stream1", p)
		}
		if src.Transport == "" {
			src.Transport = DefaultRTSPTransport
		}
		if k := given["password_file"]; k != nil {
			if given["username"] == nil {
				d.errorf(k, "%s.password_file: a password needs a username too", p)
			}
			src.Password = d.secret(k, p+".password_file", src.PasswordFile)
		}
	}
	return src
}
