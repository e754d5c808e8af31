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
udevadm trigger --action=add || fail "udevadm trigger"
# An outer bound for a slow emulator.
udevadm settle --timeout=600 || fail "udevadm settle: the events were not handled in 10 min"
[[ -e /run/udev/data/c$(cat /sys/class/media/media0/dev 2>/dev/null) ]] || fail "udev has no record of /dev/media0 (is vimc loaded?)"
note "udev: the media and video devices initialised"

step "go test $*"
EDGECAM_BIN=$VM_IN/edgecam EDGECAM_V4L2_OUT=$VM_OUT "$VM_IN/v4l2.test" -test.v -test.count=1 -test.timeout=20m "$@" >"$VM_OUT/test.txt" 2>&1
status=$?
sed -n 's/^ *[a-z0-9_]*_test.go:[0-9]*: check: //p' "$VM_OUT/test.txt" >>"$VM_OUT/result"
grep -E '^(--- FAIL|FAIL|panic:)' "$VM_OUT/test.txt" | sed 's/^/FAIL: /' >>"$VM_OUT/result"
[[ $status == 0 ]] || fail "test binary exit $status (see test.txt)"
pass
