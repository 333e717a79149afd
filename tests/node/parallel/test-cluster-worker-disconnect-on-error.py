"""Port of test/parallel/test-cluster-worker-disconnect-on-error.js (the primary and the worker are this file run by Python; they run a net.Server where node's run an http.Server)."""

import sys
from typing import Any

from nodenet_uv import cluster, net, run
from nodenet_uv.process import process
from nodenet_uv.testing import common

PROC: Any = process


def test_worker_disconnect_on_error() -> None:
    common.run_as_primary(__file__)


def _primary() -> None:
    # Node sets it at the top of the file (in the worker too, where it changes nothing):
    # pytest imports this module too, and its cluster module must stay as it is.
    cluster.schedulingPolicy = cluster.SCHED_NONE
    server = net.createServer()
    worker: Any = None

    def on_listening() -> None:
        assert worker
        worker.send({"port": server.address()["port"]})

    server.listen(0, common.mustSucceed(on_listening))

    worker = cluster.fork()
    worker.on("exit", common.mustCall(lambda *a: server.close()))
    run()


def _worker() -> None:
    server = net.createServer()

    def on_message(msg: Any, *a: Any) -> None:
        assert msg["port"]

        server.listen(msg["port"])

        def on_error(e: Any) -> None:
            assert cluster.worker is not None
            cluster.worker.disconnect()

        server.on("error", common.mustCall(on_error))

    PROC.on("message", common.mustCall(on_message))
    run()
    common.check_must_call()


if __name__ == "__main__":
    if cluster.isWorker:
        _worker()
    elif sys.argv[1:2] == ["primary"]:
        _primary()
        common.check_must_call()
