package kafka

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/twmb/franz-go/pkg/kadm"
	"github.com/twmb/franz-go/pkg/kerr"
	"github.com/twmb/franz-go/pkg/kgo"
	"github.com/twmb/franz-go/pkg/kmsg"
)

// Resume finds the last records of key in the topic and returns the
// highest seq among the newest ones (with one writer: the last record's
// seq); found is false when Kafka holds no record of key. It also checks
// that the topic exists and learns its max.message.bytes.
//
// Resume is safe for concurrent use (every stream calls it at start and
// for its periodic conflict check). All calls share the producer's one
// reading client: after the first call, a Resume opens no connection and
// makes no TLS or SASL handshake unless a connection was idle for longer
// than readerIdle or the broker closed it.
func (p *Producer) Resume(ctx context.Context, key string) (last int64, found bool, err error) {
	return p.ResumeTrack(ctx, key, TrackVideo)
}

// ResumeTrack is Resume for one track of key (TrackVideo or TrackAudio):
// the highest seq among the newest records of key carrying that track (a
// record without HeaderTrack counts as video). Each track is numbered on
// its own, and the scan reads back until it finds one of the track's.
func (p *Producer) ResumeTrack(ctx context.Context, key, track string) (last int64, found bool, err error) {
	where, err := p.rd.partitionOf(ctx, key)
	if err != nil {
		return 0, false, p.cfg.Explain(err)
	}
	if !p.learned.Load() {
		p.learnMaxBatch(ctx) // once: Resume also serves periodic checks
	}
	last, found, err = p.rd.lastSeq(ctx, where, key, track)
	return last, found, p.cfg.Explain(err)
}

// learnMaxBatch sets the batch limit to the topic's max.message.bytes, so
// frames up to what the broker accepts are produced, and learns the oldest
// record timestamp it accepts (message.timestamp.before.max.ms, see
// timestamp). Errors keep the defaults.
func (p *Producer) learnMaxBatch(ctx context.Context) {
	rcs, err := p.rd.adm.DescribeTopicConfigs(ctx, p.cfg.Topic)
	if err != nil {
		p.cfg.logger().Debug("could not read the topic's max.message.bytes; keeping Kafka's default", "err", err)
		return
	}
	for _, rc := range rcs {
		for _, c := range rc.Configs {
			if c.Value == nil {
				continue
			}
			switch c.Key {
			case "max.message.bytes":
				if v, err := strconv.ParseInt(*c.Value, 10, 32); err == nil && v > 1024 {
					p.maxBatch.Store(int32(min(v, 256<<20)))
					p.learned.Store(true)
				}
			case "message.timestamp.before.max.ms":
				// Long.MAX_VALUE (the default) means no limit.
				if v, err := strconv.ParseInt(*c.Value, 10, 64); err == nil && v > 0 && v < int64(1<<62)/int64(time.Millisecond) {
					p.tsBefore.Store(int64(time.Duration(v) * time.Millisecond))
				}
			}
		}
	}
}

// readerIdle is how long a connection of the reading client may stay idle
// before kgo closes it (kgo's default is 30 s, and it may reap at up to
// twice that). It is longer than the agent's conflict check interval
// (30 s), so the checks of a running agent reuse one connection per broker
// instead of handshaking (TCP, TLS, SASL) every time, and shorter than
// Kafka's connections.max.idle.ms (10 min by default), so normally kgo,
// not the broker, closes it. A broker that closes it first costs one
// reconnect on the next read.
const readerIdle = 3 * time.Minute

// reader reads partitions of the topic back: one long-lived kgo client,
// safe for concurrent use by any number of streams.
//
// It does not use kgo's consumer. A kgo client consumes one set of
// partitions at one position each, and PollFetches hands whatever was
// fetched to whichever goroutine polls: two streams reading windows of the
// same partition at different offsets, at the same time, cannot share it
// (that would need one client per concurrent reader, each with its own
// connections and handshakes). Instead every read is a plain Fetch request
// for one partition at one offset, sent to the partition's leader over the
// client's connection, and decoded with kgo.ProcessFetchPartition (which
// franz-go provides for manual fetch requests). No fetch session is used
// (session epoch -1), so concurrent requests do not interfere.
//
// Kafka serves the requests of one connection one at a time; the fetches
// of the resume reads never wait at the broker (MaxWait 0: the range read
// lies below the high watermark), so streams checking at the same moment
// queue for milliseconds, not for a long poll.
type reader struct {
	cfg    Config
	cl     *kgo.Client
	adm    *kadm.Client
	decomp kgo.Decompressor
}

