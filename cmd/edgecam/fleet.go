package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path"
	"syscall"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/edgecam/edgecam/agent"
	"github.com/edgecam/edgecam/config"
	"github.com/edgecam/edgecam/fleet"
	"github.com/edgecam/edgecam/kafka"
)

// errUnhealthy: `edgecam fleet` printed the fleet and some device is
// unhealthy or stale (exit status 1, for cron and monitoring checks).
var errUnhealthy = errors.New("some devices are unhealthy or stale")

func cmdFleet(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("fleet", stderr)
	cfgPath := fs.String("config", "/etc/edgecam/edgecam.yaml", "config file (kafka and fleet sections; streams are not needed)")
	asJSON := fs.Bool("json", false, "print a JSON array, one object per device with its full status record")
	watch := fs.Bool("watch", false, "refresh in place until Ctrl-C")
	every := fs.Duration("every", 2*time.Second, "refresh period of --watch and --metrics")
	match := fs.String("device", "*", "only the devices whose id matches this glob")
	metrics := fs.String("metrics", "", "serve the fleet as Prometheus metrics on host:port (/metrics), until Ctrl-C")
	forget := fs.String("forget", "", "write a tombstone for this device id (a box taken out of service) and exit")
	newLogger := logFlags(fs, stderr)
	if err := parse(fs, args); err != nil {
		return err
	}
	if _, err := path.Match(*match, ""); err != nil {
		return usageError{fmt.Errorf("fleet: --device %q: %w", *match, err)}
	}
	if *every < 100*time.Millisecond {
		return usageError{fmt.Errorf("fleet: --every %s: at least 100ms", *every)}
	}
	if *cfgPath == "" {
		return usageError{errors.New("--config FILE is required")}
	}
	cfg, err := config.LoadFleet(*cfgPath)
	if err != nil {
		return usageError{err}
	}
	// Warnings only, unless --log-level says otherwise: info lines would
	// garble the table.
	given := false
	fs.Visit(func(f *flag.Flag) { given = given || f.Name == "log-level" })
	if !given {
		_ = fs.Set("log-level", "warn") // a flag of its own, a valid level
	}
	logFromConfig(fs, cfg.Log)
	log, err := newLogger()
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	if *forget != "" {
		fctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		if err := kafka.Forget(fctx, agent.KafkaConfig(cfg.Kafka, log.With("component", "kafka")), cfg.Fleet.StatusTopic, *forget); err != nil {
			return err
		}
		_, err := fmt.Fprintf(stdout, "%s: forgotten (tombstone written to %s)\n", *forget, cfg.Fleet.StatusTopic)
		return err
	}

	rd, err := kafka.NewStatusReader(agent.KafkaConfig(cfg.Kafka, log.With("component", "kafka")), cfg.Fleet.StatusTopic)
	if err != nil {
		return err
	}
	defer rd.Close()
	table := &fleet.Table{}
	read := func() error {
		rctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		recs, err := rd.CatchUp(rctx)
		for _, r := range recs {
			if ok, _ := path.Match(*match, r.Key); ok {
				table.Apply(fleet.Record{Key: r.Key, Value: r.Value, Timestamp: r.Timestamp})
			}
		}
		if err != nil && ctx.Err() == nil {
			return fmt.Errorf("reading %s: %w", cfg.Fleet.StatusTopic, err)
		}
		return nil
	}
	// show writes the table (or JSON); an error is stdout gone.
	show := func(devices []fleet.Device) error {
		if *asJSON {
			return fleet.WriteJSON(stdout, devices)
		}
		if len(devices) == 0 {
			_, err := fmt.Fprintf(stdout, "no device has reported to %s yet\n", cfg.Fleet.StatusTopic)
			return err
		}
		if err := fleet.WriteText(stdout, devices); err != nil {
			return err
		}
		_, err := fmt.Fprintln(stdout, fleet.Summary(devices))
		return err
	}

	if *metrics == "" && !*watch {
		if err := read(); err != nil {
			return err
		}
		devices := table.Devices(time.Now())
		if err := show(devices); err != nil {
			return err
		}
		if len(devices) == 0 || !fleet.AllHealthy(devices) {
			return quietError{errUnhealthy}
		}
		return nil
	}

	if *metrics != "" {
		ln, err := net.Listen("tcp", *metrics)
		if err != nil {
			return fmt.Errorf("--metrics %s: %w", *metrics, err)
		}
		reg := prometheus.NewRegistry()
		reg.MustRegister(&fleet.Collector{Table: table})
		mux := http.NewServeMux()
		mux.Handle("/metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelError)}))
		srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
		go func() { _ = srv.Serve(ln) }() // returns ErrServerClosed at Close
		defer func() { _ = srv.Close() }()
		say(stderr, "edgecam fleet: serving the fleet's metrics on http://%s/metrics\n", ln.Addr())
	}
	tick := time.NewTicker(*every)
	defer tick.Stop()
	for {
		if err := read(); err != nil {
			log.Warn("cannot read the status topic; retrying", "err", err)
		}
		if *watch {
			if !*asJSON {
				// Home, clear: refresh in place.
				if _, err := fmt.Fprintf(stdout, "\x1b[H\x1b[2Jedgecam fleet — %s — %s (every %s, Ctrl-C to stop)\n\n", cfg.Fleet.StatusTopic, time.Now().Format(time.TimeOnly), *every); err != nil {
					return err
				}
			}
			if err := show(table.Devices(time.Now())); err != nil {
				return err
			}
		}
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C:
		}
	}
}

// quietError is a failure already explained on stdout: exit status 1,
// nothing more printed.
type quietError struct{ err error }

func (e quietError) Error() string { return e.err.Error() }
func (e quietError) Unwrap() error { return e.err }
