module github.com/go-gst/go-gst

go 1.23

require github.com/mattn/go-pointer v0.0.1

require github.com/go-gst/go-glib v1.4.0

require golang.org/x/exp v0.0.0-20240909161429-701f63a606c0 // indirect
