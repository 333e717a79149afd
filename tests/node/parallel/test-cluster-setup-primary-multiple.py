"""Port of test/parallel/test-cluster-setup-primary-multiple.js (the primary is this file run by Python, with a cluster module of its own)."""

import json
import sys
from typing import Any

from nodenet_uv import cluster, run
from nodenet_uv.testing import common
from nodenet_uv.timers import setTimeout


def test_setup_primary_multiple() -> None:
    common.run_as_primary(__file__)


def _primary() -> None:
    assert cluster.isPrimary

    # The cluster.settings object is cloned even though the current implementation
    # makes that unnecessary. This is to make the test less fragile if the
    # implementation ever changes such that cluster.settings is mutated instead of
    # replaced.
    def cheapClone(obj: Any) -> Any:
        return json.loads(json.dumps(obj))

    configs: list[Any] = []

    # Capture changes
    cluster.on("setup", lambda *a: configs.append(cheapClone(cluster.settings)))

    execs = [
        "node-next",
        "node-next-2",
        "node-next-3",
    ]

    # Make changes to cluster settings
    for i, v in enumerate(execs):
        setTimeout(lambda v=v: cluster.setupPrimary({"exec": v}), i * 100)

    # Cluster emits 'setup' asynchronously, so we must stay alive long
    # enough for that to happen
    setTimeout(lambda: None, (len(execs) + 1) * 100)
    run()

    # process.on('exit')
    # Tests that "setup" is emitted for every call to setupPrimary
    assert len(configs) == len(execs)

    assert configs[0]["exec"] == execs[0]
    assert configs[1]["exec"] == execs[1]
    assert configs[2]["exec"] == execs[2]


if __name__ == "__main__" and sys.argv[1:2] == ["primary"]:
    _primary()
    common.check_must_call()
