"""Port of test/parallel/test-child-process-recv-handle.js (the worker is this file run by
Python; Node's ``process[kChannelHandle]`` is ``process._channelHandle``, and the worker
reads its stdin with a blocking read while the channel is stopped)."""

import os
import sys
from pathlib import Path
from typing import Any

import nodenet_uv
from nodenet_uv import child_process, net, run
from nodenet_uv.testing import common

# The child runs this file with the worktree's nodenet_uv.
ENV = {**os.environ, "PYTHONPATH": str(Path(nodenet_uv.__file__).resolve().parents[1])}


def test_handle_arrives_with_its_message() -> None:
    proc = child_process.spawn(
        sys.executable,
        [__file__, "worker"],
        {"stdio": ["pipe", "pipe", "pipe", "ipc"], "env": ENV},
    )
    state: dict[str, Any] = {"handle": None}
    proc.on("exit", lambda *a: state["handle"].close())

    def on_data(data: bytes) -> None:
        assert data == b"ok\r\n"

        def on_listening() -> None:
            handle = state["handle"] = server._handle
            proc.send("one")
            proc.send("two", handle)
            proc.send("three")
            proc.stdin.write("ok\r\n")

        server = net.createServer(common.mustNotCall())
        server.listen(0, on_listening)

    proc.stdout.on("data", common.mustCall(on_data))
    errs: list[bytes] = []
    proc.stderr.on("data", errs.append)
    proc.on("exit", lambda code, *a: _eq((code, b"".join(errs)), (0, b"")))
    run()


def _eq(a: Any, b: Any) -> None:
    assert a == b


def worker() -> None:
    from nodenet_uv import process

    process._channelHandle.readStop()  # Make messages batch up.
    sys.stdout.write("ok\r\n")
    sys.stdout.flush()
    data = sys.stdin.buffer.read(4)
    assert data == b"ok\r\n"
    process._channelHandle.readStart()
    n = [0]

    def on_message(msg: Any, handle: Any) -> None:
        n[0] += 1
        if n[0] == 1:
            assert msg == "one"
            assert handle is None
        elif n[0] == 2:
            assert msg == "two"
            assert handle is not None
            handle.close()
        elif n[0] == 3:
            assert msg == "three"
            assert handle is None
            process.exit()

    process.on("message", common.mustCall(on_message, 3))
    run()


if __name__ == "__main__" and sys.argv[1:2] == ["worker"]:
    worker()
