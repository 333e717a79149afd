"""Port of test/parallel/test-child-process-fork-args.js (the fixture
child-process-echo-options.js is the same program in Python; Symbol arguments have no
Python twin, and None is ``undefined``, a valid args list)."""

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
import os
import nodenet_uv.child_process
from nodenet_uv import process, run
process.send({"env": dict(os.environ)})
run()
"""
expectedEnv = {"foo": "bar"}


@pytest.fixture
def fixture(tmp_path: Path) -> str:
    path = tmp_path / "child-process-echo-options.py"
    path.write_text(FIXTURE)
    return str(path)


def test_invalid_module_path(fixture: str) -> None:
    for modulePath in [0, True, None, [], {}, lambda: None]:
        with pytest.raises(TypeError) as info:
            child_process.fork(modulePath)
        common.check_error(info.value, {"code": "ERR_INVALID_ARG_TYPE", "name": "TypeError"})
        assert str(info.value).startswith('The "modulePath" argument must be of type string')
    cp = child_process.fork(fixture, {"env": ENV})
    cp.on("exit", common.mustCall(lambda code: _eq(code, 0)))
    run()


def test_second_argument(fixture: str) -> None:
    for arg in [0, True, lambda: None]:
        with pytest.raises(TypeError) as info:
            child_process.fork(fixture, arg)
        common.check_error(info.value, {"code": "ERR_INVALID_ARG_TYPE", "name": "TypeError"})
    for args in [None, []]:
        cp = child_process.fork(fixture, args, {"env": {**ENV, **expectedEnv}})
        cp.on("message", common.mustCall(lambda msg: _eq(msg["env"]["foo"], expectedEnv["foo"])))
        cp.on("exit", common.mustCall(lambda code: _eq(code, 0)))
    run()


def test_third_argument(fixture: str) -> None:
    for arg in [0, True, lambda: None]:
        with pytest.raises(TypeError) as info:
            child_process.fork(fixture, [], arg)
        common.check_error(info.value, {"code": "ERR_INVALID_ARG_TYPE", "name": "TypeError"})


def _eq(a: Any, b: Any) -> None:
    assert a == b
