"""Port of test/parallel/test-child-process-constructor.js.

Python has one ``None`` for JS ``null`` and ``undefined``: ``None`` stands for
``undefined``, so the ``null`` cases of envPairs and args (valid as undefined) are left
out, and ``spawn(None)`` is ``spawn(undefined)``.
"""

import math
import os
import sys
from typing import Any

import pytest

from nodenet_uv import run
from nodenet_uv.child_process import ChildProcess
from nodenet_uv.testing import common


def _throws(fn: Any, message_start: str) -> None:
    with pytest.raises(TypeError) as info:
        fn()
    common.check_error(info.value, {"code": "ERR_INVALID_ARG_TYPE", "name": "TypeError"})
    assert str(info.value).startswith(message_start), str(info.value)


def test_invalid_options() -> None:
    assert callable(ChildProcess)
    # Verify that invalid options to spawn() throw.
    child = ChildProcess()
    for options in [None, "foo", 0, 1, math.nan, True, False]:
        _throws(
            lambda options=options: child.spawn(options),
            'The "options" argument must be of type object.',
        )
    # Verify that spawn throws if file is not a string.
    child = ChildProcess()
    for file in [None, 0, 1, math.nan, True, False, {}]:
        _throws(
            lambda file=file: child.spawn({"file": file}),
            'The "options.file" property must be of type string.',
        )
    # Verify that spawn throws if envPairs is not an array or undefined.
    child = ChildProcess()
    for envPairs in [0, 1, math.nan, True, False, {}, "foo"]:
        _throws(
            lambda envPairs=envPairs: child.spawn(
                {"envPairs": envPairs, "stdio": ["ignore", "ignore", "ignore", "ipc"]}
            ),
            'The "options.envPairs" property must be an instance of Array.',
        )
    # Verify that spawn throws if args is not an array or undefined.
    child = ChildProcess()
    for args in [0, 1, math.nan, True, False, {}, "foo"]:
        _throws(
            lambda args=args: child.spawn({"file": "foo", "args": args}),
            'The "options.args" property must be an instance of Array.',
        )
    run()


def test_spawn_and_kill() -> None:
    child = ChildProcess()
    child.spawn(
        {"file": sys.executable, "args": ["--interactive"], "cwd": os.getcwd(), "stdio": "pipe"}
    )
    assert "pid" in vars(child)
    assert isinstance(child.pid, int)
    with pytest.raises(TypeError) as info:
        child.kill("foo")
    common.check_error(info.value, {"code": "ERR_UNKNOWN_SIGNAL", "name": "TypeError"})
    assert child.kill() is True
    run()
