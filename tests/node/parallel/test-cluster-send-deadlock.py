"""Port of test/parallel/test-cluster-send-deadlock.js (the primary and the worker are this file run by Python)."""

# Testing mutual send of handles: from primary to worker, and from worker to
# primary.

import sys
from typing import Any

from nodenet_uv import cluster, net, run
from nodenet_uv.process import process
from nodenet_uv.testing import common

PROC: Any = process


def test_send_deadlock() -> None:
    common.run_as_primary(__file__)


def _primary() -> None:
    worker = cluster.fork()

    def on_exit(code: Any, signal: Any) -> None:
        assert code == 0, f"Worker exited with an error code: {code}"
        assert not signal, f"Worker exited by a signal: {signal}"
        server.close()

    worker.on("exit", common.mustCall(on_exit))

    server = net.createServer(lambda socket: worker.send("handle", socket))

    server.listen(0, lambda: worker.send({"message": "listen", "port": server.address()["port"]}))
    run()


def _worker() -> None:
    def on_message(msg: Any, handle: Any = None) -> None:
        if isinstance(msg, dict) and msg.get("message") == "listen":
            assert msg["port"]
            waiting = 2

            def onclose(*a: Any) -> None:
                nonlocal waiting
                waiting -= 1
                if waiting == 0:
                    assert cluster.worker is not None
                    cluster.worker.disconnect()

            def on_connect1() -> None:
                def on_connect2() -> None:
                    client1.on("close", onclose)
                    client2.on("close", onclose)
                    client1.end()
                    client2.end()

                client2 = net.connect({"host": "localhost", "port": msg["port"]}, on_connect2)

            client1 = net.connect({"host": "localhost", "port": msg["port"]}, on_connect1)
        else:
            PROC.send("reply", handle)

    PROC.on("message", on_message)
    run()


if __name__ == "__main__":
    if cluster.isWorker:
        _worker()
    elif sys.argv[1:2] == ["primary"]:
        _primary()
        common.check_must_call()
