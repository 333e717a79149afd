"""Port of test/parallel/test-child-process-stdio.js."""

from typing import Any

import pytest

from nodenet_uv import child_process, run
from nodenet_uv.testing import common

pwdCommand = ("pwd", [])


def test_stdio() -> None:
    child = child_process.spawn(*pwdCommand, {"stdio": ["pipe"]})
    assert child.stdout is not None
    assert child.stderr is not None

    child = child_process.spawn(*pwdCommand, {"stdio": "ignore"})
    assert child.stdout is None
    assert child.stderr is None

    options = {"stdio": "ignore"}
    child_process.spawn(*pwdCommand, options)
    assert options == {"stdio": "ignore"}

    output: list[str] = []
    child = child_process.spawn(*pwdCommand)
    child.stdout.setEncoding("utf8")
    child.stdout.on("data", output.append)
    child.on("exit", common.mustCall(lambda code: _eq(code, 0)))

    def on_close(*args: Any) -> None:
        text = "".join(output)
        assert len(text) > 1
        assert text[-1] == "\n"

    child.on("close", common.mustCall(on_close))

    with pytest.raises(Exception) as info:
        child_process.spawn(*pwdCommand, {"stdio": ["pipe", "pipe", "pipe", "ipc", "ipc"]})
    common.check_error(info.value, {"code": "ERR_IPC_ONE_PIPE", "name": "Error"})
    run()


def _eq(a: Any, b: Any) -> None:
    assert a == b
