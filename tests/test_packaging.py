"""Packaging: the wheel carries what users need, and the install step is idempotent.

The fresh-machine build itself (sdist download, patch, wheel) is what CI runs first on a
clean clone, where .cache/ does not exist: `.ci/run` → `make test` → tools/install.sh.
"""

from __future__ import annotations

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


def test_pyuv_is_the_patched_build() -> None:
    import pyuv

    assert pyuv.__version__ == "1.4.0"
    assert pyuv.LIBUV_VERSION.startswith("1.13.")


def test_second_install_is_a_no_op() -> None:
    start = time.monotonic()
    subprocess.run(["bash", str(ROOT / "tools" / "install.sh")], check=True, cwd=ROOT)
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
