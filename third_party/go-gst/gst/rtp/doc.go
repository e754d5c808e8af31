// Package rtp contains bindings for the GStreamer RTP library.
package rtp
