"""Port of test/parallel/test-child-process-send-utf8.js (the child is this file run by Python)."""

import os
import sys
from pathlib import Path

import nodenet_uv
from nodenet_uv import child_process, run
from nodenet_uv.testing import common

# The child runs this file with the worktree's nodenet_uv.
ENV = {**os.environ, "PYTHONPATH": str(Path(nodenet_uv.__file__).resolve().parents[1])}

expected = "ßßßß" * int(1e5 - 1)


def test_send_utf8() -> None:
    child = child_process.fork(__file__, ["child"], {"env": ENV})

    def on_message(actual: object) -> None:
        assert actual == expected

    child.on("message", common.mustCall(on_message))
    run()


if __name__ == "__main__" and sys.argv[1:2] == ["child"]:
    from nodenet_uv import process

    process.send(expected)
    run()
