# feedd: build, install, test.
#
#   make                      release build of feedd (Swift runtime and Foundation linked in statically)
#   sudo make install         install under PREFIX (default /usr/local); DESTDIR for staging/packaging
#   make uninstall            remove what install put there (never the config in /etc/feedd)
#   make test                 the whole test suite (scripts/test.sh)
#   make demo                 the offline demo (scripts/demo.sh)
#   make check-linkage        show what the release binary still needs from the system (ldd)
#
# The release binary only needs the system's libcurl, libxml2, libsqlite3 and the C/C++ runtime, so it runs
# where no Swift toolchain is installed. `sudo make install` does not rebuild when the binary is up to date,
# so root needs no Swift on its PATH.

PREFIX     ?= /usr/local
DESTDIR    ?=
BINDIR     ?= $(PREFIX)/bin
UNITDIR    ?= $(PREFIX)/lib/systemd/system
DOCDIR     ?= $(PREFIX)/share/doc/feedd
SYSCONFDIR ?= /etc
CONFDIR    := $(SYSCONFDIR)/feedd

SWIFT        ?= swift
BUILD_PATH   ?= .build
SWIFT_FLAGS  := -c release --product feedd --static-swift-stdlib --build-path $(BUILD_PATH)
RELEASE_BIN  := $(BUILD_PATH)/release/feedd
SOURCES      := Package.swift $(shell find Sources -type f 2>/dev/null)
UNITS        := feedd.service feedd-once.service feedd-once.timer

INSTALL ?= install

.PHONY: all build install uninstall test demo check-linkage

all: build

build: $(RELEASE_BIN)

$(RELEASE_BIN): $(SOURCES)
	$(SWIFT) build $(SWIFT_FLAGS)
	@touch $@

install: $(RELEASE_BIN)
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(UNITDIR) $(DESTDIR)$(DOCDIR)
	$(INSTALL) -m 0755 $(RELEASE_BIN) $(DESTDIR)$(BINDIR)/feedd
	@# The units name /usr/local and /etc/feedd; point them at where this install puts things.
	for unit in $(UNITS); do \
		sed -e 's|/usr/local/bin/feedd|$(BINDIR)/feedd|g' \
		    -e 's|/usr/local/share/doc/feedd|$(DOCDIR)|g' \
		    -e 's|/etc/feedd/feedd.toml|$(CONFDIR)/feedd.toml|g' \
		    systemd/$$unit > $(DESTDIR)$(UNITDIR)/$$unit.tmp && \
		chmod 0644 $(DESTDIR)$(UNITDIR)/$$unit.tmp && \
		mv $(DESTDIR)$(UNITDIR)/$$unit.tmp $(DESTDIR)$(UNITDIR)/$$unit || exit 1; \
	done
	$(INSTALL) -m 0644 Config/feedd.toml $(DESTDIR)$(DOCDIR)/feedd.toml
	if [ -f README.md ]; then $(INSTALL) -m 0644 README.md $(DESTDIR)$(DOCDIR)/README.md; fi
	@# The live config is the user's: installed once, never overwritten (the copy in DOCDIR is always fresh).
	$(INSTALL) -d -m 0755 $(DESTDIR)$(CONFDIR)
	@if [ -e $(DESTDIR)$(CONFDIR)/feedd.toml ]; then \
		echo "kept $(DESTDIR)$(CONFDIR)/feedd.toml (see $(DOCDIR)/feedd.toml for new keys)"; \
	else \
		$(INSTALL) -m 0644 Config/feedd.toml $(DESTDIR)$(CONFDIR)/feedd.toml && \
		echo "installed $(DESTDIR)$(CONFDIR)/feedd.toml"; \
	fi
	@if [ -z "$(DESTDIR)" ] && [ -d /run/systemd/system ]; then systemctl daemon-reload; fi
	@echo "next: add feeds (feedd add URL -c $(CONFDIR)/feedd.toml), then: systemctl enable --now feedd"

uninstall:
	@if [ -z "$(DESTDIR)" ] && [ -d /run/systemd/system ]; then \
		systemctl disable --now feedd.service feedd-once.timer 2>/dev/null || true; fi
	rm -f $(DESTDIR)$(BINDIR)/feedd
	for unit in $(UNITS); do rm -f $(DESTDIR)$(UNITDIR)/$$unit; done
	rm -f $(DESTDIR)$(DOCDIR)/README.md $(DESTDIR)$(DOCDIR)/feedd.toml
	-rmdir $(DESTDIR)$(DOCDIR) 2>/dev/null
	@if [ -z "$(DESTDIR)" ] && [ -d /run/systemd/system ]; then systemctl daemon-reload; fi
	@echo "left $(DESTDIR)$(CONFDIR) and the state in /var/lib/feedd (remove them by hand if you want)"

test:
	scripts/test.sh

demo:
	scripts/demo.sh

# Fails if the binary still needs a Swift runtime library (libswift*, libFoundation*, libdispatch, libBlocksRuntime).
check-linkage: $(RELEASE_BIN)
	ldd $(RELEASE_BIN)
	@if ldd $(RELEASE_BIN) | grep -E 'libswift|libFoundation|lib_Foundation|libdispatch|libBlocksRuntime|not found'; then \
		echo "error: $(RELEASE_BIN) needs Swift runtime libraries" >&2; exit 1; \
	else echo "ok: only system libraries"; fi
