package main

import (
	"errors"
	"fmt"

	"github.com/edgecam/edgecam/capture"
	"github.com/edgecam/edgecam/config"
	"github.com/edgecam/edgecam/encode"
)

// checkElements tells whether this machine has every GStreamer element the
// streams of cfg need for their sources (nvarguscamerasrc only on a Jetson,
// libcamerasrc with gstreamer1.0-libcamera, rtspsrc with plugins-good, ...).
// The error lists each stream with a missing element and the package to
// install. `config check` and `run` call it after loading the config, so a
// config copied to the wrong board fails at once instead of retrying a
// pipeline that can never build.
func checkElements(cfg *config.Config) error {
	var errs []error
	for _, sc := range cfg.Streams {
		src := capture.Source{Kind: capture.Kind(sc.Source.Type), Format: string(sc.Source.Format), Codec: string(sc.Source.Codec)}
		if err := capture.CheckElements(src, sc.Encoder == config.EncoderNone, encode.MissingElements); err != nil {
			errs = append(errs, fmt.Errorf("stream %s: %w", sc.Name, err))
		}
	}
	return errors.Join(errs...)
}
