# cas-logs: each target installs what is missing first (Debian with Swift).
SWIFT ?= swift
SAMPLE ?= SampleLogs/000-seed-blog-scaleup.log SampleLogs/000-seed-blog-scaledown.log

.PHONY: deps build demo test lint format release clean memory state census fuzz screenshot bench

deps:
	@if ! pkg-config --exists libpcre2-8 2>/dev/null && [ ! -f /usr/include/pcre2.h ]; then \
	  echo "installing libpcre2-dev"; \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq libpcre2-dev; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq libpcre2-dev; fi; \
	fi
	@if ! pkg-config --exists zlib 2>/dev/null && [ ! -f /usr/include/zlib.h ]; then \
	  echo "installing zlib1g-dev"; \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq zlib1g-dev; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq zlib1g-dev; fi; \
	fi

build: deps
	$(SWIFT) build

demo: deps
	$(SWIFT) build -c release
	.build/release/cas-logs report $(SAMPLE)

test: deps
	$(SWIFT) build -Xswiftc -warnings-as-errors
	$(SWIFT) test

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
bench: deps
	scripts/bench.sh
