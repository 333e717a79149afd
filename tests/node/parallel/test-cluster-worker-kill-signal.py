"""Port of test/parallel/test-cluster-worker-kill-signal.js (the primary and the worker are this file run by Python; the worker runs a net.Server where node's runs an http.Server)."""

import os
import sys
from typing import Any

from nodenet_uv import cluster, net, run
from nodenet_uv.process import process
from nodenet_uv.testing import common

PROC: Any = process


def run_primary(**env: str) -> str:
    return common.run_as_primary(__file__, **env)


def isAlive(pid: int) -> bool:
    # common.isAlive: process.kill(pid, 'SIGCONT') succeeds.
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_worker_kill_signal() -> None:
    run_primary()


def _worker() -> None:
    # Make the worker run something
    server = net.Server(lambda *a: None)
    server.once("listening", common.mustCall())
    server.listen(0, "127.0.0.1")
    run()


def _primary() -> None:
    KILL_SIGNAL = "SIGKILL"
    # Start worker
    worker = cluster.fork()
    # When the worker is up and running, kill it
    worker.once("listening", common.mustCall(lambda *a: worker.kill(KILL_SIGNAL)))

    # Check worker events and properties
    def on_disconnect() -> None:
        assert worker.exitedAfterDisconnect is False
        assert worker.state == "disconnected"

    worker.on("disconnect", common.mustCall(on_disconnect, 1))

    # Check that the worker died
    def on_exit(exitCode: Any, signalCode: Any) -> None:
        isWorkerProcessStillAlive = isAlive(worker.process.pid)
        numOfRunningWorkers = len(cluster.workers)
        assert exitCode is None
        assert signalCode == KILL_SIGNAL
        assert isWorkerProcessStillAlive is False
        assert numOfRunningWorkers == 0

    worker.once("exit", common.mustCall(on_exit, 1))
    # Check if the cluster was killed as well
    cluster.on("exit", common.mustCall(1))
    run()


if __name__ == "__main__":
    if cluster.isWorker:
        _worker()
    elif sys.argv[1:2] == ["primary"]:
        _primary()
        common.check_must_call()
