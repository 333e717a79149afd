"""Packaging: the wheel carries what users need, and the install step is idempotent.

The fresh-machine build itself (sdist download, patch, wheel) is what CI runs first on a
clean clone, where .cache/ does not exist: `.ci/run` → `make test` → tools/install.sh.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_patch_is_the_two_documented_fixes() -> None:
    patch = (ROOT / "patches" / "pyuv-1.4.0-py311.patch").read_text()
    added = [ln for ln in patch.splitlines() if ln.startswith("+") and not ln.startswith("+++")]
    assert added == [
        '+        return PyUnicode_AsEncodedString(unicode, "utf-8", "surrogateescape");',
        "+    Py_SET_REFCNT(self, refcnt);",
    ]


def test_pyuv_is_the_patched_build_on_node_24s_libuv() -> None:
    import pyuv

    assert pyuv.__version__ == "1.4.0"
    # node v24.22.3's process.versions.uv
    assert pyuv.LIBUV_VERSION == "1.52.1"
    # The calls patches/pyuv-1.4.0-node-calls.patch adds.
    assert hasattr(pyuv.TCP, "close_reset")
    assert hasattr(pyuv.Pipe, "chmod")
    assert hasattr(pyuv.Stream, "try_write_code")
    assert hasattr(pyuv.TCP, "keepalive_ex")
    assert pyuv.UV_TCP_REUSEPORT == 2
    assert pyuv.UV_PIPE_NO_TRUNCATE == 1


def test_install_pins_both_sdists_and_node() -> None:
    script = (ROOT / "tools" / "install.sh").read_text()
    for pin in (
        "PYUV_SHA256=caea2004d1125fe17cbde3c211c8abc72844e9b8dd7dfa007711e98fbc96fbc2",
        "UVLOOP_SHA256=28d160f51ab4da3b187063652e643dea6831072add4adc1e6d62afbe73b6be27",
        "LIBUV_VERSION=1.52.1",
        "NODE_VERSION=24.22.3",
    ):
        assert pin in script, pin
    for patch in ("py311", "libuv-1.52", "node-calls"):
        assert (ROOT / "patches" / f"pyuv-1.4.0-{patch}.patch").is_file()


# What the binding must not do itself any more: libuv 1.52 has each of these calls, and our
# pyuv exposes them (the binding is one libuv call per Node binding method).
_EMULATIONS = (
    "import ctypes",
    "os.write(",
    "_os.write(",
    "socket.SO_LINGER",
    "socket.SO_REUSEPORT",
    "socket.TCP_KEEPINTVL",
    "os.chmod(",
    "_os.chmod(",
    ".shutdown(socket.SHUT_WR",
    "struct.pack(",
    "PendingQueue",
    "fd_in_use",
)


def test_the_binding_makes_libuvs_calls_not_emulations() -> None:
    binding = ROOT / "nodenet_uv" / "_binding"
    for path in sorted(binding.glob("*.py")):
        text = path.read_text()
        for needle in _EMULATIONS:
            assert needle not in text, f"{path.name} emulates a libuv call: {needle!r}"
    import inspect

    from nodenet_uv._binding import _pyuv_compat

    own = [
        name
        for name, obj in vars(_pyuv_compat).items()
        if inspect.isfunction(obj) or inspect.isclass(obj)
        if getattr(obj, "__module__", "") == _pyuv_compat.__name__
    ]
    # Only the adaptation of pyuv's Timer API (seconds) to libuv's milliseconds is left.
    assert own == ["ms_to_pyuv_seconds"]


def test_second_install_is_a_no_op() -> None:
    # The venv running this test, installed by the same interpreter: nothing to do.
    start = time.monotonic()
    subprocess.run(
        ["bash", str(ROOT / "tools" / "install.sh"), sys.prefix],
        check=True,
        cwd=ROOT,
        env={**os.environ, "PYTHON": sys.executable},
    )
    assert time.monotonic() - start < 10


@pytest.mark.timeout(180)
def test_wheel_contents(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        check=True,
    )
    (wheel,) = tmp_path.glob("nodenet_uv-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in (
        "nodenet_uv/py.typed",
        "nodenet_uv/net.py",
        "nodenet_uv/testing/trace.js",
        "nodenet_uv/testing/plugin.py",
        "nodenet_uv/_binding/tcp_wrap.py",
    ):
        assert required in names, required
    meta = next(n for n in names if n.endswith("entry_points.txt"))
    assert "nodenet_uv.testing.plugin" in zipfile.ZipFile(wheel).read(meta).decode()
