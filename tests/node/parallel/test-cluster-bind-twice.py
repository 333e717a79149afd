"""Port of test/parallel/test-cluster-bind-twice.js (the two children, cluster primaries
each, and their workers are this file run by Python).

This test starts two clustered servers on the same port. It expects the first cluster to
succeed and the second cluster to fail with EADDRINUSE.

The test may seem complex but most of it is plumbing that routes messages from the child
processes back to the supervisor. As a tree it looks something like this:

          <supervisor>
         /            \\
    <primary 1>     <primary 2>
       /                \\
  <worker 1>         <worker 2>

The first worker starts a server on a fixed port and fires a ready message that is routed
to the second worker. When it tries to bind, it expects to see an EADDRINUSE error.

See https://github.com/joyent/node/issues/2721 for more details.

DIVERGENCE: net.Servers where node's test has http.Servers (no http in nodenet_uv).
"""

import os
import sys
from pathlib import Path
from typing import Any

import nodenet_uv
from nodenet_uv import child_process, cluster, net, run
from nodenet_uv.process import process
from nodenet_uv.testing import common

# The children run this file with the worktree's nodenet_uv.
ENV = {**os.environ, "PYTHONPATH": str(Path(nodenet_uv.__file__).resolve().parents[1])}
PROC: Any = process


def test_bind_twice() -> None:
    a = child_process.fork(__file__, ["one"], {"env": ENV})
    b = child_process.fork(__file__, ["two"], {"env": ENV})

    def on_a_exit(c: Any, *args: Any) -> None:
        if c:
            b.send("QUIT")
            raise Exception(f"A exited with {c}")

    def on_b_exit(c: Any, *args: Any) -> None:
        if c:
            a.send("QUIT")
            raise Exception(f"B exited with {c}")

    a.on("exit", common.mustCall(on_a_exit))
    b.on("exit", common.mustCall(on_b_exit))

    def on_a_message(m: Any, *args: Any) -> None:
        assert m["msg"] == "READY"
        b.send({"msg": "START", "port": m["port"]})

    def on_b_message(m: Any, *args: Any) -> None:
        assert m == "EADDRINUSE"
        a.send("QUIT")
        b.send("QUIT")

    a.on("message", common.mustCall(on_a_message))
    b.on("message", common.mustCall(on_b_message))
    run()


def _one() -> None:
    server = net.createServer(common.mustNotCall())
    server.listen(
        0, common.mustCall(lambda: PROC.send({"msg": "READY", "port": server.address()["port"]}))
    )

    def on_message(m: Any, *args: Any) -> None:
        if m == "QUIT":
            PROC.exit()

    PROC.on("message", common.mustCall(on_message))
    run()


def _two() -> None:
    server = net.createServer(common.mustNotCall())

    def on_message(m: Any, *args: Any) -> None:
        if m == "QUIT":
            PROC.exit()
        assert m["msg"] == "START"
        server.listen(m["port"], common.mustNotCall())

        def on_error(e: Any) -> None:
            assert e.code == "EADDRINUSE"
            PROC.send(e.code)

        server.on("error", common.mustCall(on_error))

    PROC.on("message", common.mustCall(on_message, 2))
    run()


def startWorker() -> None:
    worker = cluster.fork()
    worker.on("exit", lambda code, *a: PROC.exit(code))
    worker.on("message", lambda m, *a: PROC.send(m))
    PROC.on("message", lambda m, *a: worker.send(m))
    run()


def _main(id: str) -> None:
    if cluster.isPrimary:
        startWorker()
        return
    try:
        _one() if id == "one" else _two()
    except SystemExit:
        # process.exit() in the worker: node checks its mustCalls at exit.
        common.check_must_call()
        raise


if __name__ == "__main__":
    id = sys.argv[1]
    assert id in ("one", "two"), "Bad command line argument"
    _main(id)
