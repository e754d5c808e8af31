// Package audio contains bindings for the gstaudio C API.
package audio
