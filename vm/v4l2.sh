#!/usr/bin/env bash
# vm/v4l2.sh OUT — the real-V4L2 tests: boot Debian's kernel in
# qemu-system-x86_64 (plain TCG emulation: KVM hangs on the machines this
# runs on) with the vivid virtual camera driver, and run the test binary
# OUT/v4l2.test (built from vm/v4l2_test.go with -tags v4l2vm) inside it
# against the agent OUT/edgecam. Results come back in OUT/guest (result:
# one line per check; test.txt, agent.log, probe.json, the files read back);
# this script prints the result and fails if any check failed.
#
# The guest is the host's own root, shared read-only over 9p, with tmpfs on
# /tmp and /run, a read-only 9p share (OUT/in: the agent, the test binary,
# the guest script) and a writable one (OUT/guest) for the results: the
# checkout may itself be under /tmp, which the guest does not see. The
# initramfs (busybox) loads vivid and the 9p modules, mounts all that and
# chroots into it to run vm/v4l2-guest.sh. No network device: the test
# starts its Kafka (kfake) inside the guest. Nothing is installed on the host:
# the kernel package and busybox-static are fetched with `apt-get download`,
# once, into $EDGECAM_CACHE/v4l2 (default ~/.cache/edgecam/v4l2; a package
# already downloaded by cross/test-vm.sh into $EDGECAM_CACHE/vm is reused).
#
# Environment: EDGECAM_VM_TIMEOUT (seconds, default 300) bounds the VM run.
set -euo pipefail
out=$(realpath "${1:?usage: vm/v4l2.sh OUT (with OUT/edgecam and OUT/v4l2.test)}")
here=$(cd "$(dirname "$0")" && pwd)
cacheroot=${EDGECAM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/edgecam}
cache=$cacheroot/v4l2
timeout=${EDGECAM_VM_TIMEOUT:-300}
say() { echo "test-v4l2: $*"; }
die() { echo "test-v4l2: $*" >&2; exit 1; }
command -v qemu-system-x86_64 >/dev/null || die "qemu-system-x86_64 missing (apt-get install qemu-system-x86)"
[[ $(uname -m) == x86_64 ]] || die "needs an x86_64 host"
for f in edgecam v4l2.test; do [[ -x $out/$f ]] || die "$out/$f missing (make test-v4l2 builds it)"; done

# The kernel Debian 12 installs for linux-image-amd64 now.
kpkg=$(apt-cache depends linux-image-amd64 2>/dev/null | sed -n 's/^ *Depends: \(linux-image-[0-9].*-amd64\)$/\1/p' | head -1)
[[ -n $kpkg ]] || die "cannot resolve linux-image-amd64 (run apt-get update)"
kver=${kpkg#linux-image-}
kernel=$cache/vmlinuz-$kver
initrd=$cache/initrd-$kver.cpio.gz

# deb NAME: the downloaded package NAME, fetched once.
deb() {
	local f
	f=$(find "$cache" "$cacheroot/vm" -maxdepth 1 -name "${1}_*.deb" 2>/dev/null | sort | tail -1)
	if [[ -z $f ]]; then
		say "downloading $1" >&2
		# As root, apt warns that its sandbox user cannot write here: harmless.
		(cd "$cache" && apt-get download -qq "$1" 2>&1) | grep -v unsandboxed >&2 || true
		f=$(find "$cache" -maxdepth 1 -name "${1}_*.deb" | sort | tail -1)
		[[ -n $f ]] || die "apt-get download $1 failed"
	fi
	echo "$f"
}

# The initramfs: busybox, the modules (dependencies first, decompressed) and
# an init that mounts the host root and runs the guest script. Rebuilt when
# this script changes.
build_initrd() {
	local k=$cache/k root=$cache/initrd m
	rm -rf "$k" "$root"
	mkdir -p "$k" "$root"/{bin,modules,proc,sys,dev,newroot}
	dpkg-deb -x "$(deb "$kpkg")" "$k"
	dpkg-deb -x "$(deb busybox-static)" "$k"
	cp "$k/boot/vmlinuz-$kver" "$kernel"
	cp "$k/bin/busybox" "$root/bin/busybox"
	local loaded=()
	# add MODULE: MODULE and what its .ko says it depends on, dependencies
	# first (the package has no modules.dep: depmod runs at install time).
	add() {
		local m=$1 f d
		[[ " ${loaded[*]} " == *" $m "* ]] && return
		f=$(find "$k/lib/modules/$kver" -name "$m.ko" -o -name "$m.ko.xz" -o -name "$m.ko.zst" | head -1)
		[[ -n $f ]] || die "module $m is not in $kpkg"
		case $f in *.xz) xz -dc "$f" ;; *.zst) zstd -qdc "$f" ;; *) cat "$f" ;; esac >"$root/modules/$m.ko"
		for d in $(tr '\0' '\n' <"$root/modules/$m.ko" | sed -n 's/^depends=//p' | tr ',' ' '); do
			add "$d"
		done
		loaded+=("$m")
	}
	for m in virtio_pci 9pnet_virtio 9p vivid; do add "$m"; done
	cat >"$root/init" <<INIT
