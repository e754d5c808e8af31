package capture

import (
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/edgecam/edgecam/internal/secret"
)

const rtspOpts = "latency=200 tcp-timeout=5000000 timeout=5000000 name=camsrc"

func TestRTSPFragment(t *testing.T) {
	f := Format{Width: 640, Height: 360, FPS: 15}
	const decode = ` ! h264parse ! avdec_h264 ! videoconvert ! videoscale ! videorate ! video/x-raw,width=640,height=360,framerate=15/1,pixel-aspect-ratio=1/1`
	tests := []struct {
		name    string
		src     Source
		pass    string // PassthroughFragment
		wantErr string
	}{
		{"defaults to tcp", Source{Kind: RTSP, URL: "rtsp://10.0.0.7:554/stream1"},
			`rtspsrc location="rtsp://10.0.0.7:554/stream1" protocols=tcp ` + rtspOpts + ` ! rtph264depay wait-for-keyframe=true`, ""},
		{"udp", Source{Kind: RTSP, URL: "rtsp://cam/live", Transport: "udp"},
			`rtspsrc location="rtsp://cam/live" protocols=udp ` + rtspOpts + ` ! rtph264depay wait-for-keyframe=true`, ""},
		{"credentials", Source{Kind: RTSP, URL: "rtsp://cam/live", Username: "admin", Password: secret.New(`pa"ss\word`)},
			`rtspsrc location="rtsp://cam/live" protocols=tcp ` + rtspOpts + ` user-id="admin" user-pw="pa\"ss\\word" ! rtph264depay wait-for-keyframe=true`, ""},
		{"no url", Source{Kind: RTSP}, "", "without a url"},
		{"http", Source{Kind: RTSP, URL: "http://cam/live"}, "", `scheme "http"`},
		{"no host", Source{Kind: RTSP, URL: "rtsp:///live"}, "", "no host"},
		{"bad transport", Source{Kind: RTSP, URL: "rtsp://cam/live", Transport: "sctp"}, "", `transport "sctp"`},
		{"credentials in url", Source{Kind: RTSP, URL: "rtsp://admin:hunter2@cam/live"}, "", "password_file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pass, perr := PassthroughFragment(tt.src, Format{})
			dec, derr := Fragment(tt.src, f)
			if tt.wantErr != "" {
				for _, err := range []error{perr, derr} {
					if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
						t.Errorf("err = %v, want %q", err, tt.wantErr)
					}
					if err != nil && strings.Contains(err.Error(), "hunter2") {
						t.Errorf("error shows the password in the url: %v", err)
					}
				}
				return
			}
			if perr != nil || pass != tt.pass {
				t.Errorf("PassthroughFragment = %q, %v\nwant %q", pass, perr, tt.pass)
			}
			if derr != nil || dec != tt.pass+decode {
				t.Errorf("Fragment = %q, %v\nwant %q", dec, derr, tt.pass+decode)
			}
		})
	}
}

// TestRTSPFragmentH265: an H.265 camera is depayloaded with rtph265depay
// (no wait-for-keyframe in GStreamer 1.22: package encode waits for the
// first keyframe) and, when re-encoded, decoded with avdec_h265; a codec
// nobody knows is an error.
func TestRTSPFragmentH265(t *testing.T) {
	src := Source{Kind: RTSP, URL: "rtsp://cam/h265", Codec: CodecH265}
	const head = `rtspsrc location="rtsp://cam/h265" protocols=tcp ` + rtspOpts + ` ! rtph265depay`
	if got, err := PassthroughFragment(src, Format{}); err != nil || got != head {
		t.Errorf("PassthroughFragment = %q, %v\nwant %q", got, err, head)
	}
	const decode = head + ` ! h265parse ! avdec_h265 ! videoconvert ! videoscale ! videorate ! video/x-raw,width=640,height=360,framerate=15/1,pixel-aspect-ratio=1/1`
	if got, err := Fragment(src, Format{Width: 640, Height: 360, FPS: 15}); err != nil || got != decode {
		t.Errorf("Fragment = %q, %v\nwant %q", got, err, decode)
	}
	src.Codec = "mjpeg"
	if _, err := PassthroughFragment(src, Format{}); err == nil || !strings.Contains(err.Error(), `codec "mjpeg" (want h264 or h265)`) {
		t.Errorf("codec mjpeg: err = %v", err)
	}
}

// The password must reach rtspsrc, and nothing else: not the source's
// String, not fmt or slog output of the Source, not an error that quotes
// the pipeline description.
func TestRTSPPasswordRedacted(t *testing.T) {
	const pw = `s3cr"et\pw`
	src := Source{Kind: RTSP, URL: "rtsp://cam:8554/live", Username: "admin", Password: secret.New(pw)}
	frag, err := PassthroughFragment(src, Format{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(frag, `user-pw="s3cr\"et\\pw"`) {
		t.Fatalf("fragment does not pass the password to rtspsrc: %s", frag)
	}
	var logged strings.Builder
	slog.New(slog.NewTextHandler(&logged, nil)).Info("x", "source", src, "str", src.String())
	shown := map[string]string{
		"String":        src.String(),
		"%v":            fmt.Sprintf("%v", src),
		"%+v":           fmt.Sprintf("%+v", src),
		"%#v":           fmt.Sprintf("%#v", src),
		"slog":          logged.String(),
		"Redact":        src.Redact("could not set property user-pw in " + frag),
		"Redact raw":    src.Redact("password " + pw + " rejected"),
		"RedactError":   src.RedactError(fmt.Errorf("stream cam: building pipeline: %s", frag)).Error(),
		"RedactError 2": src.RedactError(errors.New("pw=" + pw)).Error(),
	}
	for how, s := range shown {
		if strings.Contains(s, "s3cr") {
			t.Errorf("%s shows the password: %s", how, s)
		}
	}
	if got := src.Redact("rtspsrc " + frag); !strings.Contains(got, `user-pw="[redacted]"`) {
		t.Errorf("Redact(fragment) = %s, want user-pw=\"[redacted]\"", got)
	}
	plain := errors.New("no password here")
	if src.RedactError(plain) != plain || src.RedactError(nil) != nil { //nolint:errorlint // unchanged means the very same error value
		t.Error("RedactError changed an error without the password")
	}
	if got := (Source{Kind: RTSP, URL: "rtsp://cam/live"}).Redact("text"); got != "text" {
		t.Errorf("Redact without a password = %q", got)
	}
}
