package agent

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/edgecam/edgecam/internal/hostinfo"
	"github.com/edgecam/edgecam/kafka"
	"github.com/edgecam/edgecam/spool"
)

// monitor watches an agent's streams for the Prometheus endpoint
// (/metrics), the health endpoint (/healthz) and the systemd watchdog.
// Each agent has its own registry (never the global one), so tests can run
// several agents in one process.
//
// The frame path pays nothing for it: every per-stream number is an atomic
// counter the stream keeps anyway, read at scrape time by Collect; the only
// metric written per frame is the capture→ack histogram, whose child is
// resolved once per stream (Observe is a few atomic adds, no allocation).
type monitor struct {
	reg        *prometheus.Registry
	latency    *prometheus.HistogramVec
	stuckAfter time.Duration
	log        *slog.Logger
	prod       atomic.Pointer[kafka.Producer]
	// stopping is set when the agent stops: streams stay listed, stopped,
	// with their final counts (remove is for streams a reload removed).
	stopping atomic.Bool

	mu      sync.Mutex
	streams []*stream // in the order added; names are unique
}

// Per-stream metrics, read from the stream's counters at scrape time.
var (
	descCaptured  = trackDesc("edgecam_frames_captured_total", "Frames the stream's pipeline delivered (captured and encoded), counted as they leave the pipeline.")
	descEncoded   = trackDesc("edgecam_frames_encoded_total", "Encoded frames given an edgecam-seq (every one goes to Kafka or the spool).")
	descProduced  = trackDesc("edgecam_frames_produced_total", "Records handed to the Kafka producer, straight from memory or from the spool (a frame produced again after a failure counts again).")
	descAcked     = trackDesc("edgecam_frames_acked_total", "Records Kafka acknowledged (acks=all): each frame once.")
	descBytes     = trackDesc("edgecam_bytes_encoded_total", "Bytes of encoded frames (Kafka record values).")
	descKeyframes = trackDesc("edgecam_keyframes_total", "Encoded IDR frames.")
	descRestarts  = streamDesc("edgecam_pipeline_restarts_total", "Pipelines that failed, stalled or ended and were restarted (a missing camera's retries are not counted: see edgecam_stream_state).")

	descSpoolBytes    = trackDesc("edgecam_spool_bytes", "Bytes of the stream's spool segment files on disk.")
	descSpoolFrames   = trackDesc("edgecam_spool_frames", "Frames in the spool not yet acknowledged by Kafka.")
	descSpoolSegments = trackDesc("edgecam_spool_segments", "Segment files of the stream's spool.")
	descSpoolAge      = trackDesc("edgecam_spool_oldest_frame_age_seconds", "Age (by capture time) of the oldest frame in the spool, 0 when it holds none.")
	descSpooled       = trackDesc("edgecam_spool_written_frames_total", "Frames written to the spool (outage mode: while Kafka was away or slow).")
	descDrained       = trackDesc("edgecam_spool_drained_frames_total", "Frames produced from the spool.")
	descDrainedBytes  = trackDesc("edgecam_spool_drained_bytes_total", "Bytes produced from the spool.")
	descDrainRate     = trackDesc("edgecam_spool_drain_rate_bytes", "Bytes per second produced from the spool over the last second (spool.drain_rate caps it).")
	descEvicted       = trackDesc("edgecam_spool_evicted_frames_total", "Undelivered frames the spool deleted because it was full (spool.max_size), too old (spool.max_age) or the disk was full.")
	descCorrupt       = trackDesc("edgecam_spool_corrupt_records_total", "Spool records skipped because their CRC or framing was damaged.")

	descState = prometheus.NewDesc("edgecam_stream_state",
		"1 for the stream's current state (starting, running, spooling, waiting_for_device, restarting, stopped), 0 for the others.",
		[]string{"stream", "state"}, nil)
	descEncoder = prometheus.NewDesc("edgecam_encoder_info",
		"The stream's encoder, once chosen: always 1.",
		[]string{"stream", "encoder", "hardware"}, nil)
	descDecoder = prometheus.NewDesc("edgecam_decoder_info",
		"The JPEG decoder of a stream whose V4L2 camera delivers MJPEG, once chosen: always 1 (no series for other streams).",
		[]string{"stream", "decoder", "hardware"}, nil)
	descKeyInterval = streamDesc("edgecam_keyframe_interval_seconds",
		"Time between the last two keyframes, measured from the frames (a camera that encodes itself sets it, not keyframe_interval); 0 until two were seen.")
	descErrors = prometheus.NewDesc("edgecam_errors_total",
		"Failures by kind: device_missing (camera gone), device (camera not accessible), stall (no frame for 5 frame intervals), pipeline, encoder, panic, conflict (another agent writes this key), kafka (a record Kafka did not take), too_large, spool (a frame lost: the spool refused it).",
		[]string{"stream", "kind"}, nil)
)

