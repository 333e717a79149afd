# PYTHON=/path/to/python3.X picks the interpreter; each one gets a venv of its own
# (.venv for the default python3, .venv-cpython-313 for PYTHON=python3.13, ...).
ifeq ($(strip $(PYTHON)),)
VENV := .venv
else
VENV := .venv-$(shell $(PYTHON) -c 'import sys; print(sys.implementation.cache_tag)')
endif
PY := $(VENV)/bin/python
LOADGEN := .cache/bench/loadgen

.PHONY: install demo test test-pure test-unit lint docs docs-install wheels bench bench-full bench-cluster bench-install soak clean

install:
	@bash tools/install.sh $(VENV)

demo: install
	$(PY) examples/demo.py

test: install
	$(PY) -m pytest -q -p no:randomly

# The whole suite on the pure-Python path (NODENET_UV_PURE=1: the C accelerator off, in
# this process and every child the tests start).
test-pure: install
	NODENET_UV_PURE=1 $(PY) -m pytest -q -p no:randomly

# The unit tests alone (CI runs them on the Python it does not run the whole suite on).
test-unit: install
	$(PY) -m pytest -q -p no:randomly tests/unit tests/test_packaging.py

lint: install
	$(VENV)/bin/ruff check nodenet_uv tests examples
	$(VENV)/bin/ruff format --check nodenet_uv tests examples
	$(VENV)/bin/mypy

# The documentation site (MkDocs + mkdocstrings, the `docs` extra) into site/. --strict:
# any warning (a broken link, an unresolved reference, a docstring mkdocstrings cannot
# render) fails the build. docs/hooks.py generates the compat report and divergence pages.
$(VENV)/.docs-installed: pyproject.toml | install
	$(PY) -m pip --disable-pip-version-check -q install -e ".[docs]"
	touch $@

docs-install: $(VENV)/.docs-installed

docs: docs-install
	NO_MKDOCS_2_WARNING=1 $(PY) -m mkdocs build --strict --site-dir site

wheels: install
	mkdir -p dist
	cp "$$(cat $(VENV)/.pyuv-wheel)" dist/
	$(PY) -m pip wheel --no-deps -w dist .
	@echo "wheels in dist/ are for $$($(PY) -c 'import sys; print(sys.implementation.name, sys.version.split()[0], sys.executable)')"

# Benchmarks (bench/, issue 8): the C load generator, uvloop + matplotlib (the `bench` extra),
# then the interleaved matrix. Results in bench/results/ (bench-full: bench/results/full/).
$(LOADGEN): bench/loadgen.c
	mkdir -p $(dir $@)
	gcc -O2 -Wall -Wextra -o $@ $<

$(VENV)/.bench-installed: pyproject.toml | install
	$(PY) -m pip --disable-pip-version-check -q install -e ".[bench]"
	touch $@

bench-install: $(LOADGEN) $(VENV)/.bench-installed

bench: bench-install
	$(PY) bench/bench.py --quick $(BENCH_ARGS)

bench-full: bench-install
	$(PY) bench/bench.py --full $(BENCH_ARGS)

# Cluster scaling (issue 16): node's and nodenet_uv's cluster with 1 and 2 workers, pp100 and
# churn, about 2 minutes; results in bench/results/cluster.md and cluster.json.
bench-cluster: bench-install
	$(PY) bench/cluster_bench.py --quick $(BENCH_ARGS)

RELIABILITY_TABLE := .cache/reliability.jsonl

# Reliability (issue 18): tests/reliability at full load (1 GiB each way, 100,000
# connections, thousands of fuzz examples), then docs/reliability.md from the run's records.
# The table is written even when a test fails (its row then names the failure); make still
# fails.
soak: install
	mkdir -p .cache && rm -f $(RELIABILITY_TABLE)
	status=0; NODENET_UV_SOAK=1 NODENET_UV_RELIABILITY_TABLE=$(abspath $(RELIABILITY_TABLE)) \
	  $(PY) -m pytest -q -p no:randomly tests/reliability --timeout=3600 || status=$$?; \
	$(PY) tools/soak_table.py $(RELIABILITY_TABLE) -o docs/reliability.md; exit $$status

clean:
	rm -rf .venv .venv-* .cache build dist site *.egg-info .mypy_cache .ruff_cache
