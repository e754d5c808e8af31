# vm/vm.mk — the VM tests (DESIGN.md, testing ladder steps 5 and 8; the
# systemd unit). Included by the Makefile; uses its GO, LDFLAGS, SUDO and
# apt-deps, and cross/cross.mk's deb and test-systemd-unit.
#
# Every VM test is a guest script run by the one harness, vm/vm.sh: it
# boots Debian's kernel in qemu-system-x86_64 (TCG emulation, no KVM) with
# the modules, shares and disks the test names, the host's root read-only
# under a tmpfs overlay, no network device, and reads the guest's results
# back (vm/vm.sh's header documents its options; vm/guest-lib.sh the
# helpers of guest scripts).
#
#   make test-v4l2      vm/v4l2-guest.sh with the vivid virtual camera and
#                       snd-aloop (the kernel's loopback sound card):
#                       `edgecam probe --json` tells vivid's capture node
#                       from its output/metadata nodes and lists the
#                       loopback's ALSA capture devices; a tone played into
#                       the loopback is captured from its other side and
#                       decodes to its frequency (vm/alsa_test.go); `edgecam run`
#                       streams it into Kafka (kfake) and the frames read
#                       back decode, then the camera is unbound and bound
#                       again and the stream recovers by itself
#                       (vm/v4l2_test.go). Results: dist/test/v4l2/guest/.
#                       Then a second VM with two v4l2loopback devices
#                       (the module built by vm/v4l2loopback.sh from
#                       v4l2loopback-dkms against the VM kernel's headers,
#                       cached) fed by GStreamer producers in the guest, an
#                       MJPEG camera and one that encodes H.264: probe
#                       suggests format mjpeg and h264, `edgecam run`
#                       streams each (decoded and encoded; passed through),
#                       the frames decode, seq contiguous, and a killed and
#                       restarted producer (the camera unplugged) recovers
#                       by itself (vm/loopback_test.go).
#                       Results: dist/test/v4l2loopback/guest/. That VM
#                       run 400-460 s on a 2-core machine at load 20-28.
#   make test-systemd   cross/test-unit.sh (systemd-analyze verify and
#                       security of the packaged unit, the agent sends
#                       READY=1), then vm/systemd-guest.sh under systemd as
#                       PID 1: installs the amd64 .deb and runs the service
#                       against kfake (vm/kfake): READY, user and groups,
#                       frames decode, reload, restart after kill -9 and
#                       after a watchdog timeout, clean stop.
#                       Results: dist/test/systemd/guest/.
#   make test-powercut  vm/powercut-guest.sh, POWERCUT_CUTS (default 10)
#                       boots that each end in a power cut (qemu killed
#                       -9 at a random moment), then one that drains: one
#                       virtual disk per spool.fsync policy (ext4, qemu
#                       cache=none), one agent each, spool.mode always,
#                       Kafka unreachable until the last boot brings
#                       kfake; every spool opens after every cut, what was
#                       fsynced survives, the frames read back have no
#                       duplicate, keep their order, gap only at a new
#                       session, and decode (vm/powercut_test.go).
#                       Results: dist/test/powercut/boot-NN/ (figures.txt
#                       in the last one's guest/). 4.5-6 min on a busy
#                       2-core machine: boots of 17-52 s, the drain 30-90 s.
#
# The kernel and busybox are downloaded once (apt-get download, not
# installed) into $EDGECAM_CACHE/vm (default ~/.cache/edgecam/vm, outside
# the checkout: a fresh clone reuses them), with the modules the tests need
# and the initramfs. Both guests get a GStreamer registry made on the host
# (--gst-registry), so no GStreamer program scans the plugins under
# emulation. The only time limits are outer bounds that name the step they
# stopped: EDGECAM_VM_TIMEOUT (seconds, default 1200) for a whole VM run,
# generous per-step bounds inside the guests.

VM_OUT := dist/test
VM_KFAKE := $(VM_OUT)/vm/kfake

# The two loopback cameras of vm/loopback_test.go: fixed numbers, capture
# devices only while a producer feeds them (exclusive_caps), as a webcam;
# 32 buffers (the most v4l2loopback has), which its producers, writing
# with write(), use all of: a reader may fall 2 s behind at 15 fps before
# a frame it has not read yet is overwritten.
V4L2LOOPBACK_PARAMS := devices=2 video_nr=10,11 exclusive_caps=1,1 card_label=edgecam-mjpeg,edgecam-h264 max_buffers=32

.PHONY: vm-deps test-v4l2 test-libcamera test-systemd test-systemd-vm test-powercut

vm-deps:
	@dpkg-query -W -f='$${Status}\n' qemu-system-x86 2>/dev/null | grep -q '^install ok installed' || { \
		echo "installing: qemu-system-x86"; $(SUDO) apt-get update -qq; \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends qemu-system-x86; }

