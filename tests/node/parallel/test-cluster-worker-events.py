"""Port of test/parallel/test-cluster-worker-events.js (the primary and the worker are this file run by Python)."""

import sys
from typing import Any

from nodenet_uv import cluster, run
from nodenet_uv.process import process
from nodenet_uv.testing import common

PROC: Any = process


def run_primary(**env: str) -> str:
    return common.run_as_primary(__file__, **env)


OK = 2


def test_worker_events() -> None:
    run_primary()


def _primary() -> None:
    worker = cluster.fork()

    def on_exit(code: Any, *args: Any) -> None:
        assert code == OK
        common.check_must_call()
        PROC.exit(0)

    worker.on("exit", common.mustCall(on_exit))
    result = worker.send("SOME MESSAGE")
    assert result is True
    run()


def _worker() -> None:
    assert cluster.isWorker and cluster.worker is not None
    worker = cluster.worker
    seen = {"process": False, "worker": False}
    messages: list[Any] = []

    def check(m: Any) -> None:
        messages.append(m)
        if len(messages) < 2:
            return
        assert messages[0] == messages[1]

        def on_error(e: Any) -> None:
            assert e == "HI"
            PROC.exit(OK)

        worker.once("error", common.mustCall(on_error))
        PROC.emit("error", "HI")

    checked = common.mustCallAtLeast(check)

    def on_process_message(m: Any) -> None:
        assert not seen["process"]
        seen["process"] = True
        checked(m)

    def on_worker_message(m: Any) -> None:
        assert not seen["worker"]
        seen["worker"] = True
        checked(m)

    PROC.on("message", on_process_message)
    worker.on("message", on_worker_message)
    run()


if __name__ == "__main__":
    if cluster.isWorker:
        _worker()
    elif sys.argv[1:2] == ["primary"]:
        _primary()
        common.check_must_call()