// newReader creates the reading client (it does not contact Kafka yet).
// cfg.clientOpts sets cfg.refusals when it is unset, so pass the Config a
// producer shares with its other client.
func newReader(cfg *Config, hooks ...kgo.Hook) (*reader, error) {
	opts, err := cfg.clientOpts()
	if err != nil {
		return nil, err
	}
	opts = append(opts, kgo.ConnIdleTimeout(readerIdle))
	if len(hooks) > 0 {
		opts = append(opts, kgo.WithHooks(hooks...))
	}
	cl, err := kgo.NewClient(opts...)
	if err != nil {
		return nil, fmt.Errorf("kafka: %w", err)
	}
	return &reader{cfg: *cfg, cl: cl, adm: kadm.NewClient(cl), decomp: kgo.DefaultDecompressor()}, nil
}

func (r *reader) close() { r.cl.Close() }

// where is a partition and what a Fetch request needs to reach it.
type where struct {
	part   int32
	leader int32 // broker id; -1 while the partition has no leader
	id     kadm.TopicID
}

// partitionOf checks the topic and returns the partition that holds key
// (kgo's metadata cache answers repeated calls within MetadataMinAge).
func (r *reader) partitionOf(ctx context.Context, key string) (where, error) {
	td, err := r.topic(ctx)
	if err != nil {
		return where{}, err
	}
	n := len(td.Partitions)
	if n == 0 {
		return where{}, fmt.Errorf("kafka: topic %s has no partitions", r.cfg.Topic)
	}
	part := int32(kgo.StickyKeyPartitioner(nil).ForTopic(r.cfg.Topic).Partition(&kgo.Record{Key: []byte(key)}, n))
	return whereIn(td, part), nil
}

// locate looks the leader of a partition up again (after a fetch failed).
func (r *reader) locate(ctx context.Context, part int32) (where, error) {
	td, err := r.topic(ctx)
	if err != nil {
		return where{}, err
	}
	return whereIn(td, part), nil
}

func (r *reader) topic(ctx context.Context) (kadm.TopicDetail, error) {
	topic := r.cfg.Topic
	tds, err := r.adm.ListTopics(ctx, topic)
	if err != nil {
		return kadm.TopicDetail{}, fmt.Errorf("kafka: reading metadata of topic %s: %w", topic, err)
	}
	td, ok := tds[topic]
	if !ok || errors.Is(td.Err, kerr.UnknownTopicOrPartition) {
		return kadm.TopicDetail{}, fmt.Errorf("kafka: topic %s does not exist: create it with as many partitions as you like (edgecam does not rely on auto-creation)", topic)
	}
	if td.Err != nil {
		return kadm.TopicDetail{}, fmt.Errorf("kafka: topic %s: %w", topic, td.Err)
	}
	return td, nil
}

func whereIn(td kadm.TopicDetail, part int32) where {
	w := where{part: part, leader: -1, id: td.ID}
	if pd, ok := td.Partitions[part]; ok && pd.Err == nil {
		w.leader = pd.Leader
	}
	return w
}

