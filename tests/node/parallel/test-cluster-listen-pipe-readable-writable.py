"""Port of test/parallel/test-cluster-listen-pipe-readable-writable.js (the worker is this
file run by Python).

DIVERGENCE: node's worker asserts ``stat.mode & 0o777 === 0o777``, which fails in node 24
itself (uv_pipe_chmod gives read and write to all, 0o666, with no execute bits) and goes
unnoticed because node's primary ignores the worker's exit code. Here the primary checks the
worker's exit code, and the worker asserts the mode node 24 gives (0o666).
"""

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


def test_listen_pipe_readable_writable() -> None:
    cluster.setupPrimary({"exec": __file__, "args": ["worker"]})

    # node does not look at the worker's exit; here a failed assertion in it shows.
    def on_exit(code: Any, signal: Any) -> None:
        assert code == 0
        assert signal is None

    cluster.fork(ENV).on("exit", common.mustCall(on_exit))
    run()


def _worker() -> None:
    # common.PIPE is in this process's own fresh tmpdir (tmpdir.refresh()).
    server: Any = None

    def on_listening() -> None:
        stat = os.stat(common.PIPE)
        assert stat.st_mode & 0o777 == 0o666  # node 24's actual mode (see the docstring)
        server.close()
        PROC.disconnect()

    server = net.createServer().listen(
        {"path": common.PIPE, "readableAll": True, "writableAll": True},
        common.mustCall(on_listening),
    )
    run()
    common.check_must_call()


if __name__ == "__main__" and sys.argv[1:2] == ["worker"]:
    _worker()
