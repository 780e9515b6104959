# cas-logs: each target installs what is missing first (Debian with Swift).
SWIFT ?= swift
SAMPLE ?= SampleLogs/000-seed-blog-scaleup.log SampleLogs/000-seed-blog-scaledown.log

.PHONY: deps build demo test lint format release clean memory state census fuzz screenshot bench
.PHONY: bench-deps bench-stages bench-kinds bench-instructions
.PHONY: dist dist-check install excerpts browser-deps

# Installs the Debian package $(1) (apt-get, through sudo unless run as root).
apt_install = if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq $(1); \
  else sudo apt-get update -qq && sudo apt-get install -y -qq $(1); fi

deps:
	@if ! pkg-config --exists libpcre2-8 2>/dev/null && [ ! -f /usr/include/pcre2.h ]; then \
	  echo "installing libpcre2-dev"; $(call apt_install,libpcre2-dev); \
	fi
	@# python3 writes the man page of `make dist`.
	@if ! command -v python3 >/dev/null 2>&1; then \
	  echo "installing python3"; $(call apt_install,python3); \
	fi
	@# zlib1g-dev: zlib's headers (the CZlib target) and libz.a (the static link of `make dist`).
	@if [ ! -f /usr/include/zlib.h ]; then \
	  echo "installing zlib1g-dev"; $(call apt_install,zlib1g-dev); \
	fi

# Chromium for the browser tests (HTMLBrowserTests), best effort: without it they are skipped (and say so).
browser-deps:
	@if ! command -v chromium >/dev/null 2>&1; then \
	  echo "installing chromium"; \
	  ( $(call apt_install,chromium) ) || echo "chromium could not be installed: the browser tests will be skipped"; \
	fi

build: deps
	$(SWIFT) build

demo: deps
	$(SWIFT) build -c release
	.build/release/cas-logs report $(SAMPLE)

# The lint first, then one build with warnings as errors that every test runs on.
test: deps
	@$(MAKE) --no-print-directory lint
	$(SWIFT) test -Xswiftc -warnings-as-errors

lint:
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests

format:
	$(SWIFT) format --in-place --recursive Package.swift Sources Tests

release: deps
	$(SWIFT) build -c release

clean:
	rm -rf .build

# Peak memory on the samples repeated to 20, 100 and 300 MB (see scripts/measure-memory.sh).
memory: deps
	scripts/measure-memory.sh

# Peak memory on hostile cardinality, order and name sizes (see scripts/measure-state.sh).
state: deps
	scripts/measure-state.sh

# Every command over hostile variants of every catalogue example (see scripts/hostile-census.py).
census: release
	python3 scripts/hostile-census.py .build/release/cas-logs

# Fuzz the whole pipeline and the assert expression parser with libFuzzer for SECONDS seconds.
# The mutator is structure-aware (Sources/cas-logs-fuzz/StructuredMutator.swift): three times in
# four it rewrites numbers, durations, names, envelopes and headers, otherwise libFuzzer mutates
# bytes. Seeds: the samples, every catalogue example and the hostile reproducers (Tests/Fuzz/corpus,
# regenerate the catalogue files with `swift run cas-logs-fuzz --write-catalogue Tests/Fuzz/corpus`,
# and Tests/LogParseTests/Fixtures/hostile). Crash reproducers land in .build-fuzz/artifacts;
# replay one with `swift run cas-logs-fuzz FILE` (`--mutate N FILE` adds N structured mutations).
SECONDS ?= 60
fuzz: deps
	$(SWIFT) build --scratch-path .build-fuzz --product cas-logs-fuzz \
	  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DCASLOGS_FUZZING
	mkdir -p .build-fuzz/corpus .build-fuzz/artifacts
	cp SampleLogs/*.log Tests/Fuzz/corpus/*.log Tests/LogParseTests/Fixtures/hostile/*.log .build-fuzz/corpus/
	.build-fuzz/debug/cas-logs-fuzz -max_total_time=$(SECONDS) -max_len=16384 -timeout=10 \
	  -artifact_prefix=.build-fuzz/artifacts/ .build-fuzz/corpus

# The HTML report of the blog post's logs, rendered by headless Chromium to docs/report.png.
screenshot: deps
	$(SWIFT) build
	mkdir -p docs
	.build/debug/cas-logs report --format html --output .build/blog-report.html $(SAMPLE)
	chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,820 \
	  --screenshot=docs/report.png "file://$(CURDIR)/.build/blog-report.html"

# The benchmark (release build, generated 100 MB and 1 GB logs in bench-data/); see BENCHMARKS.md.
# ripgrep and valgrind give its rg rows and instructions per line; `make bench-deps` installs them.
# SIZES=20MB is the quick run that prints every row.
SIZES ?=
bench: deps bench-deps
	scripts/bench.sh $(SIZES)

# Per-stage instruction shares under callgrind on the generated 2 MB and 4 MB logs (a few minutes).
bench-stages: deps bench-deps
	scripts/bench-stages.sh

# Instructions per line only (deterministic hashing), the figure the Progress tables compare by commit.
bench-instructions: deps bench-deps
	BENCH_INSTRUCTIONS_ONLY=1 scripts/bench.sh

bench-kinds: deps bench-deps
	scripts/bench-kinds.sh --mix utilization-heavy

bench-deps:
	@for tool in rg:ripgrep valgrind:valgrind gzip:gzip; do \
	  if ! command -v $${tool%%:*} >/dev/null 2>&1; then \
	    echo "installing $${tool#*:}"; \
	    $(call apt_install,$${tool#*:}); \
	  fi; \
	done

# A release binary that needs no Swift toolchain: the Swift runtime, Foundation, PCRE2 and zlib
# (libpcre2-8.a, libz.a) and the C library are linked in (-static-executable), so it runs on any
# x86_64/arm64 Linux. DIST holds it with its man page (from the parser's own help, see
# scripts/man-page.py) and bash/zsh/fish completions, as the tree `make install` copies, and a tarball.
PREFIX ?= /usr/local
DIST ?= .build-dist
VERSION := $(shell sed -n 's/.*current = "\(.*\)".*/\1/p' Sources/LogParse/Support/CasLogsVersion.swift)
ARCH := $(shell uname -m)
DIST_NAME := cas-logs-$(VERSION)-linux-$(ARCH)
DIST_TREE := $(DIST)/$(DIST_NAME)
STATIC_FLAGS := -c release --product cas-logs --scratch-path $(DIST) --static-swift-stdlib -Xswiftc -static-executable

