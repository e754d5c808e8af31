# edgecam — `make demo` runs the main job, `make test` runs every test.
# Both install what they need first (make deps), so a fresh Debian 12 /
# Raspberry Pi OS machine needs nothing else.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := build

GO       ?= go
# Expanded once (:=): make test runs for many minutes, and a commit made
# meanwhile must not rename the .debs between `deb` and `test-deb`.
ifndef VERSION
VERSION  := $(shell git describe --tags --always --dirty 2>/dev/null || echo 0.1.0-dev)
endif
ifndef COMMIT
COMMIT   := $(shell git rev-parse --short HEAD 2>/dev/null || echo unknown)
endif
LDFLAGS  := -s -w -X main.version=$(VERSION) -X main.commit=$(COMMIT)
BIN      := bin/edgecam
KAFKA    := scripts/kafka/kafka.sh
SUDO     := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Debian packages the build, the tests and the demo need.
APT_PACKAGES := pkg-config libglib2.0-dev libgstreamer1.0-dev libgstreamer-plugins-base1.0-dev \
	gstreamer1.0-tools gstreamer1.0-plugins-base gstreamer1.0-plugins-good \
	gstreamer1.0-plugins-bad gstreamer1.0-plugins-ugly gstreamer1.0-libav \
	ffmpeg kcat default-jre-headless maven v4l-utils \
	python3-gi gir1.2-gst-rtsp-server-1.0 gstreamer1.0-libcamera libcamera-ipa libcamera-tools \
	python3-venv chromium nodejs curl gstreamer1.0-alsa alsa-utils

.PHONY: deps apt-deps go-deps lint-deps build vet lint test test-unit test-gstcompat test-fuzz test-e2e test-av-long test-python test-oldroot test-symbols bench kafka-up kafka-down demo clean

## deps: install what is missing (apt packages, Go modules, golangci-lint,
## Kafka jars)
deps: apt-deps go-deps lint-deps
	@$(KAFKA) fetch >/dev/null

apt-deps:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "installing: $$missing"; \
		$(SUDO) apt-get update -qq; \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

go-deps:
	@$(GO) mod download

# golangci-lint at a pinned version, built with this Go into .cache (like
# nfpm in cross/cross.mk: the linter must know the Go version it checks, so a
# prebuilt binary for an older Go would not do). .golangci.yml says which
# linters run and why each exclusion is there.
GOLANGCI_LINT_VERSION := v2.15.0
# Pinned tools are built once into $(EDGECAM_CACHE)/tools, outside the
# checkout like the other downloads, so a fresh clone does not rebuild them
# (golangci-lint takes minutes to build).
EDGECAM_CACHE ?= $(or $(XDG_CACHE_HOME),$(HOME)/.cache)/edgecam
GOLANGCI_LINT := $(EDGECAM_CACHE)/tools/golangci-lint-$(GOLANGCI_LINT_VERSION)/golangci-lint
# LINT_FLAGS=--concurrency=1 on a shared machine.
LINT_FLAGS ?=

$(GOLANGCI_LINT):
	GOBIN=$(dir $(GOLANGCI_LINT)) GOFLAGS= $(GO) install github.com/golangci/golangci-lint/v2/cmd/golangci-lint@$(GOLANGCI_LINT_VERSION)

lint-deps: $(GOLANGCI_LINT)

