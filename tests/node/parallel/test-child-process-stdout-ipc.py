"""Port of test/parallel/test-child-process-stdout-ipc.js (the child is this file run by
Python, its channel on fd 1)."""

import os
import sys
from pathlib import Path
from typing import Any

import nodenet_uv
from nodenet_uv import child_process, run
from nodenet_uv.testing import common

# The child runs this file with the worktree's nodenet_uv.
ENV = {**os.environ, "PYTHONPATH": str(Path(nodenet_uv.__file__).resolve().parents[1])}


def test_ipc_on_stdout() -> None:
    proc = child_process.spawn(
        sys.executable, [__file__, "child"], {"stdio": ["inherit", "ipc", "inherit"], "env": ENV}
    )
    proc.on("exit", common.mustCall(lambda code: _eq(code, 0)))
    run()


def _eq(a: Any, b: Any) -> None:
    assert a == b


if __name__ == "__main__" and sys.argv[1:2] == ["child"]:
    from nodenet_uv import process

    process.send("hahah")
    run()
