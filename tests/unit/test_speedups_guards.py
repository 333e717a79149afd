"""The C accelerator's guards against what users do to the classes it skips (a review of
nodenet_uv/_speedups.c found each of these bypassed): every script in speedups_repro/ runs
once with the accelerator and once with NODENET_UV_PURE=1, in a fresh process (some patch
classes before the first socket exists), and must print the same thing both ways.

- r1: EventEmitter.emit and Readable.push wrapped at start-up, before the C path's lazy
  configure (it must not take the wrappers for the originals);
- r2: sys.exc_info() inside an 'uncaughtException' handler for an exception a 'data'
  listener raised (Python calls the handler inside ``except``);
- r6: a ``__getattribute__`` installed on net.Socket (every attribute lookup goes through
  it in Python);
- r7: a ReadableState/WritableState field turned into a property after the first message.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent / "speedups_repro"
ROOT = Path(__file__).resolve().parents[2]


def _accelerated() -> bool:
    try:
        from nodenet_uv import _speedups  # noqa: F401
    except ImportError:
        return False
    return True


def _run(script: str, pure: bool) -> str:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("NODENET_UV_PURE", None)
    if pure:
        env["NODENET_UV_PURE"] = "1"
    out = subprocess.run(
        [sys.executable, str(HERE / script)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout.strip()
    mode, _, rest = out.partition(" ")
    assert mode == ("PURE" if pure else "C"), out
    return rest


@pytest.mark.skipif(not _accelerated(), reason="the C accelerator is off (NODENET_UV_PURE=1)")
@pytest.mark.parametrize(
    "script",
    [
        "r1_patch_before_configure.py",
        "r2_exc_info.py",
        "r6_getattribute.py",
        "r7_state_property.py",
    ],
)
def test_accelerated_and_pure_print_the_same(script: str) -> None:
    assert _run(script, pure=False) == _run(script, pure=True)
