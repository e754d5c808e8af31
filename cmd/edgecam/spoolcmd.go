package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"text/tabwriter"
	"time"

	"github.com/edgecam/edgecam/spool"
)

// cmdSpool is `edgecam spool inspect`: what each stream's spool holds, read
// without its lock, so it works beside a running agent.
func cmdSpool(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "inspect" {
		return usageError{errors.New("usage: edgecam spool inspect --config FILE [--segments]")}
	}
	fs := newFlags("spool inspect", stderr)
	cfgPath := fs.String("config", "/etc/edgecam/edgecam.yaml", "config file")
	segments := fs.Bool("segments", false, "list every segment file")
	if err := parse(fs, args[1:]); err != nil {
		return err
	}
	cfg, err := loadConfig(*cfgPath)
	if err != nil {
		return err
	}
	if _, err := fmt.Fprintf(stdout, "spool %s (mode %s, max_size %s, fsync %s)\n", cfg.Spool.Dir, cfg.Spool.Mode, cfg.Spool.MaxSize, cfg.Spool.Fsync); err != nil {
		return err
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "STREAM\tSEGMENTS\tBYTES\tFRAMES\tSEQ\tCAPTURED\tEVICTED\tCORRUPT\tTORN\tHIGH-WATER\tLOCK PID")
	var failed int
	for _, s := range cfg.Streams {
		dir := filepath.Join(cfg.Spool.Dir, s.Name)
		if _, err := os.Stat(dir); errors.Is(err, os.ErrNotExist) {
			fmt.Fprintf(tw, "%s\t-\t-\t-\t-\t-\t-\t-\t-\t-\t-\n", s.Name)
			continue
		}
		info, err := spool.Inspect(dir)
		if err != nil {
			say(stderr, "edgecam spool inspect: %s: %v\n", s.Name, err)
			failed++
			continue
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%s\t%s\t%d\t%d\t%d\t%d\t%d\n", s.Name, len(info.Segments), info.Bytes, info.Frames,
			seqRange(info.FirstSeq, info.LastSeq), timeRange(info.FirstCapture, info.LastCapture),
			info.EvictedPending, info.Corrupt, info.TornBytes, info.HighWater, info.LockPID)
		if *segments {
			for _, g := range info.Segments {
				fmt.Fprintf(tw, "  %s\t\t%d\t%d\t%s\t%s\t\t%d\t%d\t\t\n", g.Name, g.Bytes, g.Frames,
					seqRange(g.FirstSeq, g.LastSeq), timeRange(g.FirstCapture, g.LastCapture), g.Corrupt, g.TornBytes)
			}
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if failed > 0 {
		return fmt.Errorf("%d stream(s) could not be inspected", failed)
	}
	return nil
}

func seqRange(a, b int64) string {
	if a < 0 {
		return "-"
	}
	return fmt.Sprintf("%d..%d", a, b)
}

func timeRange(a, b time.Time) string {
	if a.IsZero() {
		return "-"
	}
	return a.UTC().Format("2006-01-02T15:04:05Z") + ".." + b.UTC().Format("15:04:05Z")
}
