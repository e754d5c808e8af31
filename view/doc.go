// Package view is the consumer end of edgecam: `edgecam view` reads the
// topic and serves a web page that lists every stream found there and plays
// them live and recorded in a browser, as Low-Latency HLS with fMP4
// segments (github.com/bluenviron/gohlslib), with a timeline of what Kafka
// still holds and of the gaps in it.
//
// It owns the HTTP server, the HLS muxing and the page (static/, with
// hls.js vendored into the binary by `make view-assets`). It is the only
// package that imports gohlslib; it reads Kafka only through package
// kafka's Viewer.
//
// What it must never do: transcode (the access units in Kafka are muxed as
// they are, so segments start at the keyframes the cameras made), hold
// memory that grows with the number of viewers (one Kafka reader and one
// muxer per live stream, shared by every viewer; recorded playback has a
// fixed number of sessions), or send anything of the Kafka configuration
// (brokers' credentials, TLS keys) to the browser.
package view
