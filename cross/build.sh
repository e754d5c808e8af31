#!/usr/bin/env bash
# cross/build.sh ARCH OUT VERSION COMMIT — build cmd/edgecam for linux/ARCH
# (amd64, arm64, armhf = GOARM=7) into OUT: cgo through Debian's cross
# compiler against an unpacked sysroot (cross/sysroot.sh), Go code linked
# statically, glibc and GStreamer dynamic (the board's hardware encoder
# plugins live in the system GStreamer, so the agent must load that one),
# position-independent, stripped, version and commit stamped like
# `make build`.
#
# Every architecture, the host's own too, builds against a Debian 11
# (bullseye) sysroot with -tags gst_1_16 (third_party/README.md): glibc
# symbols no newer than bullseye's 2.31 and no GStreamer function newer than
# 1.16, so one binary runs on Debian 11-13, Raspberry Pi OS, Ubuntu 20.04-24.04
# and JetPack 5 and 6 (make test-symbols checks it). CROSS_SUITE and
# CROSS_TAGS (default gst_1_16) change that.
set -euo pipefail
arch=${1:?usage: cross/build.sh ARCH OUT VERSION COMMIT}
out=${2:?usage: cross/build.sh ARCH OUT VERSION COMMIT}
version=${3:-0.1.0-dev}
commit=${4:-unknown}
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/.."

suite=${CROSS_SUITE:-bullseye}
tags=${CROSS_TAGS-gst_1_16}
cross/sysroot.sh "$arch"
sysroot=${CROSS_CACHE:-${EDGECAM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/edgecam}/cross}/$suite/$arch/sysroot
# shellcheck source=cross/env.sh
. cross/env.sh "$arch" "$sysroot"
cc=${CC:-gcc}
cc=${cc%% *}
command -v "$cc" >/dev/null || { echo "cross/build.sh: $cc not found: apt-get install gcc-${CROSS_TRIPLET//_/-}" >&2; exit 1; }

mkdir -p "$(dirname "$out")"
start=$(date +%s)
# PIE (address-space randomisation for the Go code too) and full RELRO with
# immediate binding: a GStreamer older than the one linked against fails at
# start with "symbol lookup error", not in the middle of a stream.
go build -trimpath -buildmode=pie -tags "$tags" \
	-ldflags "-s -w -X main.version=$version -X main.commit=$commit -extldflags '-Wl,-z,relro,-z,now'" \
	-o "$out" ./cmd/edgecam
echo "cross: $out ($arch, $suite sysroot, tags ${tags:-none}, $(du -h "$out" | cut -f1), $(($(date +%s) - start)) s)"
