"""Port of test/parallel/test-cluster-eaddrinuse.js (the child is this file run by Python).

Check that having a worker bind to a port that's already taken doesn't leave the primary
process in a confused state. Releasing the port and trying again should Just Work[TM].
"""

import os
import sys
from pathlib import Path
from typing import Any

import nodenet_uv
from nodenet_uv import child_process, net, run
from nodenet_uv.process import process
from nodenet_uv.testing import common

# The child runs this file with the worktree's nodenet_uv.
ENV = {**os.environ, "PYTHONPATH": str(Path(nodenet_uv.__file__).resolve().parents[1])}
PROC: Any = process


def test_eaddrinuse() -> None:
    server = net.createServer(common.mustNotCall())

    def on_listening() -> None:
        worker = child_process.fork(
            __file__, ["worker", str(server.address()["port"])], {"env": ENV}
        )

        def on_message(msg: Any, *a: Any) -> None:
            if msg != "stop-listening":
                return
            server.close(lambda *a: worker.send("stopped-listening"))

        worker.on("message", on_message)
        # node does not look at the child's exit; here a failed assertion in it shows.
        worker.on("exit", common.mustCall(lambda code, *a: _expect_zero(code)))

    server.listen(0, on_listening)
    run()


def _expect_zero(code: Any) -> None:
    assert code == 0


def _worker(port: str) -> None:
    server = net.createServer(common.mustNotCall())
    server.listen(port, common.mustNotCall())

    def on_error(e: Any) -> None:
        # node's assert(e.code, 'EADDRINUSE') only checks that there is a code.
        assert e.code == "EADDRINUSE"

        def on_message(msg: Any, *a: Any) -> None:
            nonlocal server
            if msg != "stopped-listening":
                return
            server = net.createServer(common.mustNotCall())
            server.listen(port, common.mustCall(lambda: server.close()))

        PROC.send("stop-listening")
        PROC.once("message", common.mustCall(on_message))

    server.on("error", common.mustCall(on_error))
    run()
    common.check_must_call()


if __name__ == "__main__" and sys.argv[1:2] == ["worker"]:
    _worker(sys.argv[2])
