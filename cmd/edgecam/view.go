package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/edgecam/edgecam/agent"
	"github.com/edgecam/edgecam/config"
	"github.com/edgecam/edgecam/kafka"
	"github.com/edgecam/edgecam/view"
)

// cmdView serves the topic's streams to browsers (package view).
func cmdView(args []string, stderr io.Writer) error {
	fs := newFlags("view", stderr)
	cfgPath := fs.String("config", "/etc/edgecam/edgecam.yaml", "config file (kafka: brokers, topic, TLS, SASL; streams may be left out)")
	listen := fs.String("listen", "127.0.0.1:8090", "address to serve the page on; beyond loopback give --auth-file and --tls-cert/--tls-key")
	authFile := fs.String("auth-file", "", "users (NAME:BCRYPT-HASH, as htpasswd -nbB prints) and tokens (token:TOKEN), one a line")
	tlsCert := fs.String("tls-cert", "", "serve HTTPS with this certificate (PEM; with --tls-key)")
	tlsKey := fs.String("tls-key", "", "private key of --tls-cert (PEM)")
	backlog := fs.Duration("backlog", 30*time.Second, "how far back each partition is read at start, to find the streams")
	maxPlay := fs.Int("max-playbacks", 16, "recorded playbacks running at once (each up to ~8 MiB of Kafka fetch and a few segments)")
	newLogger := logFlags(fs, stderr)
	if err := parse(fs, args); err != nil {
		return err
	}
	switch {
	case (*tlsCert == "") != (*tlsKey == ""):
		return usageError{errors.New("view: give --tls-cert and --tls-key together")}
	case *backlog < 0 || *maxPlay < 1:
		return usageError{errors.New("view: --backlog must not be negative and --max-playbacks must be at least 1")}
	}
	if *cfgPath == "" {
		return usageError{errors.New("--config FILE is required")}
	}
	// A viewer box is not a camera box: streams may be missing.
	cfg, err := config.LoadFleet(*cfgPath)
	if err != nil {
		return usageError{err}
	}
	logFromConfig(fs, cfg.Log)
	log, err := newLogger()
	if err != nil {
		return err
	}
	var auth *view.Auth
	if *authFile != "" {
		if auth, err = view.LoadAuth(*authFile); err != nil {
			return usageError{err}
		}
	}
	if !loopback(*listen) && (auth == nil || *tlsCert == "") {
		say(stderr, "edgecam view: WARNING: serving on %s beyond this machine without --auth-file and --tls-cert/--tls-key: anyone who reaches it can watch every camera of %s\n", *listen, cfg.Kafka.Topic)
	}

	v, err := kafka.NewViewer(agent.KafkaConfig(cfg.Kafka, log.With("component", "kafka")))
	if err != nil {
		return err
	}
	defer v.Close()
	srv := view.New(v, view.Options{Backlog: *backlog, MaxPlaybacks: *maxPlay, Auth: auth, Logger: log})

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		return fmt.Errorf("view: %w", err)
	}
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second, ErrorLog: nil}
	errc := make(chan error, 2)
	go func() { errc <- srv.Run(ctx) }()
	go func() {
		var err error
		if *tlsCert != "" {
			err = hs.ServeTLS(ln, *tlsCert, *tlsKey)
		} else {
			err = hs.Serve(ln)
		}
		if !errors.Is(err, http.ErrServerClosed) {
			errc <- fmt.Errorf("view: %w", err)
		}
	}()
	scheme := "http"
	if *tlsCert != "" {
		scheme = "https"
	}
	log.Info("view: serving", "url", scheme+"://"+ln.Addr().String()+"/", "topic", cfg.Kafka.Topic)
	select {
	case <-ctx.Done():
		err = nil
	case err = <-errc:
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = hs.Shutdown(sctx)
	stop()
	return err
}

// loopback says whether addr listens on the loopback interface only.
func loopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
