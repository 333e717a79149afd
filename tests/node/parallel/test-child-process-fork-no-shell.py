"""Port of test/parallel/test-child-process-fork-no-shell.js (the child is this file run by
Python)."""

import os
import sys
from pathlib import Path
from typing import Any

import nodenet_uv
from nodenet_uv import child_process, run
from nodenet_uv.testing import common

# The child runs this file with the worktree's nodenet_uv.
ENV = {**os.environ, "PYTHONPATH": str(Path(nodenet_uv.__file__).resolve().parents[1])}

expected = "$foo"


def test_fork_ignores_shell() -> None:
    child = child_process.fork(__file__, [expected], {"shell": True, "env": {**ENV, "foo": "bar"}})

    def on_exit(code: Any, signal: Any) -> None:
        assert code == 0
        assert signal is None

    child.on("exit", common.mustCall(on_exit))
    run()


if __name__ == "__main__" and len(sys.argv) > 1:
    assert sys.argv[1] == expected
