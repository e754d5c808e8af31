package fleet

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"text/tabwriter"
	"time"
)

// StaleAfter is how many status intervals without a record make a device
// stale.
const StaleAfter = 3

// Record is a record of the status topic as a reader got it.
type Record struct {
	Key   string
	Value []byte // nil: a tombstone (the device was forgotten)
	// Timestamp is Kafka's timestamp of the record: "last seen". With
	// message.timestamp.type=LogAppendTime on the topic it is the
	// broker's clock, which a box without a synchronised clock cannot
	// skew.
	Timestamp time.Time
}

// Table is the last record of every device, as a reader of the compacted
// topic builds it; safe for concurrent use (the --metrics endpoint reads
// while the reader applies).
type Table struct {
	mu   sync.Mutex
	last map[string]Record
}

// Apply takes records in topic (offset) order: a device's later record
// replaces its earlier one, a tombstone removes it.
func (t *Table) Apply(recs ...Record) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.last == nil {
		t.last = map[string]Record{}
	}
	for _, r := range recs {
		if r.Value == nil {
			delete(t.last, r.Key)
			continue
		}
		// Topic order, not timestamps: a key's records are in one
		// partition, and a box whose clock is not synchronised yet (a Pi
		// without RTC after a reboot) may stamp its newest record
		// earlier than its last one before the reboot.
		t.last[r.Key] = r
	}
}

// Devices is the table's view at now, sorted by device id.
func (t *Table) Devices(now time.Time) []Device {
	t.mu.Lock()
	recs := make([]Record, 0, len(t.last))
	for _, r := range t.last {
		recs = append(recs, r)
	}
	t.mu.Unlock()
	out := make([]Device, 0, len(recs))
	for _, r := range recs {
		out = append(out, view(r, now))
	}
	slices.SortFunc(out, func(a, b Device) int { return cmp.Compare(a.ID, b.ID) })
	return out
}

// Device is one line of `edgecam fleet`.
type Device struct {
	ID       string    `json:"device"`
	LastSeen time.Time `json:"last_seen"`
	// AgeSeconds is how long ago the last record came.
	AgeSeconds float64 `json:"age_seconds"`
	// Stale: no record for more than StaleAfter of the device's intervals
	// (a device that stopped cleanly is stopped, not stale).
	Stale bool `json:"stale"`
	// Healthy: fresh, and every stream running or spooling.
	Healthy bool `json:"healthy"`
	// State is the record's state, or "stale", or "invalid" for a record
	// this reader cannot read (Error says why).
	State    string  `json:"state"`
	Streams  Counts  `json:"streams"`
	Backlog  Backlog `json:"backlog"`
	Version  string  `json:"version,omitempty"`
	Commit   string  `json:"commit,omitempty"`
	Error    string  `json:"error,omitempty"`
	Status   *Status `json:"status,omitempty"`
	interval time.Duration
}

// Counts are a device's streams by state.
type Counts struct {
	Total    int `json:"total"`
	Running  int `json:"running"`
	Spooling int `json:"spooling"`
	// Failing counts the others: starting, waiting for the camera,
	// restarting, stopped.
	Failing int `json:"failing"`
}

// Backlog sums the spools of a device's streams.
type Backlog struct {
	Bytes            int64   `json:"bytes"`
	Frames           int64   `json:"frames"`
	OldestAgeSeconds float64 `json:"oldest_age_seconds"`
}

func view(r Record, now time.Time) Device {
	d := Device{ID: r.Key, LastSeen: r.Timestamp, AgeSeconds: max(now.Sub(r.Timestamp).Seconds(), 0)}
	s, err := Parse(r.Value)
	if err != nil {
		d.State, d.Error = "invalid", err.Error()
		return d
	}
	d.Status, d.Version, d.Commit = s, s.Agent.Version, s.Agent.Commit
	d.interval = time.Duration(max(s.IntervalSeconds, 1) * float64(time.Second))
	d.State = s.State
	for _, st := range s.Streams {
		d.Streams.Total++
		switch st.State {
		case "running":
			d.Streams.Running++
		case "spooling":
			d.Streams.Spooling++
		default:
			d.Streams.Failing++
		}
		d.Backlog.Bytes += st.Spool.Bytes
		d.Backlog.Frames += st.Spool.Frames
		d.Backlog.OldestAgeSeconds = max(d.Backlog.OldestAgeSeconds, st.Spool.OldestAgeSeconds)
	}
	if s.State != StateStopped && now.Sub(r.Timestamp) > StaleAfter*d.interval {
		d.Stale, d.State = true, "stale"
	}
	d.Healthy = !d.Stale && (s.State == StateRunning || s.State == StateSpooling)
	return d
}

// AllHealthy reports whether every device is healthy (`edgecam fleet`
// exits 1 otherwise).
func AllHealthy(ds []Device) bool {
	for _, d := range ds {
		if !d.Healthy {
			return false
		}
	}
	return true
}

// WriteText prints one line per device, a header first.
func WriteText(w io.Writer, ds []Device) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "DEVICE\tLAST SEEN\tSTATE\tSTREAMS run/spool/fail\tBACKLOG\tVERSION")
	for _, d := range ds {
		backlog := "-"
		if d.Backlog.Frames > 0 || d.Backlog.Bytes > 0 {
			backlog = fmt.Sprintf("%s, %d frames, oldest %s", bytesText(d.Backlog.Bytes), d.Backlog.Frames, durText(d.Backlog.OldestAgeSeconds))
		}
		state := d.State
		version := d.Version
		if d.Commit != "" && d.Commit != "unknown" {
			version += " (" + d.Commit + ")"
		}
		if d.Error != "" {
			version = d.Error // an unreadable record: say why, instead
		}
		fmt.Fprintf(tw, "%s\t%s ago\t%s\t%d/%d/%d\t%s\t%s\n", d.ID, durText(d.AgeSeconds), state,
			d.Streams.Running, d.Streams.Spooling, d.Streams.Failing, backlog, version)
	}
	return tw.Flush()
}

// Summary is the last line of `edgecam fleet`: how many devices are what.
func Summary(ds []Device) string {
	var healthy, stale, unhealthy int
	for _, d := range ds {
		switch {
		case d.Healthy:
			healthy++
		case d.Stale:
			stale++
		default:
			unhealthy++
		}
	}
	return fmt.Sprintf("%d devices: %d healthy, %d unhealthy, %d stale", len(ds), healthy, unhealthy, stale)
}

// WriteJSON prints the devices as a JSON array, the full record of each
// under "status".
func WriteJSON(w io.Writer, ds []Device) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if ds == nil {
		ds = []Device{}
	}
	return enc.Encode(ds)
}

func durText(sec float64) string {
	d := time.Duration(sec * float64(time.Second))
	switch {
	case d < time.Minute:
		return fmt.Sprintf("%ds", int(d.Seconds()))
	case d < time.Hour:
		return fmt.Sprintf("%dm%02ds", int(d.Minutes()), int(d.Seconds())%60)
	case d < 48*time.Hour:
		return fmt.Sprintf("%dh%02dm", int(d.Hours()), int(d.Minutes())%60)
	}
	return fmt.Sprintf("%dd", int(d.Hours()/24))
}

func bytesText(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	f, u := float64(n), 0
	for f >= unit && u < 4 {
		f /= unit
		u++
	}
	return fmt.Sprintf("%.1f %s", f, strings.Split("B KiB MiB GiB TiB", " ")[u])
}
