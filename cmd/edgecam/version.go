package main

import (
	"fmt"
	"io"
	"runtime"

	"github.com/edgecam/edgecam/encode"
)

func cmdVersion(stdout io.Writer) error {
	_, err := fmt.Fprintf(stdout, "edgecam %s (commit %s, %s, %s/%s)\n%s\n", version, commit, runtime.Version(), runtime.GOOS, runtime.GOARCH, encode.Version())
	return err
}
