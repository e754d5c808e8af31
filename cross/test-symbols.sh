#!/usr/bin/env bash
# cross/test-symbols.sh DEB... — every undefined dynamic symbol of the binary
# in each edgecam .deb (GLIBC_*, gst_*, g_*, all of them) must be defined by
# the real shared libraries of the oldest system the package promises to
# run on, unpacked from that system's own packages:
#   amd64: Debian 11 (bullseye) and Ubuntu 20.04 (focal, GStreamer 1.16);
#   arm64, armhf: Debian 11 (Ubuntu's ports archive does not answer here,
#   so JetPack 5's Ubuntu 20.04 arm64 is covered by the same 1.16 target).
# Roots: the bullseye sysroots of cross/sysroot.sh, and an Ubuntu 20.04
# run-time root (SYSROOT_RUNTIME=1 CROSS_SUITE=focal cross/sysroot.sh amd64),
# cached in $CROSS_CACHE like them.
#
# For each library the binary needs (DT_NEEDED, found in the root as the
# dynamic loader would: /lib/TRIPLET, /usr/lib/TRIPLET), its defined dynamic
# symbols are read with readelf; a versioned reference (memcpy@GLIBC_2.14)
# needs that version defined, an unversioned one (gst_*, g_*) the name.
# Printed per root and library: how many symbols the binary takes from it
# and the highest GLIBC_ version it needs (the highest GStreamer/GLib
# version is cross/depends.sh's, from the symbols files: `make deb` prints it
# into Depends).
#
# Negative control, per root: the same check, given the symbols of a
# GStreamer 1.22 / glibc 2.34 build (gst_debug_message_get_id,
# __libc_start_main@GLIBC_2.34), must report both missing.
set -euo pipefail
[[ $# -gt 0 ]] || { echo "usage: cross/test-symbols.sh DEB..." >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
cache=${CROSS_CACHE:-${EDGECAM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/edgecam}/cross}
fail=0

# check ROOT TRIPLET NEEDED UNDEF: prints "missing SYMBOL" lines and a
# summary per library; returns 1 when anything is missing.
check() {
	local root=$1 triplet=$2 needed=$3 undef=$4 defs=$work/defs lib path
	: >"$defs"
	for lib in $needed; do
		path=
		for d in lib/$triplet usr/lib/$triplet lib usr/lib; do
			[[ -e $root/$d/$lib ]] && { path=$root/$d/$lib; break; }
		done
		if [[ -z $path ]]; then
			echo "missing library $lib"
			continue
		fi
		# A link inside the root may be absolute: resolve it in the root.
		while [[ -L $path ]]; do
			t=$(readlink "$path")
			if [[ $t == /* ]]; then path=$root$t; else path=$(dirname "$path")/$t; fi
		done
		# "NAME@@VER" / "NAME@VER" (versioned) and "NAME" (unversioned) for
		# every defined (not UND) global or weak symbol.
		readelf --dyn-syms -W "$path" | awk -v lib="$lib" '
			$7 != "UND" && $7 != "Ndx" && ($5 == "GLOBAL" || $5 == "WEAK") && $8 != "" {
				s = $8; n = s; sub(/@.*/, "", n)
				v = s; if (sub(/^[^@]*@@?/, "", v)) print lib, n "@" v
				print lib, n
			}' >>"$defs"
	done
	awk 'NR == FNR { have[$2] = $1; next }
		{ s = $0; if (s in have) { print "ok", have[s], s; next }
		  n = s; sub(/@.*/, "", n)
		  # an unversioned reference binds to any version of the name
		  if (s == n && (n in have)) { print "ok", have[n], s; next }
		  print "missing", s }' "$defs" <(echo "$undef")
}

summarise() {
	awk '$1 == "ok" { n[$2]++; if (match($3, /@GLIBC_[0-9.]+$/)) { v = substr($3, RSTART + 7); if (!($2 in g) || vcmp(v, g[$2]) > 0) g[$2] = v } }
		function vcmp(a, b,   x, y, i, k) { k = split(a, x, "."); split(b, y, "."); for (i = 1; i <= k || i in y; i++) { if (x[i] + 0 != y[i] + 0) return x[i] + 0 - (y[i] + 0) } return 0 }
		END { for (l in n) printf "  %-28s %4d symbols%s\n", l, n[l], (l in g) ? ", up to GLIBC_" g[l] : "" }' | sort
}

for deb in "$@"; do
	arch=$(dpkg-deb -f "$deb" Architecture)
	work=$(mktemp -d "${TMPDIR:-/tmp}/edgecam-symbols.XXXXXX")
	dpkg-deb -x "$deb" "$work/root"
	bin=$work/root/usr/bin/edgecam
	case $arch in
	amd64) triplet=x86_64-linux-gnu roots="bullseye focal" ;;
	arm64) triplet=aarch64-linux-gnu roots=bullseye ;;
	armhf) triplet=arm-linux-gnueabihf roots=bullseye ;;
	*) echo "test-symbols: $deb: unknown architecture $arch" >&2; exit 2 ;;
	esac
	needed=$(readelf -d "$bin" | sed -n 's/.*Shared library: \[\(.*\)\]/\1/p')
	undef=$(readelf --dyn-syms -W "$bin" | awk '$7 == "UND" && $8 != "" { print $8 }' | sort -u)
	# Weak references the loader may leave unresolved (gcc's crt files).
	undef=$(grep -v '^__gmon_start__$\|^_ITM_registerTMCloneTable$\|^_ITM_deregisterTMCloneTable$' <<<"$undef")
	for suite in $roots; do
		case $suite in
		focal) CROSS_SUITE=focal SYSROOT_RUNTIME=1 "$here/sysroot.sh" "$arch" >&2; root=$cache/focal-runtime/$arch/sysroot name="Ubuntu 20.04" ;;
		bullseye) CROSS_SUITE=bullseye "$here/sysroot.sh" "$arch" >&2; root=$cache/bullseye/$arch/sysroot name="Debian 11" ;;
		esac
		gst=$(dpkg-deb -f "$(ls "$root"/../apt/cache/archives/libgstreamer1.0-0_*_"$arch".deb | head -1)" Version)
		glibc=$(dpkg-deb -f "$(ls "$root"/../apt/cache/archives/libc6_*_"$arch".deb | head -1)" Version)
		result=$(check "$root" "$triplet" "$needed" "$undef")
		missing=$(grep '^missing' <<<"$result" || true)
		if [[ -n $missing ]]; then
			echo "test-symbols: $arch on $name (glibc $glibc, GStreamer $gst): FAIL, $(wc -l <<<"$missing") missing:" >&2
			sed 's/^/  /' <<<"$missing" | head -40 >&2
			fail=1
		else
			echo "test-symbols: $arch on $name (glibc $glibc, GStreamer $gst): all $(wc -l <<<"$undef") undefined symbols defined by its libraries"
			grep '^ok' <<<"$result" | summarise
		fi
		# The check must be able to fail: symbols a 1.22 / glibc 2.34 build imports.
		control=$(check "$root" "$triplet" "$needed" "gst_debug_message_get_id
__libc_start_main@GLIBC_2.34
gst_element_factory_make" | grep -c '^missing' || true)
		if [[ $control != 2 ]]; then
			echo "test-symbols: $arch on $name: the negative control found $control of 2 missing symbols: the check is blind" >&2
			fail=1
		fi
	done
	rm -rf "$work"
done
exit $fail
