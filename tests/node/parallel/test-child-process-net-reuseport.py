"""Port of test/parallel/test-child-process-net-reuseport.js (the workers are this file run
by Python; common/net.js's checkSupportReusePort is inlined: Linux has SO_REUSEPORT, so its
failure is a test failure here, not a skip)."""

import os
from pathlib import Path
from typing import Any

import nodenet_uv
from nodenet_uv import child_process, net, run
from nodenet_uv.testing import common

# The workers run this file with the worktree's nodenet_uv.
ENV = {**os.environ, "PYTHONPATH": str(Path(nodenet_uv.__file__).resolve().parents[1])}
options = {"port": 0, "reusePort": True}


def checkSupportReusePort() -> None:
    server = net.createServer().listen(options)
    server.on("listening", common.mustCall(lambda: server.close()))
    server.on("error", common.mustNotCall("The `reusePort` option is not supported"))
    run()


def test_workers_listen_on_the_primary_port() -> None:
    checkSupportReusePort()
    server = net.createServer()

    def on_listening() -> None:
        port = server.address()["port"]
        workerOptions = {"env": {**ENV, "isWorker": 1, "port": port}}
        count = 2

        def on_exit(code: Any, *a: Any) -> None:
            nonlocal count
            assert code == 0
            count -= 1
            if count == 0:
                server.close()

        for _ in range(2):
            worker = child_process.fork(__file__, workerOptions)
            worker.on("exit", common.mustCall(on_exit))

    server.listen(options, common.mustCall(on_listening))
    run()


def _worker() -> None:
    server = net.createServer()
    server.listen(
        {**options, "port": int(os.environ["port"])}, common.mustCall(lambda: server.close())
    )
    run()
    common.check_must_call()


if __name__ == "__main__" and os.environ.get("isWorker"):
    _worker()
