"""Port of test/parallel/test-cluster-net-reuseport.js (the primary and the worker are this file run by Python)."""

import sys
from typing import Any

from nodenet_uv import cluster, net, run
from nodenet_uv._internal.promise import Promise
from nodenet_uv.testing import common

# test/common/net.js
options = {"port": 0, "reusePort": True}


def checkSupportReusePort() -> Promise:
    def executor(resolve: Any, reject: Any) -> None:
        server = net.createServer().listen(options)
        server.on("listening", lambda: server.close(resolve))

        def on_error(err: Any) -> None:
            print("The `reusePort` option is not supported:", err)
            server.close()
            reject(err)

        server.on("error", on_error)

    return Promise(executor)


def test_net_reuseport() -> None:
    out = common.run_as_primary(__file__)
    # common.skip() in the primary would be a skip, not a pass.
    assert "not supported" not in out, out


def _primary() -> None:
    def on_exit(code: Any, *a: Any) -> None:
        assert code == 0

    def supported(*a: Any) -> None:
        cluster.fork().on("exit", common.mustCall(on_exit))

    checkSupportReusePort().then(supported, lambda *a: print("SKIP: reusePort not supported"))
    run()


def _worker() -> None:
    waiting = 2

    def close(*a: Any) -> None:
        nonlocal waiting
        waiting -= 1
        if waiting == 0:
            assert cluster.worker is not None
            cluster.worker.disconnect()

    server1 = net.createServer()
    server2 = net.createServer()

    # Test if the worker requests the main process to create a socket
    cluster._getServer = common.mustNotCall()  # type: ignore[assignment]

    def on_listening1() -> None:
        port = server1.address()["port"]

        def on_listening2() -> None:
            server1.close(close)
            server2.close(close)

        server2.listen({**options, "port": port}, common.mustCall(on_listening2))

    server1.listen(options, common.mustCall(on_listening1))
    run()
    common.check_must_call()


if __name__ == "__main__":
    if cluster.isWorker:
        _worker()
    elif sys.argv[1:2] == ["primary"]:
        _primary()
        common.check_must_call()
