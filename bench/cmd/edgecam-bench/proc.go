package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// clockTicks is USER_HZ, the unit of utime/stime in /proc/PID/stat: 100 on
// every Linux architecture edgecam runs on.
const clockTicks = 100

// procStat is what the benchmarks read of one process.
type procStat struct {
	pid, ppid int
	comm      string
	cpuTicks  int64 // utime + stime, the process's own threads
}

// readStat parses /proc/PID/stat. comm may hold spaces and parentheses, so
// the fields after it are found from the last ')'.
func readStat(pid int) (procStat, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return procStat{}, err
	}
	open, end := bytes.IndexByte(b, '('), bytes.LastIndexByte(b, ')')
	if open < 0 || end < open {
		return procStat{}, fmt.Errorf("/proc/%d/stat: unexpected format", pid)
	}
	f := strings.Fields(string(b[end+1:]))
	// f[0] is field 3 (state): ppid is field 4, utime 14, stime 15.
	if len(f) < 13 {
		return procStat{}, fmt.Errorf("/proc/%d/stat: too few fields", pid)
	}
	ppid, _ := strconv.Atoi(f[1])
	ut, _ := strconv.ParseInt(f[11], 10, 64)
	st, _ := strconv.ParseInt(f[12], 10, 64)
	return procStat{pid: pid, ppid: ppid, comm: string(b[open+1 : end]), cpuTicks: ut + st}, nil
}

// tree returns root and every live descendant of it.
func tree(root int) []procStat {
	dirs, _ := filepath.Glob("/proc/[0-9]*")
	children := map[int][]procStat{}
	var self procStat
	found := false
	for _, d := range dirs {
		pid, err := strconv.Atoi(filepath.Base(d))
		if err != nil {
			continue
		}
		st, err := readStat(pid)
		if err != nil {
			continue
		}
		if pid == root {
			self, found = st, true
		}
		children[st.ppid] = append(children[st.ppid], st)
	}
	if !found {
		return nil
	}
	out := []procStat{self}
	for i := 0; i < len(out); i++ {
		out = append(out, children[out[i].pid]...)
	}
	return out
}

// treeSample is the CPU time of a process tree at one moment, per pid, so
// that a window's CPU is the sum of per-process differences (a process
// born inside the window counts from zero).
type treeSample map[int]int64

func sampleTree(root int) treeSample {
	s := treeSample{}
	for _, p := range tree(root) {
		s[p.pid] = p.cpuTicks
	}
	return s
}

// cpuSeconds is the CPU the tree used between two samples.
func cpuSeconds(from, to treeSample) float64 {
	var ticks int64
	for pid, t := range to {
		ticks += t - from[pid]
	}
	return float64(ticks) / clockTicks
}

// statusKB reads a "Name:   123 kB" line of /proc/PID/status.
func statusKB(pid int, name string) int64 {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	defer func() { _ = f.Close() }() // read-only
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if v, ok := strings.CutPrefix(line, name+":"); ok {
			n, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return n
		}
	}
	return 0
}

// treeMemMB sums VmHWM (peak resident set) and VmRSS (current) over the
// processes of a tree, in MiB.
func treeMemMB(root int) (peak, current float64) {
	for _, p := range tree(root) {
		peak += float64(statusKB(p.pid, "VmHWM")) / 1024
		current += float64(statusKB(p.pid, "VmRSS")) / 1024
	}
	return peak, current
}

// memSample is the resident memory of a process tree at one moment, by
// kind (/proc/PID/status), in MiB. Anon (RssAnon + RssShmem) is what the
// processes own: the kernel can only get it back by swapping, and a camera
// box has no swap. File (RssFile) is pages of the binary and its
// libraries mapped from the page cache: shared with every other process
// mapping the same files and reclaimable under memory pressure (the kernel
// maps up to fault_around_bytes, 64 KiB, around every page a process
// touches, so it counts far more than is in use).
type memSample struct{ rss, anon, file float64 }

func sampleMem(root int) memSample {
	var m memSample
	for _, p := range tree(root) {
		m.rss += float64(statusKB(p.pid, "VmRSS")) / 1024
		m.anon += float64(statusKB(p.pid, "RssAnon")+statusKB(p.pid, "RssShmem")) / 1024
		m.file += float64(statusKB(p.pid, "RssFile")) / 1024
	}
	return m
}

// memPeaks follows a process tree's memory by kind from its start until
// ctx ends: the kernel keeps the peak of the total (VmHWM), not of anon
// and file apart, so those are the largest values sampled every 250 ms.
type memPeaks struct {
	mu              sync.Mutex
	rss, anon, file float64
}

func (p *memPeaks) follow(ctx context.Context, pid int) {
	t := time.NewTicker(250 * time.Millisecond)
	defer t.Stop()
	for {
		m := sampleMem(pid)
		p.mu.Lock()
		p.rss, p.anon, p.file = max(p.rss, m.rss), max(p.anon, m.anon), max(p.file, m.file)
		p.mu.Unlock()
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

func (p *memPeaks) get() (rss, anon, file float64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.rss, p.anon, p.file
}

// processNames lists the commands of a tree, for the report.
func processNames(root int) []string {
	var names []string
	for _, p := range tree(root) {
		names = append(names, p.comm)
	}
	return names
}

// mainThreadsTicks is the CPU time of the threads of pid that carry the
// process's own name. GStreamer names its streaming threads after their
// pads (x264's workers inherit those names), while the Go runtime's
// threads keep the process name: for edgecam that is the agent itself —
// the pull out of appsink, delivery, the Kafka client, the runtime.
func mainThreadsTicks(pid int) int64 {
	self, err := readStat(pid)
	if err != nil {
		return 0
	}
	tasks, _ := filepath.Glob(fmt.Sprintf("/proc/%d/task/[0-9]*", pid))
	var ticks int64
	for _, t := range tasks {
		tid, err := strconv.Atoi(filepath.Base(t))
		if err != nil {
			continue
		}
		b, err := os.ReadFile(fmt.Sprintf("/proc/%d/task/%d/stat", pid, tid))
		if err != nil {
			continue
		}
		open, end := bytes.IndexByte(b, '('), bytes.LastIndexByte(b, ')')
		if open < 0 || end < open || string(b[open+1:end]) != self.comm {
			continue
		}
		f := strings.Fields(string(b[end+1:]))
		if len(f) < 13 {
			continue
		}
		ut, _ := strconv.ParseInt(f[11], 10, 64)
		st, _ := strconv.ParseInt(f[12], 10, 64)
		ticks += ut + st
	}
	return ticks
}
