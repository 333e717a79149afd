"""Port of test/parallel/test-cluster-fork-env.js (the primary and the worker are this file run by Python; 'exit' is the end of run())."""

import os
import sys
from typing import Any

from nodenet_uv import cluster, run
from nodenet_uv.process import process
from nodenet_uv.testing import common

PROC: Any = process


def run_primary(**env: str) -> str:
    return common.run_as_primary(__file__, **env)


def test_fork_env() -> None:
    run_primary()


def _worker() -> None:
    assert cluster.worker is not None
    result = cluster.worker.send(
        {
            "prop": os.environ.get("cluster_test_prop"),
            "overwrite": os.environ.get("cluster_test_overwrite"),
        }
    )
    assert result is True
    run()


def _primary() -> None:
    checks = {"using": False, "overwrite": False}
    # To check that the cluster extend on the process.env we will overwrite a property
    os.environ["cluster_test_overwrite"] = "old"
    # Fork worker
    worker = cluster.fork({"cluster_test_prop": "custom", "cluster_test_overwrite": "new"})

    # Checks worker env
    def on_message(data: Any) -> None:
        checks["using"] = data["prop"] == "custom"
        checks["overwrite"] = data["overwrite"] == "new"
        worker.kill()

    worker.on("message", on_message)
    run()
    assert checks["using"], "The worker did not receive the correct env."
    assert checks["overwrite"], "The custom environment did not overwrite the existing environment."


if __name__ == "__main__":
    if cluster.isWorker:
        _worker()
    elif sys.argv[1:2] == ["primary"]:
        _primary()
        common.check_must_call()
