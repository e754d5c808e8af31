#!/bin/bash
# vm/systemd-guest.sh DEB KFAKE — systemd really managing the agent, a guest
# script of vm/vm.sh --init systemd (`make test-systemd`, vm/vm.mk): runs as
# root under systemd (PID 1). Installs the package DEB, starts KFAKE
# (vm/kfake, an in-memory Kafka) on the guest's loopback and exercises
# edgecam.service the way an admin and a failing box would: active after
# READY=1, runs as edgecam in group video, frames reach Kafka and decode,
# reload, restarted after kill -9 and after a watchdog timeout (SIGSTOP),
# stops cleanly. One line per check in /vm/out/result, the unit's journal
# in /vm/out/journal.txt.
#
# No timing checks: every limit below is an outer bound for a step on a
# slow emulator, and its failure names the step.
# shellcheck source=vm/guest-lib.sh
. "$VM_IN/guest-lib.sh"
deb=$1 kfake=$2 out=$VM_OUT
on_fail() {
	journalctl -u edgecam -u kfake --no-pager -o short-monotonic >"$out/journal.txt" 2>&1
	systemctl status edgecam --no-pager >>"$out/journal.txt" 2>&1
}
prop() { systemctl show -P "$1" edgecam; }
# running_again OLDPID RESTARTS: a new main process, active/running (so it
# sent READY=1 again), after RESTARTS restarts. One `systemctl show` call,
# so the values belong together.
running_again() {
	local ActiveState='' SubState='' MainPID='' NRestarts=''
	eval "$(systemctl show -p ActiveState -p SubState -p MainPID -p NRestarts edgecam | grep -E '^[A-Za-z]+=[A-Za-z0-9-]*$')"
	[[ $ActiveState/$SubState == active/running && $MainPID != 0 && $MainPID != "$1" && $NRestarts == "$2" ]]
}
# timed_out: the journal's line saying which of the unit's operations ran
# out of time (start-pre, start, stop-sigterm, ...), if one did.
timed_out() { journalctl -u edgecam --no-pager -o cat | grep -m1 'timed out\|Watchdog timeout' || echo "no timeout in the journal"; }

note "guest up: systemd $(systemctl --version | head -1 | cut -d' ' -f2), kernel $(uname -r)"

# 1. Install: the user, the conffile, the hint. (man-db's trigger would
# re-index every manual page of the host over 9p under emulation: minutes.)
step "install the package (dpkg -i)"
rm -f /var/lib/man-db/auto-update
DEBIAN_FRONTEND=noninteractive dpkg -i "$deb" >"$out/dpkg.txt" 2>&1 || { cat "$out/dpkg.txt"; fail "dpkg -i"; }
grep -q 'systemctl enable --now edgecam' "$out/dpkg.txt" || fail "install did not say how to enable the service"
id edgecam >/dev/null 2>&1 || fail "no user edgecam"
id -nG edgecam | grep -qw video || fail "edgecam not in group video: $(id -nG edgecam)"
[[ $(systemctl is-enabled edgecam 2>/dev/null) == disabled ]] || fail "service enabled by the install: $(systemctl is-enabled edgecam)"
dpkg-query -W -f='${Conffiles}\n' edgecam | grep -q /etc/edgecam/edgecam.yaml || fail "config is not a conffile"
note "installed $(dpkg-query -W -f='${Version}' edgecam): user edgecam ($(id -nG edgecam)), service disabled, hint printed"

# 2. A Kafka on the guest's loopback and a config for it.
step "start kfake"
systemd-run --quiet --unit=kfake "$kfake" -port 9092 -topics edgecam.video -partitions 1 || fail "kfake"
wait_for 300 bash -c 'exec 3<>/dev/tcp/127.0.0.1/9092' 2>/dev/null || fail "kfake not listening on 127.0.0.1:9092 within 300 s"
cat >/etc/edgecam/edgecam.yaml <<'CFG'
device: {id: vmtest}
kafka: {brokers: ["127.0.0.1:9092"], topic: edgecam.video}
streams:
  - name: cam0
    source: {type: test, pattern: ball}
    width: 320
    height: 240
    fps: 15
    bitrate_kbps: 300
    keyframe_interval: 1s
    encoder: auto
CFG
# Start and stop bounds for emulation: the packaged ones (120 s, 15 s) are
# sized for a real board and a slow emulator on a busy machine can exceed
# them. Outer bounds, named when hit. A shorter restart delay for time; the
# packaged watchdog (30 s, pinged every 15 s) is kept.
mkdir -p /etc/systemd/system/edgecam.service.d
printf '[Service]\nTimeoutStartSec=10min\nTimeoutStopSec=5min\nRestartSec=1s\n' >/etc/systemd/system/edgecam.service.d/vmtest.conf
systemctl daemon-reload
# GStreamer's plugin registry where the unit's GStreamer looks for it
# (XDG_CACHE_HOME=/var/cache/edgecam): without it, the agent's first start
# scans every plugin under emulation, minutes on a busy machine.
step "install the GStreamer registry"
gst_registry /var/cache/edgecam/gstreamer-1.0/registry.x86_64.bin edgecam:edgecam

# 3. Start: Type=notify, so this returns once the agent sent READY=1.
step "start edgecam.service (until READY=1, TimeoutStartSec=10min)"
s=$SECONDS
systemctl enable --now edgecam 2>"$out/enable.txt" ||
	fail "systemctl enable --now edgecam: $(cat "$out/enable.txt"); result $(prop Result); $(timed_out)"
