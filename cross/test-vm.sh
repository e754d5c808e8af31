#!/usr/bin/env bash
# cross/test-vm.sh DEB KFAKE — systemd really managing the agent: boot a
# qemu-system-x86_64 VM (plain TCG emulation: no KVM here) with Debian's
# kernel and systemd as PID 1, on a root made of the host's root shared
# read-only over 9p with a tmpfs overlay on top (so the guest can install
# packages without touching the host). Inside, cross/vm-guest.sh installs
# DEB (amd64), runs KFAKE (cross/kfake, an in-memory Kafka) on the guest's
# own loopback, starts edgecam.service and checks: active after READY=1, runs
# as edgecam in group video, frames reach Kafka and decode, restarted after
# kill -9, restarted after a watchdog timeout (SIGSTOP), stops cleanly.
#
# The guest has no network device: nothing leaves it. Needs:
# qemu-system-x86, and downloads (once, into $EDGECAM_CACHE/vm) Debian's
# linux-image-amd64 and busybox-static with `apt-get download` — neither is
# installed on the host.
set -euo pipefail
deb=$(realpath "${1:?usage: cross/test-vm.sh DEB KFAKE}")
kfake=$(realpath "${2:?usage: cross/test-vm.sh DEB KFAKE}")
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
vm=${EDGECAM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/edgecam}/vm
timeout=${EDGECAM_VM_TIMEOUT:-600}
command -v qemu-system-x86_64 >/dev/null || { echo "test-vm: qemu-system-x86_64 missing (apt-get install qemu-system-x86)" >&2; exit 1; }
[[ $(uname -m) == x86_64 ]] || { echo "test-vm: needs an x86_64 host" >&2; exit 1; }

# Type=notify needs the agent to send READY=1: without it the start would
# only time out after TimeoutStartSec. Say so at once. (The linker drops
# unused code, so the message text is in the binary only when Run sends it.)
# (grep -c reads to the end: grep -q would stop early and SIGPIPE tar.)
if [[ $(dpkg-deb --fsys-tarfile "$deb" | tar -xO ./usr/bin/edgecam | grep -a -c 'READY=1') == 0 ]]; then
	echo "test-vm: FAIL: the packaged agent never sends READY=1 (sd_notify is not wired into agent.Run);" \
		"edgecam.service is Type=notify and would time out" >&2
	exit 1
fi

# Kernel, its 9p/virtio/overlay modules and busybox, into an initramfs.
mkdir -p "$vm"
kpkg=$(apt-cache depends linux-image-amd64 2>/dev/null | sed -n 's/^ *Depends: \(linux-image-[0-9].*-amd64\)$/\1/p' | head -1)
[[ -n $kpkg ]] || { echo "test-vm: cannot resolve linux-image-amd64 (apt-get update?)" >&2; exit 1; }
kver=${kpkg#linux-image-}
# What the initramfs needs; their dependencies are added in load order.
wanted=(virtio_pci 9pnet_virtio 9p overlay)
initrd=$vm/initrd-$kver.cpio.gz
if [[ ! -f $vm/vmlinuz-$kver || ! -f $initrd || $initrd -ot $here/test-vm.sh ]]; then
	modules=()
	echo "test-vm: preparing kernel $kver and initramfs"
	# As root, apt warns that its sandbox user cannot write here: harmless.
	(cd "$vm" && apt-get download -qq "$kpkg" busybox-static 2>&1) | grep -v 'unsandboxed' || true
	rm -rf "$vm/k" "$vm/initrd"
	mkdir -p "$vm/k" "$vm/initrd"/{bin,modules,proc,sys,dev}
	for p in "$kpkg" busybox-static; do
		f=$(find "$vm" -maxdepth 1 -name "${p}_*.deb" | sort | tail -1)
		[[ -n $f ]] || { echo "test-vm: apt-get download $p failed" >&2; exit 1; }
		dpkg-deb -x "$f" "$vm/k"
	done
	cp "$vm/k/boot/vmlinuz-$kver" "$vm/vmlinuz-$kver"
	cp "$vm/k/bin/busybox" "$vm/initrd/bin/busybox"
	modules=()
	add_module() { # depth first: dependencies before the module
		local m=$1 f d
		[[ " ${modules[*]} " == *" $m "* ]] && return
		f=$(find "$vm/k/lib/modules/$kver" -name "$m.ko*" | head -1)
		[[ -n $f ]] || { echo "test-vm: module $m not in $kpkg" >&2; exit 1; }
		case $f in *.xz) xz -dc "$f" ;; *.zst) zstd -dc "$f" ;; *) cat "$f" ;; esac >"$vm/initrd/modules/$m.ko"
		for d in $(tr '\0' '\n' <"$vm/initrd/modules/$m.ko" | sed -n 's/^depends=//p' | tr ',' ' '); do
			add_module "$d"
		done
		modules+=("$m")
	}
	for m in "${wanted[@]}"; do add_module "$m"; done
	cat >"$vm/initrd/init" <<INIT
