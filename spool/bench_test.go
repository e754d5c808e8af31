package spool

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// Benchmarks write to the test's temporary directory: run them on the disk
// the spool will live on (TMPDIR=/var/lib/edgecam go test -bench . -run XXX
// ./spool/). Figures are in MB/s of payload; ~20 KB frames, keyframe every 30.

const benchFrame = 20000

var benchPolicies = []Fsync{FsyncInterval, FsyncKeyframe, FsyncAlways}

func BenchmarkAppend(b *testing.B) {
	for _, p := range benchPolicies {
		b.Run(p.String(), func(b *testing.B) {
			s := mustOpen(b, b.TempDir(), Options{Fsync: p, MaxSize: 256 << 20})
			r := Record{Payload: payloadFor(1, benchFrame), Capture: time.Now()}
			b.SetBytes(benchFrame)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				r.Seq, r.Keyframe = int64(i), i%30 == 0
				r.PTS = time.Duration(i) * 33333333
				if err := s.Append(r); err != nil {
					b.Fatal(err)
				}
			}
			if err := s.Sync(); err != nil {
				b.Fatal(err)
			}
			b.StopTimer()
			if err := s.Close(); err != nil {
				b.Fatal(err)
			}
		})
	}
}

// BenchmarkPlainFile is the baseline for BenchmarkAppend: the same payloads
// through a 1 MiB bufio.Writer into 32 MiB files (fsync and close at each
// rotation, the oldest deleted beyond 256 MiB), fsynced by the same policy —
// but no framing, no CRC, no index, no locking.
func BenchmarkPlainFile(b *testing.B) {
	for _, p := range benchPolicies {
		b.Run(p.String(), func(b *testing.B) {
			dir := b.TempDir()
			payload := payloadFor(1, benchFrame)
			var (
				f       *os.File
				w       *bufio.Writer
				size    int64
				files   []string
				lastSyn = time.Now()
			)
			open := func() {
				name := filepath.Join(dir, fmt.Sprintf("plain-%06d", len(files)))
				var err error
				if f, err = os.Create(name); err != nil {
					b.Fatal(err)
				}
				files = append(files, name)
				if w == nil {
					w = bufio.NewWriterSize(f, 1<<20)
				} else {
					w.Reset(f)
				}
				size = 0
			}
			sync := func() {
				if err := w.Flush(); err != nil {
					b.Fatal(err)
				}
				if err := f.Sync(); err != nil {
					b.Fatal(err)
				}
				lastSyn = time.Now()
			}
			open()
			b.SetBytes(benchFrame)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				key := i%30 == 0
				if key && size >= DefaultSegmentSize {
					sync()
					f.Close()
					if len(files) > 8 {
						os.Remove(files[len(files)-9])
					}
					open()
				}
				if _, err := w.Write(payload); err != nil {
					b.Fatal(err)
				}
				size += benchFrame
				switch {
				case p == FsyncAlways, p == FsyncKeyframe && key:
					sync()
				case p == FsyncInterval && time.Since(lastSyn) >= DefaultFsyncInterval:
					sync()
				}
			}
			sync()
			b.StopTimer()
			f.Close()
		})
	}
}

// BenchmarkDrain measures Next+Ack over frames appended just before (in the
// page cache, so this is the CPU side: read, CRC, copy, bookkeeping).
func BenchmarkDrain(b *testing.B) {
	s := mustOpen(b, b.TempDir(), Options{MaxSize: 1 << 30})
	defer s.Close()
	r := Record{Payload: payloadFor(1, benchFrame), Capture: time.Now()}
	const chunk = 3000 // 60 MB: segments fill, rotate and get deleted by Ack
	b.SetBytes(benchFrame)
	b.ReportAllocs()
	b.ResetTimer()
	var seq int64
	for done := 0; done < b.N; {
		b.StopTimer()
		n := min(chunk, b.N-done)
		for range n {
			r.Seq, r.Keyframe = seq, seq%30 == 0
			seq++
			if err := s.Append(r); err != nil {
				b.Fatal(err)
			}
		}
		b.StartTimer()
		for range n {
			got, ok, err := s.Next()
			if err != nil || !ok {
				b.Fatalf("Next: %v %v", ok, err)
			}
			s.Ack(got.Seq)
		}
		done += n
	}
}
