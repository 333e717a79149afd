"""Port of test/parallel/test-child-process-ipc-next-tick.js (the child is this file run
by Python; JS throws the number itself, Python raises an exception carrying it)."""

import os
import sys
from pathlib import Path

import nodenet_uv
from nodenet_uv import child_process, run
from nodenet_uv.testing import common

# The child runs this file with the worktree's nodenet_uv.
ENV = {**os.environ, "PYTHONPATH": str(Path(nodenet_uv.__file__).resolve().parents[1])}

NUM_MESSAGES = 10
values = list(range(NUM_MESSAGES))


def test_ipc_messages_are_emitted_on_their_own_ticks() -> None:
    child = child_process.fork(__file__, ["child"], {"env": ENV})

    def on_message(msg: object) -> None:
        assert msg == "ready"
        for value in values:
            child.send(value)

    child.on("message", common.mustCall(on_message))
    child.on("exit", common.mustCall(lambda code: _eq(code, 0)))
    run()


def _eq(a: object, b: object) -> None:
    assert a == b


def _child() -> None:
    from nodenet_uv import process

    received = [False for _ in values]

    def on_uncaught(err: BaseException) -> None:
        received[err.args[0]] = True
        if all(received):
            process.disconnect()

    process.on("uncaughtException", on_uncaught)

    def on_message(msg: int) -> None:
        # If messages are handled synchronously, throwing should break the IPC message
        # processing.
        raise Exception(msg)

    process.on("message", on_message)
    process.send("ready")
    run()
    assert all(received)


if __name__ == "__main__" and sys.argv[1:2] == ["child"]:
    _child()
