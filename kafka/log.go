package kafka

import (
	"context"
	"fmt"
	"log/slog"
	"strings"

	"github.com/twmb/franz-go/pkg/kgo"
)

// slogger adapts slog to kgo's logger. kgo's info and warn levels repeat
// every retry (a dial failure every few hundred milliseconds while a broker
// is away), so they are logged at debug: the agent logs outages itself,
// once. kgo's errors are warnings.
//
// kgo never logs the SASL password; as a second line of defence, any
// occurrence of secret in a message or a string or error value is replaced
// by [redacted] (a broker's error message could echo what it received).
//
// kgo logs a refused TLS handshake or SASL login as an error at every retry;
// refused (when set) recognises those, which are logged at debug because
// the refusals hook reports them once, explained.
type slogger struct {
	l       *slog.Logger
	secret  string
	refused func(error) bool
}

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
	if level == kgo.LogLevelError && !s.isRefusal(keyvals) {
		lv = slog.LevelWarn
	}
	if s.secret != "" {
		msg = strings.ReplaceAll(msg, s.secret, "[redacted]")
		keyvals = s.redact(keyvals)
	}
	s.l.Log(context.Background(), lv, msg, keyvals...)
}

func (s slogger) isRefusal(keyvals []any) bool {
	if s.refused == nil {
		return false
	}
	for _, v := range keyvals {
		if err, ok := v.(error); ok && s.refused(err) {
			return true
		}
	}
	return false
}

// redact returns keyvals with the secret replaced in strings, errors and
// Stringers, copying only when it changes something.
func (s slogger) redact(keyvals []any) []any {
	var out []any
	for i, v := range keyvals {
		var str string
		switch v := v.(type) {
		case string:
			str = v
		case error:
			str = v.Error()
		case fmt.Stringer:
			str = v.String()
		default:
			continue
		}
		if !strings.Contains(str, s.secret) {
			continue
		}
		if out == nil {
			out = append([]any(nil), keyvals...)
		}
		out[i] = strings.ReplaceAll(str, s.secret, "[redacted]")
	}
	if out == nil {
		return keyvals
	}
	return out
}
