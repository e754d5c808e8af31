#!/usr/bin/env bash
# vm/vm.sh — the one qemu harness of edgecam's VM tests (DESIGN.md, `vm/`).
# Every VM test is a guest script run by it; `make test-v4l2` and
# `make test-systemd` are two (vm/vm.mk).
#
#   vm/vm.sh --out DIR [options] GUEST-SCRIPT [ARG...]
#
# Boots Debian's kernel (the one linux-image-amd64 depends on now) in
# qemu-system-x86_64 with plain TCG emulation (KVM hangs on some of the
# machines this runs on, and TCG works everywhere), no network device. The
# guest's root is the host's own root, shared read-only over 9p, under a
# tmpfs overlay: the guest can install packages and write anywhere without
# touching the host, and sees exactly the host's programs and libraries.
# GUEST-SCRIPT runs in it as root, with ARGs, and reports through the
# results share; when it returns the VM powers off.
#
# In the guest:
#   /vm/in     read-only: GUEST-SCRIPT, vm/guest-lib.sh (the helpers every
#              guest script sources: step, note, fail, wait_for, pass), the
#              --input files, gst-registry.bin (--gst-registry)
#   /vm/out    writable, DIR/guest on the host: result (one line per check,
#              PASS last), steps (what the guest was doing), the test's logs
#   /tmp       a fresh tmpfs (the host's /tmp is not visible)
#   /dev/disk/by-id/virtio-NAME   each --disk
# (Not under /tmp: a checkout may sit there, and systemd may hide it.)
#
# Options:
#   --out DIR        the run folder: DIR/guest (the guest's /vm/out),
#                    DIR/in (its /vm/in), DIR/console.log; wiped at start
#   --name NAME      prefix of every line printed (test-NAME:); default:
#                    GUEST-SCRIPT's name without -guest.sh
#   --init shell|systemd
#                    shell (default): busybox's init prepares the root and
#                    runs GUEST-SCRIPT in a chroot of it, no services.
#                    systemd: systemd boots as PID 1 into vmtest.target,
#                    whose vmtest.service (oneshot) runs GUEST-SCRIPT and
#                    powers off when it ends, whatever the outcome.
#   --module 'NAME [PARAM=VALUE...]'
#                    load kernel module NAME (from the kernel package, with
#                    its dependencies first) before GUEST-SCRIPT starts;
#                    repeat for several, in load order. E.g. 'vivid n_devs=2'.
#                    The guest has no modprobe: what the kernel would load
#                    on demand must be named too (ext4 needs crc32c_generic
#                    before it can mount).
#   --module-file 'FILE.ko [PARAM=VALUE...]'
#                    the same for a module built outside the kernel package
#                    for this kernel (e.g. v4l2loopback from
#                    v4l2loopback-dkms against linux-headers-$(vm/vm.sh
#                    --kernel-version)); its in-kernel dependencies
#                    (videodev, ...) are loaded first.
#   --input FILE     copy FILE to /vm/in/ (repeat for several)
#   --share HOSTDIR:GUESTDIR[:ro]
#                    share HOSTDIR over 9p at GUESTDIR (writable unless :ro)
#   --disk NAME:IMAGE[:SIZE]
#                    a virtio disk backed by the raw file IMAGE, created
#                    sparse with SIZE (e.g. 256M) when missing and kept
#                    afterwards, so a second run sees what the first left
#                    on it; in the guest /dev/disk/by-id/virtio-NAME. The
#                    guest sees its writes as durable once it has flushed
#                    them (fsync, sync); how qemu writes the file is
#                    --disk-cache.
#   --disk-cache MODE
#                    qemu's cache mode of every --disk: writeback (default:
#                    through the host's page cache) or none (O_DIRECT: the
#                    host holds nothing the guest wrote; the guest's
#                    flushes become fdatasync of the file), or any other
#                    mode qemu's -drive cache= takes.
#   --power-cut-on FILE
#                    cut the power: kill qemu (SIGKILL, nothing flushed by
#                    the guest, no poweroff) as soon as the guest creates
#                    /vm/out/FILE. The run then succeeds if the cut happened
#                    and nothing FAILed; boot again with the same --disk to
#                    check what survived. DIR/cut-at gets the moment of the
#                    cut on the host's clock: Unix nanoseconds right after
#                    the kill, then the microseconds the kill call took.
#                    The host looks for FILE every 0.1 s, so the guest runs
#                    on for up to that long (more on a loaded host) after
#                    creating it; FILE's mtime is its creation on the host's
#                    clock.
#   --gst-registry   a GStreamer plugin registry made on the host (seconds,
#                    natively; cached in $EDGECAM_CACHE/vm) as
#                    /vm/in/gst-registry.bin: the guest's first GStreamer
#                    program would otherwise scan every plugin under
#                    emulation, minutes on a busy machine. It is valid in
#                    the guest as is: the same plugin files, with the same
#                    sizes and mtimes.
#   --mem MB         guest memory (default 1024)
#   --show FILE      on failure, print the end of /vm/out/FILE (repeatable)
#   --timeout SEC    outer bound of the whole VM run (default 1200;
#                    EDGECAM_VM_TIMEOUT overrides it). Running out of it
#                    fails the test naming the guest's last step.
#   --kernel VERSION:DEB[,DEB...]
#                    boot another kernel than Debian's: VERSION (as uname
#                    -r says it), its image and modules in the .deb files
#                    given (read, not installed), e.g. Ubuntu's
#                    linux-image-unsigned-, linux-modules- and
#                    linux-modules-extra-VERSION, which vm/ubuntu-kernel.sh
#                    fetches and prints in this form. Modules the kernel
#                    has built in (modules.builtin) are not loaded.
#   --kernel-version print the kernel version the VM boots and exit
#
# Exit status 0 when the guest's result ends in PASS and has no FAIL line
# (or, with --power-cut-on, when the power was cut and nothing FAILed).
#
# Nothing is installed on the host: the kernel package and busybox-static
# are fetched with `apt-get download` once into $EDGECAM_CACHE/vm (default
# ~/.cache/edgecam/vm, outside the checkout, so a fresh clone reuses them),
# with the modules tests asked for (decompressed, one file each) and the
# initramfs (busybox, the 9p/virtio/overlay modules and the init below),
# one per version of this script. Needs qemu-system-x86 on an x86_64 host.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cacheroot=${EDGECAM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/edgecam}
cache=$cacheroot/vm

