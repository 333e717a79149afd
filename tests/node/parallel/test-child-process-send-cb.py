"""Port of test/parallel/test-child-process-send-cb.js (the child is this file run by Python)."""

import os
import sys
from pathlib import Path

import nodenet_uv
from nodenet_uv import child_process, run
from nodenet_uv.testing import common

# The child runs this file with the worktree's nodenet_uv.
ENV = {**os.environ, "PYTHONPATH": str(Path(nodenet_uv.__file__).resolve().parents[1])}


def test_send_cb() -> None:
    child = child_process.fork(__file__, ["child"], {"env": ENV})

    def on_message(message: object) -> None:
        assert message == "ok"

    def on_exit(exitCode: object, signalCode: object) -> None:
        assert exitCode == 0
        assert signalCode is None

    child.on("message", common.mustCall(on_message))
    child.on("exit", common.mustCall(on_exit))
    run()


def _child() -> None:
    from nodenet_uv import process

    called = []

    def cb(err: object) -> None:
        assert err is None
        called.append(1)

    process.send("ok", cb)
    run()
    assert called == [1]


if __name__ == "__main__" and sys.argv[1:2] == ["child"]:
    _child()
