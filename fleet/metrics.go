package fleet

import (
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// Collector serves a Table as Prometheus metrics, one series per device
// (label device) and per stream: `edgecam fleet --metrics` makes one
// scrape see every box, also those Prometheus cannot reach (NAT, LTE).
//
// Where a number means what the agent's own /metrics says, it has the
// agent's name with a device label added (edgecam_stream_state,
// edgecam_spool_oldest_frame_age_seconds, edgecam_errors_total, ...), so
// rules and dashboards work on either source; the rest is edgecam_fleet_*.
// Values are those of each device's last record: a stale device keeps
// its last values, and edgecam_fleet_device_up says it is stale.
type Collector struct {
	Table *Table
	// Now is the clock (tests); nil is time.Now.
	Now func() time.Time
}

func desc(name, help string, labels ...string) *prometheus.Desc {
	return prometheus.NewDesc(name, help, append([]string{"device"}, labels...), nil)
}

var (
	fDeviceUp  = desc("edgecam_fleet_device_up", "1 while the device reports (a record within 3 of its status intervals, or it stopped cleanly), 0 when it is stale.")
	fHealthy   = desc("edgecam_fleet_device_healthy", "1 when the device is fresh and every stream is running or spooling (what `edgecam fleet` exits 0 for).")
	fLastSeen  = desc("edgecam_fleet_last_seen_timestamp_seconds", "Kafka timestamp of the device's last status record, Unix seconds.")
	fInterval  = desc("edgecam_fleet_status_interval_seconds", "The device's fleet.status_interval.")
	fState     = desc("edgecam_fleet_device_state", "1 for the device's state (running, spooling, starting, failing, stopped, stale, invalid), 0 for the others.", "state")
	fInfo      = desc("edgecam_fleet_agent_info", "The agent's version, commit and config digest: always 1.", "version", "commit", "config_digest")
	fUptime    = desc("edgecam_fleet_agent_uptime_seconds", "Seconds since the agent started, as of its last record.")
	fDropped   = desc("edgecam_fleet_status_dropped_total", "Status records the agent dropped (status buffer full while Kafka was away).")
	fClock     = desc("edgecam_clock_synced", "1 when the device's kernel clock is synchronised (adjtimex), 0 when not; absent when unknown.")
	fKafka     = desc("edgecam_kafka_connected", "1 while the device's video producer reaches a broker.")
	fLoad1     = desc("edgecam_fleet_host_load1", "1-minute load average.")
	fMemAvail  = desc("edgecam_fleet_host_memory_available_bytes", "MemAvailable of /proc/meminfo.")
	fMemTotal  = desc("edgecam_fleet_host_memory_total_bytes", "MemTotal of /proc/meminfo.")
	fDiskFree  = desc("edgecam_fleet_host_spool_disk_free_bytes", "Free bytes of the file system holding spool.dir.")
	fDiskTotal = desc("edgecam_fleet_host_spool_disk_total_bytes", "Size of the file system holding spool.dir.")
	fTemp      = desc("edgecam_fleet_host_soc_temperature_celsius", "SoC/CPU temperature.")
	fThrottled = desc("edgecam_fleet_host_throttled", "Raspberry Pi get_throttled flags, 1 when set: under_voltage, freq_capped, throttled, soft_temp_limit (now) and the *_occurred ones (since boot).", "flag")

	fStreamState = desc("edgecam_stream_state", "1 for the stream's state (starting, running, spooling, waiting_for_device, restarting, stopped), 0 for the others.", "stream", "state")
	fEncoder     = desc("edgecam_encoder_info", "The stream's encoder: always 1.", "stream", "encoder", "hardware")
	fFPS         = desc("edgecam_fleet_stream_fps", "Frames captured per second over the device's last status interval.", "stream")
	fBitrate     = desc("edgecam_fleet_stream_bitrate_bps", "Encoded bits per second over the device's last status interval.", "stream")
	fLatency     = desc("edgecam_fleet_stream_capture_to_ack_seconds", "Capture to Kafka acknowledgement of the stream's last acknowledged frame.", "stream")
	fCaptured    = desc("edgecam_frames_captured_total", "Frames the stream's pipeline delivered.", "stream")
	fAcked       = desc("edgecam_frames_acked_total", "Frames Kafka acknowledged.", "stream")
	fRestarts    = desc("edgecam_pipeline_restarts_total", "Pipelines that failed, stalled or ended and were restarted.", "stream")
	fErrors      = desc("edgecam_errors_total", "Failures by kind (see the agent's metric of the same name); kinds that never happened are absent.", "stream", "kind")
	fSpoolBytes  = desc("edgecam_spool_bytes", "Bytes of the stream's spool.", "stream")
	fSpoolFrames = desc("edgecam_spool_frames", "Frames in the spool not yet acknowledged by Kafka.", "stream")
	fSpoolAge    = desc("edgecam_spool_oldest_frame_age_seconds", "Age of the oldest frame waiting in the spool, 0 when none.", "stream")
	fEvicted     = desc("edgecam_spool_evicted_frames_total", "Undelivered frames the spool had to delete (full, too old).", "stream")
)

var deviceStates = []string{StateRunning, StateSpooling, StateStarting, StateFailing, StateStopped, "stale", "invalid"}
var streamStates = []string{"starting", "running", "spooling", "waiting_for_device", "restarting", "stopped"}

// Describe implements prometheus.Collector.
func (c *Collector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{fDeviceUp, fHealthy, fLastSeen, fInterval, fState, fInfo, fUptime, fDropped, fClock, fKafka,
		fLoad1, fMemAvail, fMemTotal, fDiskFree, fDiskTotal, fTemp, fThrottled, fStreamState, fEncoder, fFPS, fBitrate, fLatency,
		fCaptured, fAcked, fRestarts, fErrors, fSpoolBytes, fSpoolFrames, fSpoolAge, fEvicted} {
		ch <- d
	}
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// Collect implements prometheus.Collector.
func (c *Collector) Collect(ch chan<- prometheus.Metric) {
	now := time.Now
	if c.Now != nil {
		now = c.Now
	}
	for _, d := range c.Table.Devices(now()) {
		g := func(desc *prometheus.Desc, v float64, labels ...string) {
			ch <- prometheus.MustNewConstMetric(desc, prometheus.GaugeValue, v, append([]string{d.ID}, labels...)...)
		}
		cnt := func(desc *prometheus.Desc, v int64, labels ...string) {
			ch <- prometheus.MustNewConstMetric(desc, prometheus.CounterValue, float64(v), append([]string{d.ID}, labels...)...)
		}
		g(fDeviceUp, b2f(!d.Stale))
		g(fHealthy, b2f(d.Healthy))
		g(fLastSeen, float64(d.LastSeen.UnixMilli())/1000)
		for _, st := range deviceStates {
			g(fState, b2f(st == d.State), st)
		}
		s := d.Status
		if s == nil {
			continue
		}
		g(fInterval, s.IntervalSeconds)
		g(fInfo, 1, s.Agent.Version, s.Agent.Commit, s.Agent.ConfigDigest)
		g(fUptime, s.Agent.UptimeSeconds)
		cnt(fDropped, s.Agent.StatusDropped)
		if s.Host.ClockSynced != nil {
			g(fClock, b2f(*s.Host.ClockSynced))
		}
		g(fKafka, b2f(s.Kafka.Connected))
		g(fLoad1, s.Host.Load1)
		g(fMemAvail, float64(s.Host.MemAvailableBytes))
		g(fMemTotal, float64(s.Host.MemTotalBytes))
		g(fDiskFree, float64(s.Host.SpoolDiskFreeBytes))
		g(fDiskTotal, float64(s.Host.SpoolDiskTotalBytes))
		if s.Host.SoCTempC != nil {
			g(fTemp, *s.Host.SoCTempC)
		}
		if t := s.Host.Throttled; t != nil {
			for flag, v := range map[string]bool{
				"under_voltage": t.UnderVoltage, "freq_capped": t.FreqCapped, "throttled": t.Throttled, "soft_temp_limit": t.SoftTempLimit,
				"under_voltage_occurred": t.UnderVoltageOccurred, "freq_capped_occurred": t.FreqCappedOccurred,
				"throttled_occurred": t.ThrottledOccurred, "soft_temp_limit_occurred": t.SoftTempLimitOccurred,
			} {
				g(fThrottled, b2f(v), flag)
			}
		}
		for _, st := range s.Streams {
			for _, state := range streamStates {
				g(fStreamState, b2f(state == st.State), st.Name, state)
			}
			if st.Encoder != "" {
				g(fEncoder, 1, st.Name, st.Encoder, strconv.FormatBool(st.Hardware))
			}
			g(fFPS, st.FPS, st.Name)
			g(fBitrate, st.BitrateBPS, st.Name)
			if st.LatencyMS != nil {
				g(fLatency, *st.LatencyMS/1000, st.Name)
			}
			cnt(fCaptured, st.Captured, st.Name)
			cnt(fAcked, st.Acked, st.Name)
			cnt(fRestarts, st.Restarts, st.Name)
			for kind, n := range st.Errors {
				cnt(fErrors, n, st.Name, kind)
			}
			g(fSpoolBytes, float64(st.Spool.Bytes), st.Name)
			g(fSpoolFrames, float64(st.Spool.Frames), st.Name)
			g(fSpoolAge, st.Spool.OldestAgeSeconds, st.Name)
			cnt(fEvicted, st.Spool.Evicted, st.Name)
		}
	}
}
