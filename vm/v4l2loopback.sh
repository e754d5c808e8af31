#!/usr/bin/env bash
# vm/v4l2loopback.sh — builds the v4l2loopback kernel module for the kernel
# the VM boots (vm/vm.sh --kernel-version) and prints the path of the .ko,
# for vm/vm.sh --module-file (`make test-v4l2`, vm/vm.mk).
#
#   vm/v4l2loopback.sh
#
# No Debian kernel ships v4l2loopback: Debian's v4l2loopback-dkms has its
# source, and DKMS would build it against the installed headers of the
# running kernel. Here nothing is installed and the host runs another
# kernel, so the source and the headers of the VM's kernel
# (linux-headers-KVER, its -common part and linux-kbuild-X.Y, which has the
# build programs) are fetched with `apt-get download`, unpacked into a
# scratch folder, and the module is built out of tree against them, with
# the compiler the kernel was built with (the headers name it: gcc-12 for
# Debian 12).
#
# The source is Debian 13's (trixie, v4l2loopback 0.15), fetched with an
# apt of its own (lists in $cache/apt-trixie, checked against the host's
# debian-archive-keyring, which holds trixie's keys), not Debian 12's
# 0.12.7, which cannot stand in for a camera on a loaded machine (CI saw
# an H.264 I slice that did not decode, TestLoopbackCapture/h264):
#   - its readers skip to the newest frame when they are more than 2
#     behind; 0.15's only when more than the device's buffers behind;
#   - its output DQBUF hands an mmap writer (v4l2sink) the buffer it queued
#     last (v4l2loopback#607), the one the reader was just given, so a
#     reader that copies a frame out later than one frame interval gets
#     part of the next; 0.15 hands out the oldest;
#   - a writer that uses write() (vm/loopback_test.go's producers: all 32
#     buffers in use, not v4l2sink's 2) is no writer to it when it closes:
#     the device never turns back into an output device, and the next
#     producer cannot open it. 0.15 takes such a writer as any other.
#
# The .ko is cached in $EDGECAM_CACHE/vm (default
# ~/.cache/edgecam/vm) as v4l2loopback-VERSION-KVER.ko: keyed by the kernel
# and the module version, built once (about 10 s), the downloads (14 MB,
# and 28 MB of Debian 13's lists) kept beside it.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cacheroot=${EDGECAM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/edgecam}
cache=$cacheroot/vm
say() { echo "v4l2loopback: $*" >&2; }
die() { say "$*"; exit 1; }

kver=$("$here/vm.sh" --kernel-version)
# linux-kbuild-6.1 for 6.1.0-57-amd64.
kbuild=linux-kbuild-$(cut -d. -f1-2 <<<"$kver")
mkdir -p "$cache"

# deb NAME: the downloaded package NAME (the newest the apt lists know),
# fetched once.
deb() {
	local f
	f=$(find "$cache" -maxdepth 1 -name "${1}_*.deb" | sort | tail -1)
	if [[ -z $f ]]; then
		say "downloading $1 (once, into $cache)"
		(cd "$cache" && apt-get download -qq "$1" 2>&1) | grep -v unsandboxed >&2 || true
		f=$(find "$cache" -maxdepth 1 -name "${1}_*.deb" | sort | tail -1)
		[[ -n $f ]] || die "apt-get download $1 failed (apt-get update?)"
	fi
	echo "$f"
}

