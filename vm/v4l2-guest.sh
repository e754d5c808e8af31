#!/bin/bash
# vm/v4l2-guest.sh — the real-V4L2 tests, a guest script of vm/vm.sh
# (`make test-v4l2`, vm/vm.mk): runs as root in the VM with the vivid
# virtual camera (and snd-aloop, a loopback sound card) or the v4l2loopback
# devices loaded, no systemd. Runs /vm/in/v4l2.test (vm/v4l2_test.go,
# vm/alsa_test.go and vm/loopback_test.go, built with
# -tags v4l2vm) against /vm/in/edgecam, with the script's arguments
# (-test.run or -test.skip: which tests fit the loaded drivers);
# /vm/out/result gets the test's "check:" lines and PASS or FAIL,
# /vm/out/test.txt its whole output, the other files there what the test
# read back.
# shellcheck source=vm/guest-lib.sh
. "$VM_IN/guest-lib.sh"
export HOME=/tmp
step "describe the guest"
{
	echo "kernel $(uname -r), $(nproc) CPUs, up $(cut -d' ' -f1 /proc/uptime) s"
	for n in /sys/class/video4linux/*; do echo "$(basename "$n"): $(cat "$n/name")"; done
	cat /proc/asound/cards 2>/dev/null || true
} >"$VM_OUT/guest.txt"
# The host's GStreamer plugin registry, as it is: checking it against the
# plugin files (a stat of each over 9p) costs seconds under emulation, and
# rebuilding it minutes.
export GST_REGISTRY=$VM_IN/gst-registry.bin GST_REGISTRY_UPDATE=no
# The config's device.id defaults to the host name.
hostname v4l2-vm
cd /tmp || fail "no /tmp"
# -test.timeout: the outer bound; when it runs out, the test binary names
# the test it was in. The script's arguments go to the test binary (e.g.
# -test.run TestRestartReleases: vm/vm.sh ... vm/v4l2-guest.sh ARG...).
step "go test $*"
EDGECAM_BIN=$VM_IN/edgecam EDGECAM_V4L2_OUT=$VM_OUT "$VM_IN/v4l2.test" -test.v -test.count=1 -test.timeout=15m "$@" >"$VM_OUT/test.txt" 2>&1
status=$?
# The checks' summary lines (t.Log lines starting with "check:") and the verdict.
sed -n 's/^ *[a-z0-9_]*_test.go:[0-9]*: check: //p' "$VM_OUT/test.txt" >>"$VM_OUT/result"
grep -E '^(--- FAIL|FAIL|panic:)' "$VM_OUT/test.txt" | sed 's/^/FAIL: /' >>"$VM_OUT/result"
[[ $status == 0 ]] || fail "test binary exit $status (see test.txt)"
pass
