"""Port of test/parallel/test-child-process-bad-stdio.js (the child is this file run by
Python; node:test's mock.method is pytest's monkeypatch)."""

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


@pytest.fixture(autouse=True)
def _mock_spawn(monkeypatch: pytest.MonkeyPatch) -> None:
    original = child_process.ChildProcess.spawn

    def spawn(self: Any, *args: Any, **kwargs: Any) -> Any:
        err = original(self, *args, **kwargs)
        self.stdout.destroy()
        self.stderr.destroy()
        self.stdout = None
        self.stderr = None
        return err

    monkeypatch.setattr(child_process.ChildProcess, "spawn", spawn)


def createChild(options: dict[str, Any], callback: Any) -> Any:
    cmd = f'"{sys.executable}" "{__file__}" child'
    options = {**options, "env": ENV}
    return child_process.exec(cmd, options, common.mustCall(callback))


def test_normal_execution_of_a_child_process_is_handled() -> None:
    def cb(err: Any, stdout: Any, stderr: Any) -> None:
        assert err is None
        assert stdout == ""
        assert stderr == ""

    createChild({}, common.mustCall(cb))
    run()


def test_execution_with_an_error_event_is_handled() -> None:
    error = Exception("foo")

    def cb(err: Any, stdout: Any, stderr: Any) -> None:
        assert err is error
        assert stdout == ""
        assert stderr == ""

    child = createChild({}, common.mustCall(cb))
    child.emit("error", error)
    run()


def test_execution_with_a_killed_process_is_handled() -> None:
    def cb(err: Any, stdout: Any, stderr: Any) -> None:
        assert err.killed is True
        assert stdout == ""
        assert stderr == ""

    createChild({"timeout": 1}, common.mustCall(cb))
    run()


if __name__ == "__main__" and sys.argv[1:2] == ["child"]:
    import time

    time.sleep(common.platformTimeout(1000) / 1000)
