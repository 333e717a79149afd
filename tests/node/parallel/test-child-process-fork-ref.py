"""Port of test/parallel/test-child-process-fork-ref.js (the child is this file run by Python)."""

import os
import sys
from pathlib import Path
from typing import Any

import nodenet_uv
from nodenet_uv import child_process, run
from nodenet_uv.testing import common

# The child runs this file with the worktree's nodenet_uv.
ENV = {**os.environ, "PYTHONPATH": str(Path(nodenet_uv.__file__).resolve().parents[1])}


def test_fork_ref() -> None:
    child = child_process.fork(__file__, ["child"], {"silent": True, "env": ENV})
    ipc: list[Any] = []
    stdout: list[str] = []

    def on_message(msg: Any) -> None:
        ipc.append(msg)
        if msg == "2":
            child.disconnect()

    child.on("message", on_message)
    child.stdout.on("data", lambda chunk: stdout.append(chunk.decode()))

    def on_exit(*args: Any) -> None:
        assert ipc == ["1", "2"]
        assert "".join(stdout) == "3"

    child.once("exit", common.mustCall(on_exit))
    run()


def _child() -> None:
    from nodenet_uv import process
    from nodenet_uv.timers import setTimeout

    process.send("1")
    # Check that child don't instantly die
    setTimeout(lambda: process.send("2"), 200)
    process.on("disconnect", lambda: (sys.stdout.write("3"), sys.stdout.flush()))
    run()


if __name__ == "__main__" and sys.argv[1:2] == ["child"]:
    _child()
