"""Port of test/parallel/test-cluster-fork-stdio.js (the primary and the worker are this
file run by Python: the primary's settings get a ``stdio`` of their own)."""

import sys
from typing import Any

from nodenet_uv import cluster, net, run
from nodenet_uv.testing import common


def test_fork_stdio() -> None:
    common.run_as_primary(__file__)


def _primary() -> None:
    buf = b"foobar"
    cluster.setupPrimary({"stdio": ["pipe", "pipe", "pipe", "ipc", "pipe"]})
    worker = cluster.fork()
    channel = worker.process.stdio[4]
    response = ""

    def on_exit(code: Any, signal: Any) -> None:
        assert code == 0
        assert signal is None

    worker.on("exit", common.mustCall(on_exit))
    channel.setEncoding("utf8")

    def on_data(data: str) -> None:
        nonlocal response
        response += data
        if response == buf.decode():
            worker.disconnect()

    channel.on("data", on_data)
    channel.write(buf)
    run()


def _worker() -> None:
    pipe = net.Socket({"fd": 4})
    pipe.unref()

    def on_data(data: Any) -> None:
        assert isinstance(data, bytes)
        pipe.write(data)

    pipe.on("data", common.mustCallAtLeast(on_data))
    run()
    common.check_must_call()


if __name__ == "__main__":
    if cluster.isWorker:
        _worker()
    elif sys.argv[1:2] == ["primary"]:
        _primary()
        common.check_must_call()
