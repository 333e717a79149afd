"""Port of test/parallel/test-cluster-concurrent-disconnect.js (the primary and the workers are this file run by Python; at most 8 workers where node forks one per CPU)."""

import os
import sys
from typing import Any

from nodenet_uv import cluster, run
from nodenet_uv.process import process
from nodenet_uv.testing import common

PROC: Any = process


def run_primary(**env: str) -> str:
    return common.run_as_primary(__file__, **env)


def test_concurrent_disconnect() -> None:
    run_primary()


def _primary() -> None:
    workers: list[Any] = []
    numCPUs = min(os.cpu_count() or 2, 8)
    waitOnline = [numCPUs]
    for i in range(numCPUs):
        worker = cluster.fork()
        workers.append(worker)

        def on_online(i: int = i) -> None:
            waitOnline[0] -= 1
            if waitOnline[0] == 0:
                for w in workers:
                    if w.isConnected():
                        w.send("disconnect" if i % 2 else "destroy")

        worker.once("online", common.mustCall(on_online))

        # These errors can occur due to the nature of the test, we might be trying
        # to send messages when the worker is disconnecting.
        def on_error(err: Any) -> None:
            assert err.syscall == "write"
            assert err.code in ("EPIPE", "ECONNRESET"), err

        worker.on("error", common.mustCallAtLeast(on_error, 0))

        def on_disconnect() -> None:
            for w in workers:
                if w.isConnected():
                    w.send("disconnect")

        worker.once("disconnect", common.mustCall(on_disconnect))

        def on_exit(code: Any, signal: Any) -> None:
            assert code == 0
            assert signal is None

        worker.once("exit", common.mustCall(on_exit))
    run()


def _worker() -> None:
    def on_message(msg: Any) -> None:
        assert cluster.worker is not None
        if cluster.worker.isConnected():
            getattr(cluster.worker, msg)()

    PROC.on("message", on_message)
    run()


if __name__ == "__main__":
    if cluster.isWorker:
        _worker()
    elif sys.argv[1:2] == ["primary"]:
        _primary()
        common.check_must_call()
