"""Port of test/parallel/test-cluster-worker-death.js (the primary and the worker are this file run by Python)."""

import sys
from typing import Any

from nodenet_uv import cluster, run
from nodenet_uv.process import process
from nodenet_uv.testing import common

PROC: Any = process


def test_worker_death() -> None:
    common.run_as_primary(__file__)


def _primary() -> None:
    worker = cluster.fork()

    def on_exit(exitCode: Any, signalCode: Any) -> None:
        assert exitCode == 42
        assert signalCode is None

    worker.on("exit", common.mustCall(on_exit))

    def on_cluster_exit(worker_: Any, *args: Any) -> None:
        assert worker_ is worker

    cluster.on("exit", common.mustCall(on_cluster_exit))
    run()


if __name__ == "__main__":
    if not cluster.isPrimary:
        PROC.exit(42)
    elif sys.argv[1:2] == ["primary"]:
        _primary()
        common.check_must_call()
