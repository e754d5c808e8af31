# shellcheck shell=bash
# cross/env.sh — sourced: `. cross/env.sh ARCH SYSROOT` exports what `go build`
# needs to cross-compile the cgo parts (encode/, go-gst) for ARCH against the
# unpacked Debian root SYSROOT made by cross/sysroot.sh. For amd64 on an
# amd64 host, SYSROOT may be empty: the host's own GStreamer is used.
#
# pkg-config reads only the sysroot's .pc files (PKG_CONFIG_LIBDIR) and
# prefixes their -I/-L paths with the sysroot (PKG_CONFIG_SYSROOT_DIR); the
# compiler and linker look for headers, crt files and libraries there too
# (--sysroot). The host's /usr/include and /usr/lib are never seen.
_arch=${1:?usage: . cross/env.sh ARCH [SYSROOT]}
_sysroot=${2:-}
case $_arch in
amd64) _triplet=x86_64-linux-gnu GOARCH=amd64 ;;
arm64) _triplet=aarch64-linux-gnu GOARCH=arm64 ;;
armhf) _triplet=arm-linux-gnueabihf GOARCH=arm GOARM=7 && export GOARM ;;
*) echo "cross/env.sh: unknown architecture $_arch (amd64, arm64, armhf)" >&2; return 2 ;;
esac
export GOOS=linux GOARCH CGO_ENABLED=1
if [[ -n $_sysroot ]]; then
	CC="$_triplet-gcc --sysroot=$_sysroot"
	export CC
	export PKG_CONFIG_SYSROOT_DIR=$_sysroot
	export PKG_CONFIG_LIBDIR=$_sysroot/usr/lib/$_triplet/pkgconfig:$_sysroot/usr/share/pkgconfig:$_sysroot/usr/lib/pkgconfig
	unset PKG_CONFIG_PATH
fi
export CROSS_TRIPLET=$_triplet
unset _arch _sysroot _triplet
