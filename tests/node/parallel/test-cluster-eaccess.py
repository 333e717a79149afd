"""Port of test/parallel/test-cluster-eaccess.js (the worker and its child are this file run
by Python).

Test that errors propagated from cluster workers are properly received in their primary.
Creates an EADDRINUSE condition by also forking a child process to listen on a socket.
"""

import os
import sys
from pathlib import Path
from typing import Any

import nodenet_uv
from nodenet_uv import child_process, cluster, net, run
from nodenet_uv.process import process
from nodenet_uv.testing import common

# The worker (and its child) run this file with the worktree's nodenet_uv.
ENV = {"PYTHONPATH": str(Path(nodenet_uv.__file__).resolve().parents[1])}
PROC: Any = process


def test_eaccess() -> None:
    cluster.setupPrimary({"exec": __file__, "args": ["worker"]})
    PIPE_NAME = common.PIPE
    if os.path.exists(PIPE_NAME):  # tmpdir.refresh()
        os.unlink(PIPE_NAME)
    worker = cluster.fork({**ENV, "PIPE_NAME": PIPE_NAME})

    # Makes sure primary is able to fork the worker
    cluster.on("fork", common.mustCall())

    # Makes sure the worker is ready
    worker.on("online", common.mustCall())

    def on_message(err: Any, *a: Any) -> None:
        # Disconnect first, so that we will not leave zombies
        worker.disconnect()
        assert err["code"] == "EADDRINUSE"

    worker.on("message", common.mustCall(on_message))
    try:
        run()
    finally:
        cluster.removeAllListeners("fork")


def _worker() -> None:
    PIPE_NAME = os.environ["PIPE_NAME"]
    cp = child_process.fork(__file__, ["child", PIPE_NAME], {"stdio": "inherit"})

    # Message from the child indicates it's ready and listening
    def on_child_message(*a: Any) -> None:
        def on_listening() -> None:
            # Message child process so that it can exit
            cp.send("end")
            # Inform primary about the unexpected situation
            PROC.send("PIPE should have been in use.")

        server = net.createServer().listen(PIPE_NAME, on_listening)

        def on_error(err: Any) -> None:
            # Message to child process tells it to exit
            cp.send("end")
            # Propagate error to primary
            PROC.send(err)

        server.on("error", on_error)

    cp.on("message", common.mustCall(on_child_message))
    run()
    common.check_must_call()


def _child(PIPE_NAME: str) -> None:
    # Child process (of cluster.worker)
    server = net.createServer().listen(PIPE_NAME, common.mustCall(lambda: PROC.send("listening")))
    PROC.once("message", common.mustCall(lambda *a: server.close()))
    run()
    common.check_must_call()


if __name__ == "__main__":
    if sys.argv[1:2] == ["worker"]:
        _worker()
    elif sys.argv[1:2] == ["child"]:
        _child(sys.argv[2])
