"""Port of test/parallel/test-child-process-spawnsync-maxbuf.js (``node -e`` children are
``python -c`` programs writing the same bytes)."""

import math
import sys

from nodenet_uv import errors
from nodenet_uv.child_process import spawnSync

msgOut = "this is stdout"
msgOutBuf = f"{msgOut}\n".encode()
# One write, as console.log does (print() writes the newline apart when unbuffered).
args = ["-c", f'import sys; sys.stdout.write("{msgOut}\\n")']


def test_spawn_sync_max_buffer() -> None:
    ret = spawnSync(sys.executable, args, {"maxBuffer": 1})
    assert ret.get("error"), "maxBuffer should error"
    assert ret["error"].code == "ENOBUFS"
    assert errors.getSystemErrorName(ret["error"].errno) == "ENOBUFS"
    assert ret["stdout"] == msgOutBuf

    ret = spawnSync(sys.executable, args, {"maxBuffer": math.inf})
    assert not ret.get("error")
    assert ret["stdout"] == msgOutBuf

    ret = spawnSync(sys.executable, ["-c", "print('a' * (1024 * 1024))"])
    assert ret.get("error"), "maxBuffer should error"
    assert ret["error"].code == "ENOBUFS"
    assert errors.getSystemErrorName(ret["error"].errno) == "ENOBUFS"

    ret = spawnSync(sys.executable, ["-c", "print('a' * (1024 * 1024 - 1))"])
    assert not ret.get("error")
    assert ret["stdout"].decode().strip() == "a" * (1024 * 1024 - 1)
