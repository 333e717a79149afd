"""Port of test/parallel/test-child-process-exec-kill-throws.js (the child is this
file run by Python; ChildProcess.kill is patched on the class, as Node patches
internal/child_process's prototype)."""

import os
import sys
from pathlib import Path
from typing import Any

import pytest

import nodenet_uv
from nodenet_uv import child_process, run
from nodenet_uv.testing import common

# The child runs this file with the worktree's nodenet_uv.
ENV = {**os.environ, "PYTHONPATH": str(Path(nodenet_uv.__file__).resolve().parents[1])}


def test_kill_that_throws_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    kill = child_process.ChildProcess.kill

    def patched(self: Any, *args: Any) -> Any:
        kill(self, *args)
        raise Exception("mock error")

    monkeypatch.setattr(child_process.ChildProcess, "kill", patched)
    cmd = f'"{sys.executable}" "{__file__}" child'
    options = {"maxBuffer": 0, "killSignal": "SIGKILL", "env": ENV}

    def cb(err: Any, stdout: Any, stderr: Any) -> None:
        # Verify that if ChildProcess#kill() throws, the error is reported.
        assert str(err) == "mock error"
        assert stdout == ""
        assert stderr == ""
        assert child.killed is True

    child = child_process.exec(cmd, options, common.mustCall(cb))
    run()


if __name__ == "__main__" and sys.argv[1:2] == ["child"]:
    # Since maxBuffer is 0, this should trigger an error.
    print("foo")
