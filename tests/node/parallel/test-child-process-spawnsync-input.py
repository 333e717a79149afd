"""Port of test/parallel/test-child-process-spawnsync-input.js (``node -e`` children are
``python -c`` programs writing the same lines; the ``spawnchild`` runs are this file run by
Python; common.getArrayBufferViews are memoryviews of each typed-array format)."""

import os
import sys
from pathlib import Path
from typing import Any

import pytest

import nodenet_uv
from nodenet_uv.child_process import spawnSync
from nodenet_uv.testing import common

# The children run this file with the worktree's nodenet_uv.
ENV = {**os.environ, "PYTHONPATH": str(Path(nodenet_uv.__file__).resolve().parents[1])}

msgOut = "this is stdout"
msgErr = "this is stderr"
# This is actually not os.EOL?
msgOutBuf = f"{msgOut}\n".encode()
msgErrBuf = f"{msgErr}\n".encode()
args = [
    "-c",
    f'import sys; sys.stdout.write("{msgOut}\\n"); sys.stdout.flush(); '
    f'sys.stderr.write("{msgErr}\\n")',
]


def checkSpawnSyncRet(ret: dict[str, Any]) -> None:
    assert ret["status"] == 0
    assert ret.get("error") is None


def verifyBufOutput(ret: dict[str, Any]) -> None:
    checkSpawnSyncRet(ret)
    assert ret["stdout"] == msgOutBuf
    assert ret["stderr"] == msgErrBuf


def test_inherited_stdio_reaches_the_parent() -> None:
    verifyBufOutput(spawnSync(sys.executable, [__file__, "spawnchild", "1"], {"env": ENV}))
    verifyBufOutput(spawnSync(sys.executable, [__file__, "spawnchild", "2"], {"env": ENV}))


def test_input() -> None:
    with pytest.raises(TypeError) as info:
        spawnSync("cat", [], {"input": 1234})
    common.check_error(info.value, {"code": "ERR_INVALID_ARG_TYPE", "name": "TypeError"})

    options: dict[str, Any] = {"input": "hello world"}
    ret = spawnSync("cat", [], options)
    checkSpawnSyncRet(ret)
    assert ret["stdout"].decode("utf8") == options["input"]
    assert ret["stderr"].decode("utf8") == ""

    options = {"input": b"hello world"}
    ret = spawnSync("cat", [], options)
    checkSpawnSyncRet(ret)
    assert ret["stdout"] == options["input"]
    assert ret["stderr"] == b""

    # common.getArrayBufferViews expects a buffer with length an multiple of 8
    msgBuf = b"hello world" * 8
    views: list[Any] = [bytearray(msgBuf), memoryview(msgBuf)]
    views += [memoryview(msgBuf).cast(fmt) for fmt in ("b", "B", "h", "H", "i", "I", "f", "d")]
    for arrayBufferView in views:
        ret = spawnSync("cat", [], {"input": arrayBufferView})
        checkSpawnSyncRet(ret)
        assert ret["stdout"] == msgBuf
        assert ret["stderr"] == b""


def test_output() -> None:
    verifyBufOutput(spawnSync(sys.executable, args))
    ret = spawnSync(sys.executable, args, {"encoding": "utf8"})
    checkSpawnSyncRet(ret)
    assert ret["stdout"] == f"{msgOut}\n"
    assert ret["stderr"] == f"{msgErr}\n"


def _spawnchild(which: str) -> None:
    if which == "1":
        ret = spawnSync(sys.executable, args, {"stdio": "inherit"})
        checkSpawnSyncRet(ret)
    elif which == "2":
        ret = spawnSync(sys.executable, args, {"stdio": ["inherit", "inherit", "inherit"]})
        checkSpawnSyncRet(ret)
    sys.exit(0)


if __name__ == "__main__" and "spawnchild" in sys.argv:
    _spawnchild(sys.argv[2])
