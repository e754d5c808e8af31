// Package kafka owns everything edgecam says to Kafka: the record format
// consumers rely on (key "<device>/<stream>", one Annex-B access unit per
// value, edgecam-* headers), the idempotent producer, the resume step that
// reads the last record of a stream back so its sequence continues after a
// restart, Tail, which reads a stream back in order, and Viewer, which
// reads every partition from any offset or capture time (Kafka's time
// index) for `edgecam view`.
//
// It is the only package that imports franz-go's kgo; the rest of edgecam
// sees Record, Producer, Tail and Viewer. It never retries by re-sending a record
// itself: the client's idempotent producer retries without limit, and
// removing the record from anywhere upstream is the caller's business once
// the delivery callback reported success.
package kafka
