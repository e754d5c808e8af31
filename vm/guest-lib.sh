# shellcheck shell=bash
# vm/guest-lib.sh — sourced by every guest script of vm/vm.sh, inside the
# VM: `. "$VM_IN/guest-lib.sh"`. What a guest script reports goes to
# /vm/out, which vm/vm.sh reads back:
#
#   step WHAT     what the guest starts doing now (/vm/out/steps); when the
#                 VM runs out of time, vm/vm.sh names the last step
#   note TEXT     a check passed: a line of /vm/out/result, with the time
#                 since the script started
#   fail TEXT     a check failed: "FAIL: TEXT (during STEP)" in the result,
#                 then the script's on_fail function if it has one (to save
#                 logs), then exit 1
#   pass          the last line of a passing run: PASS
#   wait_for LIMIT CONDITION...
#                 poll CONDITION every 0.5 s; status 1 when it has not held
#                 after LIMIT seconds (`wait_for 300 ready || fail "..."`,
#                 saying what did not happen). The limit is an outer bound,
#                 never a timing check: make it generous (minutes), the
#                 emulator may be slow.
#   gst_registry FILE [OWNER]
#                 install vm/vm.sh --gst-registry's registry as FILE (the
#                 path GStreamer looks for, e.g.
#                 $XDG_CACHE_HOME/gstreamer-1.0/registry.x86_64.bin), owned
#                 by OWNER, so the first GStreamer program does not scan
#                 every plugin under emulation
set -uo pipefail
: "${VM_IN:=/vm/in}" "${VM_OUT:=/vm/out}"
: >"$VM_OUT/result"
: >"$VM_OUT/steps"
vm_t0=$SECONDS
vm_step='start'

step() {
	vm_step=$*
	echo "$* (t+$((SECONDS - vm_t0))s)" >>"$VM_OUT/steps"
}

note() { echo "$* (t+$((SECONDS - vm_t0))s)" | tee -a "$VM_OUT/result"; }

fail() {
	echo "FAIL: $* (during: $vm_step)" | tee -a "$VM_OUT/result"
	declare -F on_fail >/dev/null && on_fail
	exit 1
}

pass() { echo PASS | tee -a "$VM_OUT/result"; }

wait_for() {
	local limit=$1
	shift
	local end=$((SECONDS + limit))
	until "$@"; do
		((SECONDS < end)) || return 1
		sleep 0.5
	done
}

gst_registry() {
	local file=$1 owner=${2:-}
	[[ -f $VM_IN/gst-registry.bin ]] || fail "no $VM_IN/gst-registry.bin: run vm/vm.sh with --gst-registry"
	mkdir -p "$(dirname "$file")"
	cp "$VM_IN/gst-registry.bin" "$file" || fail "cannot install the GStreamer registry as $file"
	[[ -z $owner ]] || chown -R "$owner" "$(dirname "$file")" || fail "chown $owner $(dirname "$file")"
}
