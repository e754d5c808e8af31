#!/usr/bin/env bash
# cross/test-install.sh DEB... — install each edgecam .deb into a root of
# every distribution it promises, with that distribution's own packages, and
# run it there.
#
# For every system × architecture below whose architecture one of the DEBs
# has: a copy of the system's root (a cached tarball, unpacked into a tmpfs
# that disappears with the run) gets `apt-get install ./edgecam_*.deb` in a
# chroot, so apt and dpkg check the package's Depends against the versions
# that system has; then `edgecam version` runs in the chroot (arm64 and armhf
# through qemu-user's binfmt handler). Each row of the result is installed
# and ran / failed (with apt's unmet dependency, or the error) / not tried
# (why). A failure of a promised system fails the test; the others (Ubuntu
# 20.04, the JetPack 5 base) are reported only.
#
# The roots: `mmdebstrap --variant=minbase` of the suite and its -updates,
# with the runtime the package depends on installed by name (no version):
# GLib, GStreamer and its base/good/bad plugins, systemd — what a user's
# `apt install ./edgecam.deb` would pull in, taken from that system's
# archive. They are built once into $EDGECAM_CACHE/roots (keyed by system,
# architecture, mirror and package list, like the cross sysroots) and
# reused: a warm run downloads nothing. Debian's roots are verified with
# debian-archive-keyring; Ubuntu's with the archive key of Ubuntu's own
# ubuntu-keyring package, used only after its fingerprint is checked
# (F6EC B376 2474 EDA9 D21B 7022 8719 20D1 991B C93C, the 2018 archive key).
#
# Not tried, and why (checked each run, a DNS lookup each):
#   - Raspberry Pi OS: the Raspberry Pi archive (archive.raspberrypi.com)
#     does not resolve here; Raspberry Pi OS Bookworm/Trixie are Debian
#     bookworm/trixie plus that archive (kernel, firmware, libcamera, its
#     own builds of a few libraries), so Debian's arm64/armhf roots stand for
#     its package versions.
#   - Ubuntu arm64 (JetPack 6 is Ubuntu 22.04 arm64 + NVIDIA's L4T archive):
#     Ubuntu's ports archive (ports.ubuntu.com) does not resolve here, nor
#     NVIDIA's; jammy amd64 stands for its package versions.
#
# Environment: EDGECAM_CACHE; INSTALL_SYSTEMS (e.g. "bullseye/arm64
# jammy/amd64": only those rows; default all); INSTALL_OUT (default
# dist/test/install: report.txt, one log per row). Needs root (chroot,
# mounts), mmdebstrap, arch-test, qemu-user-static, zstd, gpg.
set -euo pipefail
[[ $# -gt 0 ]] || { echo "usage: cross/test-install.sh DEB..." >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
cache=${EDGECAM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/edgecam}/roots
out=${INSTALL_OUT:-$top/dist/test/install}
[[ $(id -u) == 0 ]] || { echo "test-install: needs root (chroot, mount)" >&2; exit 1; }
for tool in mmdebstrap arch-test zstd gpg unshare chroot; do
	command -v "$tool" >/dev/null || { echo "test-install: $tool missing (make cross-deps installs it)" >&2; exit 1; }
done

# system arch... ; promised (yes/no); what it stands for.
systems=(
	"debian bullseye 11 yes amd64 arm64 armhf"
	"debian bookworm 12 yes amd64 arm64 armhf"
	"debian trixie 13 yes amd64 arm64 armhf"
	"ubuntu focal 20.04 no amd64"
	"ubuntu jammy 22.04 yes amd64"
	"ubuntu noble 24.04 yes amd64"
)
# What the package depends on, by name (its first alternatives). A package
# that asks for more still installs: apt downloads the rest, and the row
# says how many packages that took.
root_packages=(libc6 libglib2.0-0 libgstreamer1.0-0 libgstreamer-plugins-base1.0-0
	gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-plugins-bad systemd)
# Bump when the way a root is made changes.
layout=1
debian_mirror=${INSTALL_DEBIAN_MIRROR:-http://deb.debian.org/debian}
ubuntu_mirror=${INSTALL_UBUNTU_MIRROR:-http://archive.ubuntu.com/ubuntu}
debian_keyring=/usr/share/keyrings/debian-archive-keyring.gpg
ubuntu_keyring_deb=ubuntu-keyring_2023.11.28.1_all.deb
ubuntu_keyring_sha256=36de43b15853ccae0028e9a767613770c704833f82586f28eb262f0311adb8a8
ubuntu_fpr=F6ECB3762474EDA9D21B7022871920D1991BC93C

mkdir -p "$cache" "$out"
rm -f "$out"/*.log "$out/report.txt"

# ubuntu_keyring prints the path of a keyring holding only Ubuntu's 2018
# archive key, taken from Ubuntu's ubuntu-keyring package once its
# fingerprint is checked.
ubuntu_keyring() {
	local kr=$cache/keyring/ubuntu-archive-2018.gpg
	if [[ ! -s $kr ]]; then
		local tmp deb
		tmp=$(mktemp -d)
		deb=$cache/keyring/$ubuntu_keyring_deb
		mkdir -p "$cache/keyring"
		if [[ ! -s $deb ]]; then
			if ! curl -fsS --retry 3 -o "$deb.part" "$ubuntu_mirror/pool/main/u/ubuntu-keyring/$ubuntu_keyring_deb"; then
				echo "test-install: could not download $ubuntu_keyring_deb" >&2
				rm -rf "$tmp"
				return 1
			fi
			mv "$deb.part" "$deb"
		fi
		echo "$ubuntu_keyring_sha256  $deb" | sha256sum -c --quiet >&2 ||
			{ echo "test-install: $deb: SHA-256 differs from Ubuntu's Packages index" >&2; rm -rf "$tmp"; return 1; }
		dpkg-deb -x "$deb" "$tmp/x"
		GNUPGHOME=$tmp gpg -q --batch --import "$tmp/x/usr/share/keyrings/ubuntu-archive-keyring.gpg" 2>/dev/null
		if ! GNUPGHOME=$tmp gpg --batch --with-colons --list-keys "$ubuntu_fpr" 2>/dev/null | grep -q "^fpr:::::::::$ubuntu_fpr:"; then
			echo "test-install: $ubuntu_keyring_deb has no key $ubuntu_fpr: not trusting it" >&2
			rm -rf "$tmp"
			return 1
		fi
		GNUPGHOME=$tmp gpg --batch --export "$ubuntu_fpr" >"$kr.new"
		mv "$kr.new" "$kr"
		rm -rf "$tmp"
	fi
	echo "$kr"
}

# root DISTRO SUITE ARCH prints the path of the cached root tarball, making
# it first if needed (its log in $out).
root() {
	local distro=$1 suite=$2 arch=$3 mirror keyring comps key tarball extra=()
	case $distro in
	debian) mirror=$debian_mirror keyring=$debian_keyring comps=main ;;
	# Ubuntu's apt is Priority: important, not required: minbase leaves it out.
	ubuntu) mirror=$ubuntu_mirror keyring=$(ubuntu_keyring) comps="main universe" extra=(apt) ;;
	esac
	local pkgs=("${root_packages[@]}" "${extra[@]}")
	# Debian 13's 64-bit time_t transition renamed GLib to libglib2.0-0t64;
	# on 32-bit armhf (a new ABI there) it does not provide libglib2.0-0.
	if [[ $suite == trixie && $arch == armhf ]]; then pkgs=("${pkgs[@]/#libglib2.0-0/libglib2.0-0t64}"); fi
	key=$(echo "$layout $distro $suite $arch $mirror $comps ${pkgs[*]}" | sha256sum | cut -c1-12)
	tarball=$cache/$suite-$arch-$key.tar.zst
	# mmdebstrap picks the output format by the file name's ending.
	part=$cache/$suite-$arch-$key.part.tar.zst
	if [[ ! -s $tarball ]]; then
		local t0=$SECONDS
		echo "test-install: making the $suite $arch root (once, cached in $cache)" >&2
		# In a private tmpfs: a 32-bit guest under qemu-user cannot list
		# directories on the host's ext4 (readdir fails with EOVERFLOW on its
		# 64-bit hash cookies), and dpkg lists many.
		# shellcheck disable=SC2016 # the inner script's own variables
		unshare --mount --fork bash -c '
			set -e
			mkdir -p "$1"; mount -t tmpfs -o size=4g tmpfs "$1"
			TMPDIR=$1 mmdebstrap --variant=minbase --arch="$2" --keyring="$3" \
				--include="$5" --aptopt="Acquire::Retries \"3\"" \
				"$6" "$7" "deb $8 $6 $4" "deb $8 $6-updates $4"
		' make-root "$cache/tmp-$suite-$arch" "$arch" "$keyring" "$comps" \
			"$(IFS=,; echo "${pkgs[*]}")" "$suite" "$part" "$mirror" \
			>"$out/root-$suite-$arch.log" 2>&1 ||
			{ echo "test-install: making the $suite $arch root failed: $out/root-$suite-$arch.log" >&2; tail -20 "$out/root-$suite-$arch.log" >&2; return 1; }
		rmdir "$cache/tmp-$suite-$arch" 2>/dev/null || true
		mv "$part" "$tarball"
		# Older roots of this system (another key) are of no further use.
		find "$cache" -maxdepth 1 -name "$suite-$arch-*.tar.zst" ! -name "$(basename "$tarball")" -delete
		echo "test-install: $suite $arch root: $(du -h "$tarball" | cut -f1) in $((SECONDS - t0)) s" >&2
	fi
	echo "$tarball"
}

# install_in TARBALL DEB LOG — unpack the root into a private tmpfs, apt-get
# install ./DEB there, run edgecam version. Prints "installed" or
# "failed: ..."; the details go to LOG.
install_in() {
	# shellcheck disable=SC2016 # the inner script's own variables
	unshare --mount --fork bash -c '
		set -u
		r=$1 deb=$2
		mkdir -p "$r"; mount -t tmpfs -o size=4g tmpfs "$r"
		tar --zstd -xpf "$3" -C "$r" --numeric-owner || { echo "failed: the root did not unpack"; exit 0; }
		mount -t proc proc "$r/proc"
		mount --rbind /dev "$r/dev"
		mkdir -p "$r/tmp"; cp "$deb" "$r/tmp/"
		in_root() { chroot "$r" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LC_ALL=C DEBIAN_FRONTEND=noninteractive "$@"; }
		echo "== apt-get install ./$(basename "$deb")"
		if ! in_root apt-get install -y --no-install-recommends -o Acquire::Retries=3 "/tmp/$(basename "$deb")" >"$r/tmp/apt.log" 2>&1; then
			cat "$r/tmp/apt.log"
			unmet=$(sed -n "s/^ *edgecam *: *\(\(Pre\)\?Depends: .*\)$/\1/p; s/^ *\(Depends: .*\)$/\1/p" "$r/tmp/apt.log" | sed "s/  */ /g" | awk "!seen[\$0]++" | paste -sd";" -)
			echo "failed: ${unmet:-$(grep -m1 "^E:" "$r/tmp/apt.log" || tail -n1 "$r/tmp/apt.log")}" >&3
			exit 0
		fi
		cat "$r/tmp/apt.log"
		n=$(grep -c "^Setting up " "$r/tmp/apt.log" || true)
		echo "== dpkg -s edgecam"
		in_root dpkg -s edgecam | grep -E "^(Status|Version|Depends):"
		in_root dpkg -s edgecam | grep -q "^Status: install ok installed" || { echo "failed: dpkg says not installed" >&3; exit 0; }
		echo "== edgecam version"
		if ! v=$(in_root /usr/bin/edgecam version 2>&1); then
			echo "$v"
			echo "installed (+$((n - 1)) packages); failed to run: $(echo "$v" | head -1)" >&3
			exit 0
		fi
		echo "$v"
		# The version line, not the first line: a library that a GStreamer
		# plugin links may complain on stderr while the registry is scanned
		# (trixie arm64: "Error in cpuinfo", no /sys in the root).
		line=$(grep -m1 "^edgecam " <<<"$v" || true)
		[[ -n $line ]] || { echo "installed (+$((n - 1)) packages); failed: edgecam version printed no version line: $(echo "$v" | head -1)" >&3; exit 0; }
		gst=$(in_root dpkg-query -W -f="\${Version}" libgstreamer1.0-0)
		echo "installed (+$((n - 1)) packages), ran (GStreamer $gst): $line" >&3
	' install-in "$cache/run-$$" "$2" "$1" 3>&1 >"$3" 2>&1
	rmdir "$cache/run-$$" 2>/dev/null || true
}

# binfmt ARCH: the kernel runs ARCH's binaries through qemu-user (the root's
# dpkg, maintainer scripts and edgecam itself). qemu-user-static ships the
# handlers in /usr/lib/binfmt.d; where no systemd-binfmt registered them (a
# container) they are registered here, machine-wide, and left registered as
# the package would have them.
binfmt() {
	local q
	case $1 in
	amd64) return 0 ;;
	arm64) q=qemu-aarch64 ;;
	armhf) q=qemu-arm ;;
	esac
	[[ -e /proc/sys/fs/binfmt_misc/$q ]] && return 0
	[[ -e /proc/sys/fs/binfmt_misc/register ]] || mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc || return 1
	[[ -r /usr/lib/binfmt.d/$q.conf ]] || { echo "test-install: /usr/lib/binfmt.d/$q.conf missing (apt-get install qemu-user-static)" >&2; return 1; }
	echo "test-install: registering the $q binfmt handler (/usr/lib/binfmt.d/$q.conf)" >&2
	cat "/usr/lib/binfmt.d/$q.conf" >/proc/sys/fs/binfmt_misc/register
}

