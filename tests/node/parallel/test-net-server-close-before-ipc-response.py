"""Port of test/parallel/test-net-server-close-before-ipc-response.js (the worker is this
file run by Python; the primary also checks the worker's exit code)."""

import sys
from pathlib import Path
from typing import Any

import nodenet_uv
from nodenet_uv import cluster, net, run
from nodenet_uv.process import process
from nodenet_uv.testing import common
from nodenet_uv.timers import setImmediate

ENV = {"PYTHONPATH": str(Path(nodenet_uv.__file__).resolve().parents[1])}


def test_server_close_before_ipc_response() -> None:
    cluster.setupPrimary({"exec": __file__, "args": ["worker"]})
    worker = cluster.fork(ENV)

    def on_exit(code: Any, signal: Any) -> None:
        assert (code, signal) == (0, None)

    worker.on("exit", common.mustCall(on_exit))
    run()


def _worker() -> None:
    proc: Any = process
    send = proc.send

    def patched_send(message: Any, *args: Any) -> Any:
        # listenOnPrimaryHandle in net should call handle.close()
        if message.get("act") == "close":
            setImmediate(lambda: proc.disconnect())
        return send(message, *args)

    proc.send = patched_send
    net.createServer().listen(0, common.mustNotCall()).close()
    run()


if __name__ == "__main__" and sys.argv[1:2] == ["worker"]:
    _worker()
