"""Port of test/parallel/test-cluster-advanced-serialization.js (the worker is this file run
by Python)."""

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


def test_advanced_serialization() -> None:
    cluster.setupPrimary({"exec": __file__, "args": ["worker"]})
    cluster.settings["serialization"] = "advanced"
    try:
        worker = cluster.fork(ENV)
    finally:
        # DIVERGENCE: the primary is the shared pytest process; later ports keep 'json'.
        del cluster.settings["serialization"]
    circular: dict[str, Any] = {}
    circular["circular"] = circular

    def on_online() -> None:
        worker.send(circular)

        def on_message(msg: Any) -> None:
            # deepStrictEqual(msg, circular): a fresh object whose one key is itself.
            assert isinstance(msg, dict) and list(msg) == ["circular"]
            assert msg is not circular and msg["circular"] is msg
            worker.kill()

        worker.on("message", common.mustCall(on_message))

    worker.on("online", common.mustCall(on_online))
    run()


def _worker() -> None:
    PROC.on("message", lambda msg: PROC.send(msg))
    run()


if __name__ == "__main__" and sys.argv[1:2] == ["worker"]:
    _worker()
