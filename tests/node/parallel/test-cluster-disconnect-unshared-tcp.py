"""Port of test/parallel/test-cluster-disconnect-unshared-tcp.js (the primary and the
workers are this file run by Python with NODE_CLUSTER_SCHED_POLICY=none)."""

import os
import sys
from typing import Any

from nodenet_uv import cluster, net, run
from nodenet_uv.testing import common


def test_disconnect_unshared_tcp() -> None:
    # node sets process.env.NODE_CLUSTER_SCHED_POLICY before require('cluster').
    common.run_as_primary(__file__, NODE_CLUSTER_SCHED_POLICY="none")


def _primary() -> None:
    assert cluster.schedulingPolicy == cluster.SCHED_NONE

    def bind() -> None:
        cluster.fork({"BOUND": "y"}).on("listening", disconnect)

    def disconnect(*a: Any) -> None:
        unbound.disconnect()
        unbound.on("disconnect", cluster.disconnect)

    unbound = cluster.fork().on("online", bind)
    run()


def _worker() -> None:
    if os.environ.get("BOUND") == "y":
        source = net.createServer()
        source.listen(0)
    run()


if __name__ == "__main__":
    if cluster.isWorker:
        _worker()
    elif sys.argv[1:2] == ["primary"]:
        _primary()
        common.check_must_call()
