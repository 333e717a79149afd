"""Port of test/parallel/test-child-process-advanced-serialization.js (the child is this
file run by Python).

Partial: values Python has no twin for are left out (typed arrays other than a Buffer,
Map with object keys, BigInt, Error objects) and so is the ``null`` serialization (Python's
None is ``undefined``, which is valid). Kept: the invalid values, a Buffer, and a circular
object (compared by structure, as deepStrictEqual does).
"""

import math
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


@pytest.mark.parametrize("value", [42, math.inf, "foo"])
def test_invalid_serialization(value: Any) -> None:
    with pytest.raises(TypeError) as info:
        child_process.spawn(sys.executable, [], {"serialization": value})
    from nodenet_uv._internal.inspect import inspect

    common.check_error(
        info.value,
        {
            "code": "ERR_INVALID_ARG_VALUE",
            "message": "The property 'options.serialization' must be one of: undefined, "
            f"'json', 'advanced'. Received {inspect(value)}",
        },
    )


def test_round_trip() -> None:
    cp = child_process.spawn(
        sys.executable,
        [__file__, "child"],
        {"stdio": ["ipc", "inherit", "inherit"], "serialization": "advanced", "env": ENV},
    )
    circular: dict[str, Any] = {}
    circular["circular"] = circular
    messages: list[Any] = [{"buffer": b"Hello!"}, circular]
    received: list[Any] = []

    def on_message(msg: Any) -> None:
        received.append(msg)
        if len(received) < len(messages):
            cp.send(messages[len(received)])
        else:
            cp.disconnect()

    cp.on("message", common.mustCall(on_message, len(messages)))
    cp.send(messages[0])
    run()
    assert received[0] == {"buffer": b"Hello!"}
    assert list(received[1]) == ["circular"]
    assert received[1]["circular"] is received[1]


if __name__ == "__main__" and sys.argv[1:2] == ["child"]:
    from nodenet_uv import process

    process.on("message", lambda msg: process.send(msg))
    run()
