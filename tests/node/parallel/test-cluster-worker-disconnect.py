"""Port of test/parallel/test-cluster-worker-disconnect.js (the primary and the worker are this file run by Python; the worker runs a net.Server where node's runs an http.Server)."""

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


def test_worker_disconnect() -> None:
    common.run_as_primary(__file__)


def _worker() -> None:
    net.Server(lambda *a: None).listen(0, "127.0.0.1")
    assert cluster.worker is not None
    cluster.worker.on("disconnect", common.mustCall(lambda: PROC.exit(42)))
    try:
        run()
    finally:
        # process.exit(): node runs the mustCall checks at exit too.
        common.check_must_call()


def _primary() -> None:
    checks: dict[str, dict[str, Any]] = {
        "cluster": {
            "emitDisconnect": False,
            "emitExit": False,
            "callback": False,
        },
        "worker": {
            "emitDisconnect": False,
            "emitDisconnectInsideWorker": False,
            "emitExit": False,
            "state": False,
            "voluntaryMode": False,
            "died": False,
        },
    }

    # start worker
    worker = cluster.fork()

    # Disconnect worker when it is ready
    def on_listening(*args: Any) -> None:
        w = worker.disconnect()
        assert worker is w, f"{worker.id} did not return a reference"

    worker.once("listening", common.mustCall(on_listening))

    # Check cluster events
    def on_cluster_disconnect(*args: Any) -> None:
        checks["cluster"]["emitDisconnect"] = True

    cluster.once("disconnect", common.mustCall(on_cluster_disconnect))

    def on_cluster_exit(*args: Any) -> None:
        checks["cluster"]["emitExit"] = True

    cluster.once("exit", common.mustCall(on_cluster_exit))

    # Check worker events and properties
    def on_disconnect() -> None:
        checks["worker"]["emitDisconnect"] = True
        checks["worker"]["voluntaryMode"] = worker.exitedAfterDisconnect
        checks["worker"]["state"] = worker.state

    worker.once("disconnect", common.mustCall(on_disconnect))

    # Check that the worker died
    def on_exit(code: Any, *args: Any) -> None:
        checks["worker"]["emitExit"] = True
        checks["worker"]["died"] = not isAlive(worker.process.pid)
        checks["worker"]["emitDisconnectInsideWorker"] = code == 42

    worker.once("exit", common.mustCall(on_exit))
    run()

    # process.once('exit')
    w = checks["worker"]
    c = checks["cluster"]

    # events
    assert w["emitDisconnect"], "Disconnect event did not emit"
    assert w["emitDisconnectInsideWorker"], "Disconnect event did not emit inside worker"
    assert c["emitDisconnect"], "Disconnect event did not emit"
    assert w["emitExit"], "Exit event did not emit"
    assert c["emitExit"], "Exit event did not emit"

    # flags
    assert w["state"] == "disconnected"
    assert w["voluntaryMode"] is True

    # is process alive
    assert w["died"], "The worker did not die"


if __name__ == "__main__":
    if cluster.isWorker:
        _worker()
    elif sys.argv[1:2] == ["primary"]:
        _primary()
        common.check_must_call()
