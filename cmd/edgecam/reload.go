package main

import (
	"context"
	"errors"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/edgecam/edgecam/config"
)

// watchReload re-reads the config on every SIGHUP (`systemctl reload
// edgecam`) and hands each valid one to the agent. An invalid file is
// logged problem by problem, each as file:line:col, and the running config
// stays. Call it before anything slow: from then on SIGHUP no longer kills
// the process.
func watchReload(ctx context.Context, load func() (*config.Config, error), log *slog.Logger) <-chan *config.Config {
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	out := make(chan *config.Config)
	go func() {
		defer signal.Stop(hup)
		for {
			select {
			case <-ctx.Done():
				return
			case <-hup:
			}
			log.Info("SIGHUP: reloading the config")
			cfg, err := load()
			if err != nil {
				var problems config.Errors
				if errors.As(err, &problems) {
					for _, p := range problems {
						log.Error("config reload rejected; keeping the running config", "problem", p.Error())
					}
				} else {
					log.Error("config reload rejected; keeping the running config", "err", err)
				}
				continue
			}
			select {
			case out <- cfg:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}
