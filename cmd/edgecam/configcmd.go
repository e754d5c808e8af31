package main

import (
	"cmp"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/edgecam/edgecam/config"
)

const configUsage = `usage: edgecam config check --config FILE [--device ID]...
                                validate FILE, as each device given sees it
       edgecam config show --config FILE [--device ID]
                                print the effective config of a device`

func cmdConfig(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return usageError{errors.New(configUsage)}
	}
	switch args[0] {
	case "check":
		return configCheck(args[1:], stdout, stderr)
	case "show":
		return configShow(args[1:], stdout, stderr)
	}
	return usageError{fmt.Errorf("edgecam config: unknown command %q\n%s", args[0], configUsage)}
}

// deviceList is a repeatable --device flag.
type deviceList []string

func (l *deviceList) String() string { return strings.Join(*l, ",") }

func (l *deviceList) Set(s string) error {
	if s == "" {
		return errors.New("empty device id")
	}
	*l = append(*l, s)
	return nil
}

// configCheck validates the file for every --device (or the device the
// file itself names): per good device an "ok" line and a line per stream
// on stdout; problems on stderr as file:line:col: message, exit status 2.
func configCheck(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("config check", stderr)
	cfgPath := fs.String("config", "/etc/edgecam/edgecam.yaml", "config file")
	var devices deviceList
	fs.Var(&devices, "device", "check the file as the device with this id sees it (overrides applied); repeat for several. Default: device.id of the file, else the host name")
	if err := parse(fs, args); err != nil {
		return err
	}
	ids := []string(devices)
	if len(ids) == 0 {
		ids = []string{""}
	}
	var problems []problem
	for _, id := range ids {
		cfg, err := config.LoadFor(*cfgPath, id)
		var errs config.Errors
		switch {
		case err == nil:
			if _, err := fmt.Fprintf(stdout, "%s: ok (device %s: %s)\n", *cfgPath, cfg.Device.ID, plural(len(cfg.Streams), "stream")); err != nil {
				return err
			}
			for _, s := range cfg.Streams {
				if _, err := fmt.Fprintf(stdout, "  %s/%s: %s\n", cfg.Device.ID, s.Name, streamSummary(s)); err != nil {
					return err
				}
			}
			// Checked as this machine's own config (no --device): its
			// GStreamer must have every element the sources need
			// (nvarguscamerasrc on a Jetson only, libcamerasrc, ...).
			if len(devices) == 0 {
				if err := checkElements(cfg); err != nil {
					return usageError{fmt.Errorf("%s: this machine cannot run it:\n%w", *cfgPath, err)}
				}
			}
			continue
		case !errors.As(err, &errs):
			return usageError{err}
		}
		for _, e := range errs {
			problems = addProblem(problems, e, id)
		}
	}
	if len(problems) == 0 {
		return nil
	}
	return usageError{errors.New(formatProblems(problems, len(ids)))}
}

// problem is one config error and the devices that have it.
type problem struct {
	err     *config.Error
	devices []string
}

func addProblem(ps []problem, e *config.Error, device string) []problem {
	for i := range ps {
		if *ps[i].err == *e {
			ps[i].devices = append(ps[i].devices, device)
			return ps
		}
	}
	return append(ps, problem{e, []string{device}})
}

// formatProblems lists problems in file order, once each; when several
// devices were checked, a problem that not all of them have names its
// devices.
func formatProblems(ps []problem, checked int) string {
	slices.SortStableFunc(ps, func(a, b problem) int {
		return cmp.Or(cmp.Compare(a.err.Line, b.err.Line), cmp.Compare(a.err.Col, b.err.Col))
	})
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.err.Error()
		if len(p.devices) < checked {
			lines[i] += " (device " + strings.Join(p.devices, ", ") + ")"
		}
	}
	return strings.Join(lines, "\n")
}

// streamSummary is one line about a stream for config check, with its
// sound track if it has one.
func streamSummary(s config.Stream) string {
	line := videoSummary(s)
	if a := s.Audio; a != nil {
		src := a.Source
		if a.Device != "" {
			src += " " + a.Device
		}
		line += fmt.Sprintf("; audio %s, %s %d kbit/s %d Hz %dch", src, a.Codec, a.BitrateKbps, a.Rate, a.Channels)
	}
	return line
}

func videoSummary(s config.Stream) string {
	v4l2 := s.Source.Type == config.SourceV4L2
	switch {
	case s.Encoder == config.EncoderNone && v4l2:
		return fmt.Sprintf("%s %s %dx%d@%d, format %s, passed through (encoder none)", s.Source.Type, s.Source.Device, s.Width, s.Height, s.FPS, s.Source.Format)
	case s.Encoder == config.EncoderNone:
		return fmt.Sprintf("%s %s, passed through (encoder none)", s.Source.Type, s.Source.URL)
	case v4l2:
		return fmt.Sprintf("%s %dx%d@%d %d kbit/s, encoder %s, format %s", s.Source.Type, s.Width, s.Height, s.FPS, s.BitrateKbps, s.Encoder, s.Source.Format)
	}
	return fmt.Sprintf("%s %dx%d@%d %d kbit/s, encoder %s", s.Source.Type, s.Width, s.Height, s.FPS, s.BitrateKbps, s.Encoder)
}

func plural(n int, what string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", what)
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// configShow prints the effective config of one device as YAML: what the
// agent on that device runs with.
func configShow(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("config show", stderr)
	cfgPath := fs.String("config", "/etc/edgecam/edgecam.yaml", "config file")
	device := fs.String("device", "", "show the config of the device with this id (overrides applied). Default: device.id of the file, else the host name")
	if err := parse(fs, args); err != nil {
		return err
	}
	cfg, err := config.LoadFor(*cfgPath, *device)
	if err != nil {
		return usageError{err}
	}
	return showConfig(cfg, stdout)
}

func showConfig(cfg *config.Config, w io.Writer) error {
	out, err := cfg.YAML()
	if err != nil {
		return err
	}
	path, err := filepath.Abs(cfg.Path)
	if err != nil {
		path = cfg.Path
	}
	if _, err := fmt.Fprintf(w, "# edgecam config show: the effective config of device %s\n# from %s (overrides applied, defaults filled in)\n", cfg.Device.ID, path); err != nil {
		return err
	}
	_, err = w.Write(out)
	return err
}

var _ flag.Value = (*deviceList)(nil)