# trixie_deb NAME: NAME downloaded from Debian 13 (the newest its lists
# know) into $cache/apt-trixie/debs, fetched once.
trixie_deb() {
	local f apt=$cache/apt-trixie keyring=/usr/share/keyrings/debian-archive-keyring.gpg
	f=$(find "$apt/debs" -maxdepth 1 -name "${1}_*.deb" 2>/dev/null | sort -V | tail -1)
	[[ -n $f ]] && { echo "$f"; return; }
	[[ -r $keyring ]] || die "$keyring missing: apt-get install debian-archive-keyring"
	say "downloading $1 from Debian 13 (once, into $apt/debs)"
	mkdir -p "$apt"/{debs,lists/partial,etc/sources.list.d,etc/preferences.d}
	echo "deb [signed-by=$keyring] ${V4L2LOOPBACK_MIRROR:-http://deb.debian.org/debian} trixie main" >"$apt/etc/sources.list"
	local opts=(
		-o "Dir::Etc::SourceList=$apt/etc/sources.list"
		-o "Dir::Etc::SourceParts=$apt/etc/sources.list.d"
		-o "Dir::Etc::PreferencesParts=$apt/etc/preferences.d"
		-o "Dir::State::Lists=$apt/lists"
		-o "Dir::Cache=$apt/cache"
		-o "Acquire::Languages=none"
		-o "Acquire::Retries=3"
		-o "Debug::NoLocking=true"
		-o "APT::Sandbox::User=$(id -un)"
	)
	apt-get "${opts[@]}" -qq update >&2 || die "apt-get update of Debian 13's lists failed"
	(cd "$apt/debs" && apt-get "${opts[@]}" -qq download "$1" 2>&1) | grep -v unsandboxed >&2 || true
	f=$(find "$apt/debs" -maxdepth 1 -name "${1}_*.deb" | sort -V | tail -1)
	[[ -n $f ]] || die "apt-get download $1 from Debian 13 failed"
	echo "$f"
}

src=$(trixie_deb v4l2loopback-dkms)
# v4l2loopback-dkms_0.15.0-2_all.deb: the source version 0.15.0.
version=$(dpkg-deb -f "$src" Version)
version=${version#*:}
version=${version%-*}
ko=$cache/v4l2loopback-$version-$kver.ko
if [[ -f $ko ]]; then
	echo "$ko"
	exit 0
fi

say "building v4l2loopback $version for $kver (once)"
work=$(mktemp -d "$cache/v4l2loopback.XXXXXX")
trap 'rm -rf "$work"' EXIT
dpkg-deb -x "$src" "$work/root"
for p in "linux-headers-$kver" "linux-headers-${kver%-*}-common" "$kbuild"; do
	dpkg-deb -x "$(deb "$p")" "$work/root"
done
hdr=$work/root/usr/src/linux-headers-$kver
[[ -f $hdr/Makefile && -f $hdr/.config ]] || die "linux-headers-$kver has no $hdr/Makefile"
grep -q '^CONFIG_VIDEO_DEV=' "$hdr/.config" || die "kernel $kver is built without CONFIG_VIDEO_DEV: no V4L2, no v4l2loopback"
# The arch part includes the common part by absolute path
# (include /usr/src/linux-headers-...-common/Makefile): point it at the
# unpacked copy. (Its scripts and tools are relative links into
# linux-kbuild, which work as unpacked.)
sed -i "s|^include /usr/src/|include $work/root/usr/src/|" "$hdr/Makefile"
# The compiler the kernel was built with, as the headers name it.
cc=$(sed -n 's/^CC = .*)\(gcc-[0-9]*\)$/\1/p' "$hdr/.kernelvariables")
[[ -z $cc ]] || command -v "$cc" >/dev/null || die "$kver was built with $cc, which is not installed (apt-get install $cc)"
mod=$work/root/usr/src/v4l2loopback-$version
[[ -f $mod/v4l2loopback.c ]] || die "v4l2loopback-dkms $version has no $mod/v4l2loopback.c"
if ! make -C "$hdr" M="$mod" -j2 modules >"$work/build.log" 2>&1; then
	tail -n 30 "$work/build.log" >&2
	die "building v4l2loopback $version against linux-headers-$kver failed (log above)"
fi
# The module must be for this kernel: its vermagic names it.
magic=$(modinfo -F vermagic "$mod/v4l2loopback.ko" 2>/dev/null || tr '\0' '\n' <"$mod/v4l2loopback.ko" | sed -n 's/^vermagic=//p')
[[ $magic == "$kver "* ]] || die "built v4l2loopback.ko has vermagic '$magic', not for $kver"
cp "$mod/v4l2loopback.ko" "$ko.tmp"
mv "$ko.tmp" "$ko"
echo "$ko"
