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
# Debian 12). The .ko is cached in $EDGECAM_CACHE/vm (default
# ~/.cache/edgecam/vm) as v4l2loopback-VERSION-KVER.ko: keyed by the kernel
# and the module version, built once (about 2 s), the downloads (14 MB)
# kept beside it.
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

src=$(deb v4l2loopback-dkms)
# v4l2loopback-dkms_0.12.7-2_all.deb: the source version 0.12.7.
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
for p in v4l2loopback-dkms "linux-headers-$kver" "linux-headers-${kver%-*}-common" "$kbuild"; do
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