// offsets returns the first and the next offset of a partition.
func (r *reader) offsets(ctx context.Context, part int32) (start, end int64, err error) {
	topic := r.cfg.Topic
	so, err := r.adm.ListStartOffsets(ctx, topic)
	if err != nil {
		return 0, 0, fmt.Errorf("kafka: start offsets of %s: %w", topic, err)
	}
	eo, err := r.adm.ListEndOffsets(ctx, topic)
	if err != nil {
		return 0, 0, fmt.Errorf("kafka: end offsets of %s: %w", topic, err)
	}
	s, ok1 := so.Lookup(topic, part)
	e, ok2 := eo.Lookup(topic, part)
	if !ok1 || !ok2 {
		return 0, 0, fmt.Errorf("kafka: no offsets for %s/%d", topic, part)
	}
	if s.Err != nil {
		return 0, 0, fmt.Errorf("kafka: start offset of %s/%d: %w", topic, part, s.Err)
	}
	if e.Err != nil {
		return 0, 0, fmt.Errorf("kafka: end offset of %s/%d: %w", topic, part, e.Err)
	}
	return s.Offset, e.Offset, nil
}

// lastSeq reads the partition backwards in growing windows until it finds
// a record of key. Other streams may share the partition, so the last
// record of the partition is not necessarily ours.
func (r *reader) lastSeq(ctx context.Context, w where, key, track string) (int64, bool, error) {
	start, end, err := r.offsets(ctx, w.part)
	if err != nil {
		return 0, false, err
	}
	window := int64(64)
	for hi := end; hi > start; {
		lo := max(start, hi-window)
		var last int64
		var found bool
		err := r.readRange(ctx, w, lo, hi, false, func(kr *kgo.Record) error {
			if string(kr.Key) != key {
				return nil
			}
			seq, tr, ok := seqOf(kr)
			if tr != track {
				return nil
			}
			if !ok {
				return fmt.Errorf("kafka: %s/%d offset %d: record of %s without a valid %s header", r.cfg.Topic, w.part, kr.Offset, key, HeaderSeq)
			}
			// Offset order is seq order for one writer; the highest
			// also exposes a second writer of the same key.
			if !found || seq > last {
				last = seq
			}
			found = true
			return nil
		})
		if err != nil {
			return 0, false, err
		}
		if found {
			return last, true, nil
		}
		hi = lo
		window *= 4
	}
	return 0, false, nil
}

// Fetch sizes. A fetch returns whole batches from the offset asked for,
// also past the end of the range, so a resume window fetches less; Kafka
// returns a first batch larger than the limit whole anyway (KIP-74), so a
// large keyframe never blocks a read.
const (
	fetchBytesRange  = 8 << 20
	fetchBytesFollow = 32 << 20
	followWait       = 500 * time.Millisecond
)