## build: bin/edgecam, version and commit stamped
build: go-deps view-assets
	$(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/edgecam

vet: view-assets
	@unformatted=$$(gofmt -l $$(git ls-files '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt needed: $$unformatted"; exit 1; fi
	$(GO) vet -trimpath ./...

## lint: golangci-lint (.golangci.yml), every package, -tags v4l2vm files too;
## another golangci-lint running on the machine is waited for, not an error
lint: $(GOLANGCI_LINT) view-assets
	$(GOLANGCI_LINT) run --allow-serial-runners $(LINT_FLAGS) ./...

## test: unit, GStreamer and kfake tests with the race detector, the
## end-to-end tests against a real Apache Kafka started (and stopped) here,
## the V4L2 and power-cut VM tests, then the arm64/armhf binaries under
## qemu-user, the .debs, and the systemd unit, checked and in a VM
## (cross/cross.mk, vm/vm.mk).
##
## After deps, vet and lint first, then three lanes run side by side (a
## make -j$(TEST_JOBS) of their targets, each lane's targets in order, so
## `make test-e2e` etc. still run alone as before):
##   kafka: the two users of the Kafka on 127.0.0.1:9092, then the install rows
##   vm:    the qemu-system VMs, one at a time
##   cpu:   the race-detector unit tests, fuzzing, qemu-user, the .debs
## Each target's output is printed in one piece when it ends
## (--output-sync=target), after a line with the time since the start;
## make -k, so a failure does not stop the other lanes (the rest of its own
## lane is not run), and the last lines name every target that failed. The
## whole log is also in dist/test/make-test.log.
TEST_JOBS ?= 3
TEST_LANE_KAFKA := test-e2e test-python test-install
TEST_CHECKS     := vet lint
TEST_LANE_VM    := test-v4l2 test-powercut test-systemd
TEST_LANE_CPU   := test-unit test-gstcompat test-fuzz test-cross test-oldroot test-deb test-symbols
TEST_LOG := dist/test/make-test.log

test: deps cross-deps
	@mkdir -p $(dir $(TEST_LOG)); start=$$(date +%s); load0=$$(cut -d' ' -f1-3 /proc/loadavg); \
	echo "make test: checks $(TEST_CHECKS); lanes (-j$(TEST_JOBS)) kafka: $(TEST_LANE_KAFKA); vm: $(TEST_LANE_VM); cpu: $(TEST_LANE_CPU)"; \
	status=0; \
	$(MAKE) --no-print-directory -k -j$(TEST_JOBS) --output-sync=target EDGECAM_TEST_LANES=1 \
		$(TEST_CHECKS) $(TEST_LANE_KAFKA) $(TEST_LANE_VM) $(TEST_LANE_CPU) 2>&1 | \
		while IFS= read -r line; do \
			now=$$(date +%s); \
			if [ $$((now - $${last:-0})) -ge 2 ]; then echo "=== make test: t+$$((now - start)) s ==="; fi; last=$$now; \
			printf '%s\n' "$$line"; \
		done | tee $(TEST_LOG) || status=$$?; \
	echo "make test: $$(($$(date +%s) - start)) s after deps; load average $$load0 at the start, $$(cut -d' ' -f1-3 /proc/loadavg) at the end; CPU (user, system) of this shell, then of everything it ran:"; times; \
	failed=$$(sed -n 's/^make\[[0-9]*\]: \*\*\* \[[^]]*: \([^]]*\)\] Error.*/\1/p' $(TEST_LOG) | sort -u | tr '\n' ' '); failed=$${failed% }; \
	if [ "$$status" != 0 ] || [ -n "$$failed" ]; then \
		echo "make test: FAIL: $${failed:-make exited $$status} (the later targets of a failed one's lane did not run; full log: $(TEST_LOG))"; exit 1; \
	fi; \
	echo "make test: PASS"

# The lanes' order, only inside `make test` (EDGECAM_TEST_LANES=1): one
# Kafka at a time on 127.0.0.1:9092 (test-e2e, test-python), one VM at a
# time, and qemu-user's tests after the .debs (cross/build.sh writes the
# same dist/linux-*/edgecam that `deb` packs). vet and lint are in no lane:
# a failed one does not keep a lane's tests from running.
ifeq ($(EDGECAM_TEST_LANES),1)
test-python: | test-e2e
test-install: | test-python
test-powercut: | test-v4l2
test-systemd-unit: | test-powercut
test-systemd-vm: | test-systemd-unit
test-gstcompat: | test-unit
test-fuzz: | test-gstcompat
test-cross: | test-fuzz deb
test-oldroot: | test-cross
test-deb: | test-oldroot
test-symbols: | test-deb
endif

test-unit: view-assets
	$(GO) test -race -count=1 -timeout 15m ./...

## test-gstcompat: third_party/go-gst's shims for GStreamer 1.16 to 1.21,
## untagged (the real functions) and with -tags gst_1_16 (the fallbacks the
## packaged binary uses); about 3 min of cgo compiling each on a loaded
## 2-core machine, seconds when cached. -trimpath (here and in vet) keeps
## the checkout's path out of the build cache's keys, so a fresh clone
## elsewhere reuses go-gst's cgo objects instead of compiling them again.
test-gstcompat:
	$(GO) test -trimpath -count=1 -run '^TestEdgecamCompatShims$$' github.com/go-gst/go-gst/gst
	$(GO) test -trimpath -count=1 -tags gst_1_16 -run '^TestEdgecamCompatShims$$' github.com/go-gst/go-gst/gst

## test-fuzz: the fuzz targets of parsers of outside bytes, a short fixed
## time each (their seed corpora also run in test-unit)
test-fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzSegmentReader$$' -fuzztime 20s ./spool/
	$(GO) test -run '^$$' -fuzz '^FuzzIndexDecode$$' -fuzztime 10s ./spool/
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime 10s ./config/

test-e2e: build playwright
	$(KAFKA) up
	status=0; EDGECAM_E2E_REQUIRED=1 EDGECAM_E2E_BROKERS=127.0.0.1:$$((9092 + $${KAFKA_PORT_OFFSET:-0})) EDGECAM_BIN=$(CURDIR)/$(BIN) \
		EDGECAM_PLAYWRIGHT=$(PLAYWRIGHT_DIR)/package \
		$(GO) test -count=1 -timeout 40m -v ./e2e/ || status=$$?; \
	$(KAFKA) down; exit $$status

## test-av-long: the issue's 10-minute A/V sync run (e2e TestAVSync with
## EDGECAM_E2E_AV_SECONDS=600; make test-e2e runs it for 60 s) against a
## Kafka of its own (KAFKA_PORT_OFFSET moves it); opt-in, about 11 min
test-av-long: build
	$(KAFKA) up
	status=0; EDGECAM_E2E_REQUIRED=1 EDGECAM_E2E_BROKERS=127.0.0.1:$$((9092 + $${KAFKA_PORT_OFFSET:-0})) EDGECAM_BIN=$(CURDIR)/$(BIN) \
		EDGECAM_E2E_AV_SECONDS=600 $(GO) test -count=1 -timeout 20m -v -run '^TestAVSync$$' ./e2e/ || status=$$?; \
	$(KAFKA) down; exit $$status

## test-python: the Python consumer (consumers/python) with pytest against
## a real Kafka (started and stopped here) that the real agent fills. The
## venv, with the pinned PyPI packages, lives in $(EDGECAM_CACHE)/venv and is
## made again only when pyproject.toml changes; the package itself is
## reinstalled every run.
PYTHON  ?= python3
PY_VENV := $(EDGECAM_CACHE)/venv/consumers-python
PY_DEPS := $(PY_VENV)/.deps-$(shell sha256sum consumers/python/pyproject.toml | cut -c1-16)
$(PY_DEPS):
	rm -rf $(PY_VENV)
	$(PYTHON) -m venv $(PY_VENV)
	$(PY_VENV)/bin/pip install -q --disable-pip-version-check './consumers/python[test]'
	touch $@

test-python: build $(PY_DEPS)
	$(PY_VENV)/bin/pip install -q --disable-pip-version-check --no-deps --force-reinstall ./consumers/python
	rm -rf consumers/python/build consumers/python/src/*.egg-info
	$(KAFKA) up
	status=0; cd consumers/python && EDGECAM_PY_REQUIRED=1 EDGECAM_BIN=$(CURDIR)/$(BIN) \
		EDGECAM_PY_BROKERS=127.0.0.1:$$((9092 + $${KAFKA_PORT_OFFSET:-0})) \
		$(PY_VENV)/bin/python -m pytest -p no:cacheprovider -v || status=$$?; \
	cd $(CURDIR); $(KAFKA) down; exit $$status

kafka-up:
	$(KAFKA) up

kafka-down:
	$(KAFKA) down

## demo: local Kafka + test-pattern camera for 10 s + demo.mp4 read back.
## Quiet on purpose: the last line is the result. Kafka stays up for
## `bin/edgecam tail`; `make kafka-down` stops it.
demo: deps
	@$(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/edgecam
	@$(KAFKA) up >.cache/kafka-up.log 2>&1 || { cat .cache/kafka-up.log; exit 1; }
	@scripts/demo.sh $(BIN) configs/demo.yaml demo.mp4

clean:
	rm -rf bin dist demo.mp4

# Cross builds, .deb packages and their tests (qemu-user, lintian, the
# packaged unit): see cross/cross.mk and docs/install.md.
# `make test` runs them; their downloads are cached in ~/.cache/edgecam.
include cross/cross.mk

# edgecam view: hls.js embedded at build, playwright-core for its browser
# test (view/view.mk).
include view/view.mk

# Benchmarks (make bench; BENCH_QUICK=1 for a smoke check): see bench/bench.mk.
include bench/bench.mk

# The VM tests (test-v4l2; test-systemd, a VM running the service under
# systemd), guest scripts of the one qemu harness vm/vm.sh: see vm/vm.mk.
# Their downloads are cached in ~/.cache/edgecam/vm.
include vm/vm.mk