#!/bin/busybox sh
# edgecam VM test initramfs: host root (9p, read-only) + tmpfs overlay,
# then systemd as PID 1.
/bin/busybox --install -s /bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
for m in ${modules[*]}; do insmod /modules/\$m.ko || echo "init: insmod \$m failed"; done
die() { echo "init: \$*"; echo o >/proc/sysrq-trigger; sleep 10; }
mkdir -p /lower /upper /newroot
mount -t 9p -o trans=virtio,version=9p2000.L,ro,msize=262144 hostroot /lower || die "9p root"
mount -t tmpfs -o size=4G,mode=0755 tmpfs /upper
mkdir -p /upper/data /upper/work
mount -t overlay overlay -o lowerdir=/lower,upperdir=/upper/data,workdir=/upper/work /newroot || die "overlay"
# The test's inputs come on a share of their own: the checkout may sit
# under /tmp, which the guest's systemd hides behind a tmpfs.
mkdir -p /newroot/vmout /newroot/vmin
mount -t 9p -o trans=virtio,version=9p2000.L,msize=262144 vmout /newroot/vmout || die "9p out"
mount -t 9p -o trans=virtio,version=9p2000.L,ro,msize=262144 vmin /newroot/vmin || die "9p in"
# The host's fstab and enabled services are not this machine's.
: >/newroot/etc/fstab
# The host may be a container: its marker would make the guest's systemd
# believe it runs in one too (and ignore the kernel command line).
rm -f /newroot/.dockerenv /newroot/run/.containerenv
rm -rf /newroot/etc/systemd/system/multi-user.target.wants /newroot/etc/systemd/system/timers.target.wants
cp /newroot/vmin/edgecam-vmtest.* /newroot/etc/systemd/system/
umount /proc /sys
mount --move /dev /newroot/dev
exec switch_root /newroot /lib/systemd/systemd --unit=edgecam-vmtest.target
INIT
	chmod 0755 "$vm/initrd/init"
	# busybox's own cpio: the host may have no cpio.
	(cd "$vm/initrd" && find . | "$vm/k/bin/busybox" cpio -o -H newc 2>/dev/null | gzip -1) >"$initrd"
	rm -rf "$vm/k"
fi

work=$(mktemp -d "$vm/run.XXXXXX")
# EDGECAM_VM_KEEP=1 keeps the run folder (console log, guest results).
[[ ${EDGECAM_VM_KEEP:-} == 1 ]] || trap 'rm -rf "$work"' EXIT
mkdir -p "$work/in" "$work/out"
chmod 0777 "$work/out"
cp "$here/vm-guest.sh" "$work/in/vm-guest.sh"
cp "$deb" "$work/in/edgecam.deb"
cp "$kfake" "$work/in/kfake"
cat >"$work/in/edgecam-vmtest.target" <<EOF2
[Unit]
Description=edgecam VM test
Requires=basic.target edgecam-vmtest.service
After=basic.target
AllowIsolate=yes
EOF2
cat >"$work/in/edgecam-vmtest.service" <<EOF2
[Unit]
Description=edgecam VM test: install the package, exercise the service
After=basic.target
SuccessAction=poweroff-force
FailureAction=poweroff-force
[Service]
Type=oneshot
ExecStart=/bin/bash /vmin/vm-guest.sh /vmin/edgecam.deb /vmin/kfake /vmout
StandardOutput=journal+console
StandardError=journal+console
TimeoutStartSec=infinity
EOF2

echo "test-vm: booting (TCG emulation; about two minutes)"
start=$(date +%s)
status=0
timeout --foreground "$timeout" qemu-system-x86_64 -machine pc -accel tcg,thread=multi -cpu max -smp 2 -m 2048 \
	-kernel "$vm/vmlinuz-$kver" -initrd "$initrd" \
	-append "console=ttyS0 loglevel=3 panic=-1 systemd.unit=edgecam-vmtest.target systemd.show_status=error" \
	-virtfs local,path=/,mount_tag=hostroot,readonly=on,security_model=none,multidevs=remap \
	-virtfs "local,path=$work/out,mount_tag=vmout,security_model=none,multidevs=remap" \
	-virtfs "local,path=$work/in,mount_tag=vmin,readonly=on,security_model=none,multidevs=remap" \
	-nic none -display none -monitor none -serial "file:$work/console.log" -no-reboot || status=$?
took=$(($(date +%s) - start))
if [[ $status == 124 ]]; then
	echo "test-vm: the VM did not finish within $timeout s" >&2
fi
if [[ -f $work/out/result ]] && grep -q '^PASS' "$work/out/result" && ! grep -q '^FAIL' "$work/out/result"; then
	sed 's/^/test-vm: /' "$work/out/result"
	echo "test-vm: PASS in $took s (boot, install, checks, poweroff)"
	exit 0
fi
echo "test-vm: FAIL after $took s; console:" >&2
tail -n 80 "$work/console.log" >&2 || true
for f in result journal.txt; do
	[[ -f $work/out/$f ]] && { echo "--- $f" >&2; tail -n 60 "$work/out/$f" >&2; }
done
exit 1
