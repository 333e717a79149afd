"""Port of test/parallel/test-cluster-net-server-drop-connection.js (the primary and the workers are this file run by Python)."""

import os
import re
import sys
from typing import Any

from nodenet_uv import cluster, net, run
from nodenet_uv.process import process
from nodenet_uv.testing import common

PROC: Any = process

totalConns = 10
totalWorkers = 3
worker0: Any = None
worker1: Any = None
worker2: Any = None
connectionCount = 0
listenCount = 0


def request(path: str) -> None:
    for _ in range(totalConns):
        net.connect(path)


def handleMessage(message: Any) -> None:
    global listenCount, connectionCount
    assert re.search("listen|connection", message["action"])
    if message["action"] == "listen":
        listenCount += 1
        if listenCount == totalWorkers:
            request(common.PIPE)
    elif message["action"] == "connection":
        connectionCount += 1
        if connectionCount == totalConns:
            worker0.send({"action": "disconnect"})
            worker1.send({"action": "disconnect"})
            worker2.send({"action": "disconnect"})


def test_net_server_drop_connection() -> None:
    common.run_as_primary(__file__)


def _primary() -> None:
    global worker0, worker1, worker2
    cluster.schedulingPolicy = cluster.SCHED_RR
    # (tmpdir.refresh(): common.PIPE is in a directory of this process's own.)
    worker0 = cluster.fork({"maxConnections": 0, "pipePath": common.PIPE})
    worker1 = cluster.fork({"maxConnections": 1, "pipePath": common.PIPE})
    worker2 = cluster.fork({"maxConnections": 9, "pipePath": common.PIPE})
    # expected = { action: 'listen' } + maxConnections * { action: 'connection' }
    worker0.on("message", common.mustCall(lambda message, *a: handleMessage(message), 1))
    worker1.on("message", common.mustCall(lambda message, *a: handleMessage(message), 2))
    worker2.on("message", common.mustCall(lambda message, *a: handleMessage(message), 10))
    run()


def _worker() -> None:
    maxConnections = int(os.environ["maxConnections"])
    server = net.createServer(
        common.mustCall(lambda socket: PROC.send({"action": "connection"}), maxConnections)
    )

    server.listen(os.environ["pipePath"], common.mustCall(lambda: PROC.send({"action": "listen"})))

    server.maxConnections = maxConnections

    def on_message(message: Any, *a: Any) -> None:
        assert message["action"] == "disconnect"
        PROC.disconnect()

    PROC.on("message", common.mustCall(on_message))
    try:
        run()
    finally:
        # process.exit() (the worker exits on disconnect): node runs the checks at exit too.
        common.check_must_call()


if __name__ == "__main__":
    if cluster.isWorker:
        _worker()
    elif sys.argv[1:2] == ["primary"]:
        _primary()
        common.check_must_call()
