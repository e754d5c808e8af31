# make bench: edgecam measured side by side with a bare GStreamer pipeline
# and the naive gst-launch | kcat -P recipe, in one run on this machine
# (bench/cmd/edgecam-bench). It starts and stops its own Kafka on ports
# +1000 (10092, PROXIED 10292/10392) with its own state directory, so it
# never touches the Kafka of make test-e2e or make demo (but share the CPU
# and its figures suffer). It prints a summary table and writes
# bench/results/<timestamp>.json, .md, -spool.txt and PNG charts.
# Benchmarks report; they never fail on a timing (the exit status is 1
# only when the suite could not run).
#
# Full run: about 57 minutes on 2 cores (10 of them the RSS soak, 9 B1's 7 alternating pairs, 8 B8's
# camera formats: raw vs MJPEG decoded and encoded vs H.264 passed through,
# about 10 B11: x265enc beside x264enc, gst-launch alone, by estimate: 28 on
# a VM at load 15, where x265enc got little CPU). B7
# (start-up with a full spool) generates a 2 GiB spool once into
# .cache/bench-spool/ (2 GiB of disk; 8 s on the 2-core VM, minutes on a
# Pi's SD card; 256 MiB with BENCH_QUICK) and reuses it in later runs:
# delete that directory to regenerate it.
#   make bench BENCH_QUICK=1      every phase shortened, 2 repetitions (~3 min)
#   make bench BENCH_ONLY=B1,B4   a subset (B3 comes from B1's runs)
#   make bench BENCH_BROKERS=127.0.0.1:9092   use a running kafka.sh Kafka

BENCH_QUICK   ?=
BENCH_ONLY    ?=
BENCH_BROKERS ?=

.PHONY: bench
bench: deps build
	BENCH_QUICK='$(BENCH_QUICK)' BENCH_ONLY='$(BENCH_ONLY)' BENCH_BROKERS='$(BENCH_BROKERS)' \
		$(GO) run ./bench/cmd/edgecam-bench -bin $(BIN) -out bench/results
