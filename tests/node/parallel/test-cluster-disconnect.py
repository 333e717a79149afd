"""Port of test/parallel/test-cluster-disconnect.js (the workers are this file run by
Python)."""

import sys
from pathlib import Path
from typing import Any

import nodenet_uv
from nodenet_uv import cluster, net, run
from nodenet_uv.testing import common

# The workers run this file with the worktree's nodenet_uv.
ENV = {"PYTHONPATH": str(Path(nodenet_uv.__file__).resolve().parents[1])}


def test_disconnect() -> None:
    cluster.setupPrimary({"exec": __file__, "args": ["worker"]})
    servers = 2
    server_ports: set[int] = set()

    # Test a single TCP server
    def test_connection(port: int, cb: Any) -> None:
        socket: Any = None

        def on_connect() -> None:
            # buffer result
            result = [b""]

            def on_data(chunk: bytes) -> None:
                result[0] += chunk

            socket.on("data", on_data)

            # check result
            def on_end() -> None:
                cb(result[0] == b"echo")
                server_ports.discard(port)

            socket.on("end", common.mustCall(on_end))

        socket = net.connect(port, "127.0.0.1", common.mustCall(on_connect))

    testConnection = common.mustCallAtLeast(test_connection)

    # Test both servers created in the cluster
    def test_cluster(cb: Any) -> None:
        done = 0
        ports_array = list(server_ports)

        def on_result(success: bool) -> None:
            nonlocal done
            assert success
            done += 1
            if done == servers:
                cb()

        for i in range(servers):
            testConnection(ports_array[i], common.mustCall(on_result))

    testCluster = common.mustCallAtLeast(test_cluster)

    # Start two workers and execute callback when both is listening
    def start_cluster(cb: Any) -> None:
        workers = 8
        online = 0

        def on_listening(address: Any) -> None:
            nonlocal online
            server_ports.add(address["port"])
            online += 1
            if online == workers * servers:
                cb()

        for _ in range(workers):
            cluster.fork(ENV).on("listening", common.mustCall(on_listening, servers))

    startCluster = common.mustCallAtLeast(start_cluster)

    def test_(again: bool = False) -> None:
        def on_disconnected() -> None:
            # Run test again to confirm cleanup
            if again:
                test()

        # 1. start cluster
        # 2. test cluster
        # 3. disconnect cluster
        startCluster(
            common.mustCall(
                lambda: testCluster(
                    common.mustCall(lambda: cluster.disconnect(common.mustCall(on_disconnected)))
                )
            )
        )

    test = common.mustCall(test_, 2)
    test(True)
    run()


def _worker() -> None:
    net.createServer(lambda socket: socket.end("echo")).listen(0, "127.0.0.1")
    net.createServer(lambda socket: socket.end("echo")).listen(0, "127.0.0.1")
    run()


if __name__ == "__main__" and sys.argv[1:2] == ["worker"]:
    _worker()
