"""Port of test/parallel/test-child-process-exec-timeout-kill.js (the child is this file run
by Python; common/child_process's logAfterTime is a sleep then two prints)."""

import os
import sys
from pathlib import Path
from typing import Any

import nodenet_uv
from nodenet_uv import child_process, run
from nodenet_uv.testing import common

# The child runs this file with the worktree's nodenet_uv.
ENV = {**os.environ, "PYTHONPATH": str(Path(nodenet_uv.__file__).resolve().parents[1])}


def test_exec_timeout_kill() -> None:
    cmd = f'"{sys.executable}" "{__file__}" child'

    def cb(err: Any, stdout: str, stderr: str) -> None:
        assert err.killed is True
        assert err.code is None
        assert err.signal == "SIGKILL"
        assert err.cmd == cmd
        assert stdout.strip() == ""
        assert stderr.strip() == ""

    child_process.exec(
        cmd, {"env": ENV, "timeout": 1, "killSignal": "SIGKILL"}, common.mustCall(cb)
    )
    run()


if __name__ == "__main__" and sys.argv[1:2] == ["child"]:
    import time

    time.sleep(20)
    print("child stdout")
    print("child stderr", file=sys.stderr)
