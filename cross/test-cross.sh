#!/usr/bin/env bash
# cross/test-cross.sh VERSION COMMIT [ARCH...] — prove the cross-built
# edgecam works on each ARCH (default: arm64 armhf) under qemu-user, with
# that architecture's glibc, GStreamer and plugins from its sysroot
# (cross/sysroot.sh; Debian 11, the oldest promised system, by default):
#   1. dist/linux-ARCH/edgecam `version` names the architecture, the stamped
#      version and commit, and GStreamer 1.x; `config check` passes on the
#      packaged config;
#   2. encode's TestPipelinePerEncoder, cross-compiled: x264enc and
#      openh264enc each encode a live test pattern into access units that
#      ffprobe decodes frame for frame (a skipped encoder fails here: the
#      sysroot must have both);
#   3. cross/smoke's TestStreamDecodes, cross-compiled: the whole agent
#      streams three seconds of test pattern into an in-process Kafka;
#      the records read back are gapless and ffprobe decodes every one.
# ffprobe is the host's (native): it checks the bytes the target produced.
#
# amd64 (no emulation) runs the same steps with the root's own dynamic
# loader (ROOT/lib64/ld-linux-x86-64.so.2 --library-path ROOT's lib dirs),
# so glibc, GLib, GStreamer and the plugins are the old system's, not the
# host's. TEST_ROOT picks the root the tests run on: bullseye (default: the
# build sysroot, Debian 11, GStreamer 1.18) or focal (Ubuntu 20.04's run-time
# packages, GStreamer 1.16, amd64 only: SYSROOT_RUNTIME=1 CROSS_SUITE=focal
# cross/sysroot.sh). `make test-oldroot` runs amd64 on both.
set -euo pipefail
version=${1:?usage: cross/test-cross.sh VERSION COMMIT [ARCH...]}
commit=${2:?usage: cross/test-cross.sh VERSION COMMIT [ARCH...]}
shift 2
arches=("$@")
[[ ${#arches[@]} -gt 0 ]] || arches=(arm64 armhf)
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
cd "$top"
cache=${CROSS_CACHE:-${EDGECAM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/edgecam}/cross}
command -v ffprobe >/dev/null || { echo "test-cross: ffprobe missing (make deps installs ffmpeg)" >&2; exit 1; }

fail=0
for arch in "${arches[@]}"; do
	t0=$(date +%s)
	case $arch in
	amd64) qemu='' triplet=x86_64-linux-gnu ;;
	arm64) qemu=qemu-aarch64-static triplet=aarch64-linux-gnu ;;
	armhf) qemu=qemu-arm-static triplet=arm-linux-gnueabihf ;;
	*) echo "test-cross: no qemu-user for $arch" >&2; exit 2 ;;
	esac
	[[ -z $qemu ]] || command -v "$qemu" >/dev/null || { echo "test-cross: $qemu missing (apt-get install qemu-user-static)" >&2; exit 1; }
	bin=dist/linux-$arch/edgecam
	cross/build.sh "$arch" "$bin" "$version" "$commit" >/dev/null
	sysroot=$cache/${CROSS_SUITE:-bullseye}/$arch/sysroot
	root=$sysroot
	case ${TEST_ROOT:-bullseye} in
	bullseye) ;;
	focal)
		CROSS_SUITE=focal SYSROOT_RUNTIME=1 cross/sysroot.sh "$arch"
		root=$cache/focal-runtime/$arch/sysroot
		;;
	*) echo "test-cross: unknown TEST_ROOT ${TEST_ROOT} (bullseye, focal)" >&2; exit 2 ;;
	esac
	gst=$(dpkg-deb -f "$(ls "$root"/../apt/cache/archives/libgstreamer1.0-0_*_"$arch".deb | head -1)" Version)
	tests=dist/test/$arch
	mkdir -p "$tests"
	(
		# shellcheck source=cross/env.sh
		. cross/env.sh "$arch" "$sysroot"
		go test -c -trimpath -tags "${CROSS_TAGS-gst_1_16}" -o "$tests/encode.test" ./encode/
		go test -c -trimpath -tags "${CROSS_TAGS-gst_1_16}" -o "$tests/smoke.test" ./cross/smoke/
	)

	# A fresh plugin registry per run, scanned from the root only.
	work=$(mktemp -d "${TMPDIR:-/tmp}/edgecam-cross-$arch.XXXXXX")
	plugins=/usr/lib/$triplet/gstreamer-1.0 # resolved inside the root by -L
	[[ -n $qemu ]] || plugins=$root$plugins
	if [[ $arch == armhf ]]; then
		# A 32-bit guest's readdir() fails with EOVERFLOW on this host's
		# ext4 (64-bit directory hash cookies that qemu-user passes
		# through), so GStreamer would silently find no plugin at all. A
		# tmpfs directory has small cookies: scan symlinks to the plugins
		# from there.
		shm=$(mktemp -d /dev/shm/edgecam-gst-armhf.XXXXXX)
		for so in "$root$plugins"/*.so; do ln -s "$so" "$shm/"; done
		plugins=$shm
	fi
	run() {
		if [[ -n $qemu ]]; then
			env -u GST_PLUGIN_PATH GST_REGISTRY_FORK=no GST_REGISTRY="$work/registry.bin" \
				GST_PLUGIN_SYSTEM_PATH="$plugins" "$qemu" -L "$root" "$@"
		else
			# The root's loader; its library path holds for the plugins'
			# dlopen too, and is not inherited by children (ffprobe).
			env -u GST_PLUGIN_PATH -u LD_LIBRARY_PATH GST_REGISTRY_FORK=no GST_REGISTRY="$work/registry.bin" \
				GST_PLUGIN_SYSTEM_PATH="$plugins" GIO_MODULE_DIR="$root/usr/lib/$triplet/gio/modules" \
				"$root/lib64/ld-linux-x86-64.so.2" --library-path "$root/lib/$triplet:$root/usr/lib/$triplet" "$@"
		fi
	}

	status=ok
	# stdout only: GStreamer warns on stderr about plugins whose own
	# libraries the root lacks (Ubuntu 20.04's fluidsynth needs PulseAudio).
	out=$(run "$bin" version 2>"$work/version.err") || { echo "$out"; cat "$work/version.err"; status=FAIL; }
	want="edgecam $version (commit $commit, go"
	if [[ $out != "$want"* || $out != *"GStreamer 1."* ]]; then
		echo "test-cross $arch: version output unexpected:"$'\n'"$out" >&2
		status=FAIL
	fi
	case $arch in amd64) goarch=amd64 ;; arm64) goarch=arm64 ;; armhf) goarch=arm ;; esac
	[[ $out == *"linux/$goarch)"* ]] || { echo "test-cross $arch: not linux/$goarch: $out" >&2; status=FAIL; }
	run "$bin" config check --config configs/edgecam.yaml >"$work/check.log" 2>&1 ||
		{ cat "$work/check.log" >&2; status=FAIL; }

	(cd encode && run "$top/$tests/encode.test" -test.run '^(TestPipelinePerEncoder|TestVersion)$' -test.v -test.timeout 5m) >"$work/encode.log" 2>&1 ||
		status=FAIL
	# Debian 11 and Ubuntu 20.04 have no openh264enc at all (their
	# plugins-bad is built without OpenH264: x264enc is the one software
	# encoder there): a skip of it is right only where the root lacks it.
	skipok='^$'
	[[ -e $root/usr/lib/$triplet/gstreamer-1.0/libgstopenh264.so ]] || skipok='--- SKIP: TestPipelinePerEncoder/openh264enc '
	if grep -- '--- SKIP' "$work/encode.log" | grep -qv -- "$skipok"; then
		echo "test-cross $arch: an encoder was skipped (missing from the sysroot?)" >&2
		status=FAIL
	fi
	(cd cross/smoke && run "$top/$tests/smoke.test" -test.v -test.timeout 5m) >"$work/smoke.log" 2>&1 || status=FAIL
	[[ $out == *"GStreamer ${gst%%-*}"* ]] || { echo "test-cross $arch: not the root's GStreamer ${gst%%-*}: $out" >&2; status=FAIL; }

	if [[ $status != ok ]]; then
		echo "test-cross $arch: FAIL; logs:" >&2
		cat "$work/encode.log" "$work/smoke.log" >&2
		fail=1
	fi
	summary=$(grep -h -- 'records,' "$work/smoke.log" | sed 's/^ *smoke_test.go:[0-9]*: //')
	echo "test-cross: $arch on ${TEST_ROOT:-bullseye} (GStreamer $gst): $status in $(($(date +%s) - t0)) s — $(head -1 <<<"$out"); $(grep -c -- '--- PASS: TestPipelinePerEncoder/' "$work/encode.log") encoders decoded; agent: $summary"
	rm -rf "$work" "${shm:-}"
	shm=
done
exit $fail