name='' out='' init=shell mem=1024 timeout=1200 registry=0 cut='' diskcache=writeback kernelspec=''
modules=() modfiles=() inputs=() shares=() disks=() show=()
usage() { sed -n '6p' "$0" | sed 's/^# *//' >&2; exit 2; }
while (($#)); do
	case $1 in
	--out) out=$2 && shift ;;
	--name) name=$2 && shift ;;
	--init) init=$2 && shift ;;
	--module) modules+=("$2") && shift ;;
	--module-file) modfiles+=("$2") && shift ;;
	--input) inputs+=("$2") && shift ;;
	--share) shares+=("$2") && shift ;;
	--disk) disks+=("$2") && shift ;;
	--disk-cache) diskcache=$2 && shift ;;
	--power-cut-on) cut=$2 && shift ;;
	--gst-registry) registry=1 ;;
	--mem) mem=$2 && shift ;;
	--show) show+=("$2") && shift ;;
	--timeout) timeout=$2 && shift ;;
	--kernel) kernelspec=$2 && shift ;;
	--kernel-version) kernel_version_only=1 ;;
	--) shift && break ;;
	-*) echo "vm/vm.sh: unknown option $1" >&2 && usage ;;
	*) break ;;
	esac
	shift
done
timeout=${EDGECAM_VM_TIMEOUT:-$timeout}
script=${1:-}
[[ -n $script ]] && shift
name=${name:-$(basename "${script:-vm}" .sh)}
name=${name%-guest}
say() { echo "test-$name: $*"; }
die() { echo "test-$name: $*" >&2; exit 1; }

