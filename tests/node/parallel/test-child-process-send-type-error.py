"""Port of test/parallel/test-child-process-send-type-error.js.

Python has one ``None`` for JS ``null`` and ``undefined``: ``send(msg, None, None)`` is
``send(msg, undefined, undefined)`` (valid), so the three ``null`` options cases are
left out.
"""

import os
import sys
from pathlib import Path
from typing import Any

import pytest

import nodenet_uv
from nodenet_uv import child_process, run
from nodenet_uv.testing import common

# The child runs this file with the worktree's nodenet_uv.
ENV = {**os.environ, "PYTHONPATH": str(Path(nodenet_uv.__file__).resolve().parents[1])}


def fail(proc: Any, args: list[Any], code: str = "ERR_INVALID_ARG_TYPE") -> None:
    with pytest.raises(TypeError) as info:
        proc.send(*args)
    common.check_error(info.value, {"code": code, "name": "TypeError"})


def _checks(target: Any) -> None:
    fail(target, ["msg", None, ""])
    fail(target, ["msg", None, "foo"])
    fail(target, ["msg", None, 0])
    fail(target, ["msg", None, float("nan")])
    fail(target, ["msg", "meow", None], "ERR_INVALID_HANDLE_TYPE")
    fail(target, ["msg", None, 1])


def test_send_type_errors() -> None:
    target = child_process.fork(__file__, ["child"], {"env": ENV})

    def on_exit(code: object, signal: object) -> None:
        assert code == 0
        assert signal is None

    target.on("exit", common.mustCall(on_exit))
    _checks(target)
    run()


if __name__ == "__main__" and sys.argv[1:2] == ["child"]:
    from nodenet_uv import process

    _checks(process)
