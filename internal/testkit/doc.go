// Package testkit holds the helpers edgecam's tests share: a log buffer
// whose lines can be matched while the code under test still writes to it
// (logbuf.go), polling a condition with a bound (wait.go), throwaway
// certificate authorities and certificates for the TLS tests (certs.go),
// H.264 access-unit checks (nal.go), decoding with ffprobe (ffprobe.go),
// and in-process Kafka clusters (kfake.go: franz-go's kfake, which tests
// may use; only package kafka imports the client, kgo). The RTSP test
// camera is its sibling internal/rtsptest; end-to-end tests against a real
// Kafka use scripts/kafka/kafka.sh.
//
// It is imported only by _test.go files: it must never be imported by the
// agent or any other non-test code, and it must never hold state between
// tests (no package-level variables, no init). Helpers that can fail take
// a testing.TB and say what they were doing or waiting for; they never
// sleep for a fixed time to let something happen.
package testkit
