"""Port of test/parallel/test-cluster-net-listen-ipv6only-false.js (the primary and the workers are this file run by Python)."""

import sys
from typing import Any

import pytest

from nodenet_uv import cluster, net, run
from nodenet_uv._internal.promise import Promise
from nodenet_uv.testing import common

# This test ensures that dual-stack support still works for cluster module
# when `ipv6Only` is not `true`.
host = "::"
WORKER_COUNT = 3


@pytest.mark.skipif(not common.hasIPv6, reason="no IPv6 support")
def test_net_listen_ipv6only_false() -> None:
    common.run_as_primary(__file__)


def _primary() -> None:
    workers = []
    address: Any = None

    for _ in range(WORKER_COUNT):

        def executor(resolve: Any, reject: Any) -> None:
            def on_exit(statusCode: Any, *a: Any) -> None:
                assert statusCode == 0

            def on_listening(workerAddress: Any) -> None:
                nonlocal address
                if not address:
                    address = workerAddress
                else:
                    assert address["addressType"] == workerAddress["addressType"]
                    assert address.get("host") == workerAddress.get("host")
                    assert address["port"] == workerAddress["port"]
                resolve(worker)

            worker = (
                cluster.fork()
                .on("exit", common.mustCall(on_exit))
                .on("listening", common.mustCall(on_listening))
            )

        workers.append(Promise(executor))

    def on_all(resolvedWorkers: Any) -> None:
        def on_connect() -> None:
            socket.destroy()
            for resolvedWorker in resolvedWorkers:
                resolvedWorker.disconnect()

        socket = net.connect(
            {"port": address["port"], "host": "0.0.0.0"}, common.mustCall(on_connect)
        )
        socket.on("error", common.mustNotCall())

    Promise.all(workers).then(common.mustCall(on_all))
    run()


def _worker() -> None:
    net.createServer().listen({"host": host, "port": 0}, common.mustCall())
    run()
    common.check_must_call()


if __name__ == "__main__":
    if cluster.isWorker:
        _worker()
    elif sys.argv[1:2] == ["primary"]:
        _primary()
        common.check_must_call()