dist: deps
	$(SWIFT) build $(STATIC_FLAGS)
	rm -rf $(DIST_TREE)
	mkdir -p $(DIST_TREE)/bin $(DIST_TREE)/share/man/man1 $(DIST_TREE)/share/bash-completion/completions \
	  $(DIST_TREE)/share/zsh/site-functions $(DIST_TREE)/share/fish/vendor_completions.d
	cp "$$($(SWIFT) build $(STATIC_FLAGS) --show-bin-path)/cas-logs" $(DIST_TREE)/bin/cas-logs
	strip $(DIST_TREE)/bin/cas-logs
	ln -s cas-logs $(DIST_TREE)/bin/kubectl-cas_logs
	python3 scripts/man-page.py $(DIST_TREE)/bin/cas-logs > $(DIST_TREE)/share/man/man1/cas-logs.1
	$(DIST_TREE)/bin/cas-logs --generate-completion-script bash > $(DIST_TREE)/share/bash-completion/completions/cas-logs
	$(DIST_TREE)/bin/cas-logs --generate-completion-script zsh > $(DIST_TREE)/share/zsh/site-functions/_cas-logs
	$(DIST_TREE)/bin/cas-logs --generate-completion-script fish > $(DIST_TREE)/share/fish/vendor_completions.d/cas-logs.fish
	tar -C $(DIST) -czf $(DIST)/$(DIST_NAME).tar.gz $(DIST_NAME)
	@echo "$(DIST)/$(DIST_NAME).tar.gz"

# Installs the tree of `make dist` under $(DESTDIR)$(PREFIX): bin/cas-logs, bin/kubectl-cas_logs
# (so that `kubectl cas-logs …` runs it as a kubectl plugin), the man page and the completions.
install: dist
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
	  $(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/site-functions \
	  $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	install -m 755 $(DIST_TREE)/bin/cas-logs $(DESTDIR)$(PREFIX)/bin/cas-logs
	ln -sf cas-logs $(DESTDIR)$(PREFIX)/bin/kubectl-cas_logs
	install -m 644 $(DIST_TREE)/share/man/man1/cas-logs.1 $(DESTDIR)$(PREFIX)/share/man/man1/cas-logs.1
	install -m 644 $(DIST_TREE)/share/bash-completion/completions/cas-logs \
	  $(DESTDIR)$(PREFIX)/share/bash-completion/completions/cas-logs
	install -m 644 $(DIST_TREE)/share/zsh/site-functions/_cas-logs $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_cas-logs
	install -m 644 $(DIST_TREE)/share/fish/vendor_completions.d/cas-logs.fish \
	  $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/cas-logs.fish

# The static binary runs with no Swift toolchain on its library path, the tarball holds what it should,
# and `make install` into a temporary prefix gives a working man page, completions and kubectl plugin
# (see scripts/dist-check.sh).
dist-check: dist
	scripts/dist-check.sh $(DIST_TREE) $(DIST)/$(DIST_NAME).tar.gz

# The facts read right on eval/excerpts, real excerpts kept out of the tests (see its INDEX.md):
# the score of a build on logs its mechanisms were not fitted to, filed by the mechanism each needs.
excerpts: deps
	$(SWIFT) build
	python3 eval/excerpts/check/run_checks.py .build/debug/cas-logs
