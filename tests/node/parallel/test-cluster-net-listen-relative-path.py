"""Port of test/parallel/test-cluster-net-listen-relative-path.js (the worker is this file run by Python; the primary's cwd is put back after)."""

import os
import sys
from pathlib import Path
from typing import Any

import nodenet_uv
from nodenet_uv import cluster, net, run
from nodenet_uv.process import process
from nodenet_uv.testing import common

# The workers run this file with the worktree's nodenet_uv.
ENV = {"PYTHONPATH": str(Path(nodenet_uv.__file__).resolve().parents[1])}
PROC: Any = process

socketDir = "./unix-socket-dir"
socketName = "A" * (101 - len(socketDir))


def test_net_listen_relative_path(tmp_path: Path) -> None:
    cluster.setupPrimary({"exec": __file__, "args": ["worker"]})
    cwd = os.getcwd()
    # Ensure that the worker exits peacefully.
    os.chdir(tmp_path)
    try:
        assert len(os.path.abspath(os.path.join(socketDir, socketName))) > 100, (
            "absolute socket path should be longer than 100 bytes"
        )
        os.mkdir(socketDir)

        def on_exit(statusCode: Any, *args: Any) -> None:
            assert statusCode == 0
            assert not os.path.exists(os.path.join(socketDir, socketName)), (
                "Socket should be removed when the worker exits"
            )

        cluster.fork(ENV).on("exit", common.mustCall(on_exit))
        run()
    finally:
        os.chdir(cwd)


def _worker() -> None:
    os.chdir(socketDir)
    server = net.createServer(common.mustNotCall())

    def on_listening() -> None:
        assert os.path.exists(socketName), "Socket created in CWD"
        PROC.disconnect()

    server.listen(socketName, common.mustCall(on_listening))
    run()
    common.check_must_call()


if __name__ == "__main__" and sys.argv[1:2] == ["worker"]:
    _worker()
