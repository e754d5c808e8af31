#!/bin/bash
# vm/powercut-guest.sh — the power-cut tests, a guest script of vm/vm.sh
# (`make test-powercut`, vm/vm.mk): one boot of the series, as root in the
# VM, no systemd.
#
#   powercut-guest.sh cut BOOT     boots 1..N: ends in a power cut
#   powercut-guest.sh drain BOOT   the last boot: Kafka, drain, read back
#
# Mounts the disks interval, keyframe and always (ext4, made on the first
# boot) at /mnt/POLICY and runs /vm/in/powercut.test (vm/powercut_test.go,
# built with -tags powercutvm) against /vm/in/edgecam; the earlier boots'
# run folders are shared read-only at /vm/runs. /vm/out/result gets the
# test's "check:" lines and PASS or FAIL, /vm/out/test.txt its whole output.
# shellcheck source=vm/guest-lib.sh
. "$VM_IN/guest-lib.sh"
mode=${1:?cut or drain} boot=${2:?boot number}
export HOME=/tmp
export GST_REGISTRY=$VM_IN/gst-registry.bin GST_REGISTRY_UPDATE=no
hostname powercut-vm
for p in interval keyframe always; do
	step "mount the $p disk"
	dev=/dev/disk/by-id/virtio-$p
	[[ -e $dev ]] || fail "no disk $dev"
	if ((boot == 1)); then
		mkfs.ext4 -q -F "$dev" >"$VM_OUT/mkfs-$p.txt" 2>&1 || fail "mkfs.ext4 $dev: $(tail -n 3 "$VM_OUT/mkfs-$p.txt")"
	fi
	mkdir -p "/mnt/$p"
	# data=ordered and commit=5 are ext4's defaults; named, since the
	# figures depend on them.
	mount -t ext4 -o data=ordered,commit=5 "$dev" "/mnt/$p" 2>"$VM_OUT/mount-$p.txt" ||
		fail "mount $dev: $(cat "$VM_OUT/mount-$p.txt")"
done
cd /tmp || fail "no /tmp"
case $mode in
cut) run='^TestCut$' ;;
drain) run='^TestDrain$' ;;
*) fail "mode $mode: want cut or drain" ;;
esac
step "go test $run (vm/powercut_test.go), boot $boot"
# -test.timeout: the outer bound; when it runs out, the test binary names
# the test it was in.
EDGECAM_BIN=$VM_IN/edgecam EDGECAM_PC_OUT=$VM_OUT EDGECAM_PC_RUNS=/vm/runs EDGECAM_PC_BOOT=$boot \
	"$VM_IN/powercut.test" -test.v -test.count=1 -test.run "$run" -test.timeout=20m >"$VM_OUT/test.txt" 2>&1
status=$?
# (Reached only without a cut: TestCut ends in one.)
sed -n 's/^ *powercut_test.go:[0-9]*: check: //p' "$VM_OUT/test.txt" >>"$VM_OUT/result"
grep -E '^(--- FAIL|FAIL|panic:)' "$VM_OUT/test.txt" | sed 's/^/FAIL: /' >>"$VM_OUT/result"
[[ $status == 0 ]] || fail "test binary exit $status (see test.txt)"
pass
