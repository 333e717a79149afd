"""Port of test/parallel/test-child-process-server-close.js (the child is this file run by
Python; ``node -v`` becomes ``python -V``)."""

import os
import sys
from pathlib import Path
from typing import Any

import nodenet_uv
from nodenet_uv import child_process, net, run
from nodenet_uv.testing import common

# The child runs this file with the worktree's nodenet_uv.
ENV = {**os.environ, "PYTHONPATH": str(Path(nodenet_uv.__file__).resolve().parents[1])}


def test_server_close_with_a_connection_as_stdio() -> None:
    child = child_process.fork(__file__, ["child"], {"stdio": "inherit", "env": ENV})
    child.on("exit", common.mustCall(lambda code: _eq(code, 0)))
    run()


def _eq(a: Any, b: Any) -> None:
    assert a == b


def _child() -> None:
    def on_connection(conn: Any) -> None:
        child_process.spawn(sys.executable, ["-V"], {"stdio": ["ignore", conn, "ignore"]}).on(
            "close", common.mustCall(lambda: conn.end())
        )

    server = net.createServer(common.mustCall(on_connection))

    def on_listening() -> None:
        client = net.connect(common.PIPE, common.mustCall())
        client.once("data", lambda *a: client.end(lambda: server.close()))

    server.listen(common.PIPE, common.mustCall(on_listening))
    run()
    common.check_must_call()


if __name__ == "__main__" and sys.argv[1:2] == ["child"]:
    _child()
