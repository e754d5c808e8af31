#!/usr/bin/env bash
# cross/depends.sh ARCH BIN — the library part of the .deb's Depends,
# computed from what BIN (an edgecam built by cross/build.sh for ARCH)
# imports, the way dpkg-shlibdeps does it: every shared library BIN needs
# (DT_NEEDED) is mapped to its package by that package's shlibs file, and
# the version is the highest one that package's symbols file gives for the
# symbols BIN uses from it (name@GLIBC_2.14 for glibc's versioned symbols,
# name@Base for GLib's and GStreamer's). So Depends names the lowest versions
# the binary really needs, not the build machine's.
#
# The shlibs and symbols files are those of the sysroot's packages
# (cross/sysroot.sh, CROSS_SUITE, default bullseye: the oldest promised
# Debian); their control parts are unpacked once into
# $CROSS_CACHE/SUITE/ARCH/control.
#
# Prints one "package (>= version)" a line on stdout, and on stderr, per
# library, the newest symbol it needs:
#   depends: amd64: libgstreamer-1.0.so.0 <- libgstreamer1.0-0 (>= 1.16.0): gst_sample_set_buffer
# Fails when a needed library has no package or a used symbol is in no
# symbols file (the binary would not run on the suite's libraries).
set -euo pipefail
arch=${1:?usage: cross/depends.sh ARCH BIN}
bin=${2:?usage: cross/depends.sh ARCH BIN}
suite=${CROSS_SUITE:-bullseye}
base=${CROSS_CACHE:-${EDGECAM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/edgecam}/cross}/$suite/$arch
archives=$base/apt/cache/archives
[[ -d $archives ]] || { echo "cross/depends.sh: $archives: no sysroot packages (cross/sysroot.sh $arch)" >&2; exit 1; }
[[ -r $bin ]] || { echo "cross/depends.sh: $bin: no such file" >&2; exit 1; }

# The control parts (shlibs, symbols) of every sysroot package, unpacked once.
control=$base/control
mkdir -p "$control"
for deb in "$archives"/*.deb; do
	name=$(basename "$deb" .deb)
	[[ -d $control/$name ]] && continue
	dpkg-deb -e "$deb" "$control/$name.new" && mv "$control/$name.new" "$control/$name"
done

# The binary's undefined dynamic symbols, as symbols files name them.
undef=$(readelf --dyn-syms -W "$bin" | awk '$7 == "UND" && $8 != "" {
	s = $8; sub(/ \(.*/, "", s)
	if (s !~ /@/) s = s "@Base"
	print s }' | sort -u)
[[ -n $undef ]] || { echo "cross/depends.sh: $bin: no undefined symbols (not a dynamic binary?)" >&2; exit 1; }

fail=0
declare -A need # package -> highest version
for soname in $(readelf -d "$bin" | sed -n 's/.*Shared library: \[\(.*\)\]/\1/p'); do
	lib=${soname%%.so.*} ver=${soname##*.so.}
	# "libglib-2.0 0 libglib2.0-0 (>= 2.66.0)": soname -> package (the first
	# package name of the dependency template).
	shlibs=$(grep -h "^$lib $ver " "$control"/*/shlibs 2>/dev/null | head -1 || true)
	[[ -n $shlibs ]] || { echo "cross/depends.sh: $arch: $soname: no package of the $suite sysroot provides it (shlibs)" >&2; fail=1; continue; }
	pkg=$(awk '{ print $3 }' <<<"$shlibs")
	symbols=$(grep -l "^$soname " "$control"/"${pkg}"_*/symbols 2>/dev/null | head -1 || true)
	if [[ -z $symbols ]]; then
		# No symbols file: the shlibs version, as dpkg-shlibdeps does.
		v=$(sed -n 's/.*(>= \([^)]*\)).*/\1/p' <<<"$shlibs")
		newest="(no symbols file; shlibs)"
	else
		# Lines " name@VER version" under "soname package #MINVER#". The
		# symbols this library is asked for are the ones it defines: a symbol
		# the binary takes from another library is not in its file.
		read -r v newest < <(awk -v so="$soname" '
			/^[^ *|#]/ { in_lib = ($1 == so); next }
			in_lib && /^ / { print $1, $2 }' "$symbols" |
			awk 'NR == FNR { u[$1] = 1; next } ($1 in u) { v = $2; sub(/-[^-]*$/, "", v); print v, $1 }' <(echo "$undef") - |
			sort -V | tail -1) || true
		[[ -n ${v:-} ]] || { v=0; newest="(no symbol used)"; }
	fi
	echo "depends: $arch: $soname <- $pkg (>= $v): ${newest%@Base}" >&2
	if [[ -z ${need[$pkg]:-} ]] || dpkg --compare-versions "$v" gt "${need[$pkg]}"; then
		need[$pkg]=$v
	fi
done

# Every undefined symbol must be in one of the needed libraries' symbols
# files: else the suite's libraries lack it (a function newer than the
# suite; make test-symbols names the library).
known=$(for pkg in "${!need[@]}"; do cat "$control"/"${pkg}"_*/symbols 2>/dev/null; done | awk '/^ / { print $1 }' | sort -u)
missing=$(comm -23 <(echo "$undef") <(echo "$known") | grep -v '^__gmon_start__@Base$\|^_ITM_\|^__cxa_finalize@' || true)
if [[ -n $missing ]]; then
	echo "cross/depends.sh: $arch: $(wc -l <<<"$missing") symbols of $bin are in no $suite symbols file:" >&2
	sed 's/^/  /' <<<"$missing" | head -20 >&2
	fail=1
fi
[[ $fail == 0 ]] || exit 1
for pkg in $(printf '%s\n' "${!need[@]}" | sort); do
	if [[ ${need[$pkg]} == 0 ]]; then echo "$pkg"; else echo "$pkg (>= ${need[$pkg]})"; fi
done
