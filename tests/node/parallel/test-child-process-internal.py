"""Port of test/parallel/test-child-process-internal.js (the child is this file run by Python)."""

import os
import sys
from pathlib import Path
from typing import Any

import nodenet_uv
from nodenet_uv import child_process, run
from nodenet_uv.testing import common

# The child runs this file with the worktree's nodenet_uv.
ENV = {**os.environ, "PYTHONPATH": str(Path(nodenet_uv.__file__).resolve().parents[1])}

PREFIX = "NODE_"
normal = {"cmd": f"foo{PREFIX}"}
internal = {"cmd": f"{PREFIX}bar"}


def test_internal_messages() -> None:
    child = child_process.fork(__file__, ["child"], {"env": ENV})

    def on_message(data: Any) -> None:
        assert data == normal

    def on_internal(data: Any) -> None:
        assert data == internal

    child.once("message", common.mustCall(on_message))
    child.once("internalMessage", common.mustCall(on_internal))
    run()


if __name__ == "__main__" and sys.argv[1:2] == ["child"]:
    from nodenet_uv import process

    process.send(normal)
    process.send(internal)
    process.exit(0)
