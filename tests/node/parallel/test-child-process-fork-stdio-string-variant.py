"""Port of test/parallel/test-child-process-fork-stdio-string-variant.js (the fixture
child-process-spawn-node.js is the same program in Python)."""

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


@pytest.mark.parametrize("stringVariant", ["pipe", "inherit", "ignore"])
def test_stdio_string_variants(tmp_path: Path, stringVariant: str) -> None:
    childScript = tmp_path / "child-process-spawn-node.py"
    childScript.write_text(FIXTURE)
    malFormedOpts = {"stdio": "33"}
    payload = {"hello": "world"}
    with pytest.raises(TypeError) as info:
        child_process.fork(str(childScript), malFormedOpts)
    common.check_error(info.value, {"code": "ERR_INVALID_ARG_VALUE", "name": "TypeError"})

    child = child_process.fork(str(childScript), {"stdio": stringVariant, "env": ENV})

    def on_message(message: Any) -> None:
        assert message == {"foo": "bar"}

    child.on("message", common.mustCall(on_message))
    child.send(payload)

    def on_exit(code: Any) -> None:
        assert code == 0

    child.on("exit", common.mustCall(on_exit))
    run()