// readRange calls fn for every record at offsets [from, to) of the
// partition, in order. Unless follow is set, a partition whose end lies
// below to (records deleted by retention while we read) ends the range
// early; a follower waits for new records instead. Records below the
// partition's start (deleted by retention) are skipped. Transient errors
// (a leader moving, a broker restarting) are retried until ctx ends; fn's
// error ends the read and is returned.
func (r *reader) readRange(ctx context.Context, w where, from, to int64, follow bool, fn func(*kgo.Record) error) error {
	topic := r.cfg.Topic
	maxBytes := int32(fetchBytesRange)
	if follow {
		maxBytes = fetchBytesFollow
	}
	tries := 0
	// retry backs off and looks the leader up again; the error is why
	// the read cannot go on (ctx ended, or a TLS/SASL refusal).
	retry := func(cause error) error {
		if r.cfg.refused(cause) {
			return cause
		}
		r.cfg.logger().Debug("reading Kafka: retrying", "topic", topic, "partition", w.part, "err", cause)
		if !sleepCtx(ctx, min(50*time.Millisecond<<min(tries, 5), time.Second)) {
			return ctx.Err()
		}
		tries++
		if nw, err := r.locate(ctx, w.part); err == nil {
			w = nw
		}
		return nil
	}
	for next := from; next < to; {
		if err := ctx.Err(); err != nil {
			return err
		}
		if w.leader < 0 {
			if err := retry(kerr.LeaderNotAvailable); err != nil {
				return err
			}
			continue
		}
		wait := time.Duration(0)
		if follow {
			wait = followWait
		}
		rp, err := r.fetch(ctx, w, next, wait, maxBytes)
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if err := retry(err); err != nil {
				return fmt.Errorf("kafka: fetching %s/%d: %w", topic, w.part, err)
			}
			continue
		}
		fp, after := kgo.ProcessFetchPartition(kgo.ProcessFetchPartitionOpts{Offset: next, Topic: topic, Partition: w.part}, rp, r.decomp, nil)
		switch {
		case errors.Is(fp.Err, kerr.OffsetOutOfRange):
			// Retention deleted the records from under us, or (follow)
			// the log was truncated below where we were.
			start, end, err := r.offsets(ctx, w.part)
			if err != nil {
				if err := retry(err); err != nil {
					return err
				}
				continue
			}
			switch {
			case next < start:
				next = start
			case next >= end && !follow:
				to = min(to, end)
			case next > end:
				next = end
			default: // a leader behind the metadata: back off, ask again
				if err := retry(fp.Err); err != nil {
					return err
				}
			}
			continue
		case fp.Err != nil && (kerr.IsRetriable(fp.Err) || errors.Is(fp.Err, kerr.UnknownTopicID)):
			// A moved leader, a restarting broker: ask for the leader
			// again and retry.
			if err := retry(fp.Err); err != nil {
				return fmt.Errorf("kafka: fetching %s/%d: %w", topic, w.part, err)
			}
			continue
		case fp.Err != nil && len(fp.Records) == 0:
			return fmt.Errorf("kafka: fetching %s/%d at offset %d: %w", topic, w.part, next, fp.Err)
		}
		tries = 0
		for _, kr := range fp.Records {
			if kr.Offset >= to {
				return nil
			}
			next = kr.Offset + 1
			if err := fn(kr); err != nil {
				return err
			}
		}
		if after > next {
			next = after // past control records
		}
		if len(fp.Records) > 0 || follow {
			continue
		}
		if fp.HighWatermark >= 0 && fp.HighWatermark <= next {
			to = min(to, fp.HighWatermark)
			continue
		}
		// Nothing returned below the high watermark: a batch larger
		// than maxBytes from a broker without KIP-74. Ask for more.
		if maxBytes >= 256<<20 {
			return fmt.Errorf("kafka: fetching %s/%d at offset %d: no record returned below the high watermark %d", topic, w.part, next, fp.HighWatermark)
		}
		maxBytes *= 2
	}
	return nil
}

// fetch sends one Fetch request for one partition at offset to its leader
// and returns that partition's part of the answer.
func (r *reader) fetch(ctx context.Context, w where, offset int64, wait time.Duration, maxBytes int32) (*kmsg.FetchResponseTopicPartition, error) {
	req := kmsg.NewPtrFetchRequest()
	req.MaxWaitMillis = int32(wait / time.Millisecond)
	req.MinBytes = 1
	req.MaxBytes = maxBytes
	// No fetch session (SessionID 0, epoch -1): every request stands
	// alone, so concurrent readers cannot disturb each other's state.
	req.SessionID, req.SessionEpoch = 0, -1
	rt := kmsg.NewFetchRequestTopic()
	rt.Topic, rt.TopicID = r.cfg.Topic, w.id // name up to v12, id from v13
	rp := kmsg.NewFetchRequestTopicPartition()
	rp.Partition, rp.FetchOffset, rp.PartitionMaxBytes = w.part, offset, maxBytes
	rt.Partitions = append(rt.Partitions, rp)
	req.Topics = append(req.Topics, rt)
	kresp, err := r.cl.Broker(int(w.leader)).RetriableRequest(ctx, req)
	if err != nil {
		return nil, err
	}
	resp := kresp.(*kmsg.FetchResponse)
	if err := kerr.ErrorForCode(resp.ErrorCode); err != nil {
		return nil, err
	}
	for i := range resp.Topics {
		for j := range resp.Topics[i].Partitions {
			if p := &resp.Topics[i].Partitions[j]; p.Partition == w.part {
				return p, nil
			}
		}
	}
	return nil, fmt.Errorf("the broker's answer holds no partition %d", w.part)
}

// sleepCtx waits d or until ctx ends; false when ctx ended.
func sleepCtx(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}
