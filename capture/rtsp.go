package capture

import (
	"cmp"
	"errors"
	"fmt"
	"net/url"
	"strings"
)

// RTSP timeouts. rtspsrc's defaults (20 s to connect, 5 s without UDP
// packets) leave a stream dark for long after a camera dropped; these fail
// the pipeline sooner so the agent's supervisor reconnects with its
// backoff.
const (
	// rtspConnectTimeout bounds connecting and each RTSP request (µs).
	rtspConnectTimeout = 5_000_000
	// rtspUDPTimeout is how long UDP may bring no packet before rtspsrc
	// gives up on UDP (µs).
	rtspUDPTimeout = 5_000_000
	// rtspLatencyMs is the jitter buffer: enough to reorder UDP packets on
	// a LAN, small enough that capture time stays close to the truth.
	rtspLatencyMs = 200
)

// The codecs an RTSP camera may send (Source.Codec).
const (
	CodecH264 = "h264"
	CodecH265 = "h265"
)

// rtspCodec is the camera's codec; "" is H.264.
func rtspCodec(s Source) (string, error) {
	switch s.Codec {
	case "", CodecH264:
		return CodecH264, nil
	case CodecH265:
		return CodecH265, nil
	}
	return "", fmt.Errorf("rtsp source %s: codec %q (want %s or %s)", redactURL(s.URL), s.Codec, CodecH264, CodecH265)
}

// rtspDepay is the RTP depayloader of each codec. rtph264depay's
// wait-for-keyframe drops the frames between a loss (or a join mid-GOP)
// and the next IDR: they reference pictures we never got, and a record
// stream that cannot be decoded from its first frame would break the
// record format's promise that every keyframe is a starting point.
// GStreamer 1.22's rtph265depay has no such property: package encode
// drops what comes before the first keyframe of every passthrough
// pipeline instead (after a loss over UDP, the frames up to the next IRAP
// then pass as they come, and a decoder conceals what they miss).
func rtspDepay(codec string) string {
	if codec == CodecH265 {
		return "rtph265depay"
	}
	return "rtph264depay wait-for-keyframe=true"
}

// RTSPSourceName is the name rtspsrc has in every RTSP fragment, so that
// the audio branch of audio source camera can take the camera's audio pad
// (encode.CameraElement is the same name; agent's TestCameraElementName
// holds them together).
const RTSPSourceName = "camsrc"

// rtspHead renders rtspsrc and the RTP depayloader of the camera's codec:
// H.264 or H.265 access units, each its own buffer, with the keyframe flag
// set from the NAL types. rtspsrc is named RTSPSourceName, for the audio
// branch (encode/camaudio.go links the camera's audio pad); the direct link takes the video pad, as only the
// depayloader's caps fit it, and a camera's audio track that no branch
// takes stays unlinked without harm (rtspsrc fails only when no stream is
// linked).
//
// The password goes into the description (rtspsrc has no other way to take
// it from gst-launch syntax), so the description must never be logged or
// wrapped into an error as it is: Source.Redact removes it.
func rtspHead(s Source) (string, error) {
	if err := checkRTSPURL(s.URL); err != nil {
		return "", err
	}
	codec, err := rtspCodec(s)
	if err != nil {
		return "", err
	}
	proto := s.Transport
	switch proto {
	case "":
		proto = "tcp"
	case "tcp", "udp":
	default:
		return "", fmt.Errorf("rtsp source %s: transport %q (want tcp or udp)", redactURL(s.URL), s.Transport)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "rtspsrc location=%s protocols=%s latency=%d tcp-timeout=%d timeout=%d name=%s",
		quote(s.URL), proto, rtspLatencyMs, rtspConnectTimeout, rtspUDPTimeout, RTSPSourceName)
	if s.Username != "" {
		fmt.Fprintf(&b, " user-id=%s", quote(s.Username))
	}
	if !s.Password.IsZero() {
		fmt.Fprintf(&b, " user-pw=%s", quote(s.Password.Reveal()))
	}
	b.WriteString(" ! " + rtspDepay(codec))
	return b.String(), nil
}

