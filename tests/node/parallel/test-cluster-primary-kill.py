"""Port of test/parallel/test-cluster-primary-kill.js (the testcase, the cluster primary and its worker are this file run by Python; the worker runs a net.Server where node's runs an http.Server)."""

import os
import sys
from typing import Any

from nodenet_uv import child_process, cluster, net, run
from nodenet_uv.process import process
from nodenet_uv.testing import common
from nodenet_uv.timers import setTimeout

PROC: Any = process


def isAlive(pid: int) -> bool:
    # common.isAlive: process.kill(pid, 'SIGCONT') succeeds.
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_primary_kill() -> None:
    # The testcase (node's process with no argument) is `python this-file primary`.
    common.run_as_primary(__file__)


def _worker() -> None:
    # Keep the worker alive
    net.Server().listen(0, "127.0.0.1")
    run()


def _cluster() -> None:
    worker = cluster.fork()

    # send PID info to testcase process
    PROC.send({"pid": worker.process.pid})

    # Terminate the cluster process
    worker.once("listening", common.mustCall(lambda *a: setTimeout(lambda: PROC.exit(0), 1000)))
    try:
        run()
    except SystemExit as e:
        # process.exit(): node runs the mustCall checks at exit too.
        if not e.code:
            common.check_must_call()
        raise


def _testcase() -> None:
    # Spawn a cluster process
    primary = child_process.fork(__file__, ["cluster"])

    # get pid info
    pid: Any = None

    def on_message(data: Any, *a: Any) -> None:
        nonlocal pid
        pid = data["pid"]

    primary.once("message", on_message)

    # When primary is dead
    alive = True

    def on_exit(code: Any, *a: Any) -> None:
        # Make sure that the primary died on purpose
        assert code == 0

        # Check worker process status
        def pollWorker() -> None:
            nonlocal alive
            alive = isAlive(pid)
            if alive:
                setTimeout(pollWorker, 50)

        # Loop indefinitely until worker exit.
        pollWorker()

    primary.on("exit", common.mustCall(on_exit))
    run()

    # process.once('exit')
    assert isinstance(pid, int), f"got {pid} instead of a worker pid"
    assert alive is False, f"worker was alive after primary died (alive = {alive})"


if __name__ == "__main__":
    if cluster.isWorker:
        _worker()
    elif sys.argv[1:2] == ["cluster"]:
        _cluster()
    elif sys.argv[1:2] == ["primary"]:
        _testcase()
        common.check_must_call()
