"""Port of test/parallel/test-child-process-no-deprecation.js (the child is this file run
by Python)."""

import os
import sys
from pathlib import Path

import nodenet_uv
from nodenet_uv import child_process, run
from nodenet_uv.testing import common

# The child runs this file with the worktree's nodenet_uv.
ENV = {**os.environ, "PYTHONPATH": str(Path(nodenet_uv.__file__).resolve().parents[1])}


def test_no_deprecation_silences_deprecation_warnings() -> None:
    # spawn self as child
    child = child_process.spawn(sys.executable, [__file__, "child"], {"env": ENV})
    child.stderr.on("data", common.mustNotCall())
    child.on("exit", common.mustCall(lambda code, signal: _check(code)))
    run()


def _check(code: int) -> None:
    # Not in the Node file: the child must have run (a crash writes to stderr anyway).
    assert code == 0


if __name__ == "__main__" and sys.argv[1:2] == ["child"]:
    from nodenet_uv import process

    process.noDeprecation = True
    process.emitWarning("Something else is deprecated.", "DeprecationWarning")
    run()
