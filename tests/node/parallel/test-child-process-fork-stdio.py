"""Port of test/parallel/test-child-process-fork-stdio.js (the child is this file run by
Python)."""

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


def test_fork_stdio() -> None:
    with pytest.raises(Exception) as info:
        child_process.fork(__file__, {"stdio": ["pipe", "pipe", "pipe", "pipe"]})
    common.check_error(info.value, {"code": "ERR_CHILD_PROCESS_IPC_REQUIRED", "name": "Error"})
    ipc: list[str] = []
    stderr: list[bytes] = []
    buf = b"data to send via pipe"
    child = child_process.fork(
        __file__, ["child"], {"stdio": [0, "ignore", "pipe", "ipc", "pipe"], "env": ENV}
    )
    assert child.stdout is None

    def on_message(msg: str) -> None:
        ipc.append(msg)
        if "".join(ipc) == buf.decode():
            child.disconnect()

    child.on("message", on_message)
    child.stderr.on("data", stderr.append)

    def on_exit(code: Any, signal: Any) -> None:
        assert code == 0
        assert signal is None
        assert b"".join(stderr) == b"this should not be ignored"

    child.on("exit", common.mustCall(on_exit))
    child.stdio[4].write(buf)
    run()


def _child() -> None:
    from nodenet_uv import net, process

    sys.stdout.write("this should be ignored")
    sys.stdout.flush()
    sys.stderr.write("this should not be ignored")
    sys.stderr.flush()
    pipe = net.Socket({"fd": 4})
    process.on("disconnect", lambda: pipe.unref())
    pipe.setEncoding("utf8")
    pipe.on("data", lambda data: process.send(data))
    run()


if __name__ == "__main__" and sys.argv[1:2] == ["child"]:
    _child()
