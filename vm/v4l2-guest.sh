#!/bin/bash
# vm/v4l2-guest.sh DIR OUT — runs inside the VM of vm/v4l2.sh, as root in a
# chroot of the host's root (read-only) with vivid loaded; DIR is the
# read-only share of inputs, OUT the results share. Runs DIR/v4l2.test against DIR/edgecam and
# writes OUT/result: one line per check, then PASS or FAIL; OUT/test.txt
# has the test's whole output.
set -uo pipefail
dir=$1 out=$2
export HOME=/tmp PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
: >"$out/result"
{
	echo "kernel $(uname -r), $(nproc) CPUs, up $(cut -d' ' -f1 /proc/uptime) s"
	for n in /sys/class/video4linux/*; do echo "$(basename "$n"): $(cat "$n/name")"; done
} >"$out/guest.txt"
# The host's GStreamer plugin registry, as it is: checking it against the
# plugin files (a stat of each over 9p) takes 15 s under emulation, and
# rebuilding it a minute.
if [[ -f $dir/registry.bin ]]; then
	mkdir -p /tmp/.cache/gstreamer-1.0
	cp "$dir/registry.bin" /tmp/.cache/gstreamer-1.0/registry.x86_64.bin
	export GST_REGISTRY_UPDATE=no
fi
# The config's device.id defaults to the host name.
hostname v4l2-vm
cd /tmp || exit 1
EDGECAM_BIN=$dir/edgecam EDGECAM_V4L2_OUT=$out "$dir/v4l2.test" -test.v -test.count=1 -test.timeout=200s >"$out/test.txt" 2>&1
status=$?
# The checks' summary lines (t.Log lines starting with "check:") and the verdict.
sed -n 's/^ *v4l2_test.go:[0-9]*: check: //p' "$out/test.txt" >>"$out/result"
grep -E '^(--- FAIL|FAIL|panic:)' "$out/test.txt" | sed 's/^/FAIL: /' >>"$out/result"
if [[ $status == 0 ]]; then echo PASS >>"$out/result"; else echo "FAIL: test binary exit $status" >>"$out/result"; fi
