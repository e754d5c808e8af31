// Package testkit holds the helpers edgecam's tests share, one file a
// concern:
//
//   - logbuf.go: a log buffer whose lines can be matched while the code
//     under test still writes to it;
//   - wait.go: polling a condition, with a bound against a hang (never a
//     timing assertion);
//   - certs.go: throwaway certificate authorities and certificates;
//   - nal.go: H.264 and H.265 NAL types and the record format's keyframe
//     rule;
//   - ffprobe.go: decoding with ffprobe, counting frames and errors;
//   - tone.go: decoding audio with ffmpeg and finding a test tone's
//     frequency in it (gonum's FFT);
//   - metrics.go: a Prometheus scrape and its samples by label;
//   - kfake.go: in-process Kafka clusters (franz-go's kfake, which tests
//     may use; only package kafka imports the client, kgo);
//   - tmpfs.go: a small real file system that fills up.
//
// The RTSP test camera is its sibling internal/rtsptest; end-to-end tests
// against a real Kafka use scripts/kafka/kafka.sh.
//
// It is imported only by _test.go files (doc_test.go checks that no
// shipped package depends on it), and it must never hold state between
// tests: no package-level variables, no init. Helpers that can fail take a
// testing.TB and say what they were doing or waiting for; none sleeps for
// a fixed time to let something happen.
package testkit
