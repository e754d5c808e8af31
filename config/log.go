package config

import "gopkg.in/yaml.v3"

// Log is how the agent writes its log (log/slog, to stderr: the journal
// under systemd).
type Log struct {
	// Format is "text" (default) or "json".
	Format string
	// Level is "debug", "info" (default), "warn" or "error".
	Level string
}

// Log formats and levels.
const (
	LogText  = "text"
	LogJSON  = "json"
	LogDebug = "debug"
	LogInfo  = "info"
	LogWarn  = "warn"
	LogError = "error"
)

// LogFormats and LogLevels list the valid log.format and log.level values.
var (
	LogFormats = []string{LogText, LogJSON}
	LogLevels  = []string{LogDebug, LogInfo, LogWarn, LogError}
)

func (d *decoder) log(n *yaml.Node, l *Log) {
	d.mapping(n, d.at("log"), map[string]func(k, v *yaml.Node){
		"format": func(_, v *yaml.Node) { d.choice(v, d.at("log.format"), LogFormats, &l.Format) },
		"level":  func(_, v *yaml.Node) { d.choice(v, d.at("log.level"), LogLevels, &l.Level) },
	})
}
