VENV := .venv
PY := $(VENV)/bin/python
LOADGEN := .cache/bench/loadgen

.PHONY: install demo test lint wheels bench bench-full bench-install clean

install:
	@bash tools/install.sh

demo: install
	$(PY) examples/demo.py

test: install
	$(PY) -m pytest -q -p no:randomly

lint: install
	$(VENV)/bin/ruff check nodenet_uv tests examples
	$(VENV)/bin/ruff format --check nodenet_uv tests examples
	$(VENV)/bin/mypy

wheels: install
	mkdir -p dist
	cp .cache/wheels/pyuv-1.4.0-*.whl dist/
	$(PY) -m pip wheel --no-deps -w dist .

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

clean:
	rm -rf $(VENV) .cache build dist *.egg-info .mypy_cache .ruff_cache
