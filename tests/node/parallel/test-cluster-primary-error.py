"""Port of test/parallel/test-cluster-primary-error.js (the testcase, the cluster primary and its workers are this file run by Python; the workers run a net.Server where node's run an http.Server)."""

import os
import sys
from typing import Any

from nodenet_uv import child_process, cluster, net, run
from nodenet_uv.process import process
from nodenet_uv.testing import common
from nodenet_uv.timers import setTimeout

PROC: Any = process
totalWorkers = 2


def isAlive(pid: int) -> bool:
    # common.isAlive: process.kill(pid, 'SIGCONT') succeeds.
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_primary_error() -> None:
    # The testcase (node's process with no argument) is `python this-file primary`.
    common.run_as_primary(__file__)


def _worker() -> None:
    net.Server(lambda *a: None).listen(0, "127.0.0.1")
    run()


def _cluster() -> None:
    # Send PID to testcase process
    forkNum = 0

    def forkEvent(worker: Any) -> None:
        nonlocal forkNum
        # Send PID
        PROC.send({"cmd": "worker", "workerPID": worker.process.pid})

        # Stop listening when done
        forkNum += 1
        if forkNum == totalWorkers:
            cluster.removeListener("fork", forkEvent_)

    forkEvent_ = common.mustCall(forkEvent, totalWorkers)
    cluster.on("fork", forkEvent_)

    # Throw accidental error when all workers are listening
    listeningNum = 0

    def listeningEvent(*a: Any) -> None:
        nonlocal listeningNum
        # When all workers are listening
        listeningNum += 1
        if listeningNum == totalWorkers:
            # Stop listening
            cluster.removeListener("listening", listeningEvent_)

            # Throw accidental error
            def throw() -> None:
                raise Exception("accidental error")

            PROC.nextTick(throw)

    listeningEvent_ = common.mustCall(listeningEvent, totalWorkers)
    cluster.on("listening", listeningEvent_)

    # Startup a basic cluster
    cluster.fork()
    cluster.fork()
    run()


def _testcase() -> None:
    # List all workers
    workers: list[int] = []

    # Spawn a cluster process
    primary = child_process.fork(__file__, ["cluster"], {"silent": True})

    # Handle messages from the cluster
    def on_message(data: Any, *a: Any) -> None:
        # Add worker pid to list and progress tracker
        if data["cmd"] == "worker":
            workers.append(data["workerPID"])

    primary.on("message", common.mustCall(on_message, totalWorkers))

    # When cluster is dead
    def on_exit(code: Any, *a: Any) -> None:
        # Check that the cluster died accidentally (non-zero exit code)
        assert code == 1

        # XXX(addaleax): The fact that this uses raw PIDs makes the test inherently
        # flaky - another process might end up being started right after the
        # workers finished and receive the same PID.
        def pollWorkers() -> None:
            # When primary is dead all workers should be dead too
            if any(isAlive(pid) for pid in workers):
                setTimeout(pollWorkers, 50)

        # Loop indefinitely until worker exit
        pollWorkers()

    primary.on("exit", common.mustCall(on_exit))
    run()


if __name__ == "__main__":
    if cluster.isWorker:
        _worker()
    elif sys.argv[1:2] == ["cluster"]:
        _cluster()
    elif sys.argv[1:2] == ["primary"]:
        _testcase()
        common.check_must_call()