[[ $(uname -m) == x86_64 ]] || die "needs an x86_64 host"
kdebs=()
if [[ -n $kernelspec ]]; then
	kver=${kernelspec%%:*}
	IFS=, read -r -a kdebs <<<"${kernelspec#*:}"
	[[ -n $kver && $kernelspec == *:* && ${#kdebs[@]} -gt 0 ]] || die "--kernel $kernelspec: want VERSION:DEB[,DEB...]"
	for f in "${kdebs[@]}"; do [[ -f $f ]] || die "--kernel: $f: no such file"; done
	kpkg="the --kernel packages"
else
	# The kernel Debian 12 installs for linux-image-amd64 now.
	kpkg=$(apt-cache depends linux-image-amd64 2>/dev/null | sed -n 's/^ *Depends: \(linux-image-[0-9].*-amd64\)$/\1/p' | head -1)
	[[ -n $kpkg ]] || die "cannot resolve linux-image-amd64 (run apt-get update)"
	kver=${kpkg#linux-image-}
fi
if [[ -n ${kernel_version_only:-} ]]; then
	echo "$kver"
	exit 0
fi
[[ -n $out && -n $script ]] || usage
[[ -f $script ]] || die "guest script $script not found"
[[ $init == shell || $init == systemd ]] || die "--init shell or systemd, not $init"
command -v qemu-system-x86_64 >/dev/null || die "qemu-system-x86_64 missing (apt-get install qemu-system-x86)"
mkdir -p "$cache" "$out"
out=$(realpath "$out")

# deb NAME: the downloaded package NAME, fetched once.
deb() {
	local f
	# ($cacheroot/v4l2: where the V4L2 test kept them before vm/vm.sh.)
	f=$(find "$cache" "$cacheroot/v4l2" -maxdepth 1 -name "${1}_*.deb" 2>/dev/null | sort | tail -1)
	if [[ -z $f ]]; then
		say "downloading $1 (once, into $cache)" >&2
		# As root, apt warns that its sandbox user cannot write here: harmless.
		(cd "$cache" && apt-get download -qq "$1" 2>&1) | grep -v unsandboxed >&2 || true
		f=$(find "$cache" -maxdepth 1 -name "${1}_*.deb" | sort | tail -1)
		[[ -n $f ]] || die "apt-get download $1 failed"
	fi
	echo "$f"
}

# Modules, decompressed, one file each in $mods with NAME.deps beside it
# (what its .ko says it depends on: the package has no modules.dep, depmod
# runs at install time). The kernel package (400 MB of modules) is unpacked
# only when a module is not there yet.
mods=$cache/modules-$kver
unpacked=
# On any exit: no qemu left behind, no unpacked kernel package.
# shellcheck disable=SC2317 # called by the trap
cleanup() {
	if [[ -f $out/qemu.pid ]]; then
		kill -9 "$(cat "$out/qemu.pid")" 2>/dev/null || true
		rm -f "$out/qemu.pid"
	fi
	if [[ -n $unpacked ]]; then rm -rf "$unpacked"; fi
	if [[ -n ${root:-} ]]; then rm -rf "$root"; fi
}
trap cleanup EXIT
unpack_modules() {
	local f
	[[ -n $unpacked ]] && return
	unpacked=$(mktemp -d "$cache/unpack.XXXXXX")
	((${#kdebs[@]})) || kdebs=("$(deb "$kpkg")")
	# (One package may have only the modules or only the image: tar then
	# fails for the part that is not there.)
	for f in "${kdebs[@]}"; do
		dpkg-deb --fsys-tarfile "$f" | tar -x -C "$unpacked" --wildcards './lib/modules/*' './boot/*' 2>/dev/null || true
	done
	[[ -d $unpacked/lib/modules/$kver && -f $unpacked/boot/vmlinuz-$kver ]] ||
		die "no lib/modules/$kver and boot/vmlinuz-$kver in ${kdebs[*]}"
}
# cache_module NAME: NAME and its dependencies into $mods; only
# $mods/NAME.builtin when the kernel has NAME built in.
cache_module() {
	local m=$1 f
	[[ -f $mods/$m.builtin || (-f $mods/$m.ko && -f $mods/$m.deps) ]] && return
	unpack_modules
	mkdir -p "$mods"
	if grep -q "/$m\.ko\$" "$unpacked/lib/modules/$kver/modules.builtin" 2>/dev/null; then
		: >"$mods/$m.builtin"
		return
	fi
	f=$(find "$unpacked/lib/modules/$kver" \( -name "$m.ko" -o -name "$m.ko.xz" -o -name "$m.ko.zst" \) | head -1)
	[[ -n $f ]] || die "module $m is not in $kpkg"
	mkdir -p "$mods"
	case $f in *.xz) xz -dc "$f" ;; *.zst) zstd -qdc "$f" ;; *) cat "$f" ;; esac >"$mods/$m.ko"
	depends "$mods/$m.ko" >"$mods/$m.deps"
}
# depends FILE.ko: the modules FILE.ko needs (its modinfo depends= field).
depends() { tr '\0' '\n' <"$1" | sed -n 's/^depends=//p' | tr ',' ' '; }
# order NAME...: NAME... and their dependencies, each once, dependencies first.
ordered=() builtin=()
order() {
	local m
	for m in "$@"; do
		[[ " ${ordered[*]} " == *" $m "* ]] && continue
		cache_module "$m"
		if [[ -f $mods/$m.builtin ]]; then
			# Built in: nothing to load, and so never a dependency left out.
			ordered+=("$m")
			builtin+=("$m")
			continue
		fi
		# shellcheck disable=SC2046 # a list of names
		order $(cat "$mods/$m.deps")
		ordered+=("$m")
	done
}

# The initramfs: busybox, the modules for the shares and the overlay, and
# an init that reads what to do from the inputs share (/vm/in/vm.conf).
# Named after this script's content: checkouts of other versions share the
# cache, and each must boot the init it was written for.
kernel=$cache/vmlinuz-$kver
initrd=$cache/vm-initrd-$kver-$(sha256sum "$here/vm.sh" | cut -c1-12).cpio.gz
base_modules=(virtio_pci 9pnet_virtio 9p overlay)
if [[ ! -f $kernel || ! -f $initrd ]]; then
	say "preparing kernel $kver and the initramfs (once)"
	ordered=()
	order "${base_modules[@]}"
	root=$(mktemp -d "$cache/initrd.XXXXXX")
	mkdir -p "$root"/{bin,modules,proc,sys,dev,in,lower,upper,newroot}
	unpack_modules
	cp "$unpacked/boot/vmlinuz-$kver" "$kernel"
	dpkg-deb --fsys-tarfile "$(deb busybox-static)" | tar -x -O ./bin/busybox >"$root/bin/busybox"
	chmod 0755 "$root/bin/busybox"
	: >"$root/modules/order"
	for m in "${ordered[@]}"; do
		[[ " ${builtin[*]} " == *" $m "* ]] && continue
		cp "$mods/$m.ko" "$root/modules/" && echo "$m" >>"$root/modules/order"
	done
	cat >"$root/init" <<'INIT'
#!/bin/busybox sh
# vm/vm.sh's init: the host's root (9p, read-only) under a tmpfs overlay,
# the shares and modules /vm/in/vm.conf asks for, then the guest script —
# in a chroot (VM_INIT=shell) or under systemd as PID 1 (VM_INIT=systemd).
/bin/busybox --install -s /bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
off() { [ -z "$*" ] || echo "vm-init: $*"; echo o >/proc/sysrq-trigger; sleep 30; }
for m in $(cat /modules/order); do insmod /modules/$m.ko || off "insmod $m failed"; done
p9() { mount -t 9p -o trans=virtio,version=9p2000.L,msize=524288,$3 $1 $2; }
# The inputs first: they say what else to do.
p9 vmin /in ro || off "cannot mount the inputs share"
. /in/vm.conf
# cache=loose: the root is read-only to the guest, so it may cache it;
# without it every exec and library load asks the host and a process takes
# seconds to start under emulation.
p9 hostroot /lower ro,cache=loose || off "cannot mount the host root"
mount -t tmpfs -o size=4G,mode=0755 tmpfs /upper
mkdir -p /upper/data /upper/work
mount -t overlay overlay -o lowerdir=/lower,upperdir=/upper/data,workdir=/upper/work /newroot || off "overlay"
r=/newroot
mount -t tmpfs -o mode=1777 tmpfs $r/tmp
mkdir -p $r/vm/in $r/vm/out
mount --move /in $r/vm/in
p9 vmout $r/vm/out rw || off "cannot mount the results share"
while read -r tag dir mode; do
	mkdir -p $r$dir && p9 $tag $r$dir $mode || off "cannot mount share $tag at $dir"
done </$r/vm/in/shares
while read -r m args; do
	insmod $r/vm/in/modules/$m.ko $args || off "insmod $m $args failed"
done <$r/vm/in/modules/order
# Disks by name, as udev names them (the shell init has no udev).
for d in /sys/block/vd*; do
	[ -f $d/serial ] || continue
	mkdir -p /dev/disk/by-id
	ln -sf ../../${d##*/} /dev/disk/by-id/virtio-$(cat $d/serial)
done
# The host's fstab and enabled services are not this machine's.
: >$r/etc/fstab
rm -rf $r/etc/systemd/system/multi-user.target.wants $r/etc/systemd/system/timers.target.wants
# The host may be a container: its marker would make the guest's systemd
# believe it runs in one too (and ignore the kernel command line).
rm -f $r/.dockerenv $r/run/.containerenv
# No network device, but the tests' Kafka listens on loopback.
ip link set lo up
if [ "$VM_INIT" = systemd ]; then
	cp $r/vm/in/vmtest.target $r/vm/in/vmtest.service $r/etc/systemd/system/
	umount /proc /sys
	mount --move /dev $r/dev
	exec switch_root $r /lib/systemd/systemd --unit=vmtest.target
fi
mount -t tmpfs -o mode=0755 tmpfs $r/run
mount -t proc proc $r/proc
mount -t sysfs sysfs $r/sys
mount --bind /dev $r/dev
chroot $r /bin/bash /vm/in/vm-run
sync
umount $r/vm/out
off
INIT
	chmod 0755 "$root/init"
	# busybox's own cpio: the host may have no cpio.
	(cd "$root" && find . | "$root/bin/busybox" cpio -o -H newc 2>/dev/null | gzip -1) >"$initrd.tmp"
	mv "$initrd.tmp" "$initrd"
	rm -rf "$root" && root=
fi

# The run folder: inputs, results, console.
rm -rf "$out/in" "$out/guest" "$out/console.log" "$out/cut-at"
mkdir -p "$out/in/modules" "$out/guest"
chmod 0777 "$out/guest"
cp "$script" "$here/guest-lib.sh" "$out/in/"
((${#inputs[@]})) && cp "${inputs[@]}" "$out/in/"
# The guest script with its arguments, quoted for bash.
{
	echo '#!/bin/bash'
	echo 'export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin VM_IN=/vm/in VM_OUT=/vm/out'
	printf 'exec /bin/bash /vm/in/%q' "$(basename "$script")"
	printf ' %q' "$@"
	echo
} >"$out/in/vm-run"
echo "VM_INIT=$init" >"$out/in/vm.conf"

# Test modules, in /vm/in/modules with "NAME PARAMS" per line in load
# order (order): dependencies first, each once, leaving out what the
# initramfs loaded already.
ordered=()
order "${base_modules[@]}"
: >"$out/in/modules/order"
# addmods NAME...: NAME... and whatever they need that is not loaded yet.
addmods() {
	local n=${#ordered[@]} m
	order "$@"
	for m in "${ordered[@]:n}"; do
		[[ " ${builtin[*]} " == *" $m "* ]] && continue
		cp "$mods/$m.ko" "$out/in/modules/" && echo "$m" >>"$out/in/modules/order"
	done
}
((${#disks[@]})) && addmods virtio_blk
for spec in "${modules[@]}"; do
	read -r m args <<<"$spec"
	addmods "$m"
	# The module's own line takes its parameters.
	sed -i "s|^$m\$|$m $args|" "$out/in/modules/order"
done
for spec in "${modfiles[@]}"; do
	read -r f args <<<"$spec"
	[[ -f $f ]] || die "--module-file $f: no such file"
	m=$(basename "$f" .ko)
	# shellcheck disable=SC2046 # a list of names
	addmods $(depends "$f")
	cp "$f" "$out/in/modules/$m.ko"
	echo "$m $args" >>"$out/in/modules/order"
	ordered+=("$m")
done

# qemu's arguments for the shares and disks.
# shellcheck disable=SC2054 # commas inside qemu's option values
qargs=(
	-virtfs local,path=/,mount_tag=hostroot,readonly=on,security_model=none,multidevs=remap
	-virtfs "local,path=$out/in,mount_tag=vmin,readonly=on,security_model=none,multidevs=remap"
	-virtfs "local,path=$out/guest,mount_tag=vmout,security_model=none,multidevs=remap"
)
: >"$out/in/shares"
i=0
for spec in "${shares[@]}"; do
	IFS=: read -r hostdir guestdir mode <<<"$spec"
	[[ -d $hostdir && $guestdir == /* ]] || die "--share $spec: want HOSTDIR:/GUESTDIR[:ro]"
	i=$((i + 1))
	ro=
	[[ $mode == ro ]] && ro=,readonly=on
	qargs+=(-virtfs "local,path=$(realpath "$hostdir"),mount_tag=share$i$ro,security_model=none,multidevs=remap")
	echo "share$i $guestdir ${mode:-rw}" >>"$out/in/shares"
done
for spec in "${disks[@]}"; do
	IFS=: read -r dname image size <<<"$spec"
	[[ $dname =~ ^[A-Za-z0-9_-]{1,20}$ && -n $image ]] || die "--disk $spec: want NAME:IMAGE[:SIZE], NAME up to 20 letters, digits, - or _"
	if [[ ! -f $image ]]; then
		[[ -n $size ]] || die "--disk $spec: $image does not exist; give a SIZE to create it"
		mkdir -p "$(dirname "$image")" && truncate -s "$size" "$image"
	fi
	qargs+=(-drive "file=$(realpath "$image"),format=raw,if=none,id=$dname,cache=$diskcache"
		-device "virtio-blk-pci,drive=$dname,serial=$dname")
done

# no_timer_check: the kernel's early check that the timer interrupt works
# counts ticks over a busy-wait; under TCG on a loaded host the emulated CPU
# is too slow for it and the boot ends in "Kernel panic - not syncing:
# IO-APIC + timer doesn't work!" (seen at load average 30 on 2 cores). The
# timer works; the check is a timing test.
cmdline="console=ttyS0 loglevel=3 panic=-1 no_timer_check"
# The systemd flavour: a target with nothing but the test, which powers the
# machine off when it ends, however it ends.
if [[ $init == systemd ]]; then
	cmdline+=" systemd.unit=vmtest.target systemd.show_status=error"
	cat >"$out/in/vmtest.target" <<-EOF
		[Unit]
		Description=edgecam VM test
		Requires=basic.target vmtest.service
		After=basic.target
		AllowIsolate=yes
	EOF
	cat >"$out/in/vmtest.service" <<-EOF
		[Unit]
		Description=edgecam VM test: $(basename "$script")
		After=basic.target
		SuccessAction=poweroff-force
		FailureAction=poweroff-force
		[Service]
		Type=oneshot
		ExecStart=/bin/bash /vm/in/vm-run
		StandardOutput=journal+console
		StandardError=journal+console
		# The harness bounds the whole run (--timeout).
		TimeoutStartSec=infinity
	EOF
fi

# GStreamer's plugin registry, made natively (GStreamer checks it against
# the plugin files and rescans only what changed, so this is quick after
# the first time), for the guest to use instead of scanning every plugin
# under emulation.
if ((registry)); then
	command -v gst-inspect-1.0 >/dev/null || die "--gst-registry: gst-inspect-1.0 missing (apt-get install gstreamer1.0-tools)"
	GST_REGISTRY=$cache/gst-registry.x86_64.bin gst-inspect-1.0 >/dev/null 2>&1 ||
		die "--gst-registry: gst-inspect-1.0 failed to build the registry"
	cp "$cache/gst-registry.x86_64.bin" "$out/in/gst-registry.bin"
fi

say "booting the VM ($init, TCG emulation)"
start=$(date +%s)
status=0
# In a subshell whose own stderr is /dev/null (qemu's is the script's): bash
# reports a job killed by a signal ("Killed timeout ...") when it notices,
# and a power cut kills qemu.
( exec 3>&2 2>/dev/null; timeout --foreground "$timeout" qemu-system-x86_64 -machine pc -accel tcg,thread=multi -cpu max -smp 2 -m "$mem" \
	-kernel "$kernel" -initrd "$initrd" -append "$cmdline" "${qargs[@]}" \
	-nic none -display none -monitor none -serial "file:$out/console.log" -no-reboot -pidfile "$out/qemu.pid" 2>&3 ) &
qemu=$!
cutdone=0
if [[ -n $cut ]]; then
	# Poll for the guest's signal: a power cut at some moment while the
	# guest writes is the point; which moment exactly is not.
	while kill -0 "$qemu" 2>/dev/null; do
		if [[ -e $out/guest/$cut ]]; then
			# EPOCHREALTIME: bash's own clock reading, no fork between it
			# and the kill.
			qpid=$(cat "$out/qemu.pid")
			before=$EPOCHREALTIME
			kill -9 "$qpid" && cutdone=1
			after=$EPOCHREALTIME
			# (seconds and 6 decimals: microseconds without the point)
			us() { echo "${1//[.,]/}"; }
			echo "$(us "$after")000 $(($(us "$after") - $(us "$before")))" >"$out/cut-at"
			break
		fi
		sleep 0.1
	done
fi
wait "$qemu" || status=$?
took=$(($(date +%s) - start))

result=$out/guest/result
[[ -f $result ]] && sed "s/^/test-$name: /" "$result"
laststep=$(tail -n 1 "$out/guest/steps" 2>/dev/null || true)
if [[ $status == 124 ]]; then
	echo "test-$name: FAIL: the VM did not finish within $timeout s (--timeout, EDGECAM_VM_TIMEOUT); the guest was at: ${laststep:-booting (no step reached; see $out/console.log)}" >&2
elif ((cutdone)) && ! grep -q '^FAIL' "$result" 2>/dev/null; then
	say "power cut as the guest asked ($cut) after $took s, at: ${laststep:-?}"
	exit 0
elif [[ $status == 0 && -f $result ]] && [[ $(tail -n 1 "$result") == PASS ]] && ! grep -q '^FAIL' "$result"; then
	say "PASS: VM run $took s (boot, $(basename "$script"), poweroff)"
	exit 0
fi
echo "test-$name: FAIL after $took s (qemu exit $status); last step: ${laststep:-none}; run folder $out" >&2
for f in "${show[@]}"; do
	[[ -s $out/guest/$f ]] && { echo "--- $f" >&2; tail -n 60 "$out/guest/$f" >&2; }
done
echo "--- console.log" >&2
tail -n 40 "$out/console.log" >&2 || true
exit 1
