// Package pbutils contains bindings for libgstpbutils.
package pbutils
