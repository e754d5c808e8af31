#!/usr/bin/env bash
# vm/ubuntu-kernel.sh — fetches Ubuntu 22.04's newest 5.15 generic kernel
# for vm/vm.sh --kernel (`make test-libcamera`, vm/vm.mk) and prints what
# --kernel takes: VERSION:IMAGE.deb,MODULES.deb,MODULES-EXTRA.deb.
#
#   vm/ubuntu-kernel.sh
#
# Why Ubuntu's: no Debian kernel builds vimc, the virtual camera with a
# media controller graph that libcamera has a pipeline handler for; Ubuntu
# builds it (vimc.ko, in linux-modules-extra). Nothing is installed: the
# packages are downloaded once into $EDGECAM_CACHE/vm/ubuntu (default
# ~/.cache/edgecam/vm/ubuntu) and only read.
#
# Trust: the archive's InRelease files are checked with gpgv against one
# key, Ubuntu's archive signing key 2018, taken from Ubuntu's
# ubuntu-keyring package and accepted only when its fingerprint is the one
# written below (ubuntu-keyring's own hash is then checked against the
# signed Packages too); every other download is checked against the
# SHA256 the signed files give. Any mismatch stops with the file named.
set -euo pipefail
cacheroot=${EDGECAM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/edgecam}
cache=$cacheroot/vm/ubuntu
mirror=${EDGECAM_UBUNTU_MIRROR:-http://archive.ubuntu.com/ubuntu}
# Ubuntu Archive Automatic Signing Key (2018) <ftpmaster@ubuntu.com>.
fingerprint=F6ECB3762474EDA9D21B7022871920D1991BC93C
say() { echo "ubuntu-kernel: $*" >&2; }
die() { say "$*"; exit 1; }
mkdir -p "$cache"
{ command -v gpgv && command -v gpg; } >/dev/null || die "needs gpg and gpgv (apt-get install gpg gpgv)"

# fetch URL FILE: download once (the lists every run: they change).
fetch() {
	[[ -s $2 && $2 == *.deb ]] && return
	curl -sSfL --retry 3 -o "$2.tmp" "$1" || die "cannot download $1"
	mv "$2.tmp" "$2"
}
# sha256_is FILE SUM
sha256_is() {
	[[ $(sha256sum "$1" | cut -d' ' -f1) == "$2" ]] || { rm -f "$1"; die "$1: SHA256 is not $2 (the signed index's); removed"; }
}

# The trust anchor: the key with $fingerprint, alone in a keyring of ours.
key=$cache/archive-key-$fingerprint.gpg
if [[ ! -s $key ]]; then
	kr=$cache/ubuntu-keyring_2021.03.26_all.deb
	fetch "$mirror/pool/main/u/ubuntu-keyring/ubuntu-keyring_2021.03.26_all.deb" "$kr"
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT
	dpkg-deb -x "$kr" "$tmp/x"
	export GNUPGHOME=$tmp/gnupg
	mkdir -m 0700 "$GNUPGHOME"
	gpg -q --import "$tmp/x/usr/share/keyrings/ubuntu-archive-keyring.gpg" 2>/dev/null || die "cannot read the keyring of $kr"
	gpg --with-colons --fingerprint | grep -qx "fpr:::::::::$fingerprint:" ||
		die "$kr has no key with fingerprint $fingerprint"
	gpg -q --export "$fingerprint" >"$key.tmp" && mv "$key.tmp" "$key"
	rm -rf "$tmp" && trap - EXIT
	say "Ubuntu archive key $fingerprint taken from $(basename "$kr")"
fi

# suite SUITE: the signed Packages of SUITE's main for amd64, on stdout.
packages() {
	local r=$cache/$1.InRelease p=$cache/$1.Packages.xz sum
	fetch "$mirror/dists/$1/InRelease" "$r"
	gpgv --keyring "$key" "$r" 2>"$r.gpgv" || { cat "$r.gpgv" >&2; die "$mirror/dists/$1/InRelease: not signed by $fingerprint"; }
	sum=$(awk '/^SHA256:/{s=1;next} /^[^ ]/{s=0} s && $3=="main/binary-amd64/Packages.xz"{print $1}' "$r")
	[[ -n $sum ]] || die "$1 InRelease lists no main/binary-amd64/Packages.xz"
	fetch "$mirror/dists/$1/main/binary-amd64/Packages.xz" "$p"
	sha256_is "$p" "$sum"
	xz -dc "$p"
}
index=$cache/packages.txt
{ packages jammy-updates && packages jammy-security && packages jammy; } >"$index.tmp"
mv "$index.tmp" "$index"
# (ubuntu-keyring too: the same bytes the signed index names.)
kr=$cache/ubuntu-keyring_2021.03.26_all.deb
if [[ -f $kr ]]; then
	sha256_is "$kr" "$(awk '/^Package: ubuntu-keyring$/{p=1} p&&/^SHA256:/{print $2;exit}' "$index")"
fi

# field PACKAGE FIELD: FIELD of the newest PACKAGE in the index.
field() {
	awk -v pkg="$1" -v f="$2" '
		/^Package: /{p=($2==pkg); v=""}
		p&&/^Version: /{v=$2}
		p&&$1==f":"{print v" "$2}' "$index" | sort -V | tail -1 | cut -d' ' -f2
}
# The newest linux-image-5.15.0-N-generic.
abi=$(grep -o '^Package: linux-image-5\.15\.0-[0-9]*-generic$' "$index" | sed 's/.*5\.15\.0-\([0-9]*\)-generic/\1/' | sort -n | tail -1)
[[ -n $abi ]] || die "no linux-image-5.15.0-*-generic in jammy"
kver=5.15.0-$abi-generic
debs=()
for p in "linux-image-unsigned-$kver" "linux-modules-$kver" "linux-modules-extra-$kver"; do
	fn=$(field "$p" Filename)
	sum=$(field "$p" SHA256)
	[[ -n $fn && -n $sum ]] || die "$p is not in jammy's index"
	f=$cache/$(basename "$fn")
	if [[ ! -s $f ]]; then
		say "downloading $p (once, into $cache)"
		fetch "$mirror/$fn" "$f"
	fi
	sha256_is "$f" "$sum"
	debs+=("$f")
done
(
	IFS=,
	echo "$kver:${debs[*]}"
)
