#!/usr/bin/env bash
# cross/deb.sh ARCH BIN VERSION OUTDIR — package BIN (an edgecam binary for
# ARCH: amd64, arm64, armhf) as OUTDIR/edgecam_<debversion>_<ARCH>.deb with
# nfpm, from packaging/nfpm.yaml. Prints the path of the .deb.
#
# <debversion> is VERSION made acceptable to dpkg: a leading "v" dropped,
# "1.2.0-5-gabc123-dirty" (git describe) -> "1.2.0+5.gabc123.dirty", and a
# VERSION that does not start with a dotted number (an untagged checkout:
# "54743c5") -> "0.0.0+git.54743c5". No "-", so the package is native and needs no
# Debian revision.
#
# Environment: NFPM (default: nfpm on PATH), EDGECAM_MAINTAINER.
#
# `cross/deb.sh --debversion VERSION` only prints <debversion>.
set -euo pipefail

debversion() {
	local v=${1#v}
	# A release starts with a dotted number; anything else (an untagged
	# checkout's abbreviated hash, which may well start with a digit) sorts
	# below every release.
	if [[ ! $v =~ ^[0-9]+\.[0-9]+ ]]; then
		v="0.0.0+git.$v"
	elif [[ $v == *-* ]]; then
		v="${v/-/+}"
	fi
	v=${v//-/.}
	# dpkg allows [A-Za-z0-9.+~] in an upstream version without revision.
	echo "${v//[^A-Za-z0-9.+~]/.}"
}
if [[ ${1:-} == --debversion ]]; then
	debversion "${2:?usage: cross/deb.sh --debversion VERSION}"
	exit 0
fi

arch=${1:?usage: cross/deb.sh ARCH BIN VERSION OUTDIR}
bin=${2:?usage: cross/deb.sh ARCH BIN VERSION OUTDIR}
version=${3:?usage: cross/deb.sh ARCH BIN VERSION OUTDIR}
outdir=${4:?usage: cross/deb.sh ARCH BIN VERSION OUTDIR}
nfpm=${NFPM:-nfpm}
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
cd "$top"

dv=$(debversion "$version")
[[ -x $bin ]] || { echo "cross/deb.sh: $bin: no such binary (make cross builds it)" >&2; exit 1; }

stage=$top/.cache/deb/$arch
rm -rf "$stage"
mkdir -p "$stage" "$outdir"

# changelog.gz: one entry for this build, dated like the commit (so two builds
# of one commit give the same file); gzip -n for the same reason.
date=$(git log -1 --format=%cD 2>/dev/null || date -R)
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
maintainer=${EDGECAM_MAINTAINER:-edgecam developers <edgecam@users.noreply.github.com>}
{
	echo "edgecam ($dv) unstable; urgency=medium"
	echo
	echo "  * Built from commit $commit ($version). Changes: git log, and"
	echo "    https://github.com/edgecam/edgecam/commits"
	echo
	echo " -- $maintainer  $date"
} | gzip -9n >"$stage/changelog.gz"

# apache_by_reference replaces a full Apache-2.0 text (and its "how to
# apply" appendix) by a pointer to Debian's copy, as Debian policy asks.
apache_by_reference() {
	awk '
	skip == 0 && /^[[:space:]]*Apache License[[:space:]]*$/ {
		held = $0
		if ((getline nxt) > 0 && nxt ~ /Version 2\.0, January 2004/) {
			print "    Apache License 2.0: /usr/share/common-licenses/Apache-2.0"
			skip = 1
		} else {
			print held; print nxt
		}
		next
	}
	skip == 1 { if (/END OF TERMS AND CONDITIONS/) skip = 2; next }
	skip == 2 && /APPENDIX/ { skip = 3; next }
	skip == 2 && NF { skip = 0 }
	skip == 2 { next }
	skip == 3 { if (/limitations under the License\./) skip = 0; next }
	{ print }'
}

# copyright: edgecam's licence and NOTICE (which says how the LGPL of go-gst
# and go-glib is met), then every Go module linked into the binary with its
# own licence text, read from the module cache (the binary carries them all
# statically, so the package must carry their notices).
[[ -f NOTICE ]] || { echo "cross/deb.sh: NOTICE: missing" >&2; exit 1; }
{
	echo "edgecam — https://github.com/edgecam/edgecam"
	echo
	echo "Copyright: the edgecam authors."
	echo "License: Apache-2.0"
	echo "    Apache License 2.0: /usr/share/common-licenses/Apache-2.0"
	echo
	echo "------------------------------------------------------------------------"
	echo "NOTICE"
	echo
	sed 's/[[:space:]]*$//' NOTICE
	echo
	echo "------------------------------------------------------------------------"
	echo "The Go modules statically linked into the edgecam binary, each with its"
	echo "licence (the LGPL-2.1 and LGPL-3 of go-gst and go-glib among them; the"
	echo "GNU GPL version 3 the LGPL-3 refers to: /usr/share/common-licenses/GPL-3):"
	# A module replaced by a directory of the checkout ("=> ./third_party/go-gst
	# (devel)") is read from there: that is the source compiled in.
	go version -m "$bin" | awk '
		$1 == "dep" { if (mod != "") print mod, ver, "-"; mod = $2; ver = $3 }
		$1 == "=>" && mod != "" { print mod, ver, ($2 ~ /^\.\.?\//) ? $2 : "-"; mod = "" }
		END { if (mod != "") print mod, ver, "-" }' | while read -r mod ver local; do
		if [[ $local != - ]]; then
			dir=$top/${local#./}
			ver="$ver, modified: ${local#./} in edgecam's source"
		else
			dir=$(go list -m -mod=mod -f '{{.Dir}}' "$mod@$ver" 2>/dev/null || true)
		fi
		lic=
		for f in LICENSE LICENSE.md LICENSE.txt COPYING LICENCE; do
			[[ -n $dir && -f $dir/$f ]] && { lic=$dir/$f; break; }
		done
		echo
		echo "------------------------------------------------------------------------"
		echo "$mod $ver"
		echo
		if [[ -n $lic ]]; then
			sed 's/[[:space:]]*$//' "$lic" | apache_by_reference
		else
			echo "(licence file not found in the module cache; see the module's repository)"
		fi
	done
} >"$stage/copyright"

# nfpm expands ${VAR} only in some fields (not in contents' src): fill in
# every placeholder here instead.
esc() { printf '%s' "$1" | sed 's/[&|\\]/\\&/g'; }
# The libraries of Depends, from the binary (cross/depends.sh): one list item
# a package, in place of the placeholder's line.
libdeps=$(cross/depends.sh "$arch" "$bin" 2>"$stage/depends.log") || { cat "$stage/depends.log" >&2; exit 1; }
EDGECAM_LIB_DEPENDS=$libdeps awk '
	/^ *- \$\{EDGECAM_LIB_DEPENDS\}$/ { ind = $0; sub(/-.*/, "", ind); n = split(ENVIRON["EDGECAM_LIB_DEPENDS"], d, "\n"); for (i = 1; i <= n; i++) print ind "- " d[i]; next }
	{ print }' packaging/nfpm.yaml >"$stage/nfpm.in.yaml"
sed -e "s|\${EDGECAM_DEB_ARCH}|$(esc "$arch")|g" -e "s|\${EDGECAM_DEB_VERSION}|$(esc "$dv")|g" \
	-e "s|\${EDGECAM_BIN}|$(esc "$bin")|g" -e "s|\${EDGECAM_STAGE}|$(esc "$stage")|g" \
	-e "s|\${EDGECAM_MAINTAINER}|$(esc "$maintainer")|g" "$stage/nfpm.in.yaml" >"$stage/nfpm.yaml"
# shellcheck disable=SC2016 # a literal ${
if grep -n '^[^#]*\${' "$stage/nfpm.yaml" >&2; then
	echo "cross/deb.sh: placeholders left in packaging/nfpm.yaml (above)" >&2
	exit 1
fi

gzip -9n <packaging/edgecam.1 >"$stage/edgecam.1.gz"

out=${outdir%/}/edgecam_${dv}_$arch.deb
"$nfpm" package --config "$stage/nfpm.yaml" --packager deb --target "$out" >"$stage/nfpm.log" 2>&1 ||
	{ cat "$stage/nfpm.log" >&2; exit 1; }
echo "$out"
