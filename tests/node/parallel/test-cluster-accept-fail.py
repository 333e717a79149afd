"""Port of test/parallel/test-cluster-accept-fail.js (the primary and the worker are this
file run by Python: the primary needs SCHED_RR).

Node patches ``require('internal/cluster/round_robin_handle').prototype.distribute``; here
the same class is ``nodenet_uv.cluster.RoundRobinHandle``.
"""

import sys
from typing import Any

from nodenet_uv import cluster, net, run
from nodenet_uv.process import process
from nodenet_uv.testing import common

PROC: Any = process


def test_accept_fail() -> None:
    common.run_as_primary(__file__)


def _primary() -> None:
    rr = cluster.RoundRobinHandle
    original_distribute = rr.distribute

    def distribute(self: Any, err: int, handle: Any) -> None:
        assert err == 0
        handle.close()
        original_distribute(self, -1, None)

    rr.distribute = common.mustCall(distribute)  # type: ignore[method-assign]
    cluster.schedulingPolicy = cluster.SCHED_RR
    worker = cluster.fork()
    # node does not look at the worker's exit; here a failed assertion in it shows.
    worker.on("exit", common.mustCall(lambda code, *a: _expect_zero(code)))
    run()


def _expect_zero(code: Any) -> None:
    assert code == 0


def _worker() -> None:
    server = net.createServer(common.mustNotCall())

    def on_listening() -> None:
        socket = net.connect(server.address()["port"])

        def on_close(*a: Any) -> None:
            server.close(common.mustCall(lambda *a: PROC.disconnect()))

        socket.on("close", common.mustCall(on_close))

    server.listen(0, common.mustCall(on_listening))
    run()
    common.check_must_call()


if __name__ == "__main__":
    if cluster.isWorker:
        _worker()
    elif sys.argv[1:2] == ["primary"]:
        _primary()
        common.check_must_call()
