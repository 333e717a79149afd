"""Port of test/parallel/test-child-process-stdio-inherit.js (the parent is this file run
by Python)."""

import os
import sys
from pathlib import Path
from typing import Any

import nodenet_uv
from nodenet_uv import child_process, run
from nodenet_uv.testing import common

# The child runs this file with the worktree's nodenet_uv.
ENV = {**os.environ, "PYTHONPATH": str(Path(nodenet_uv.__file__).resolve().parents[1])}


def test_grandchild_inherits_stdio() -> None:
    child = child_process.spawn(sys.executable, [__file__, "parent"], {"env": ENV})
    errs: list[bytes] = []
    child.stderr.on("data", errs.append)
    output: list[str] = []
    input = "asdfasdf"
    child.stdout.on("data", output.append)
    child.stdout.setEncoding("utf8")
    child.stdin.end(input)

    def on_close(code: Any, signal: Any) -> None:
        assert code == 0, b"".join(errs)
        assert signal is None
        assert "".join(output).strip() == input.strip()

    child.on("close", common.mustCall(on_close))
    run()


if __name__ == "__main__" and sys.argv[1:2] == ["parent"]:
    child_process.spawn("cat", [], {"stdio": "inherit"})
    run()
