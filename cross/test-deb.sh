#!/usr/bin/env bash
# cross/test-deb.sh DEB... — inspect edgecam .deb files the way a reviewer
# and dpkg would:
#   - dpkg-deb -I: name, architecture (from the file name), the conffile,
#     maintainer scripts, Depends on the GStreamer runtime;
#   - dpkg-deb -c: every file at its path with its mode, nothing else;
#   - the binary inside: right ELF machine, PIE, immediate binding, stripped;
#   - Depends against the binary, as dpkg-shlibdeps would compute it: every
#     shared library the binary needs (NEEDED) comes from a package in
#     Depends (per that package's shlibs file), at a version no lower than
#     its symbols file requires for the symbols the binary uses (for glibc:
#     the highest GLIBC_x.y symbol version referenced);
#   - lintian: no error (warnings and info are printed).
# Library metadata comes from the target's sysroot packages
# ($CROSS_CACHE/SUITE/ARCH/apt, SUITE bullseye by default) or, for a host-built amd64 binary, from the host's
# dpkg database.
set -euo pipefail
[[ $# -gt 0 ]] || { echo "usage: cross/test-deb.sh DEB..." >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
cache=${CROSS_CACHE:-${EDGECAM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/edgecam}/cross}
command -v lintian >/dev/null || { echo "test-deb: lintian missing (apt-get install lintian)" >&2; exit 1; }

expected_files='-rw-r--r-- /etc/edgecam/edgecam.yaml
-rwxr-xr-x /usr/bin/edgecam
-rw-r--r-- /usr/lib/systemd/system/edgecam.service
-rw-r--r-- /usr/lib/sysusers.d/edgecam.conf
-rw-r--r-- /usr/lib/tmpfiles.d/edgecam.conf
-rw-r--r-- /usr/share/doc/edgecam/README.md
-rw-r--r-- /usr/share/doc/edgecam/changelog.gz
-rw-r--r-- /usr/share/doc/edgecam/copyright
-rw-r--r-- /usr/share/doc/edgecam/install.md
-rw-r--r-- /usr/share/man/man1/edgecam.1.gz'
runtime_pkgs=(gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-plugins-bad)

fail=0
problem() { echo "test-deb: $deb_name: $*" >&2; fail=1; }

for deb in "$@"; do
	deb_name=$(basename "$deb")
	[[ $deb_name =~ ^edgecam_([^_]+)_([a-z0-9]+)\.deb$ ]] || { problem "file name is not edgecam_VERSION_ARCH.deb"; continue; }
	version=${BASH_REMATCH[1]} arch=${BASH_REMATCH[2]}
	work=$(mktemp -d "${TMPDIR:-/tmp}/edgecam-deb.XXXXXX")
	dpkg-deb -e "$deb" "$work/DEBIAN"
	dpkg-deb -x "$deb" "$work/root"

	field() { dpkg-deb -f "$deb" "$1"; }
	[[ $(field Package) == edgecam ]] || problem "Package: $(field Package)"
	[[ $(field Version) == "$version" ]] || problem "Version $(field Version) != file name's $version"
	[[ $(field Architecture) == "$arch" ]] || problem "Architecture $(field Architecture) != file name's $arch"
	[[ $(cat "$work/DEBIAN/conffiles") == /etc/edgecam/edgecam.yaml ]] ||
		problem "conffiles: $(tr '\n' ' ' <"$work/DEBIAN/conffiles"), want exactly /etc/edgecam/edgecam.yaml"
	for s in postinst prerm postrm; do
		[[ -x $work/DEBIAN/$s ]] || problem "maintainer script $s missing or not executable"
	done
	grep -q 'systemd-sysusers edgecam.conf' "$work/DEBIAN/postinst" || problem "postinst does not create the user"
	grep -q 'systemctl enable --now edgecam' "$work/DEBIAN/postinst" || problem "postinst does not tell how to enable the service"

	files=$(dpkg-deb -c "$deb" | awk '$1 !~ /^d/ { sub(/^\./, "", $6); print $1, $6 }' | LC_ALL=C sort -k2)
	if [[ $files != "$expected_files" ]]; then
		problem "contents differ from the expected list:"$'\n'"$(diff <(echo "$expected_files") <(echo "$files") || true)"
	fi

	depends=$(field Depends)
	for p in "${runtime_pkgs[@]}"; do
		[[ ", $depends," == *", $p"[,\ ]* ]] || problem "Depends lacks $p"
	done

	bin=$work/root/usr/bin/edgecam
	case $arch in
	amd64) machine='Advanced Micro Devices X86-64' ;;
	arm64) machine='AArch64' ;;
	armhf) machine='ARM' ;;
	*) problem "unknown architecture $arch"; continue ;;
	esac
	readelf -h "$bin" | grep -q "Machine: *$machine\$" || problem "binary is not $machine: $(readelf -h "$bin" | grep Machine)"
	readelf -h "$bin" | grep -q 'Type: *DYN' || problem "binary is not position-independent"
	readelf -d "$bin" | grep -q 'BIND_NOW' || problem "binary lacks immediate binding (-z now)"
	! readelf -S "$bin" | grep -q '\.symtab' || problem "binary is not stripped"

	# Library metadata (shlibs + symbols) of the lib* packages in Depends.
	meta=$work/meta
	mkdir -p "$meta"
	mapfile -t libpkgs < <(tr ',' '\n' <<<"$depends" | sed 's/^ *//; s/ .*//' | grep '^lib')
	for p in "${libpkgs[@]}"; do
		if [[ -f $cache/${CROSS_SUITE:-bullseye}/$arch/apt/status ]] && compgen -G "$cache/${CROSS_SUITE:-bullseye}/$arch/apt/cache/archives/${p}_*_$arch.deb" >/dev/null; then
			dpkg-deb -e "$(compgen -G "$cache/${CROSS_SUITE:-bullseye}/$arch/apt/cache/archives/${p}_*_$arch.deb" | head -1)" "$meta/$p"
		elif [[ -f /var/lib/dpkg/info/$p:$arch.shlibs ]]; then
			mkdir -p "$meta/$p"
			cp "/var/lib/dpkg/info/$p:$arch.shlibs" "$meta/$p/shlibs"
			cp "/var/lib/dpkg/info/$p:$arch.symbols" "$meta/$p/symbols" 2>/dev/null || true
		else
			problem "no shlibs/symbols for $p ($arch): neither a sysroot package nor installed on the host"
		fi
	done
	undef=$(readelf --dyn-syms -W "$bin" | awk '$7 == "UND" && $8 != "" { sub(/@.*/, "", $8); print $8 }' | sort -u)
	for soname in $(readelf -d "$bin" | sed -n 's/.*Shared library: \[\(.*\)\]/\1/p'); do
		lib=${soname%%.so.*} ver=${soname##*.so.}
		owner=
		for p in "${libpkgs[@]}"; do
			if [[ -f $meta/$p/shlibs ]] && grep -q "^$lib $ver " "$meta/$p/shlibs"; then owner=$p; break; fi
		done
		if [[ -z $owner ]]; then
			problem "the binary needs $soname, which no lib* package in Depends provides: add its package"
			continue
		fi
		if [[ $owner == libc6 ]]; then
			need=$(readelf --dyn-syms -W "$bin" | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -V | tail -1)
		else
			need=$(awk -v so="$soname" '
				/^[^ *]/ { in_lib = ($1 == so); next }
				in_lib && /^ / { s = $1; sub(/@.*/, "", s); print s, $2 }' "$meta/$owner/symbols" |
				awk 'NR == FNR { u[$1] = 1; next } ($1 in u) { print $2 }' <(echo "$undef") - | sed 's/-.*//' | sort -V | tail -1)
		fi
		have=$(tr ',' '\n' <<<"$depends" | sed -n "s/^ *$owner (>= \\([^)]*\\)).*/\\1/p")
		if [[ -z $have ]]; then
			problem "Depends: $owner has no version; the binary needs >= $need ($soname)"
		elif [[ -n $need ]] && ! dpkg --compare-versions "$have" ge "$need"; then
			problem "Depends: $owner (>= $have), but the binary uses symbols of $soname from $need"
		fi
		echo "test-deb: $arch: $soname <- $owner (>= ${have:-?}), symbols need >= ${need:-any}"
	done

	lint=$(lintian --tag-display-limit 0 --display-info "$deb" 2>&1 | grep -v 'running with root privileges' || true)
	if grep -q '^E:' <<<"$lint"; then
		problem "lintian errors:"$'\n'"$lint"
	fi
	echo "test-deb: $deb_name: $(dpkg-deb -f "$deb" Installed-Size) KiB installed; lintian: $(grep -c '^E:' <<<"$lint" || true) errors, $(grep -c '^W:' <<<"$lint" || true) warnings, $(grep -c '^I:' <<<"$lint" || true) info${lint:+$'\n'$lint}"
	rm -rf "$work"
done
exit $fail
