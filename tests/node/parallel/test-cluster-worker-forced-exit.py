"""Port of test/parallel/test-cluster-worker-forced-exit.js (the primary and the workers are this file run by Python)."""

import sys
from typing import Any

from nodenet_uv import cluster, run
from nodenet_uv.process import process
from nodenet_uv.testing import common
from nodenet_uv.timers import setTimeout

PROC: Any = process
SENTINEL = 42

# Workers forcibly exit when control channel is disconnected, if
# their .exitedAfterDisconnect flag isn't set
#
# test this by:
#
# 1 setup worker to wait a short time after disconnect, and exit
#   with a sentinel value
# 2 disconnect worker with cluster's disconnect, confirm sentinel
# 3 disconnect worker with child_process's disconnect, confirm
#   no sentinel value


def test_worker_forced_exit() -> None:
    common.run_as_primary(__file__)


def _worker() -> None:
    PROC.on("disconnect", lambda *msg: setTimeout(lambda: PROC.exit(SENTINEL), 10))
    run()


def checkUnforced() -> None:
    worker = cluster.fork()

    def on_exit(status: Any, *args: Any) -> None:
        assert status == SENTINEL

    worker.on("online", common.mustCall(lambda: worker.disconnect())).on(
        "exit", common.mustCall(on_exit)
    )


def checkForced() -> None:
    worker = cluster.fork()

    def on_exit(status: Any, *args: Any) -> None:
        assert status == 0

    worker.on("online", common.mustCall(lambda: worker.process.disconnect())).on(
        "exit", common.mustCall(on_exit)
    )


def _primary() -> None:
    checkUnforced()
    checkForced()
    run()


if __name__ == "__main__":
    if cluster.isWorker:
        _worker()
    elif sys.argv[1:2] == ["primary"]:
        _primary()
        common.check_must_call()
