"""Port of test/parallel/test-child-process-exec-std-encoding.js (the child is this file
run by Python)."""

import os
import sys
from pathlib import Path
from typing import Any

import nodenet_uv
from nodenet_uv import child_process, run
from nodenet_uv.testing import common

# The child runs this file with the worktree's nodenet_uv.
ENV = {**os.environ, "PYTHONPATH": str(Path(nodenet_uv.__file__).resolve().parents[1])}

stdoutData = "foo"
stderrData = "bar"
expectedStdout = f"{stdoutData}\n"
expectedStderr = f"{stderrData}\n"


def test_exec_std_encoding() -> None:
    def cb(stdout: Any, stderr: Any) -> None:
        assert stdout == expectedStdout
        assert stderr == expectedStderr

    child = child_process.exec(
        f'"{sys.executable}" "{__file__}" child', {"env": ENV}, common.mustSucceed(cb)
    )
    child.stdout.setEncoding("utf-8")
    child.stderr.setEncoding("utf-8")
    run()


if __name__ == "__main__" and sys.argv[1:2] == ["child"]:
    print(stdoutData)
    print(stderrData, file=sys.stderr)
