package encode

// MissingElements returns the names among names that the GStreamer registry
// does not have (their plugin is not installed, or failed to load), in the
// order given; nil when all are there. Package capture maps each name to
// the package to install (capture.CheckElements).
func MissingElements(names ...string) []string {
	var missing []string
	for _, n := range names {
		if !elementExists(n) {
			missing = append(missing, n)
		}
	}
	return missing
}
