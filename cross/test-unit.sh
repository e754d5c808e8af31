#!/usr/bin/env bash
# cross/test-unit.sh DEB — check the packaged systemd unit with systemd's
# own tools, offline:
#   - `systemd-analyze verify` in a root made of the host's unit files plus
#     the package's files (it needs the ExecStart binary to exist, and
#     exits 0 on warnings, so any output at all fails the test); a copy of
#     the unit with a misspelt directive must fail it, proving the check can
#     fail;
#   - `systemd-analyze security --offline=yes`: the exposure must be at most
#     2.5 (--threshold=25); the figure is printed;
#   - the packaged agent sends READY=1: the unit is Type=notify.
# `make test-systemd` runs this, then the VM test (vm/systemd-guest.sh).
set -euo pipefail
deb=${1:?usage: cross/test-unit.sh DEB}
max=${EDGECAM_MAX_EXPOSURE:-25} # tenths, as --threshold takes it
work=$(mktemp -d "${TMPDIR:-/tmp}/edgecam-unit.XXXXXX")
trap 'rm -rf "$work"' EXIT

root=$work/root
mkdir -p "$root/usr/lib/systemd" "$root/etc/systemd/system"
cp -a /usr/lib/systemd/system "$root/usr/lib/systemd/" 2>/dev/null || cp -a /lib/systemd/system "$root/usr/lib/systemd/"
dpkg-deb -x "$deb" "$root"
unit=$root/usr/lib/systemd/system/edgecam.service
# verify also wants the unit's other commands (ExecReload=/bin/kill): the
# host's, as every Debian system has them.
for cmd in $(sed -n 's/^Exec[A-Za-z]*=[-@:+!]*\(\/[^ ]*\).*/\1/p' "$unit"); do
	[[ -e $root$cmd ]] && continue
	mkdir -p "$root$(dirname "$cmd")"
	cp -L "$cmd" "$root$cmd"
done

# Type=notify needs the agent to send READY=1: without it the start would
# only time out after TimeoutStartSec (in the VM test: minutes). Say so at
# once. (The linker drops unused code, so the message text is in the binary
# only when Run sends it.)
if ! grep -a -q 'READY=1' "$root/usr/bin/edgecam"; then
	echo "test-unit: FAIL: the packaged agent never sends READY=1 (sd_notify is not wired into agent.Run);" \
		"edgecam.service is Type=notify and would time out" >&2
	exit 1
fi

verify() { systemd-analyze verify --root="$root" "$1" 2>&1; }
out=$(verify edgecam.service) || { echo "test-unit: systemd-analyze verify failed:"$'\n'"$out" >&2; exit 1; }
[[ -z $out ]] || { echo "test-unit: systemd-analyze verify printed (warnings count as failures):"$'\n'"$out" >&2; exit 1; }

# Negative control: the same check must notice a broken unit.
cp "$unit" "$root/usr/lib/systemd/system/edgecam-broken.service"
sed -i 's/^ProtectSystem=strict/ProtectSytem=strict/' "$root/usr/lib/systemd/system/edgecam-broken.service"
bad=$(verify edgecam-broken.service || true)
[[ $bad == *ProtectSytem* ]] || { echo "test-unit: verify did not notice a misspelt directive; the check is blind: $bad" >&2; exit 1; }
rm "$root/usr/lib/systemd/system/edgecam-broken.service"

report=$(systemd-analyze security --offline=yes --threshold="$max" "$unit" 2>&1) && ok=1 || ok=0
exposure=$(sed -n 's/.*Overall exposure level for edgecam.service: \([0-9.]*\).*/\1/p' <<<"$report")
if [[ $ok != 1 || -z $exposure ]]; then
	echo "$report" >&2
	echo "test-unit: systemd-analyze security: exposure ${exposure:-?} above $((max / 10)).$((max % 10))" >&2
	exit 1
fi
echo "test-unit: systemd-analyze verify clean; security exposure $exposure (limit $((max / 10)).$((max % 10))); not hardened:"
grep '✗' <<<"$report" | sed 's/  */ /g; s/^/  /' | cut -c1-110
