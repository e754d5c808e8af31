package kafka

import (
	"context"
	"log/slog"

	"github.com/twmb/franz-go/pkg/kgo"
)

// slogger adapts slog to kgo's logger. kgo's info and warn levels repeat
// every retry (a dial failure every few hundred milliseconds while a broker
// is away), so they are logged at debug: the agent logs outages itself,
// once. kgo's errors are warnings.
type slogger struct{ l *slog.Logger }

func (s slogger) Level() kgo.LogLevel {
	ctx := context.Background()
	switch {
	case s.l.Enabled(ctx, slog.LevelDebug):
		return kgo.LogLevelInfo
	case s.l.Enabled(ctx, slog.LevelWarn):
		return kgo.LogLevelError
	}
	return kgo.LogLevelNone
}

func (s slogger) Log(level kgo.LogLevel, msg string, keyvals ...any) {
	lv := slog.LevelDebug
	if level == kgo.LogLevelError {
		lv = slog.LevelWarn
	}
	s.l.Log(context.Background(), lv, msg, keyvals...)
}
