# vm/vm.mk — the VM tests (DESIGN.md, testing ladder step 5). Included
# by the Makefile; uses its GO, LDFLAGS, SUDO and apt-deps.
#
# Every VM test is a guest script run by the one harness, vm/vm.sh: it
# boots Debian's kernel in qemu-system-x86_64 (TCG emulation, no KVM) with
# the modules, shares and disks the test names, the host's root read-only
# under a tmpfs overlay, no network device, and reads the guest's results
# back (vm/vm.sh's header documents its options; vm/guest-lib.sh the
# helpers of guest scripts).
#
#   make test-v4l2      vm/v4l2-guest.sh with the vivid virtual camera:
#                       `edgecam probe --json` tells vivid's capture node
#                       from its output/metadata nodes, `edgecam run`
#                       streams it into Kafka (kfake) and the frames read
#                       back decode, then the camera is unbound and bound
#                       again and the stream recovers by itself
#                       (vm/v4l2_test.go). Results: dist/test/v4l2/guest/.
#
# The kernel and busybox are downloaded once (apt-get download, not
# installed) into $EDGECAM_CACHE/vm (default ~/.cache/edgecam/vm, outside
# the checkout: a fresh clone reuses them), with the modules the tests need
# and the initramfs. The guest gets a GStreamer registry made on the host
# (--gst-registry), so no GStreamer program in it scans the plugins under
# emulation. The only time limits are outer bounds that name the step they
# stopped: EDGECAM_VM_TIMEOUT (seconds, default 1200) for a whole VM run,
# generous per-step bounds inside the guests.

VM_OUT := dist/test

.PHONY: vm-deps test-v4l2

vm-deps:
	@dpkg-query -W -f='$${Status}\n' qemu-system-x86 2>/dev/null | grep -q '^install ok installed' || { \
		echo "installing: qemu-system-x86"; $(SUDO) apt-get update -qq; \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends qemu-system-x86; }

test-v4l2: apt-deps vm-deps
	@start=$$(date +%s); mkdir -p $(VM_OUT)/v4l2; \
	$(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(VM_OUT)/v4l2/edgecam ./cmd/edgecam; \
	$(GO) test -c -tags v4l2vm -o $(VM_OUT)/v4l2/v4l2.test ./vm; \
	status=0; vm/vm.sh --out $(VM_OUT)/v4l2 --module vivid --gst-registry --show test.txt \
		--input $(VM_OUT)/v4l2/edgecam --input $(VM_OUT)/v4l2/v4l2.test vm/v4l2-guest.sh || status=$$?; \
	echo "test-v4l2: make test-v4l2 took $$(($$(date +%s) - start)) s"; exit $$status
