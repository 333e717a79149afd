"""Port of test/parallel/test-cluster-setup-primary-argv.js (the primary is this file run by Python, with a cluster module of its own)."""

import sys
from typing import Any

from nodenet_uv import cluster, run
from nodenet_uv.process import process
from nodenet_uv.testing import common
from nodenet_uv.timers import setTimeout

PROC: Any = process


def test_setup_primary_argv() -> None:
    common.run_as_primary(__file__)


def _primary() -> None:
    setTimeout(common.mustNotCall("setup not emitted"), 1000).unref()

    def on_setup(*args: Any) -> None:
        clusterArgs = cluster.settings["args"]
        realArgs = PROC.argv
        assert clusterArgs[len(clusterArgs) - 1] == realArgs[len(realArgs) - 1]

    cluster.on("setup", common.mustCall(on_setup))

    assert PROC.argv[len(PROC.argv) - 1] != "OMG,OMG"
    PROC.argv.append("OMG,OMG")
    PROC.argv.append("OMG,OMG")
    cluster.setupPrimary()
    run()


if __name__ == "__main__" and sys.argv[1:2] == ["primary"]:
    _primary()
    common.check_must_call()
