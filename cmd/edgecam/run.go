package main

import (
	"context"
	"flag"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"syscall"

	"github.com/edgecam/edgecam/agent"
	"github.com/edgecam/edgecam/config"
)

func cmdRun(args []string, stderr io.Writer) error {
	fs := newFlags("run", stderr)
	cfgPath := fs.String("config", "/etc/edgecam/edgecam.yaml", "config file")
	newLogger := logFlags(fs, stderr)
	if err := parse(fs, args); err != nil {
		return err
	}
	cfg, err := loadConfig(*cfgPath)
	if err != nil {
		return err
	}
	logFromConfig(fs, cfg.Log)
	log, err := newLogger()
	if err != nil {
		return err
	}
	// SIGINT/SIGTERM stop capture; every frame already captured is still
	// encoded and acknowledged by Kafka before the process exits.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	gc := tuneGC(os.Getenv)
	procs := tuneProcs(os.Getenv, len(cfg.Streams))
	log.Info("edgecam", "version", version, "commit", commit, "config", *cfgPath, "gogc", gc, "gomaxprocs", procs, "godebug", os.Getenv("GODEBUG"))
	// A stream whose GStreamer element is missing here fails (and retries)
	// on its own; the others run. Say so once, up front, with the package.
	if err := checkElements(cfg); err != nil {
		log.Error("some streams cannot run on this machine", "err", err)
	}
	reloads := watchReload(ctx, func() (*config.Config, error) {
		c, err := loadConfig(*cfgPath)
		if err == nil {
			// More streams may want another P (streamsPerProc).
			tuneProcs(os.Getenv, len(c.Streams))
		}
		return c, err
	}, log)
	return agent.Run(ctx, cfg, log, agent.Options{Reload: reloads, Metrics: listenMetrics(cfg.Metrics, log), Version: version, Commit: commit})
}

// logFromConfig applies the config's log.format and log.level where the
// command line did not set --log-format / --log-level (the flags win, so
// `edgecam run --log-level debug` works without editing the file).
func logFromConfig(fs *flag.FlagSet, l config.Log) {
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	for name, v := range map[string]string{"log-format": l.Format, "log-level": l.Level} {
		if v != "" && !set[name] {
			_ = fs.Set(name, v) // config has checked both values
		}
	}
}

// listenMetrics opens metrics.listen for /metrics and /healthz. A port
// that is taken (another edgecam, another exporter) costs the endpoint,
// not the cameras: the agent logs the error and runs without it.
func listenMetrics(m config.Metrics, log *slog.Logger) net.Listener {
	if m.Listen == "" {
		return nil
	}
	ln, err := net.Listen("tcp", m.Listen)
	if err != nil {
		log.Error("metrics endpoint off: cannot listen (is another edgecam or exporter using the port? change metrics.listen, or set it to off)", "listen", m.Listen, "err", err)
		return nil
	}
	return ln
}
