"""Port of test/parallel/test-child-process-exec-timeout-not-expired.js (the child is this
file run by Python; common/child_process's logAfterTime is a sleep then two prints)."""

import os
import sys
from pathlib import Path
from typing import Any

import nodenet_uv
from nodenet_uv import child_process, run
from nodenet_uv.testing import common

# The child runs this file with the worktree's nodenet_uv.
ENV = {**os.environ, "PYTHONPATH": str(Path(nodenet_uv.__file__).resolve().parents[1])}

kTimeoutNotSupposedToExpire = 2**30
childRunTime = common.platformTimeout(100)


def test_timeout_not_expired() -> None:
    assert childRunTime < kTimeoutNotSupposedToExpire
    cmd = f'"{sys.executable}" "{__file__}" child'

    def cb(stdout: Any, stderr: Any) -> None:
        assert stdout.strip() == "child stdout"
        assert stderr.strip() == "child stderr"

    child_process.exec(
        cmd, {"env": ENV, "timeout": kTimeoutNotSupposedToExpire}, common.mustSucceed(cb)
    )
    run()


if __name__ == "__main__" and sys.argv[1:2] == ["child"]:
    import time

    time.sleep(childRunTime / 1000)
    print("child stdout")
    print("child stderr", file=sys.stderr)
