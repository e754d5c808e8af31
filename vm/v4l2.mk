# vm/v4l2.mk — real V4L2 tests (DESIGN.md, testing ladder step 5). Included
# by the Makefile; uses its GO, LDFLAGS, SUDO and apt-deps.
#
#   make test-v4l2   a qemu VM (TCG, no KVM) boots Debian's kernel with the
#                    vivid virtual camera; inside it: `edgecam probe --json`
#                    tells vivid's capture node from its output/metadata
#                    nodes, `edgecam run` streams it into Kafka (kfake) and
#                    the frames read back decode, then the camera is unbound
#                    and bound again and the stream recovers by itself.
#
# The kernel and busybox are downloaded once (apt-get download, not
# installed) into $EDGECAM_CACHE/v4l2 (default ~/.cache/edgecam/v4l2; the
# copy cross/test-vm.sh fetched into $EDGECAM_CACHE/vm is reused), and the
# initramfs is built once (about 15 s). Measured on a loaded 2-core machine:
# about 55 s in all, 48 s of them the VM (boot ~7 s, probe ~3 s, capture,
# unplug and replug). Results and logs: dist/test/v4l2/guest/.

V4L2_OUT := dist/test/v4l2

.PHONY: test-v4l2 v4l2-deps

v4l2-deps:
	@dpkg-query -W -f='$${Status}\n' qemu-system-x86 2>/dev/null | grep -q '^install ok installed' || { \
		echo "installing: qemu-system-x86"; $(SUDO) apt-get update -qq; \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends qemu-system-x86; }

test-v4l2: apt-deps v4l2-deps
	@start=$$(date +%s); mkdir -p $(V4L2_OUT); \
	$(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(V4L2_OUT)/edgecam ./cmd/edgecam; \
	$(GO) test -c -tags v4l2vm -o $(V4L2_OUT)/v4l2.test ./vm; \
	status=0; vm/v4l2.sh $(V4L2_OUT) || status=$$?; \
	echo "test-v4l2: make test-v4l2 took $$(($$(date +%s) - start)) s"; exit $$status
