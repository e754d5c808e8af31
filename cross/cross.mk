# cross/cross.mk — cross builds, Debian packages and their tests. Included
# by the Makefile (`include cross/cross.mk`); uses its GO, VERSION, COMMIT
# and SUDO. docs/install.md explains the results; cross/*.sh hold the steps.
#
#   make cross              dist/linux-{amd64,arm64,armhf}/edgecam
#   make deb                dist/edgecam_<version>_{amd64,arm64,armhf}.deb
#   make test-cross         arm64 + armhf binaries under qemu-user: version, encoders, agent → Kafka → decode
#   make test-deb           the .debs: contents, conffile, Depends vs the binary, lintian
#   make test-symbols       every symbol each packaged binary imports is defined by the
#                           libraries of Debian 11 (all arches) and Ubuntu 20.04 (amd64)
#   make test-oldroot       the amd64 binary: version, encoders, agent → Kafka → decode,
#                           on Ubuntu 20.04's and Debian 11's own loader, libraries and
#                           plugins (arm64/armhf run on Debian 11's in test-cross)
#   make test-install       each .deb installed and run in a root of every promised
#                           distribution (Debian 11-13, Ubuntu 22.04/24.04; 20.04 reported)
#   make test-systemd-unit  the packaged unit: systemd-analyze verify, security ≤ 2.5,
#                           the agent sends READY=1 (part of `make test-systemd`,
#                           whose VM test is in vm/vm.mk)
#
# The target sysroots (Debian packages unpacked, not installed) are
# downloaded once into $(EDGECAM_CACHE) (default ~/.cache/edgecam, outside
# the checkout: a fresh clone reuses them); the host's packages stay as
# they are.

CROSS_ARCHES ?= amd64 arm64 armhf
CROSS_QEMU_ARCHES ?= arm64 armhf
NFPM_VERSION := v2.45.2
NFPM := $(EDGECAM_CACHE)/tools/nfpm-$(NFPM_VERSION)/nfpm
DEB_VERSION = $(shell cross/deb.sh --debversion '$(VERSION)')
DEBS = $(foreach a,$(CROSS_ARCHES),dist/edgecam_$(DEB_VERSION)_$(a).deb)

# Debian packages the cross builds and their tests need on the host.
CROSS_APT_PACKAGES := gcc-aarch64-linux-gnu gcc-arm-linux-gnueabihf binutils \
	qemu-user-static lintian debian-archive-keyring xz-utils ffmpeg curl gpg \
	mmdebstrap arch-test zstd

.PHONY: cross-deps cross deb test-cross test-oldroot test-deb test-symbols test-install test-systemd-unit

cross-deps:
	@missing=$$(for p in $(CROSS_APT_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "installing: $$missing"; \
		$(SUDO) apt-get update -qq; \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

# nfpm at a pinned version, in .cache (@latest does not install).
$(NFPM):
	GOBIN=$(dir $(NFPM)) GOFLAGS= $(GO) install github.com/goreleaser/nfpm/v2/cmd/nfpm@$(NFPM_VERSION)

## cross: edgecam for every architecture, cgo against each target's GStreamer
cross: cross-deps view-assets
	@for a in $(CROSS_ARCHES); do cross/build.sh $$a dist/linux-$$a/edgecam '$(VERSION)' '$(COMMIT)' || exit 1; done

## deb: one .deb per architecture (nfpm, packaging/nfpm.yaml)
deb: cross $(NFPM)
	@for a in $(CROSS_ARCHES); do NFPM=$(NFPM) cross/deb.sh $$a dist/linux-$$a/edgecam '$(VERSION)' dist || exit 1; done

test-cross: cross-deps view-assets
	cross/test-cross.sh '$(VERSION)' '$(COMMIT)' $(CROSS_QEMU_ARCHES)

test-oldroot: cross-deps view-assets
	TEST_ROOT=focal cross/test-cross.sh '$(VERSION)' '$(COMMIT)' amd64
	TEST_ROOT=bullseye cross/test-cross.sh '$(VERSION)' '$(COMMIT)' amd64

test-deb: deb
	cross/test-deb.sh $(DEBS)

# Warm (roots cached): about 4 s for the three .debs; cold, the Ubuntu 20.04
# root is downloaded once (about 2 min).
test-symbols: deb
	cross/test-symbols.sh $(DEBS)

# Each .deb installed (apt-get install ./edgecam_*.deb in a chroot) into a
# root of every distribution it promises, then `edgecam version` there; the
# roots are made once with mmdebstrap into $(EDGECAM_CACHE)/roots.
test-install: deb
	cross/test-install.sh $(DEBS)

test-systemd-unit: deb
	cross/test-unit.sh dist/edgecam_$(DEB_VERSION)_amd64.deb