[[ $(prop ActiveState)/$(prop SubState) == active/running ]] || fail "not active/running: $(prop ActiveState)/$(prop SubState)"
pid=$(prop MainPID)
status=$(prop StatusText)
[[ $status == *cam0* ]] || fail "status after READY=1 is '$status', want the stream's state"
note "started in $((SECONDS - s)) s: active/running, pid $pid, status '$status'"
[[ $(ps -o user= -p "$pid") == edgecam ]] || fail "runs as $(ps -o user= -p "$pid")"
grep -q "^Groups:.*\b$(getent group video | cut -d: -f3)\b" "/proc/$pid/status" || fail "not in group video: $(grep Groups "/proc/$pid/status")"
grep -q '^NoNewPrivs:[[:space:]]*1' "/proc/$pid/status" || fail "NoNewPrivs not set"
grep -q '^Seccomp:[[:space:]]*2' "/proc/$pid/status" || fail "no seccomp filter"
note "runs as edgecam, groups $(id -nG edgecam | tr ' ' ','), NoNewPrivs, seccomp filter on"

# 4. Frames reach Kafka and decode (read back with the agent's own tail).
step "read 30 frames back from Kafka (edgecam tail)"
s=$SECONDS
timeout 600 edgecam tail --config /etc/edgecam/edgecam.yaml --stream cam0 --from-start --frames 30 -o /tmp/cam0.h264 \
	>"$out/tail.txt" 2>&1 || fail "edgecam tail (exit $?, 124: not done within 600 s): $(cat "$out/tail.txt")"
frames=$(ffprobe -v error -f h264 -count_frames -select_streams v:0 -show_entries stream=nb_read_frames -of csv=p=0 /tmp/cam0.h264 2>"$out/ffprobe.txt")
[[ $frames -ge 30 && ! -s $out/ffprobe.txt ]] || fail "ffprobe decoded '$frames' frames; errors: $(cat "$out/ffprobe.txt")"
note "read back 30 frames from Kafka, ffprobe decoded $frames without error ($((SECONDS - s)) s)"

# 4b. systemctl reload (ExecReload: SIGHUP): the changed stream restarts
# inside the same process; no service restart.
step "systemctl reload edgecam"
s=$SECONDS
sed -i 's/bitrate_kbps: 300/bitrate_kbps: 400/' /etc/edgecam/edgecam.yaml
systemctl reload edgecam 2>"$out/reload.txt" || fail "systemctl reload edgecam: $(cat "$out/reload.txt")"
reloaded() { journalctl -u edgecam --no-pager _PID="$pid" | grep -q 'msg="config reloaded".*restarted=\[cam0\]'; }
wait_for 300 reloaded || fail "no 'config reloaded … restarted=[cam0]' line within 300 s of systemctl reload"
[[ $(prop MainPID) == "$pid" && $(prop NRestarts) == 0 && $(prop ActiveState)/$(prop SubState) == active/running ]] ||
	fail "after reload: pid $(prop MainPID) (was $pid), NRestarts $(prop NRestarts), $(prop ActiveState)/$(prop SubState)"
note "systemctl reload: cam0 restarted with the new bitrate in the same process (pid $pid) in $((SECONDS - s)) s"

# 5. kill -9: Restart=on-failure brings it back (and READY=1 again).
step "kill -9 the agent, wait for the restart"
s=$SECONDS
kill -9 "$pid"
wait_for 600 running_again "$pid" 1 ||
	fail "not running again within 600 s of kill -9 (state $(prop ActiveState)/$(prop SubState), restarts $(prop NRestarts)); $(timed_out)"
[[ $(prop NRestarts) == 1 ]] || fail "NRestarts $(prop NRestarts) after kill -9, want 1"
pid=$(prop MainPID)
note "kill -9: restarted and ready again in $((SECONDS - s)) s (pid $pid, NRestarts 1)"

# 6. SIGSTOP: no WATCHDOG=1 for WatchdogSec, systemd aborts and restarts it.
step "SIGSTOP the agent, wait for the watchdog restart (WatchdogSec $(prop WatchdogUSec))"
s=$SECONDS
kill -STOP "$pid"
wait_for 600 running_again "$pid" 2 ||
	fail "not restarted within 600 s of SIGSTOP (state $(prop ActiveState)/$(prop SubState), restarts $(prop NRestarts)); $(timed_out)"
[[ $(prop NRestarts) == 2 ]] || fail "NRestarts $(prop NRestarts) after the watchdog, want 2"
journalctl -u edgecam --no-pager | grep -q 'Watchdog timeout' || fail "journal does not show a watchdog timeout"
pid=$(prop MainPID)
note "SIGSTOP: watchdog timeout, restarted and ready again in $((SECONDS - s)) s (pid $pid, NRestarts 2)"

# 7. A clean stop: STOPPING=1, drain, flush, exit 0.
step "systemctl stop edgecam (TimeoutStopSec=5min)"
s=$SECONDS
systemctl stop edgecam || fail "systemctl stop"
[[ $(prop Result) == success ]] || fail "stop result $(prop Result); $(timed_out)"
journalctl -u edgecam --no-pager _PID="$pid" | grep -q 'msg=stopped ' || fail "no 'stopped' line from the agent in the journal"
note "stopped cleanly in $((SECONDS - s)) s (exit 0 after draining)"

journalctl -u edgecam --no-pager -o short-monotonic >"$out/journal.txt" 2>&1
pass
