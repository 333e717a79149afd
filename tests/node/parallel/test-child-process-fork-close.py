"""Port of test/parallel/test-child-process-fork-close.js (the fixture
child-process-message-and-exit.js is the same program in Python)."""

import os
from pathlib import Path
from typing import Any

import nodenet_uv
from nodenet_uv import child_process, run
from nodenet_uv.testing import common

# The child runs this file with the worktree's nodenet_uv.
ENV = {**os.environ, "PYTHONPATH": str(Path(nodenet_uv.__file__).resolve().parents[1])}

FIXTURE = """
import nodenet_uv.child_process
from nodenet_uv import process, run
process.send("hello")
process.exit(0)
"""


def test_message_exit_close_order(tmp_path: Path) -> None:
    fixture = tmp_path / "child-process-message-and-exit.py"
    fixture.write_text(FIXTURE)
    cp = child_process.fork(str(fixture), {"env": ENV})
    state = {"gotMessage": False, "gotExit": False, "gotClose": False}

    def on_message(message: Any) -> None:
        assert not state["gotMessage"]
        assert not state["gotClose"]
        assert message == "hello"
        state["gotMessage"] = True

    def on_exit(*args: Any) -> None:
        assert not state["gotExit"]
        assert not state["gotClose"]
        state["gotExit"] = True

    def on_close(*args: Any) -> None:
        assert state["gotMessage"]
        assert state["gotExit"]
        assert not state["gotClose"]
        state["gotClose"] = True

    cp.on("message", common.mustCall(on_message))
    cp.on("exit", common.mustCall(on_exit))
    cp.on("close", common.mustCall(on_close))
    run()
