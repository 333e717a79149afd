"""Port of test/parallel/test-child-process-advanced-serialization-largebuffer.js (the
child is this file run by Python; a Uint8Array is received as bytes)."""

import os
import sys
from pathlib import Path

import nodenet_uv
from nodenet_uv import child_process, run
from nodenet_uv.testing import common

# The child runs this file with the worktree's nodenet_uv.
ENV = {**os.environ, "PYTHONPATH": str(Path(nodenet_uv.__file__).resolve().parents[1])}

eightMB = 8 * 1024 * 1024


def test_large_buffers() -> None:
    child = child_process.spawn(
        sys.executable,
        [__file__, "child"],
        {
            "stdio": ["inherit", "inherit", "inherit", "ipc"],
            "serialization": "advanced",
            "env": ENV,
        },
    )
    received: list[int] = []

    def on_message(chunk: bytes) -> None:
        assert chunk == bytes([chunk[0]]) * eightMB
        received.append(chunk[0])
        if len(received) == 4:
            assert received == [0, 1, 2, 3]

    child.on("message", common.mustCall(on_message, 4))
    run()


if __name__ == "__main__" and sys.argv[1:2] == ["child"]:
    from nodenet_uv import process

    for i in range(4):
        process.send(bytes([i]) * eightMB)
    run()
