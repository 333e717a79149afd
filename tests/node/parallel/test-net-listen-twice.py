"""Port of test/parallel/test-net-listen-twice.js (the worker is this file run by Python;
its 'listening' count is checked before it disconnects)."""

import sys
from pathlib import Path
from typing import Any

import nodenet_uv
from nodenet_uv import cluster, net, run
from nodenet_uv.process import process
from nodenet_uv.testing import common
from nodenet_uv.timers import setImmediate

ENV = {"PYTHONPATH": str(Path(nodenet_uv.__file__).resolve().parents[1])}


def test_listen_twice() -> None:
    cluster.setupPrimary({"exec": __file__, "args": ["worker"]})
    worker = cluster.fork(ENV)

    def on_exit(code: Any, signal: Any = None) -> None:
        assert code == 0

    worker.on("exit", common.mustCall(on_exit))
    run()


def _worker() -> None:
    server = net.createServer()
    server.listen()
    try:
        # Currently, we can call `listen` twice in cluster worker,
        # if we can not call `listen` twice in the future,
        # just skip this test.
        server.listen()
    except Exception as e:
        print(e, file=sys.stderr)
        process.exit(0)
    i = [0]
    listening = [0]

    def on_close() -> None:
        # Must only call once
        assert listening[0] == 1, listening[0]
        process.disconnect()  # type: ignore[attr-defined]

    def on_internal(msg: Any, *args: Any) -> None:
        if msg.get("cmd") == "NODE_CLUSTER":
            i[0] += 1
            if i[0] == 2:
                setImmediate(lambda: server.close(on_close))

    process.on("internalMessage", on_internal)
    server.on("listening", lambda: listening.__setitem__(0, listening[0] + 1))
    run()


if __name__ == "__main__" and sys.argv[1:2] == ["worker"]:
    _worker()
