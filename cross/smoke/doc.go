// Package smoke holds the end-to-end smoke test that cross/test-cross.sh
// cross-compiles for every target architecture and runs under qemu-user: the
// whole agent (config, capture, encoder choice, GStreamer pipeline, Kafka
// producer) streaming a test pattern into an in-process Kafka, read back and
// decoded. It also runs natively with `go test ./...`. It has no other code
// and nothing imports it.
package smoke