#!/bin/busybox sh
# edgecam V4L2 test: vivid + the host's root (9p, read-only), then the
# guest script in a chroot; power off when it returns.
/bin/busybox --install -s /bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
for m in ${loaded[*]}; do insmod /modules/\$m.ko || echo "init: insmod \$m failed"; done
off() { echo o >/proc/sysrq-trigger; sleep 30; }
# No network device, but the test's Kafka listens on loopback.
ip link set lo up
r=/newroot
# cache=loose: the root is read-only, so the guest may cache it; without it
# every exec and library load goes to the host and a process takes seconds
# to start under emulation.
mount -t 9p -o trans=virtio,version=9p2000.L,ro,msize=524288,cache=loose hostroot \$r || { echo "init: cannot mount the host root"; off; }
mount -t tmpfs -o mode=1777 tmpfs \$r/tmp
mount -t tmpfs -o mode=0755 tmpfs \$r/run
mount -t proc proc \$r/proc
mount -t sysfs sysfs \$r/sys
mount -t devtmpfs devtmpfs \$r/dev
mkdir -p \$r/tmp/out \$r/tmp/in
mount -t 9p -o trans=virtio,version=9p2000.L,msize=262144 guestout \$r/tmp/out || { echo "init: cannot mount the results share"; off; }
mount -t 9p -o trans=virtio,version=9p2000.L,ro,msize=524288 vmin \$r/tmp/in || { echo "init: cannot mount the inputs share"; off; }
chroot \$r /bin/bash /tmp/in/v4l2-guest.sh /tmp/in /tmp/out
sync
umount \$r/tmp/out
off
INIT
	chmod 0755 "$root/init"
	# busybox's own cpio: the host may have no cpio.
	(cd "$root" && find . | "$k/bin/busybox" cpio -o -H newc 2>/dev/null | gzip -1) >"$initrd.tmp"
	mv "$initrd.tmp" "$initrd"
	rm -rf "$k" "$root"
}

mkdir -p "$cache"
if [[ ! -f $kernel || ! -f $initrd || $initrd -ot $here/v4l2.sh ]]; then
	say "preparing kernel $kver and the initramfs (once)"
	build_initrd
fi

rm -rf "$out/guest" "$out/in"
mkdir -p "$out/guest" "$out/in"
chmod 0777 "$out/guest"
cp "$out/edgecam" "$out/v4l2.test" "$here/v4l2-guest.sh" "$out/in/"
# GStreamer rebuilds its plugin registry when it finds none: a minute of
# scanning plugins under emulation. The host's is valid in the guest (the
# same files, the same mtimes over 9p).
registry=${XDG_CACHE_HOME:-$HOME/.cache}/gstreamer-1.0/registry.x86_64.bin
[[ -f $registry ]] || gst-inspect-1.0 >/dev/null 2>&1 || true
cp "$registry" "$out/in/registry.bin" 2>/dev/null || true
start=$(date +%s)
status=0
timeout --foreground "$timeout" qemu-system-x86_64 -machine pc -accel tcg,thread=multi -cpu max -smp 2 -m 1024 \
	-kernel "$kernel" -initrd "$initrd" \
	-append "console=ttyS0 loglevel=3 panic=-1" \
	-virtfs local,path=/,mount_tag=hostroot,readonly=on,security_model=none,multidevs=remap \
	-virtfs "local,path=$out/guest,mount_tag=guestout,security_model=none,multidevs=remap" \
	-virtfs "local,path=$out/in,mount_tag=vmin,readonly=on,security_model=none,multidevs=remap" \
	-nic none -nographic -monitor none -serial "file:$out/console.log" -no-reboot || status=$?
took=$(($(date +%s) - start))
[[ $status == 124 ]] && say "the VM did not finish within $timeout s (EDGECAM_VM_TIMEOUT)" >&2
result=$out/guest/result
if [[ -f $result ]]; then
	sed 's/^/test-v4l2: /' "$result"
fi
if [[ $status == 0 && -f $result ]] && grep -q '^PASS$' "$result" && ! grep -q '^FAIL' "$result"; then
	say "PASS: VM run $took s (boot, probe, capture, unplug/replug, poweroff)"
	exit 0
fi
echo "test-v4l2: FAIL after $took s; the guest's test output and console are in $out" >&2
[[ -f $out/guest/test.txt ]] && tail -n 60 "$out/guest/test.txt" >&2
[[ -f $out/guest/test.txt ]] || tail -n 40 "$out/console.log" >&2
exit 1