test-v4l2: apt-deps vm-deps view-assets
	@start=$$(date +%s); mkdir -p $(VM_OUT)/v4l2; \
	$(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(VM_OUT)/v4l2/edgecam ./cmd/edgecam; \
	$(GO) test -c -tags v4l2vm -o $(VM_OUT)/v4l2/v4l2.test ./vm; \
	status=0; vm/vm.sh --out $(VM_OUT)/v4l2 --module vivid --module snd-aloop --gst-registry --show test.txt \
		--input $(VM_OUT)/v4l2/edgecam --input $(VM_OUT)/v4l2/v4l2.test vm/v4l2-guest.sh '-test.skip=Loopback|Libcamera' || status=$$?; \
	ko=$$(vm/v4l2loopback.sh) && vm/vm.sh --out $(VM_OUT)/v4l2loopback --name v4l2loopback \
		--module-file "$$ko $(V4L2LOOPBACK_PARAMS)" --gst-registry --show test.txt \
		--input $(VM_OUT)/v4l2/edgecam --input $(VM_OUT)/v4l2/v4l2.test vm/v4l2-guest.sh -test.run=Loopback || status=$$?; \
	echo "test-v4l2: make test-v4l2 took $$(($$(date +%s) - start)) s"; exit $$status

test-systemd: test-systemd-unit test-systemd-vm

test-systemd-vm: deb vm-deps
	@start=$$(date +%s); mkdir -p $(dir $(VM_KFAKE)); \
	$(GO) build -o $(VM_KFAKE) ./vm/kfake; \
	status=0; vm/vm.sh --out $(VM_OUT)/systemd --init systemd --mem 2048 --gst-registry --show journal.txt \
		--input dist/edgecam_$(DEB_VERSION)_amd64.deb --input $(VM_KFAKE) \
		vm/systemd-guest.sh /vm/in/edgecam_$(DEB_VERSION)_amd64.deb /vm/in/kfake || status=$$?; \
	echo "test-systemd: the VM test took $$(($$(date +%s) - start)) s"; exit $$status

# libcamera for real (opt-in, not in `make test`): Ubuntu 22.04's kernel
# (vm/ubuntu-kernel.sh, signature-checked downloads) with vimc, udev
# unpacked in the guest (Debian's, the host's version: libcamera finds
# cameras through udev), then vm/libcamera_test.go: cam --list and edgecam
# probe list the vimc camera, edgecam run captures it through libcamerasrc
# into kfake, the frames decode. Results: dist/test/libcamera/guest/.
# Not passing yet (README, VM tests): probe's 10 s bound on cam --list is
# hit under emulation, and the agent goes silent after its libcamera
# stream starts. About 8 min.
test-libcamera: apt-deps vm-deps view-assets
	@start=$$(date +%s); mkdir -p $(VM_OUT)/v4l2; \
	$(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(VM_OUT)/v4l2/edgecam ./cmd/edgecam; \
	$(GO) test -c -tags v4l2vm -o $(VM_OUT)/v4l2/v4l2.test ./vm; \
	cache=$${EDGECAM_CACHE:-$${XDG_CACHE_HOME:-$$HOME/.cache}/edgecam}/vm; mkdir -p $$cache; \
	v=$$(dpkg-query -W -f='$${Version}' libudev1); udev=$$cache/udev_$${v#*:}_amd64.deb; \
	[ -f $$udev ] || (cd $$cache && apt-get download -qq udev=$$v 2>&1 | grep -v unsandboxed || true); \
	[ -f $$udev ] || { echo "test-libcamera: apt-get download udev=$$v failed"; exit 1; }; \
	kernel=$$(vm/ubuntu-kernel.sh); \
	status=0; vm/vm.sh --out $(VM_OUT)/libcamera --name libcamera --kernel "$$kernel" --module vimc \
		--gst-registry --mem 2560 --show test.txt --show dmesg.txt --input $$udev \
		--input $(VM_OUT)/v4l2/edgecam --input $(VM_OUT)/v4l2/v4l2.test \
		vm/libcamera-guest.sh /vm/in/$$(basename $$udev) -test.run=Libcamera || status=$$?; \
	echo "test-libcamera: make test-libcamera took $$(($$(date +%s) - start)) s"; exit $$status

POWERCUT_CUTS ?= 10

# One boot per cut: the disk images (dist/test/powercut/disks) outlive each
# boot; the run folders boot-NN are shared read-only with the later boots,
# which check the earlier cuts against what vm/vm.sh wrote (boot-NN/cut-at).
test-powercut: apt-deps vm-deps view-assets
	@start=$$(date +%s); d=$(VM_OUT)/powercut; rm -rf $$d; mkdir -p $$d/disks; \
	$(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $$d/edgecam ./cmd/edgecam; \
	$(GO) test -c -tags powercutvm -o $$d/powercut.test ./vm; \
	vm=(vm/vm.sh --module crc32c_generic --module ext4 --disk-cache none --gst-registry --mem 1536 \
		--disk interval:$$d/disks/interval.img:64M --disk keyframe:$$d/disks/keyframe.img:64M \
		--disk always:$$d/disks/always.img:64M --share $$d:/vm/runs:ro \
		--input $$d/edgecam --input $$d/powercut.test --show test.txt); \
	for n in $$(seq 1 $(POWERCUT_CUTS)); do \
		"$${vm[@]}" --out $$d/boot-$$(printf %02d $$n) --power-cut-on cut vm/powercut-guest.sh cut $$n; \
	done; \
	n=$$(($(POWERCUT_CUTS) + 1)); status=0; \
	"$${vm[@]}" --out $$d/boot-$$(printf %02d $$n) vm/powercut-guest.sh drain $$n || status=$$?; \
	cat $$d/boot-$$(printf %02d $$n)/guest/figures.txt 2>/dev/null || true; \
	echo "test-powercut: $(POWERCUT_CUTS) cuts and the drain took $$(($$(date +%s) - start)) s"; exit $$status
