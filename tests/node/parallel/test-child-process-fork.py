"""Port of test/parallel/test-child-process-fork.js (the fixture child-process-spawn-node.js
is the same program in Python; Python has no Symbol, so ``send(Symbol())`` is a function,
which JSON cannot carry either)."""

import os
from pathlib import Path
from typing import Any

import pytest

import nodenet_uv
from nodenet_uv import child_process, run
from nodenet_uv.testing import common

# The child runs this file with the worktree's nodenet_uv.
ENV = {**os.environ, "PYTHONPATH": str(Path(nodenet_uv.__file__).resolve().parents[1])}

FIXTURE = """
import nodenet_uv.child_process
from nodenet_uv import process, run

def onmessage(m):
    assert m["hello"]
    process.removeListener("message", onmessage)

process.on("message", onmessage)
process.send({"foo": "bar"})
run()
"""


def test_fork(tmp_path: Path) -> None:
    fixture = tmp_path / "child-process-spawn-node.py"
    fixture.write_text(FIXTURE)
    args = ["foo", "bar"]
    common.expectWarning(
        "DeprecationWarning", "_channel is deprecated. Use ChildProcess.channel instead.", "DEP0129"
    )
    child_process._warned_dep0129 = False  # once per process: this test must see it
    n = child_process.fork(str(fixture), args, {"env": ENV})
    assert n.channel is n._channel
    assert args == ["foo", "bar"]
    n.on("message", common.mustCall(lambda m: _ok(m["foo"])))
    for call in (lambda: n.send(), lambda: n.send(child_process._UNDEFINED)):
        with pytest.raises(TypeError) as info:
            call()
        common.check_error(
            info.value,
            {
                "name": "TypeError",
                "message": 'The "message" argument must be specified',
                "code": "ERR_MISSING_ARGS",
            },
        )
    with pytest.raises(TypeError) as info:
        n.send(lambda: None)
    common.check_error(info.value, {"name": "TypeError", "code": "ERR_INVALID_ARG_TYPE"})
    assert str(info.value).startswith(
        'The "message" argument must be one of type string, object, number, or boolean.'
    )
    n.send({"hello": "world"})
    n.on("exit", common.mustCall(lambda c: _eq(c, 0)))
    run()


def _ok(v: Any) -> None:
    assert v


def _eq(a: Any, b: Any) -> None:
    assert a == b
