"""Port of test/parallel/test-child-process-fork-and-spawn.js (the child and grandchild
are this file run by Python)."""

import os
import sys
from pathlib import Path
from typing import Any

import nodenet_uv
from nodenet_uv import child_process, run
from nodenet_uv.testing import common

# The children run this file with the worktree's nodenet_uv.
ENV = {**os.environ, "PYTHONPATH": str(Path(nodenet_uv.__file__).resolve().parents[1])}


def checkExit(statusCode: Any, *args: Any) -> None:
    assert statusCode == 0


def test_fork_then_spawn() -> None:
    # Fork, then spawn. The spawned process should not hang.
    child_process.fork(__file__, ["fork"], {"env": ENV}).on("exit", common.mustCall(checkExit))
    run()


def _fork_side() -> None:
    child_process.spawn(sys.executable, [__file__, "spawn"]).on("exit", common.mustCall(checkExit))
    run()
    common.check_must_call()


if __name__ == "__main__":
    arg = sys.argv[1] if len(sys.argv) > 1 else ""
    if arg == "fork":
        _fork_side()
    elif arg != "spawn":
        raise AssertionError("unexpected argument")
