"""Port of test/sequential/test-child-process-pass-fd.js (the 80 workers are this file run
by Python)."""

import os
import sys
from pathlib import Path
from typing import Any

import pytest

import nodenet_uv
from nodenet_uv import child_process, net, process, run
from nodenet_uv.testing import common

# The workers run this file with the worktree's nodenet_uv.
ENV = {**os.environ, "PYTHONPATH": str(Path(nodenet_uv.__file__).resolve().parents[1])}
N = 80


# 80 Python workers take ~15 s of CPU: more than the default 60 s timeout on a busy machine.
@pytest.mark.timeout(300)
def test_pass_fd_to_many_workers() -> None:
    messageCallbackCount = 0

    def forkWorker() -> None:
        def messageCallback(msg: Any, handle: Any) -> None:
            nonlocal messageCallbackCount
            messageCallbackCount += 1
            assert msg == "handle"
            assert handle
            worker.send("got")
            recvData: list[str] = []
            handle.on("data", common.mustCall(lambda data: recvData.append(data.decode())))

            def on_end(*a: Any) -> None:
                assert "".join(recvData) == "hello"
                worker.kill()

            handle.on("end", common.mustCall(on_end))

        worker = child_process.fork(__file__, ["child"], {"env": ENV})

        def on_error(err: Any) -> None:
            if "EAGAIN" in str(err):
                forkWorker()
                return
            raise err

        worker.on("error", on_error)
        worker.once("message", common.mustCall(messageCallback))

    for _ in range(N):
        forkWorker()
    run()
    # Node: process.on('exit')
    assert messageCallbackCount == N


def _child() -> None:
    socket: Any = None
    cbcalls = 0

    def socketConnected(*a: Any) -> None:
        nonlocal cbcalls
        cbcalls += 1
        if cbcalls == 2:
            process.send("handle", socket)

    # As a side-effect, listening for the message event will ref the IPC channel, so the
    # child process will stay alive as long as it has a parent process/IPC channel. Once
    # this is done, we can unref our client and server sockets, and the only thing keeping
    # this worker alive will be IPC. This is important, because it means a worker with no
    # parent will have no referenced handles, thus no work to do, and will exit
    # immediately, preventing process leaks.
    process.on("message", common.mustCall())

    def on_connection(c: Any) -> None:
        def on_message(msg: Any) -> None:
            assert msg == "got"
            c.end("hello")

        process.once("message", common.mustCall(on_message))
        socketConnected()

    server = net.createServer(common.mustCall(on_connection)).unref()

    def on_listening() -> None:
        nonlocal socket
        port = server.address()["port"]
        socket = net.connect(port, "127.0.0.1", socketConnected).unref()

    server.listen(0, "127.0.0.1", on_listening)
    run()


if __name__ == "__main__" and sys.argv[1:2] == ["child"]:
    _child()
