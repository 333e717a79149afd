VENV := .venv
PY := $(VENV)/bin/python

.PHONY: install demo test lint wheels bench clean

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

clean:
	rm -rf $(VENV) .cache build dist *.egg-info .mypy_cache .ruff_cache