resolves() { getent hosts "$1" >/dev/null 2>&1; }

declare -A deb_of
for deb in "$@"; do
	[[ $(basename "$deb") =~ ^edgecam_[^_]+_([a-z0-9]+)\.deb$ ]] || { echo "test-install: $deb: not edgecam_VERSION_ARCH.deb" >&2; exit 2; }
	deb_of[${BASH_REMATCH[1]}]=$(realpath "$deb")
done

fail=0
report() { printf '%-28s %-6s %s\n' "$1" "$2" "$3" | tee -a "$out/report.txt"; }
echo "test-install: $(basename "${deb_of[amd64]:-${deb_of[arm64]:-${deb_of[armhf]:-}}}" | sed 's/_[a-z0-9]*\.deb$//') into each promised system (rows: system, arch, result)"
for s in "${systems[@]}"; do
	read -r distro suite release promised arches <<<"$s"
	for arch in $arches; do
		name="$distro $release ($suite)"
		if [[ -n ${INSTALL_SYSTEMS:-} && " $INSTALL_SYSTEMS " != *" $suite/$arch "* ]]; then continue; fi
		if [[ -z ${deb_of[$arch]:-} ]]; then
			report "$name" "$arch" "not tried: no $arch .deb given"
			continue
		fi
		t0=$SECONDS
		if ! binfmt "$arch"; then
			report "$name" "$arch" "not tried: no qemu-user binfmt handler for $arch could be registered"
			[[ $promised == yes ]] && fail=1
			continue
		fi
		if ! tarball=$(root "$distro" "$suite" "$arch"); then
			report "$name" "$arch" "not tried: its root could not be made ($out/root-$suite-$arch.log)"
			[[ $promised == yes ]] && fail=1
			continue
		fi
		result=$(install_in "$tarball" "${deb_of[$arch]}" "$out/$suite-$arch.log")
		[[ $promised == yes ]] || result="$result [not promised]"
		report "$name" "$arch" "$result ($((SECONDS - t0)) s)"
		if [[ $promised == yes && $result != installed*", ran "* ]]; then fail=1; fi
	done
done
if [[ -z ${INSTALL_SYSTEMS:-} ]]; then
	for a in arm64 armhf; do
		resolves archive.raspberrypi.com && why="reachable, but not made here" || why="archive.raspberrypi.com does not resolve; Debian bookworm/trixie $a stand for it"
		report "Raspberry Pi OS" "$a" "not tried: $why"
	done
	resolves ports.ubuntu.com && why="ports.ubuntu.com reachable, but not made here" || why="ports.ubuntu.com does not resolve; Ubuntu 22.04 amd64 stands for its versions"
	report "JetPack 6 (Ubuntu 22.04)" "arm64" "not tried: $why"
	report "JetPack 5 (Ubuntu 20.04)" "arm64" "not tried: same archive; Ubuntu 20.04 amd64 stands for it"
fi
echo "test-install: report in $out/report.txt, one log per row beside it"
exit $fail
