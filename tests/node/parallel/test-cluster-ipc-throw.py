"""Port of test/parallel/test-cluster-ipc-throw.js (the primary and the worker are this file
run by Python: the primary needs SCHED_RR).

DIVERGENCE: a net.Server where node's uses an http.Server (no http in nodenet_uv; what is
tested is a throw from the worker's 'error' listener after cluster.worker.disconnect()).
"""

import os
import sys
from typing import Any

from nodenet_uv import cluster, net, run
from nodenet_uv.process import process
from nodenet_uv.testing import common

PROC: Any = process


def test_ipc_throw() -> None:
    common.run_as_primary(__file__)


def _primary() -> None:
    server = net.createServer()

    def on_listening() -> None:
        worker = cluster.fork({"PORT": str(server.address()["port"])})

        def on_exit(code: Any, signal: Any) -> None:
            # node does not look at the worker's exit (node's is 0, null); here a failed
            # assertion in the worker shows.
            assert code == 0 and signal is None
            server.close()

        worker.on("exit", common.mustCall(on_exit))

    server.listen({"port": 0}, common.mustCall(on_listening))
    run()


def _worker() -> None:
    server = net.createServer()
    assert os.environ.get("PORT")
    PROC.on("uncaughtException", common.mustCall())
    server.listen(os.environ["PORT"])

    def on_error(e: Any) -> None:
        assert cluster.worker is not None
        cluster.worker.disconnect()
        raise e

    server.on("error", common.mustCall(on_error))
    run()
    common.check_must_call()


if __name__ == "__main__":
    cluster.schedulingPolicy = cluster.SCHED_RR
    if cluster.isWorker:
        _worker()
    elif sys.argv[1:2] == ["primary"]:
        _primary()
        common.check_must_call()
