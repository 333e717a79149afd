"""Port of test/parallel/test-cluster-net-listen-backlog.js (the primary and the worker are
this file run by Python: the primary needs SCHED_RR)."""

import sys
from typing import Any

from nodenet_uv import cluster, net, run
from nodenet_uv.process import process
from nodenet_uv.testing import common

PROC: Any = process
kExpectedBacklog = 127


def test_net_listen_backlog() -> None:
    common.run_as_primary(__file__)


def _primary() -> None:
    cluster.schedulingPolicy = cluster.SCHED_RR
    listen = net.Server.listen

    def patched_listen(self: Any, *args: Any) -> Any:
        options = args[0]
        # node's assert(options.backlog, kExpectedBacklog) only checks that there is one;
        # here it is the worker's.
        if isinstance(options, dict):
            assert options["backlog"] == kExpectedBacklog
        else:
            assert args[1] == kExpectedBacklog
        return listen(self, *args)

    net.Server.listen = common.mustCall(patched_listen)  # type: ignore[method-assign]
    worker = cluster.fork()
    worker.on("message", lambda *a: worker.disconnect())
    # node does not look at the worker's exit; here a failed assertion in it shows.
    worker.on("exit", common.mustCall(lambda code, *a: _expect_zero(code)))
    run()


def _expect_zero(code: Any) -> None:
    assert code == 0


def _worker() -> None:
    server = net.createServer()
    server.listen(
        {"host": common.localhostIPv4, "port": 0, "backlog": kExpectedBacklog},
        common.mustCall(lambda: PROC.send(True)),
    )
    run()
    common.check_must_call()


if __name__ == "__main__":
    if cluster.isWorker:
        _worker()
    elif sys.argv[1:2] == ["primary"]:
        _primary()
        common.check_must_call()
