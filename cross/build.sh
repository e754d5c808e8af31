#!/usr/bin/env bash
# cross/build.sh ARCH OUT VERSION COMMIT — build cmd/edgecam for linux/ARCH
# (amd64, arm64, armhf = GOARM=7) into OUT: cgo through Debian's cross
# compiler against an unpacked sysroot (cross/sysroot.sh), Go code linked
# statically, glibc and GStreamer dynamic (the board's hardware encoder
# plugins live in the system GStreamer, so the agent must load that one),
# position-independent, stripped, version and commit stamped like
# `make build`.
#
# The host's own architecture (amd64 here) builds against the host's
# GStreamer, no sysroot: on Debian 12 that is the same GStreamer 1.22 the
# sysroots hold.
set -euo pipefail
arch=${1:?usage: cross/build.sh ARCH OUT VERSION COMMIT}
out=${2:?usage: cross/build.sh ARCH OUT VERSION COMMIT}
version=${3:-0.1.0-dev}
commit=${4:-unknown}
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/.."

sysroot=
if [[ $arch != "$(dpkg --print-architecture)" ]]; then
	cross/sysroot.sh "$arch"
	sysroot=${CROSS_CACHE:-${EDGECAM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/edgecam}/cross}/$arch/sysroot
fi
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
go build -trimpath -buildmode=pie \
	-ldflags "-s -w -X main.version=$version -X main.commit=$commit -extldflags '-Wl,-z,relro,-z,now'" \
	-o "$out" ./cmd/edgecam
echo "cross: $out ($arch, $(du -h "$out" | cut -f1), $(($(date +%s) - start)) s)"
