"""Port of test/sequential/test-cluster-net-listen-ipv6only-rr.js (the primary and the workers are this file run by Python)."""

import sys
from typing import Any

import pytest

from nodenet_uv import cluster, net, run
from nodenet_uv._internal.promise import Promise
from nodenet_uv.testing import common

# This test ensures that the `ipv6Only` option in `net.Server.listen()`
# works as expected when we use cluster with `SCHED_RR` schedulingPolicy.
host = "::"
WORKER_ACCOUNT = 3


@pytest.mark.skipif(not common.hasIPv6, reason="no IPv6 support")
def test_net_listen_ipv6only_rr() -> None:
    common.run_as_primary(__file__)


def _primary() -> None:
    # Node sets it at the top of the file (in the worker too, where it changes nothing):
    # pytest imports this module too, and its cluster module must stay as it is.
    cluster.schedulingPolicy = cluster.SCHED_RR
    workers = []
    address: Any = None

    for _ in range(WORKER_ACCOUNT):

        def executor(resolve: Any, reject: Any) -> None:
            def on_exit(statusCode: Any, *a: Any) -> None:
                assert statusCode == 0

            def on_listening(workerAddress: Any) -> None:
                nonlocal address
                if not address:
                    address = workerAddress
                else:
                    assert workerAddress == address
                resolve(worker)

            worker = (
                cluster.fork()
                .on("exit", common.mustCall(on_exit))
                .on("listening", common.mustCall(on_listening))
            )

        workers.append(Promise(executor))

    def on_all(resolvedWorkers: Any) -> None:
        # Make sure the `ipv6Only` option works. Should be able to use the port on
        # IPv4.
        def on_listening() -> None:
            # Exit.
            server.close()
            for resolvedWorker in resolvedWorkers:
                resolvedWorker.disconnect()

        server = net.createServer().listen(
            {"host": "0.0.0.0", "port": address["port"]}, common.mustCall(on_listening)
        )

    Promise.all(workers).then(common.mustCall(on_all))
    run()


def _worker() -> None:
    # As the cluster member has the potential to grab any port
    # from the environment, this can cause collision when primary
    # obtains the port from cluster member and tries to listen on.
    # So move this to sequential, and provide a static port.
    # Refs: https://github.com/nodejs/node/issues/25813
    net.createServer().listen(
        {"host": host, "port": common.PORT, "ipv6Only": True}, common.mustCall()
    )
    run()
    common.check_must_call()


if __name__ == "__main__":
    if cluster.isWorker:
        _worker()
    elif sys.argv[1:2] == ["primary"]:
        _primary()
        common.check_must_call()
