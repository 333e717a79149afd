"""Port of test/parallel/test-child-process-advanced-serialization-splitted-length-field.js
(the child is this file run by Python)."""

import os
import sys
from pathlib import Path
from typing import Any

import nodenet_uv
from nodenet_uv import child_process, run
from nodenet_uv.testing import common

# The child runs this file with the worktree's nodenet_uv.
ENV = {**os.environ, "PYTHONPATH": str(Path(nodenet_uv.__file__).resolve().parents[1])}

msgLen = 65521


def test_split_length_field() -> None:
    child = child_process.spawn(
        sys.executable,
        [__file__, "child"],
        {
            "stdio": ["inherit", "inherit", "inherit", "ipc"],
            "serialization": "advanced",
            "env": ENV,
        },
    )
    child.on("message", common.mustCall(10))
    run()


def _child() -> None:
    from nodenet_uv import process

    msg = bytes(msgLen)
    cnt = [10]

    def send(*args: Any) -> None:
        if cnt[0]:
            cnt[0] -= 1
            process.send(msg, send)
        else:
            process.disconnect()

    send()
    run()


if __name__ == "__main__" and sys.argv[1:2] == ["child"]:
    _child()