func streamDesc(name, help string) *prometheus.Desc {
	return prometheus.NewDesc(name, help, []string{"stream"}, nil)
}

// trackDesc is a per-track metric: label track is video, or audio for a
// stream's sound track (config audio:), which has its own frames, seqs
// and spool. The video's series come first.
func trackDesc(name, help string) *prometheus.Desc {
	return prometheus.NewDesc(name, help, []string{"stream", "track"}, nil)
}

// latencyBuckets span 1 ms (a frame acknowledged by a broker next door) to
// 30 s (a frame that waited out an outage in memory); older frames come
// from the spool and land in +Inf.
var latencyBuckets = []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30}

// newMonitor creates the registry with the agent's metrics, the Go runtime
// and process collectors. stuckAfter is how long a stream loop may go
// without a heartbeat before the watchdog check fails.
func newMonitor(log *slog.Logger, stuckAfter time.Duration) *monitor {
	m := &monitor{reg: prometheus.NewRegistry(), stuckAfter: stuckAfter, log: log}
	m.latency = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name:    "edgecam_capture_to_ack_seconds",
		Help:    "Time from a frame's capture to Kafka's acknowledgement of its record.",
		Buckets: latencyBuckets,
	}, []string{"stream"})
	m.reg.MustRegister(
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		m.latency,
		m,
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "edgecam_clock_synced",
			Help: "1 when the kernel's clock is synchronised (adjtimex: STA_UNSYNC clear), 0 while it is not (capture times are then the box's guess), -1 when it cannot be asked.",
		}, func() float64 {
			ok, err := hostinfo.ClockSynced()
			switch {
			case err != nil:
				return -1
			case ok:
				return 1
			}
			return 0
		}),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "edgecam_kafka_connected",
			Help: "1 while the producer reaches at least one Kafka broker, else 0.",
		}, func() float64 {
			if p := m.prod.Load(); p != nil && p.Connected() {
				return 1
			}
			return 0
		}),
	)
	return m
}

// setProducer names the producer edgecam_kafka_connected reports on.
func (m *monitor) setProducer(p *kafka.Producer) { m.prod.Store(p) }

// add makes s visible to /metrics, /healthz and the watchdog, replacing a
// stream of the same name (a reload restarted it).
func (m *monitor) add(s *stream) {
	s.latency = m.latency.WithLabelValues(s.name)
	s.detach = func() { m.remove(s) }
	m.mu.Lock()
	defer m.mu.Unlock()
	m.streams = slices.DeleteFunc(m.streams, func(o *stream) bool { return o.name == s.name })
	m.streams = append(m.streams, s)
}

