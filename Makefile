# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
MORPH_KGC := 2.10.0

.PHONY: demo test test-all lint format bench clean system-deps assets

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,maps]'
	# Morph-KGC (the RML engine of `regiokg import`) declares pyoxigraph<0.4, pandas<3 and
	# rdflib<7.3, which pip cannot satisfy beside this project's; it runs with ours (its
	# own requirements are in pyproject.toml, the import tests exercise it), so it is
	# installed on its own, without its declared dependencies.
	$(BIN)/python -m pip install --quiet --no-deps 'morph-kgc==$(MORPH_KGC)'
	touch $(STAMP)

# Browser libraries the server ships (YASGUI, sigma.js, graphology), pinned in
# package-lock.json and installed from npm, never committed. Without npm the server still
# runs: its pages fall back to plain forms and say how to install them.
NPM_STAMP := node_modules/.regiokg-installed

$(NPM_STAMP): package.json package-lock.json
	@if command -v npm >/dev/null; then \
	  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error && touch $(NPM_STAMP) \
	  || echo "npm ci failed: the query editor and network page fall back to plain forms"; \
	else \
	  echo "npm not found: the query editor and network page fall back to plain forms"; \
	fi

assets: $(NPM_STAMP)

demo: $(STAMP) $(NPM_STAMP)
	$(BIN)/regiokg build
	$(BIN)/regiokg analyse --network organisations --measure brokerage --groups region --top 5

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

format: $(STAMP)
	$(BIN)/ruff format src tests benchmarks
	$(BIN)/ruff check --fix src tests benchmarks

# Debian packages the tests use beyond PyPI: Virtuoso is a second real SPARQL store for the
# comparison tests, Chromium and its driver run the browser tests. Without them those tests
# skip with the reason.
DEBS_NEEDED = $(strip $(if $(shell command -v virtuoso-t),,virtuoso-opensource) \
	$(if $(wildcard /usr/bin/chromium),,chromium) \
	$(if $(wildcard /usr/bin/chromedriver),,chromium-driver))

system-deps:
	@if [ -n "$(DEBS_NEEDED)" ]; then \
	  echo "installing Debian packages: $(DEBS_NEEDED)"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(DEBS_NEEDED) >/dev/null) \
	  || echo "could not install $(DEBS_NEEDED): the tests that need them will skip"; \
	fi

# npm packages of the client tests (Trifid), pinned by tests/clients/package-lock.json;
# without npm, or offline, those tests skip with the reason.
CLIENTS_STAMP := tests/clients/node_modules/.regiokg-installed

$(CLIENTS_STAMP): tests/clients/package.json tests/clients/package-lock.json
	@if command -v npm >/dev/null; then \
	  (cd tests/clients && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) \
	  && touch $(CLIENTS_STAMP) || echo "npm ci failed in tests/clients: the Trifid test will skip"; \
	else \
	  echo "npm not found: the Trifid test will skip"; \
	fi

test: lint system-deps $(NPM_STAMP) $(CLIENTS_STAMP)
	$(BIN)/python -m pytest

# Everything, the tests marked slow included (make test leaves those out).
test-all: lint system-deps $(NPM_STAMP) $(CLIENTS_STAMP)
	$(BIN)/python -m pytest -m "slow or not slow"

# The scale benchmark (100k and 1M quads, each stage beside its peer; about an hour on two
# cores) prints a markdown table and saves build/bench/scale.json; BENCH_SIZES=100k for a
# quick run, BENCH_SIZES=100k,1M,10M to add 10M (regiokg's side only at 10M).
BENCH_SIZES ?= 100k,1M

bench: $(STAMP)
	$(BIN)/python -m pytest -m slow
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/network.py
	$(BIN)/python benchmarks/ingest.py
	$(BIN)/python benchmarks/loadgen.py --clients 32 --expensive 5 --seconds 60
	$(BIN)/python benchmarks/w3c_sparql.py
	$(BIN)/python benchmarks/cordis_import.py
	$(BIN)/python benchmarks/scale.py --sizes $(BENCH_SIZES)

clean:
	rm -rf build .regiokg $(VENV) node_modules tests/clients/node_modules
