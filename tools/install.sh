#!/usr/bin/env bash
# Installs everything nodenet_uv needs into .venv, idempotently.
#
# pyuv 1.4.0 (the only release, an sdist bundling libuv 1.13.2) does not build on
# Python 3.11 as published; we download the sdist, apply patches/pyuv-1.4.0-py311.patch
# (two one-line fixes, see DESIGN.md section 3) and build a wheel once into .cache/wheels.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
VENV=.venv
CACHE=.cache
STAMP=$VENV/.nodenet_uv-installed

if [ ! -x "$VENV/bin/python" ]; then
  "$PY" -m venv "$VENV"
fi
PIP="$VENV/bin/python -m pip --disable-pip-version-check -q"

if [ -f "$STAMP" ] && [ "$STAMP" -nt pyproject.toml ] && [ "$STAMP" -nt tools/install.sh ] \
   && [ "$STAMP" -nt patches/pyuv-1.4.0-py311.patch ]; then
  exit 0
fi

wheel=$(ls "$CACHE"/wheels/pyuv-1.4.0-*.whl 2>/dev/null | head -n1 || true)
if [ -z "$wheel" ]; then
  echo "building patched pyuv 1.4.0 wheel (once; cached in $CACHE/wheels)"
  rm -rf "$CACHE/sdist" "$CACHE/build"
  mkdir -p "$CACHE/sdist" "$CACHE/build" "$CACHE/wheels"
  $PIP download --no-deps --no-binary :all: -d "$CACHE/sdist" pyuv==1.4.0
  tar -xzf "$CACHE"/sdist/pyuv-1.4.0.tar.gz -C "$CACHE/build"
  (cd "$CACHE/build/pyuv-1.4.0" && patch -p1 --forward < ../../../patches/pyuv-1.4.0-py311.patch)
  $PIP wheel --no-deps -w "$CACHE/wheels" "$CACHE/build/pyuv-1.4.0"
  rm -rf "$CACHE/build"
  wheel=$(ls "$CACHE"/wheels/pyuv-1.4.0-*.whl | head -n1)
fi
$PIP install --force-reinstall --no-deps "$wheel"
$PIP install -e ".[dev]"
touch "$STAMP"