// remove forgets s (a reload removed it), unless a newer stream of the same
// name replaced it already.
func (m *monitor) remove(s *stream) {
	if m.stopping.Load() {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	n := len(m.streams)
	m.streams = slices.DeleteFunc(m.streams, func(o *stream) bool { return o == s })
	if len(m.streams) < n {
		m.latency.DeleteLabelValues(s.name)
	}
}

func (m *monitor) list() []*stream {
	m.mu.Lock()
	defer m.mu.Unlock()
	return slices.Clone(m.streams)
}

// Describe implements prometheus.Collector.
func (m *monitor) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{descCaptured, descEncoded, descProduced, descAcked, descBytes, descKeyframes, descRestarts,
		descSpoolBytes, descSpoolFrames, descSpoolSegments, descSpoolAge, descSpooled, descDrained, descDrainedBytes, descDrainRate,
		descEvicted, descCorrupt, descState, descEncoder, descDecoder, descKeyInterval, descErrors} {
		ch <- d
	}
}

// Collect implements prometheus.Collector: a snapshot of every stream's
// counters, state and spool.
func (m *monitor) Collect(ch chan<- prometheus.Metric) {
	for _, s := range m.list() {
		counter := func(d *prometheus.Desc, v int64) {
			ch <- prometheus.MustNewConstMetric(d, prometheus.CounterValue, float64(v), s.name)
		}
		gauge := func(d *prometheus.Desc, v float64) {
			ch <- prometheus.MustNewConstMetric(d, prometheus.GaugeValue, v, s.name)
		}
		collectTrack(ch, s.name, kafka.TrackVideo, &s.deliveryStats, s.captured.Load(), s.sp.Load())
		if a := s.audio; a != nil {
			collectTrack(ch, s.name, kafka.TrackAudio, &a.deliveryStats, a.captured.Load(), a.sp.Load())
		}
		counter(descRestarts, s.restarts.Load())

		cur := s.status.get().state
		for st := range numStates {
			v := 0.0
			if st == cur {
				v = 1
			}
			ch <- prometheus.MustNewConstMetric(descState, prometheus.GaugeValue, v, s.name, st.String())
		}
		if e := s.encoder.Load(); e != nil {
			ch <- prometheus.MustNewConstMetric(descEncoder, prometheus.GaugeValue, 1, s.name, e.name, strconv.FormatBool(e.hardware))
		}
		if d := s.decoderInfo.Load(); d != nil {
			ch <- prometheus.MustNewConstMetric(descDecoder, prometheus.GaugeValue, 1, s.name, d.name, strconv.FormatBool(d.hardware))
		}
		gauge(descKeyInterval, time.Duration(s.keyInterval.Load()).Seconds())
		for k := range numErrKinds {
			ch <- prometheus.MustNewConstMetric(descErrors, prometheus.CounterValue, float64(s.errorCount(k)), s.name, k.String())
		}
	}
}

// collectTrack sends the counters and spool gauges of one track.
func collectTrack(ch chan<- prometheus.Metric, stream, track string, ds *deliveryStats, captured int64, p *spool.Spool) {
	counter := func(d *prometheus.Desc, v int64) {
		ch <- prometheus.MustNewConstMetric(d, prometheus.CounterValue, float64(v), stream, track)
	}
	gauge := func(d *prometheus.Desc, v float64) {
		ch <- prometheus.MustNewConstMetric(d, prometheus.GaugeValue, v, stream, track)
	}
	counter(descCaptured, captured)
	counter(descEncoded, ds.frames.Load())
	counter(descProduced, ds.produced.Load())
	counter(descAcked, ds.acked.Load())
	counter(descBytes, ds.bytes.Load())
	counter(descKeyframes, ds.keyframes.Load())
	counter(descSpooled, ds.spooled.Load())
	counter(descDrained, ds.drained.Load())
	counter(descDrainedBytes, ds.drainedBytes.Load())
	gauge(descDrainRate, float64(ds.drainRate.Load()))

	// The spool exists once the stream opened it; Stats is cheap (no
	// I/O) and still answers after Close.
	var sp struct {
		bytes, frames, segments, evicted, corrupt int64
		age                                       float64
	}
	if p != nil {
		st := p.Stats()
		sp.bytes, sp.frames, sp.segments, sp.evicted, sp.corrupt = st.Bytes, st.Unacked, int64(st.Segments), st.Evicted, st.Corrupt
		if st.Unacked > 0 && !st.OldestCapture.IsZero() {
			sp.age = max(time.Since(st.OldestCapture).Seconds(), 0)
		}
	}
	gauge(descSpoolBytes, float64(sp.bytes))
	gauge(descSpoolFrames, float64(sp.frames))
	gauge(descSpoolSegments, float64(sp.segments))
	gauge(descSpoolAge, sp.age)
	counter(descEvicted, sp.evicted)
	counter(descCorrupt, sp.corrupt)
}

