// Package video contains bindings for the gstvideo C API.
package video
