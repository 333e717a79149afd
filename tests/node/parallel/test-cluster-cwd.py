"""Port of test/parallel/test-cluster-cwd.js (the workers are this file run by Python; the settings are put back after)."""

import os
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


def test_cwd(tmp_path: Path) -> None:
    cluster.setupPrimary({"exec": __file__, "args": ["worker"]})
    assert cluster.settings.get("cwd") is None
    try:

        def first(msg: Any) -> None:
            assert msg == os.getcwd()

        cluster.fork(ENV).on("message", common.mustCall(first))
        cluster.setupPrimary({"cwd": str(tmp_path)})
        assert cluster.settings["cwd"] == str(tmp_path)

        def second(msg: Any) -> None:
            assert msg == str(tmp_path)

        cluster.fork(ENV).on("message", common.mustCall(second))
        run()
    finally:
        cluster.settings.pop("cwd", None)


def _worker() -> None:
    PROC.send(os.getcwd())
    PROC.disconnect()
    run()


if __name__ == "__main__" and sys.argv[1:2] == ["worker"]:
    _worker()
