#!/usr/bin/env bash
# Prints the path of a CPython X.Y interpreter, found the way a user's machine would offer
# one: $PYTHON (if it is X.Y), then pythonX.Y on PATH (if it runs: a pyenv shim for a
# version that is not activated does not), then pyenv's installed versions.
#   tools/find-python.sh 3.13    -> ~/.pyenv/versions/3.13.0/bin/python3.13
# Exits 1 (printing nothing) when there is none.
set -euo pipefail
want=${1:?usage: find-python.sh X.Y}
is_version() {
  "$1" -c "import sys; sys.exit(0 if '%d.%d' % sys.version_info[:2] == '$want' else 1)" \
    >/dev/null 2>&1
}
if [ -n "${PYTHON:-}" ] && is_version "$PYTHON"; then
  command -v "$PYTHON"
  exit 0
fi
if command -v "python$want" >/dev/null 2>&1 && is_version "python$want"; then
  # A shim resolves to the real binary: report that one.
  "python$want" -c 'import sys; print(sys.executable)'
  exit 0
fi
if command -v pyenv >/dev/null 2>&1; then
  root=$(pyenv root)
  for candidate in $(ls -d "$root"/versions/"$want".*/bin/"python$want" 2>/dev/null | sort -V -r); do
    if is_version "$candidate"; then
      echo "$candidate"
      exit 0
    fi
  done
fi
exit 1
