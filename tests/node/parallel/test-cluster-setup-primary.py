"""Port of test/parallel/test-cluster-setup-primary.js (the primary and the workers are this file run by Python)."""

import json
import sys
from typing import Any

from nodenet_uv import cluster, run
from nodenet_uv.process import process
from nodenet_uv.testing import common

PROC: Any = process


def test_setup_primary() -> None:
    common.run_as_primary(__file__)


def _worker() -> None:
    # Just keep the worker alive
    # DIVERGENCE: Python's argv has no execPath: node's process.argv[2] is argv[1] here.
    PROC.send(PROC.argv[1])
    run()


def _primary() -> None:
    checks = {
        "args": False,
        "setupEvent": False,
        "settingsObject": False,
    }

    totalWorkers = 2
    settings: Any = None

    # Setup primary
    cluster.setupPrimary({"args": ["custom argument"], "silent": True})

    def on_setup(*a: Any) -> None:
        nonlocal settings
        checks["setupEvent"] = True

        settings = cluster.settings
        # DIVERGENCE: the main script is process.argv[0] here (node's argv[1]).
        if (
            settings
            and settings.get("args")
            and settings["args"][0] == "custom argument"
            and settings["silent"] is True
            and settings["exec"] == PROC.argv[0]
        ):
            checks["settingsObject"] = True

    cluster.once("setup", on_setup)

    correctInput = 0

    def listener(worker: Any) -> None:
        def on_message(data: Any, *a: Any) -> None:
            nonlocal correctInput
            correctInput += 1 if data == "custom argument" else 0
            if correctInput == totalWorkers:
                checks["args"] = True
            worker.kill()

        worker.once("message", on_message)

    cluster.on("online", common.mustCall(listener, totalWorkers))

    # Start all workers
    cluster.fork()
    cluster.fork()
    run()

    # Check all values (process.once('exit'))
    argsMsg = (
        "Arguments was not send for one or more worker. "
        f"{correctInput} workers receive argument, "
        f"but {totalWorkers} were expected."
    )
    assert checks["args"], argsMsg

    assert checks["setupEvent"], "The setup event was never emitted"

    settingObjectMsg = (
        f"The settingsObject do not have correct properties : {json.dumps(settings, default=str)}"
    )
    assert checks["settingsObject"], settingObjectMsg


if __name__ == "__main__":
    if cluster.isWorker:
        _worker()
    elif sys.argv[1:2] == ["primary"]:
        _primary()
        common.check_must_call()
