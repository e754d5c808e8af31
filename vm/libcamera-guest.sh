#!/bin/bash
# vm/libcamera-guest.sh — the libcamera test, a guest script of vm/vm.sh
# (`make test-libcamera`, vm/vm.mk): runs as root in a VM that boots
# Ubuntu 22.04's 5.15 kernel (vm/ubuntu-kernel.sh; no Debian kernel builds
# vimc) with the vimc virtual camera loaded, no systemd.
#
#   libcamera-guest.sh UDEV.deb [TEST-ARGS...]
#
# libcamera finds cameras through udev (it lists only the devices udev has
# initialised, udev_enumerate_add_match_is_initialized), and the host's
# root the guest runs on may have no udev (a container does not need one):
# UDEV.deb, Debian's udev for the host's systemd, is unpacked into the
# guest's overlay (not installed: the host is untouched) and its daemon
# started before the test. Then /vm/in/v4l2.test -test.run Libcamera
# (vm/libcamera_test.go) against /vm/in/edgecam; results as in
# vm/v4l2-guest.sh.
# shellcheck source=vm/guest-lib.sh
. "$VM_IN/guest-lib.sh"
export HOME=/tmp
udev=${1:?usage: libcamera-guest.sh UDEV.deb [TEST-ARGS...]}
shift
step "describe the guest"
{
	echo "kernel $(uname -r), $(nproc) CPUs, up $(cut -d' ' -f1 /proc/uptime) s"
	for n in /sys/class/video4linux/*; do echo "$(basename "$n"): $(cat "$n/name")"; done
} >"$VM_OUT/guest.txt"
export GST_REGISTRY=$VM_IN/gst-registry.bin GST_REGISTRY_UPDATE=no
hostname libcamera-vm
cd /tmp || fail "no /tmp"

step "udev: unpack $(basename "$udev") and start systemd-udevd"
# --keep-directory-symlink: the package has ./lib, which on a merged-/usr
# root is a link to usr/lib that must stay one.
if [[ ! -x /lib/systemd/systemd-udevd ]]; then
	dpkg-deb --fsys-tarfile "$udev" | tar -x -C / --keep-directory-symlink || fail "cannot unpack $udev"
fi
# The shell init runs this script in a chroot, where systemd's tools
# ignore requests unless told to.
export SYSTEMD_IGNORE_CHROOT=1
/lib/systemd/systemd-udevd --daemon >"$VM_OUT/udevd.log" 2>&1 || fail "systemd-udevd did not start (udevd.log)"
# Only what libcamera looks at (the whole machine takes minutes under
# emulation). Not --settle: in this chroot it waits for ever; the udev
# records of the devices (what libcamera checks) are waited for instead,
# with a generous outer bound: a slow emulator must pass.
udevadm trigger --action=add --subsystem-match=media --subsystem-match=video4linux ||
	fail "udevadm trigger (media, video4linux) failed (udevd.log)"
# initialised: every media and video4linux device has its udev record.
initialised() {
	local d
	for d in /sys/bus/media/devices/*/dev /sys/class/video4linux/*/dev; do
		[[ -e /run/udev/data/c$(cat "$d") ]] || return 1
	done
}
[[ -e /sys/bus/media/devices/media0 ]] || fail "no media device (/sys/bus/media/devices/media0): vimc is not loaded"
wait_for 600 initialised || fail "udev has not recorded every media and video4linux device 10 min after the trigger (udevd.log)"
note "udev: the media and video devices initialised"

step "go test $*"
EDGECAM_BIN=$VM_IN/edgecam EDGECAM_V4L2_OUT=$VM_OUT "$VM_IN/v4l2.test" -test.v -test.count=1 -test.timeout=20m "$@" >"$VM_OUT/test.txt" 2>&1
status=$?
# The kernel's log: an agent killed by a signal (the OOM killer) says
# nothing in its own log.
dmesg >"$VM_OUT/dmesg.txt" 2>&1
sed -n 's/^ *[a-z0-9_]*_test.go:[0-9]*: check: //p' "$VM_OUT/test.txt" >>"$VM_OUT/result"
grep -E '^(--- FAIL|FAIL|panic:)' "$VM_OUT/test.txt" | sed 's/^/FAIL: /' >>"$VM_OUT/result"
[[ $status == 0 ]] || fail "test binary exit $status (see test.txt)"
pass
