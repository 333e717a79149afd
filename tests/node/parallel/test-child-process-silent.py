"""Port of test/parallel/test-child-process-silent.js (the primary and the children are
this file run by Python)."""

import os
import sys
from pathlib import Path
from typing import Any

import nodenet_uv
from nodenet_uv import child_process, process, run

# The children run this file with the worktree's nodenet_uv.
ENV = {**os.environ, "PYTHONPATH": str(Path(nodenet_uv.__file__).resolve().parents[1])}


class _Stdio:
    """process.stdout / process.stderr as pipe destinations that stay open."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream

    def write(self, chunk: bytes, *args: Any) -> bool:
        self.stream.buffer.write(chunk)
        self.stream.flush()
        return True


def test_silent_pipes_and_ipc() -> None:
    # testing: is stderr and stdout piped to primary
    args = [__file__, "primary"]
    primary = child_process.spawn(sys.executable, args, {"env": ENV})
    # Got any stderr or std data
    state = {"stdoutData": False, "stderrData": False}
    primary.stdout.on("data", lambda *a: state.update(stdoutData=True))
    primary.stderr.on("data", lambda *a: state.update(stderrData=True))

    # testing: do message system work when using silent
    child = child_process.fork(__file__, ["ipc"], {"silent": True, "env": ENV})
    # Manual pipe so we will get errors
    # DIVERGENCE: there is no process.stdout stream; 'data' is copied to sys.stdout/err.
    child.stderr.on("data", _Stdio(sys.stderr).write)
    child.stdout.on("data", _Stdio(sys.stdout).write)

    childSending = False
    childReceiving = False

    def on_message(message: Any) -> None:
        nonlocal childSending, childReceiving
        if childSending is False:
            childSending = message == "message from child"
        if childReceiving is False:
            childReceiving = message == "got message from primary"
        if childReceiving is True:
            child.kill()

    child.on("message", on_message)
    child.send("message to child")
    run()
    # Check all values (Node: process.on('exit'))
    child.kill()
    primary.kill()
    # Check std(out|err) pipes
    assert not state["stdoutData"]
    assert not state["stderrData"]
    # Check message system
    assert childSending
    assert childReceiving


def _main(arg: str) -> None:
    if arg == "pipe":
        sys.stdout.write("stdout message")
        sys.stderr.write("stderr message")
    elif arg == "ipc":
        # Child IPC test
        process.send("message from child")
        process.on("message", lambda *a: process.send("got message from primary"))
        run()
    elif arg == "primary":
        # Primary | start child pipe test
        child = child_process.fork(__file__, ["pipe"], {"silent": True})
        # Allow child process to self terminate
        child.disconnect()
        child.on("exit", lambda *a: process.exit(0))
        run()


if __name__ == "__main__" and len(sys.argv) > 1:
    _main(sys.argv[1])
