"""Port of test/parallel/test-cluster-worker-kill.js (the primary and the worker are this file run by Python; the worker runs a net.Server where node's runs an http.Server)."""

# test-cluster-worker-kill.js
# verifies that, when a child process is killed (we use SIGKILL)
# - the primary receives the proper events in the proper order, no duplicates
# - the exitCode and signalCode are correct in the 'exit' event
# - the worker.exitedAfterDisconnect flag, and worker.state are correct
# - the worker process actually goes away

import os
import sys
from typing import Any

from nodenet_uv import cluster, net, run
from nodenet_uv.process import process
from nodenet_uv.testing import common

PROC: Any = process


def isAlive(pid: int) -> bool:
    # common.isAlive: process.kill(pid, 'SIGCONT') succeeds.
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_worker_kill() -> None:
    common.run_as_primary(__file__)


def _worker() -> None:
    server = net.Server(lambda *a: None)
    server.once("listening", common.mustCall())
    server.listen(0, "127.0.0.1")
    run()


def _primary() -> None:
    KILL_SIGNAL = "SIGKILL"
    expected_results: dict[str, list[Any]] = {
        "cluster_emitDisconnect": [1, "the cluster did not emit 'disconnect'"],
        "cluster_emitExit": [1, "the cluster did not emit 'exit'"],
        "cluster_exitCode": [None, "the cluster exited w/ incorrect exitCode"],
        "cluster_signalCode": [KILL_SIGNAL, "the cluster exited w/ incorrect signalCode"],
        "worker_emitDisconnect": [1, "the worker did not emit 'disconnect'"],
        "worker_emitExit": [1, "the worker did not emit 'exit'"],
        "worker_state": ["disconnected", "the worker state is incorrect"],
        "worker_exitedAfter": [False, "the .exitedAfterDisconnect flag is incorrect"],
        "worker_died": [True, "the worker is still running"],
        "worker_exitCode": [None, "the worker exited w/ incorrect exitCode"],
        "worker_signalCode": [KILL_SIGNAL, "the worker exited w/ incorrect signalCode"],
    }
    results: dict[str, Any] = {
        "cluster_emitDisconnect": 0,
        "cluster_emitExit": 0,
        "worker_emitDisconnect": 0,
        "worker_emitExit": 0,
    }

    # start worker
    worker = cluster.fork()

    # When the worker is up and running, kill it
    worker.once("listening", common.mustCall(lambda *a: worker.process.kill(KILL_SIGNAL)))

    # Check cluster events
    def on_cluster_disconnect(*args: Any) -> None:
        results["cluster_emitDisconnect"] += 1

    cluster.on("disconnect", common.mustCall(on_cluster_disconnect))

    def on_cluster_exit(worker: Any, *args: Any) -> None:
        results["cluster_exitCode"] = worker.process.exitCode
        results["cluster_signalCode"] = worker.process.signalCode
        results["cluster_emitExit"] += 1

    cluster.on("exit", common.mustCall(on_cluster_exit))

    # Check worker events and properties
    def on_disconnect() -> None:
        results["worker_emitDisconnect"] += 1
        results["worker_exitedAfter"] = worker.exitedAfterDisconnect
        results["worker_state"] = worker.state

    worker.on("disconnect", common.mustCall(on_disconnect))

    # Check that the worker died
    def on_exit(exitCode: Any, signalCode: Any) -> None:
        results["worker_exitCode"] = exitCode
        results["worker_signalCode"] = signalCode
        results["worker_emitExit"] += 1
        results["worker_died"] = not isAlive(worker.process.pid)

    worker.once("exit", common.mustCall(on_exit))
    run()
    # process.on('exit')
    checkResults(expected_results, results)


# Some helper functions ...


def checkResults(expected_results: dict[str, list[Any]], results: dict[str, Any]) -> None:
    for k in expected_results:
        actual = results.get(k)
        expected = expected_results[k]
        assert actual == expected[0] and type(actual) is type(expected[0]), (
            f"{expected[1] or ''} [expected: {expected[0]} / actual: {actual}]"
        )


if __name__ == "__main__":
    if cluster.isWorker:
        _worker()
    elif sys.argv[1:2] == ["primary"]:
        _primary()
        common.check_must_call()
