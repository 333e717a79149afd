"""Port of test/parallel/test-child-process-fork-ref2.js (the child is this file run by Python)."""

import os
import sys
from pathlib import Path

import nodenet_uv
from nodenet_uv import child_process, run
from nodenet_uv.testing import common

# The child runs this file with the worktree's nodenet_uv.
ENV = {**os.environ, "PYTHONPATH": str(Path(nodenet_uv.__file__).resolve().parents[1])}


def test_fork_ref2() -> None:
    child = child_process.fork(__file__, ["child"], {"env": ENV})
    child.on("disconnect", common.mustCall())
    child.once("exit", common.mustCall())
    run()


def _child() -> None:
    from nodenet_uv import process
    from nodenet_uv.timers import setTimeout

    process.disconnect()

    def later() -> None:
        # will this keep it alive?
        process.on("message", common.mustNotCall())

    setTimeout(later, common.platformTimeout(400))
    run()


if __name__ == "__main__" and sys.argv[1:2] == ["child"]:
    _child()
