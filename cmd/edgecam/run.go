package main

import (
	"context"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/edgecam/edgecam/agent"
)

func cmdRun(args []string, stderr io.Writer) error {
	fs := newFlags("run", stderr)
	cfgPath := fs.String("config", "/etc/edgecam/edgecam.yaml", "config file")
	newLogger := logFlags(fs, stderr)
	if err := parse(fs, args); err != nil {
		return err
	}
	log, err := newLogger()
	if err != nil {
		return err
	}
	cfg, err := loadConfig(*cfgPath)
	if err != nil {
		return err
	}
	// SIGINT/SIGTERM stop capture; every frame already captured is still
	// encoded and acknowledged by Kafka before the process exits.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	log.Info("edgecam", "version", version, "commit", commit, "config", *cfgPath)
	return agent.Run(ctx, cfg, log, agent.Options{})
}
