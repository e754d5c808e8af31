// Package durable replaces small state files (the spool's high-water mark
// and eviction log, the agent's session and resend logs) so that a crash or
// a power cut leaves either the old content or the new one, never a torn
// file: a temporary file beside it, fsync, rename, fsync of the directory.
// It owns nothing else and must never be used for the frame path (a
// segment is written in place and synced by the spool's policy).
package durable

import (
	"fmt"
	"os"
	"path/filepath"
)

// WriteFile replaces the file at path with data (mode perm when created).
// When it returns nil the new content survives a power cut.
func WriteFile(path string, data []byte, perm os.FileMode) error {
	if err := ReplaceFile(path, data, perm); err != nil {
		return err
	}
	if err := SyncDir(filepath.Dir(path)); err != nil {
		return fmt.Errorf("fsync of directory %s: %w", filepath.Dir(path), err)
	}
	return nil
}

// ReplaceFile is WriteFile without the fsync of the directory: the content
// under the name is old or new, never torn, but which one a power cut
// leaves is decided by the caller's next SyncDir of the directory (the
// spool batches them).
func ReplaceFile(path string, data []byte, perm os.FileMode) error {
	tmp := path + ".tmp"
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, perm)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		_ = os.Remove(tmp) // best effort: err is the one to report
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

// SyncDir fsyncs a directory, so that the files created, renamed or
// removed in it stay so after a power cut.
func SyncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	return err
}
