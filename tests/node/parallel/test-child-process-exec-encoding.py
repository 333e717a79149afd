"""Port of test/parallel/test-child-process-exec-encoding.js (the child is this file run by
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

stdoutData = "foo"
stderrData = "bar"


def test_exec_encodings() -> None:
    expectedStdout = f"{stdoutData}\n"
    expectedStderr = f"{stderrData}\n"

    def run_child(options: dict[str, Any], callback: Any) -> None:
        cmd = f'"{sys.executable}" "{__file__}" child'
        options = {**options, "env": ENV}
        child_process.exec(cmd, options, common.mustSucceed(callback))

    def strings(stdout: Any, stderr: Any) -> None:
        assert isinstance(stdout, str)
        assert isinstance(stderr, str)
        assert stdout == expectedStdout
        assert stderr == expectedStderr

    run_child({}, common.mustCall(strings))
    run_child({"encoding": "utf8"}, common.mustCall(strings))

    def buffers(stdout: Any, stderr: Any) -> None:
        assert isinstance(stdout, bytes)
        assert isinstance(stderr, bytes)
        assert stdout.decode() == expectedStdout
        assert stderr.decode() == expectedStderr

    for encoding in [None, "buffer", "invalid"]:
        run_child({"encoding": encoding}, common.mustCall(buffers))
    run()


if __name__ == "__main__" and sys.argv[1:2] == ["child"]:
    print(stdoutData)
    print(stderrData, file=sys.stderr)
