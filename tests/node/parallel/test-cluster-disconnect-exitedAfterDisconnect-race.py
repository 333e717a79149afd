"""Port of test/parallel/test-cluster-disconnect-exitedAfterDisconnect-race.js (the worker is
this file run by Python).

Test should fail in Node.js 5.4.1 and pass in later versions.
"""

import sys
from pathlib import Path
from typing import Any

import nodenet_uv
from nodenet_uv import cluster, run
from nodenet_uv.process import process
from nodenet_uv.testing import common

# The workers run this file with the worktree's nodenet_uv.
ENV = {"PYTHONPATH": str(Path(nodenet_uv.__file__).resolve().parents[1])}
PROC: Any = process


def test_disconnect_exited_after_disconnect_race() -> None:
    cluster.setupPrimary({"exec": __file__, "args": ["worker"]})

    def on_exit(worker: Any, code: Any, *args: Any) -> None:
        assert code == 0, f"worker exited with code: {code}, expected 0"

    cluster.on("exit", common.mustCall(on_exit))
    cluster.fork(ENV)
    try:
        run()
    finally:
        cluster.removeAllListeners("exit")


def _worker() -> None:
    assert cluster.worker is not None
    event_fired = False

    cluster.worker.disconnect()

    def on_tick() -> None:
        assert not event_fired, "disconnect event should wait for ack"

    PROC.nextTick(common.mustCall(on_tick))

    def on_disconnect() -> None:
        nonlocal event_fired
        event_fired = True

    cluster.worker.on("disconnect", common.mustCall(on_disconnect))
    run()
    # A mustCall count that is off makes the worker exit non-zero (node checks at exit).
    common.check_must_call()


if __name__ == "__main__" and sys.argv[1:2] == ["worker"]:
    _worker()
