# Convenience targets; each calls a script that installs what it needs.
# `make install` (as root) puts the binary, the systemd units, an example config, the man page,
# shell completions and the docs in the standard places. DESTDIR and PREFIX work as usual.
.PHONY: run test bench build install uninstall man completions

PREFIX ?= /usr/local
SYSCONFDIR ?= /etc
UNITDIR ?= $(SYSCONFDIR)/systemd/system
BIN = .build/release/civicwatch

run:
	./scripts/run.sh

test:
	./scripts/test.sh

build:
	bash -c 'source scripts/setup.sh && scripts/release-build.sh'

bench:
	./bench/run.sh

# The man page comes from swift-argument-parser's generate-manual plugin and is kept in
# docs/man/civicwatch.1 (regenerate with `make man` after changing a command; the plugin builds its
# own copy of the tool, so it gets its own scratch folder). Completions come from the binary itself.
man:
	mkdir -p docs/man
	bash -c 'source scripts/setup.sh && swift package --scratch-path .build/man-tool --allow-writing-to-directory docs/man generate-manual --output-directory docs/man'

completions: build
	mkdir -p .build/completions
	$(BIN) --generate-completion-script bash > .build/completions/civicwatch.bash
	$(BIN) --generate-completion-script zsh > .build/completions/_civicwatch
	$(BIN) --generate-completion-script fish > .build/completions/civicwatch.fish

install: build completions
	install -D -m 0755 $(BIN) $(DESTDIR)$(PREFIX)/bin/civicwatch
	install -d $(DESTDIR)$(UNITDIR)
	sed 's|/usr/bin/env civicwatch|$(PREFIX)/bin/civicwatch|' systemd/civicwatch.service > $(DESTDIR)$(UNITDIR)/civicwatch.service
	install -m 0644 systemd/civicwatch.timer $(DESTDIR)$(UNITDIR)/civicwatch.timer
	chmod 0644 $(DESTDIR)$(UNITDIR)/civicwatch.service
	# An existing configuration is never overwritten.
	[ -e $(DESTDIR)$(SYSCONFDIR)/civicwatch/feeds.yml ] || install -D -m 0644 feeds.yml $(DESTDIR)$(SYSCONFDIR)/civicwatch/feeds.yml
	install -D -m 0644 .build/completions/civicwatch.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/civicwatch
	install -D -m 0644 .build/completions/_civicwatch $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_civicwatch
	install -D -m 0644 .build/completions/civicwatch.fish $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/civicwatch.fish
	install -D -m 0644 docs/man/civicwatch.1 $(DESTDIR)$(PREFIX)/share/man/man1/civicwatch.1
	install -d $(DESTDIR)$(PREFIX)/share/doc/civicwatch
	install -m 0644 README.md docs/*.md $(DESTDIR)$(PREFIX)/share/doc/civicwatch/
	@echo "installed; now: systemctl daemon-reload && systemctl enable --now civicwatch.timer"

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/civicwatch $(DESTDIR)$(UNITDIR)/civicwatch.service $(DESTDIR)$(UNITDIR)/civicwatch.timer
	rm -f $(DESTDIR)$(PREFIX)/share/bash-completion/completions/civicwatch $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_civicwatch
	rm -f $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/civicwatch.fish $(DESTDIR)$(PREFIX)/share/man/man1/civicwatch.1
	rm -rf $(DESTDIR)$(PREFIX)/share/doc/civicwatch
	@echo "left in place: $(SYSCONFDIR)/civicwatch (your config) and /var/lib/civicwatch (state)"
