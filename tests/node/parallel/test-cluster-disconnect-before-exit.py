"""Port of test/parallel/test-cluster-disconnect-before-exit.js (the primary and the worker are this file run by Python)."""

import sys
from typing import Any

from nodenet_uv import cluster, run
from nodenet_uv.process import process
from nodenet_uv.testing import common

PROC: Any = process


def run_primary(**env: str) -> str:
    return common.run_as_primary(__file__, **env)


def test_disconnect_before_exit() -> None:
    run_primary()


def _primary() -> None:
    worker = cluster.fork()

    def disconnect() -> None:
        worker.disconnect()
        # The worker remains in cluster.workers until both disconnect AND exit.
        # Disconnect is supposed to disconnect all workers, but not workers that
        # are already disconnected, since calling disconnect() on an already
        # disconnected worker would error.
        worker.on("disconnect", common.mustCall(lambda: cluster.disconnect()))

    worker.on("online", common.mustCall(disconnect))
    run()


def _worker() -> None:
    run()


if __name__ == "__main__":
    if cluster.isWorker:
        _worker()
    elif sys.argv[1:2] == ["primary"]:
        _primary()
        common.check_must_call()
