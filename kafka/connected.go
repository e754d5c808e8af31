package kafka

import (
	"net"
	"sync"
	"time"

	"github.com/twmb/franz-go/pkg/kgo"
)

// brokerState follows the producer client's connections (kgo hooks) to
// answer "can this agent talk to Kafka right now" for the
// edgecam_kafka_connected gauge. A broker counts as up after a successful
// dial or request on a connection that is still open; a failed dial or
// request marks it down. kgo closes connections idle for 20 s, so an agent
// with nothing to produce (every camera missing) may have no open
// connection at all: then the outcome of the last dial or request decides.
type brokerState struct {
	mu   sync.Mutex
	up   map[int32]bool // node id (seed brokers are negative) → last outcome
	last bool           // the most recent outcome, any broker
}

func (b *brokerState) set(node int32, ok bool) {
	b.mu.Lock()
	if b.up == nil {
		b.up = map[int32]bool{}
	}
	b.up[node] = ok
	b.last = ok
	b.mu.Unlock()
}

// OnBrokerConnect implements kgo.HookBrokerConnect.
func (b *brokerState) OnBrokerConnect(meta kgo.BrokerMetadata, _ time.Duration, _ net.Conn, err error) {
	b.set(meta.NodeID, err == nil)
}

// OnBrokerDisconnect implements kgo.HookBrokerDisconnect: a closed
// connection (idle, or the broker went away) says nothing either way; the
// next dial or request does.
func (b *brokerState) OnBrokerDisconnect(meta kgo.BrokerMetadata, _ net.Conn) {
	b.mu.Lock()
	delete(b.up, meta.NodeID)
	b.mu.Unlock()
}

// OnBrokerE2E implements kgo.HookBrokerE2E: every request's outcome.
func (b *brokerState) OnBrokerE2E(meta kgo.BrokerMetadata, _ int16, e2e kgo.BrokerE2E) {
	b.set(meta.NodeID, e2e.Err() == nil)
}

func (b *brokerState) connected() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.up) == 0 {
		return b.last
	}
	for _, ok := range b.up {
		if ok {
			return true
		}
	}
	return false
}

// Connected reports whether the producer reached at least one broker with
// its last dial or request: false before the first contact, while every
// broker is unreachable, and when every connection is refused (TLS, SASL).
// It is for monitoring (edgecam_kafka_connected), not for delivery
// decisions: the producer retries on its own.
func (p *Producer) Connected() bool { return p.conns.connected() }
