#!/usr/bin/env bash
# cross/sysroot.sh ARCH [DIR] — an unpacked Debian root for ARCH (arm64, armhf,
# amd64): the GStreamer development files the cross build links against and
# the GStreamer plugins the qemu-user tests run with: by default Debian 11
# (bullseye), the oldest Debian edgecam promises, so that the binary built
# against it (with -tags gst_1_16) runs on every newer one too.
#
# Why not `apt-get install libgstreamer-plugins-base1.0-dev:arm64`: in
# Debian 12 the -dev packages of two architectures are not co-installable
# (installing the arm64 one removes the host's amd64 one). So the target's
# packages are resolved by apt with a private state (its own sources, an
# empty dpkg status, APT::Architecture=ARCH), downloaded into a private cache
# and unpacked with `dpkg -x`. The host's dpkg database and packages are not
# touched; nothing runs as a maintainer script.
#
# The result is cached: it is rebuilt only when the package list, the suite,
# the mirror or $layout change (a stamp file holds their hash). Default DIR:
# $CROSS_CACHE/SUITE/ARCH, CROSS_CACHE defaulting to $EDGECAM_CACHE/cross (outside
# the checkout, so a fresh clone reuses it), EDGECAM_CACHE to
# ${XDG_CACHE_HOME:-~/.cache}/edgecam. Environment:
# CROSS_SUITE (default bullseye — build against the oldest supported release
# so the binary runs on newer ones: glibc 2.31, GLib 2.66, GStreamer 1.18),
# CROSS_MIRROR (default
# http://deb.debian.org/debian).
set -euo pipefail

arch=${1:?usage: cross/sysroot.sh ARCH [DIR]}
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
suite=${CROSS_SUITE:-bullseye}
base=${2:-${CROSS_CACHE:-${EDGECAM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/edgecam}/cross}/$suite/$arch}
mirror=${CROSS_MIRROR:-http://deb.debian.org/debian}
keyring=/usr/share/keyrings/debian-archive-keyring.gpg

# Build: headers and .so links for cgo (encode/ and go-gst use
# gstreamer-1.0, -app, -base, -video, -controller, glib/gobject/gio).
# Run: the elements the agent and its tests use — videotestsrc, videoconvert,
# appsrc/appsink (plugins-base), h264parse, openh264enc and mpegtsmux (bad),
# x264enc (ugly). The hardware encoders cannot run under qemu-user anyway.
packages=(
	libc6-dev libglib2.0-dev libgstreamer1.0-dev libgstreamer-plugins-base1.0-dev
	gstreamer1.0-plugins-base gstreamer1.0-plugins-bad gstreamer1.0-plugins-ugly
)

sysroot=$base/sysroot
aptdir=$base/apt
stamp=$base/sysroot.stamp
# Bump layout when the way the sysroot is made changes.
layout=2
want=$(echo "$layout $suite $mirror ${packages[*]}" | sha256sum | cut -c1-16)
if [[ -f $stamp && $(cat "$stamp") == "$want" && -d $sysroot/usr/include ]]; then
	exit 0
fi

case $arch in
amd64 | arm64 | armhf) ;;
*) echo "cross/sysroot.sh: unknown architecture $arch (amd64, arm64, armhf)" >&2; exit 2 ;;
esac
for tool in apt-get dpkg-deb; do
	command -v "$tool" >/dev/null || { echo "cross/sysroot.sh: $tool not found (this needs a Debian host)" >&2; exit 1; }
done
[[ -r $keyring ]] || { echo "cross/sysroot.sh: $keyring missing: apt-get install debian-archive-keyring" >&2; exit 1; }

echo "sysroot: resolving ${#packages[@]} packages for $arch ($suite) into $sysroot"
mkdir -p "$aptdir"/{state/lists/partial,cache/archives/partial,sources.list.d,preferences.d}
: >"$aptdir/status"
# The point release and its -updates; not -security: the sysroot is only
# linked against and run under qemu here (the board installs its own,
# patched, runtime packages), and the security mirror's per-architecture
# indexes were seen out of sync with its Release file for hours.
{
	echo "deb [signed-by=$keyring] $mirror $suite main"
	echo "deb [signed-by=$keyring] $mirror $suite-updates main"
} >"$aptdir/sources.list"

apt_opts=(
	-o "Dir::Etc::SourceList=$aptdir/sources.list"
	-o "Dir::Etc::SourceParts=$aptdir/sources.list.d"
	-o "Dir::Etc::PreferencesParts=$aptdir/preferences.d"
	-o "Dir::State=$aptdir/state"
	-o "Dir::State::status=$aptdir/status"
	-o "Dir::Cache=$aptdir/cache"
	-o "APT::Architecture=$arch"
	-o "APT::Architectures::=$arch"
	-o "APT::Install-Recommends=false"
	-o "APT::Install-Suggests=false"
	-o "Debug::NoLocking=true"
	-o "APT::Sandbox::User=$(id -un)"
)
# A mirror in the middle of a sync serves index files that do not match its
# Release file for a short while: retry.
for try in 1 2 3 4; do
	apt-get "${apt_opts[@]}" -o Acquire::Retries=3 -qq update && break
	[[ $try == 4 ]] && { echo "cross/sysroot.sh: apt-get update failed 4 times" >&2; exit 1; }
	echo "sysroot: apt-get update failed (mirror sync?); retrying in $((try * 15)) s" >&2
	sleep $((try * 15))
done
# An empty status file makes apt resolve the whole dependency closure, as for
# a fresh root; --download-only stops before dpkg.
apt-get "${apt_opts[@]}" -o Acquire::Retries=3 -qq -y --download-only install "${packages[@]}" >"$aptdir/install.log" ||
	{ cat "$aptdir/install.log" >&2; exit 1; }

# Unpack exactly the resolved set (the cache may hold files of an older list):
# "Inst NAME (VERSION SUITE [ARCH])..." -> NAME_VERSION_ARCH.deb, ':' as %3a.
mapfile -t debs < <(apt-get "${apt_opts[@]}" -s install "${packages[@]}" |
	sed -n 's/^Inst \([^ ]*\) (\([^ ]*\) [^[]*\[\([^]]*\)\]).*/\1_\2_\3.deb/p' | sed 's/:/%3a/' | sort -u)
rm -rf "$sysroot.new"
mkdir -p "$sysroot.new"
for deb in "${debs[@]}"; do
	dpkg-deb -x "$aptdir/cache/archives/$deb" "$sysroot.new"
done
# Keep the cache to what is in use.
(cd "$aptdir/cache/archives" && for f in *.deb; do [[ " ${debs[*]} " == *" $f "* ]] || rm -f "$f"; done)
n=${#debs[@]}

# Absolute symlinks (e.g. /usr/lib/ARCH/libfoo.so -> /lib/ARCH/libfoo.so.1)
# would point into the host; make them relative to the sysroot.
while IFS= read -r -d '' link; do
	target=$(readlink "$link")
	[[ $target == /* ]] || continue
	rel=$(realpath -m --relative-to="$(dirname "$link")" "$sysroot.new$target")
	ln -sfn "$rel" "$link"
done < <(find "$sysroot.new" -type l -print0)

rm -rf "$sysroot"
mv "$sysroot.new" "$sysroot"
echo "$want" >"$stamp"
echo "sysroot: $arch ready: $n packages, $(du -sh "$sysroot" | cut -f1)"
