"""Port of test/parallel/test-cluster-fork-windowsHide.js (the detached primary and its
worker are this file run by Python).

windowsHide only means something on Windows; elsewhere the test still runs the whole
detached-primary round trip and expects the main window handle ``0``.
"""

import os
import re
import sys
from pathlib import Path
from typing import Any

import nodenet_uv
from nodenet_uv import child_process, cluster, run
from nodenet_uv.process import process
from nodenet_uv.testing import common

# The primary and its worker run this file with the worktree's nodenet_uv.
ENV = {**os.environ, "PYTHONPATH": str(Path(nodenet_uv.__file__).resolve().parents[1])}
PROC: Any = process


def test_fork_windows_hide() -> None:
    # It seems Windows only allocate new console window for
    # attaching processes spawned by detached processes. i.e.
    # - If process D is spawned by process C with `detached: true`,
    #   and process W is spawned by process D with `detached: false`,
    #   W will get a new black console window popped up.
    # - If D is spawned by C with `detached: false` or W is spawned
    #   by D with `detached: true`, no console window will pop up for W.
    #
    # So, we have to spawn a detached process first to run the actual test.
    primary = child_process.spawn(
        sys.executable,
        [__file__, "--cluster"],
        {"detached": True, "stdio": ["ignore", "ignore", "ignore", "ipc"], "env": ENV},
    )

    def on_main_window_handle(msg: Any) -> None:
        assert re.search(r"0\s*", msg["value"])

    def on_worker_exit(msg: Any) -> None:
        assert msg["code"] == 0
        assert msg["signal"] is None

    message_handlers = {
        "workerOnline": common.mustCall(),
        "mainWindowHandle": common.mustCall(on_main_window_handle),
        "workerExit": common.mustCall(on_worker_exit),
    }

    def on_message(msg: Any, *a: Any) -> None:
        handler = message_handlers.get(msg["type"])
        assert handler
        handler(msg)

    primary.on("message", common.mustCallAtLeast(on_message))

    def on_exit(code: Any, signal: Any) -> None:
        assert code == 0
        assert signal is None

    primary.on("exit", common.mustCall(on_exit))
    run()


def _primary() -> None:
    cluster.setupPrimary({"silent": True, "windowsHide": True})
    worker = cluster.fork()

    def on_exit(code: Any, signal: Any) -> None:
        PROC.send({"type": "workerExit", "code": code, "signal": signal})

    worker.on("exit", on_exit)

    def on_online(*a: Any) -> None:
        PROC.send({"type": "workerOnline"})
        # node asks powershell for the window handle on Windows; elsewhere it is '0'.
        output = "0"
        PROC.send({"type": "mainWindowHandle", "value": output})
        worker.send("shutdown")

    worker.on("online", on_online)
    run()


def _worker() -> None:
    assert cluster.worker is not None
    worker = cluster.worker
    worker.on("message", lambda msg, *a: worker.disconnect())
    run()


if __name__ == "__main__" and sys.argv[1:2] == ["--cluster"]:
    if cluster.isPrimary:
        _primary()
    else:
        _worker()
