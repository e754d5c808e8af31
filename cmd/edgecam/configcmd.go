package main

import (
	"errors"
	"fmt"
	"io"
)

func cmdConfig(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "check" {
		return usageError{errors.New("usage: edgecam config check --config FILE")}
	}
	fs := newFlags("config check", stderr)
	cfgPath := fs.String("config", "/etc/edgecam/edgecam.yaml", "config file")
	if err := parse(fs, args[1:]); err != nil {
		return err
	}
	cfg, err := loadConfig(*cfgPath)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%s: OK: device %s, %d stream(s), brokers %v, topic %s\n",
		*cfgPath, cfg.Device.ID, len(cfg.Streams), cfg.Kafka.Brokers, cfg.Kafka.Topic)
	for _, s := range cfg.Streams {
		fmt.Fprintf(stdout, "  %s/%s: %s %dx%d@%d %d kbit/s, encoder %s\n", cfg.Device.ID, s.Name, s.Source.Type, s.Width, s.Height, s.FPS, s.BitrateKbps, s.Encoder)
	}
	return nil
}
