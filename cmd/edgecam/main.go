// Command edgecam captures cameras, encodes H.264 with GStreamer and
// delivers every frame into Kafka. See the README for the commands and the
// config file.
//
// It owns the command line: the subcommands (run, tail, probe, config check,
// config show, spool inspect, fleet, view, version), their flags, what they print (golden
// files in testdata), and the exit statuses: 0 success, 1 failure at run
// time, 2 bad command line or config. It translates the config for the
// packages that do the work and has no logic of its own beyond that and
// printing.
//
// It must never exit with another status than those three, print a secret,
// or import go-gst, kgo or webcam: it goes through encode, kafka and
// capture like the agent does.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
)

// Set at build time with -ldflags "-X main.version=... -X main.commit=...".
var (
	version = "dev"
	commit  = "unknown"
)

// Exit statuses.
const (
	exitOK      = 0
	exitFailure = 1 // the command ran and failed
	exitUsage   = 2 // bad command line or invalid config: fix the input
)

const usage = `edgecam: cameras → H.264 → Kafka, with no frame lost or duplicated

Usage:
  edgecam run --config FILE            stream every configured camera into Kafka
  edgecam tail --config FILE --stream NAME -o OUT [--from-start] [--frames N | --duration D] [--to-end]
                                       read a stream back into OUT (.h264, .ts, .mp4, .mkv)
  edgecam probe [--json]               list cameras and encoders, suggest the streams: section
  edgecam config check --config FILE [--device ID]...
                                       validate a config file (as each device sees it)
  edgecam config show --config FILE [--device ID]
                                       print a device's effective config, secrets redacted
  edgecam spool inspect --config FILE [--segments]
                                       what each stream's spool holds (works beside a running agent)
  edgecam fleet --config FILE [--json] [--watch] [--device GLOB] [--metrics ADDR] [--forget DEVICE]
                                       every device's last status (from fleet.status_topic); exit 1 if any is unhealthy or stale
  edgecam view --config FILE [--listen 127.0.0.1:8090] [--auth-file FILE --tls-cert FILE --tls-key FILE]
                                       serve the topic's streams to a browser: live and recorded (LL-HLS), with a timeline
  edgecam version                      print the agent and GStreamer versions

Run 'edgecam COMMAND -h' for the flags of a command.
`

// usageError marks errors caused by the command line or the config file;
// they exit with status 2.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func main() {
	if len(os.Args) > 1 && os.Args[1] == "run" {
		sysmonReexec() // before anything starts: see sysmonAwake
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		say(stderr, "%s", usage)
		return exitUsage
	}
	var err error
	switch args[0] {
	case "run":
		err = cmdRun(args[1:], stderr)
	case "tail":
		err = cmdTail(args[1:], stderr)
	case "probe":
		err = cmdProbe(args[1:], stdout, stderr)
	case "config":
		err = cmdConfig(args[1:], stdout, stderr)
	case "spool":
		err = cmdSpool(args[1:], stdout, stderr)
	case "fleet":
		err = cmdFleet(args[1:], stdout, stderr)
	case "view":
		err = cmdView(args[1:], stderr)
	case "version", "--version":
		err = cmdVersion(stdout)
	case "help", "-h", "--help":
		if _, err := io.WriteString(stdout, usage); err != nil {
			return exitFailure
		}
		return exitOK
	default:
		say(stderr, "edgecam: unknown command %q\n\n%s", args[0], usage)
		return exitUsage
	}
	if err == nil {
		return exitOK
	}
	var ue usageError
	if errors.As(err, &ue) {
		if ue.err != nil && !errors.Is(ue.err, errHelp) {
			say(stderr, "%v\n", ue.err)
		}
		if errors.Is(ue.err, errHelp) {
			return exitOK
		}
		return exitUsage
	}
	var quiet quietError
	if !errors.As(err, &quiet) {
		say(stderr, "edgecam %s: %v\n", args[0], err)
	}
	return exitFailure
}

// say writes a diagnostic to stderr (a test's buffer in tests). Its error
// is ignored on purpose: when stderr cannot be written there is nowhere
// left to report that, and the exit status still tells. Output a command
// promises on stdout is written with its error checked.
func say(stderr io.Writer, format string, args ...any) {
	_, _ = fmt.Fprintf(stderr, format, args...)
}
