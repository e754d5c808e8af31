# edgecam view's browser side: hls.js, vendored into the binary, and
# playwright-core for the browser test (make test-view). Both are npm
# tarballs fetched by their pinned version and checked against a sha256
# (npm is not needed: neither has dependencies), cached in
# $(EDGECAM_CACHE)/npm, never committed.

HLSJS_VERSION := 1.7.4
HLSJS_SHA256  := e4ab3d5d13f7cca9ef241d098f39686e19fd451831ba07dc9943482fd5ff75c7
PLAYWRIGHT_VERSION := 1.56.1
PLAYWRIGHT_SHA256  := fa648e5442796d4160c68dcfc3914ed5224f147852264993e6376e29f0228238
NPM_CACHE := $(EDGECAM_CACHE)/npm
PLAYWRIGHT_DIR := $(NPM_CACHE)/playwright-core-$(PLAYWRIGHT_VERSION)

.PHONY: view-assets playwright test-view

# npm-fetch NAME VERSION SHA256: the registry's tarball into $(NPM_CACHE).
define npm-fetch
	@mkdir -p $(NPM_CACHE)
	@t=$(NPM_CACHE)/$(1)-$(2).tgz; \
	if [ ! -f $$t ] || ! echo "$(3)  $$t" | sha256sum -c --status; then \
		echo "fetching $(1) $(2) from registry.npmjs.org"; \
		curl -fsSL --retry 3 -o $$t.part https://registry.npmjs.org/$(1)/-/$(1)-$(2).tgz; \
		echo "$(3)  $$t.part" | sha256sum -c --status || { echo "$(1)-$(2).tgz: sha256 mismatch"; rm -f $$t.part; exit 1; }; \
		mv $$t.part $$t; \
	fi
endef

## view-assets: hls.js into view/static (embedded by go build)
view-assets: view/static/hls.min.js

view/static/hls.min.js: view/view.mk
	$(call npm-fetch,hls.js,$(HLSJS_VERSION),$(HLSJS_SHA256))
	tar -xzOf $(NPM_CACHE)/hls.js-$(HLSJS_VERSION).tgz package/dist/hls.min.js > $@.part
	mv $@.part $@

playwright: $(PLAYWRIGHT_DIR)/package/package.json

$(PLAYWRIGHT_DIR)/package/package.json: view/view.mk
	$(call npm-fetch,playwright-core,$(PLAYWRIGHT_VERSION),$(PLAYWRIGHT_SHA256))
	rm -rf $(PLAYWRIGHT_DIR) && mkdir -p $(PLAYWRIGHT_DIR)
	tar -xzf $(NPM_CACHE)/playwright-core-$(PLAYWRIGHT_VERSION).tgz -C $(PLAYWRIGHT_DIR)
	touch $@