// checkRTSPURL wants rtsp://host[:port]/path. Credentials belong in
// username and password_file, where they stay out of logs.
func checkRTSPURL(raw string) error {
	if raw == "" {
		return errors.New("rtsp source without a url")
	}
	u, err := url.Parse(raw)
	if err != nil {
		// url.Parse quotes the input; it may hold a password.
		return fmt.Errorf("rtsp source: url is not a valid URL (want rtsp://host[:port]/path)")
	}
	if u.Scheme != "rtsp" && u.Scheme != "rtsps" {
		return fmt.Errorf("rtsp source %s: scheme %q (want rtsp:// or rtsps://)", redactURL(raw), u.Scheme)
	}
	if u.Host == "" {
		return fmt.Errorf("rtsp source %s: no host (want rtsp://host[:port]/path)", redactURL(raw))
	}
	if u.User != nil {
		return fmt.Errorf("rtsp source %s: put the user name in username and the password in password_file, not in the url", redactURL(raw))
	}
	return nil
}

// rtspDecoders is the parser and software decoder of each codec.
var rtspDecoders = map[string]string{
	CodecH264: "h264parse ! avdec_h264",
	CodecH265: "h265parse ! avdec_h265",
}

// rtspDecodeFragment renders an RTSP camera as raw video in format f, for a
// stream that re-encodes (a configured encoder): the camera's H.264 or
// H.265 is decoded in software (avdec_h264, avdec_h265), then scaled
// (letterboxed, square pixels) and its rate converted to what the stream
// asks for.
func rtspDecodeFragment(s Source, f Format) (string, error) {
	head, err := rtspHead(s)
	if err != nil {
		return "", err
	}
	codec, _ := rtspCodec(s) // rtspHead checked it
	return fmt.Sprintf("%s ! %s ! videoconvert ! videoscale ! videorate ! "+
		"video/x-raw,width=%d,height=%d,framerate=%d/1,pixel-aspect-ratio=1/1", head, rtspDecoders[codec], f.Width, f.Height, f.FPS), nil
}

// PassthroughFragment renders the source as the head of a pipeline that
// outputs the camera's own H.264 (or H.265) access units, untouched
// (encoder none): package encode adds h264parse or h265parse (see
// PassthroughCodec), which puts the parameter sets before every IDR/IRAP
// and emits Annex-B. RTSP cameras deliver H.264 or H.265 (Source.Codec), V4L2 cameras of
// FormatH264 or FormatH265 their own encoding at size and rate f (which
// they must deliver: ChooseFormat); other kinds need an encoder.
func PassthroughFragment(s Source, f Format) (string, error) {
	switch {
	case s.Kind == RTSP:
		return rtspHead(s)
	case s.Kind == V4L2 && Encoded(s.Format):
		if s.Device == "" {
			return "", errors.New("v4l2 source without a device")
		}
		caps, err := v4l2Caps(s.Format, f)
		if err != nil {
			return "", err
		}
		return fmt.Sprintf("v4l2src device=%s ! %s", quote(s.Device), caps), nil
	case s.Kind == V4L2:
		return "", fmt.Errorf("%s delivers %s frames: encoder none passes a camera's own H.264 or H.265 through; set an encoder (auto picks one) or a camera format h264 or h265", s, cmp.Or(s.Format, FormatRaw))
	}
	return "", fmt.Errorf("%s delivers raw video: encoder none passes H.264 or H.265 through and works with rtsp sources and v4l2 cameras that encode themselves only; set an encoder (auto picks one)", s)
}

// PassthroughCodec is the codec PassthroughFragment's stream carries: an
// RTSP camera's Source.Codec, "h265" for a V4L2 camera of FormatH265, else
// "h264".
func PassthroughCodec(s Source) string {
	switch {
	case s.Kind == RTSP:
		if c, err := rtspCodec(s); err == nil {
			return c
		}
	case s.Kind == V4L2 && s.Format == FormatH265:
		return CodecH265
	}
	return CodecH264
}

// Redact replaces the source's password in text (a pipeline description
// or an error built from one) with [redacted], both as configured and as
// quoted in a description.
func (s Source) Redact(text string) string {
	pw := s.Password.Reveal()
	if pw == "" {
		return text
	}
	q := quote(pw)
	text = strings.ReplaceAll(text, q[1:len(q)-1], "[redacted]")
	return strings.ReplaceAll(text, pw, "[redacted]")
}

// RedactError is Redact for errors: nil stays nil, an error whose text holds
// the password is replaced by one with the same text redacted (the chain is
// then lost; its text is what a user sees).
func (s Source) RedactError(err error) error {
	if err == nil {
		return nil
	}
	if msg := err.Error(); s.Redact(msg) != msg {
		return errors.New(s.Redact(msg))
	}
	return err
}

// redactURL is the URL as it may appear in a log: a password in it
// (a misconfiguration that checkRTSPURL rejects) shows as xxxxx.
func redactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "(invalid url)"
	}
	return u.Redacted()
}
