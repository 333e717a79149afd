"""Port of test/parallel/test-cluster-http-pipe.js (the worker is this file run by Python).

DIVERGENCE: no http in nodenet_uv; the worker's server is a net.Server on the pipe, and the
request is a net connection to it that reads the reply to its end. What is kept: a pipe
server in a worker (its connections handed over by the primary) whose sockets have no
remoteAddress and no localAddress.
"""

import os
import sys
from pathlib import Path
from typing import Any

import nodenet_uv
from nodenet_uv import cluster, net, run
from nodenet_uv.process import process
from nodenet_uv.testing import common

# The workers run this file with the worktree's nodenet_uv.
ENV = {"PYTHONPATH": str(Path(nodenet_uv.__file__).resolve().parents[1])}
PROC: Any = process


def test_http_pipe() -> None:
    cluster.setupPrimary({"exec": __file__, "args": ["worker"]})
    worker = cluster.fork(ENV)

    def on_message(msg: Any, *a: Any) -> None:
        assert msg == "DONE"

    worker.on("message", common.mustCall(on_message))

    # node does not look at the worker's exit code; here a failed assertion in it shows.
    def on_exit(code: Any, *a: Any) -> None:
        assert code == 0

    worker.on("exit", common.mustCall(on_exit))
    run()


def _worker() -> None:
    # common.PIPE is in this process's own fresh tmpdir.
    if os.path.exists(common.PIPE):
        os.unlink(common.PIPE)

    def on_connection(socket: Any) -> None:
        assert socket.remoteAddress is None
        assert socket.localAddress is None
        socket.end("OK")

    def on_listening() -> None:
        client = net.connect({"path": common.PIPE})
        body = [b""]

        def on_data(chunk: bytes) -> None:
            body[0] += chunk

        def on_end() -> None:
            assert body[0] == b"OK"
            PROC.send("DONE")
            PROC.exit()

        client.on("data", on_data)
        client.on("end", common.mustCall(on_end))

    net.createServer(common.mustCall(on_connection)).listen(
        common.PIPE, common.mustCall(on_listening)
    )
    try:
        run()
    except SystemExit:
        # process.exit(): node checks the mustCalls at exit.
        common.check_must_call()
        raise


if __name__ == "__main__" and sys.argv[1:2] == ["worker"]:
    _worker()