// healthReport is the body of /healthz.
type healthReport struct {
	// Status is "ok" when every stream delivers frames (to Kafka or its
	// spool), else "unhealthy".
	Status  string              `json:"status"`
	Streams map[string]snapshot `json:"streams"`
}

func (m *monitor) health() healthReport {
	r := healthReport{Status: "ok", Streams: map[string]snapshot{}}
	for _, s := range m.list() {
		snap := s.status.get()
		if s.audio != nil {
			snap.Audio = s.audio.health()
		}
		r.Streams[s.name] = snap
		if !snap.state.healthy() {
			r.Status = "unhealthy"
		}
	}
	return r
}

// serveHealth answers 200 when every stream is running or spooling, else
// 503; the JSON body names each stream's state, why and since when.
func (m *monitor) serveHealth(w http.ResponseWriter, _ *http.Request) {
	r := m.health()
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	if r.Status != "ok" {
		w.WriteHeader(http.StatusServiceUnavailable)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(r) // fails only when the client has gone
}

// loopsAlive is the systemd watchdog's health check: every stream's
// supervise and deliver loops beat recently. It says nothing about cameras
// or Kafka — a missing camera must not get the agent killed and restarted
// (that would not bring the camera back); a stuck loop must, since only a
// restart unsticks it.
func (m *monitor) loopsAlive() bool {
	alive := true
	for _, s := range m.list() {
		if loop, silent := s.stuck(m.stuckAfter); loop != "" {
			alive = false
			m.log.Error("stream loop stuck: withholding the systemd watchdog keep-alive so systemd restarts the agent",
				"stream", s.name, "loop", loop, "silent_for", silent.Round(time.Millisecond))
		}
	}
	return alive
}

// handler serves /metrics and /healthz.
func (m *monitor) handler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/metrics", promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{
		ErrorLog:      slog.NewLogLogger(m.log.Handler(), slog.LevelError),
		ErrorHandling: promhttp.ContinueOnError,
	}))
	mux.HandleFunc("/healthz", m.serveHealth)
	return mux
}

// serve answers on ln until ctx is done; the caller opened ln (so a busy
// port fails the command before any camera starts).
func (m *monitor) serve(ctx context.Context, ln net.Listener) {
	srv := &http.Server{Handler: m.handler(), ReadHeaderTimeout: 5 * time.Second}
	go func() {
		<-ctx.Done()
		_ = srv.Close() // shutting down: Serve returns and says so
	}()
	m.log.Info("serving metrics and health", "addr", "http://"+ln.Addr().String(), "paths", "/metrics /healthz")
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		m.log.Error("metrics endpoint stopped", "err", err)
	}
}

// observer is the part of a Prometheus histogram the deliverer uses.
type observer interface{ Observe(float64) }

type noObserver struct{}

func (noObserver) Observe(float64) {}

// encoderInfo is the stream's chosen encoder, for edgecam_encoder_info.
type encoderInfo struct {
	name     string
	hardware bool
}

// errorCount is edgecam_errors_total for one kind: the producer outcomes
// come from the counters the deliverer keeps anyway.
func (s *stream) errorCount(k errKind) int64 {
	switch k {
	case errKafka:
		return s.failed.Load()
	case errTooLarge:
		return s.tooLarge.Load()
	case errSpool:
		// Frames lost, plus the attempts refused because the spool
		// cannot persist the seq high-water mark.
		return s.lost.Load() + s.errs[errSpool].Load()
	}
	return s.errs[k].Load()
}
