"""Port of test/parallel/test-cluster-setup-primary-emit.js (the settings are put back after)."""

import sys
from pathlib import Path
from typing import Any

import nodenet_uv
from nodenet_uv import cluster, run
from nodenet_uv.process import process
from nodenet_uv.testing import common
from nodenet_uv.timers import setImmediate

# The workers run this file with the worktree's nodenet_uv.
ENV = {"PYTHONPATH": str(Path(nodenet_uv.__file__).resolve().parents[1])}
PROC: Any = process


def test_setup_primary_emit() -> None:
    assert cluster.isPrimary
    saved = cluster.settings.get("exec")

    def emitAndCatch(next: Any) -> None:
        def on_setup(settings: Any) -> None:
            assert settings["exec"] == "new-exec"
            setImmediate(next)

        cluster.once("setup", common.mustCall(on_setup))
        cluster.setupPrimary({"exec": "new-exec"})

    def emitAndCatch2(next: Any) -> None:
        def on_setup(settings: Any) -> None:
            assert "exec" in settings
            setImmediate(next)

        cluster.once("setup", common.mustCall(on_setup))
        cluster.setupPrimary()

    emitAndCatch(common.mustCall(lambda: emitAndCatch2(common.mustCall())))
    try:
        run()
    finally:
        cluster.settings["exec"] = saved


def _worker() -> None:
    pass


if __name__ == "__main__" and sys.argv[1:2] == ["worker"]:
    _worker()
