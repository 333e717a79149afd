"""Port of test/parallel/test-child-process-stdio-big-write-end.js (the child is this file
run by Python, counting its stdin)."""

import os
import sys
from pathlib import Path

import nodenet_uv
from nodenet_uv import child_process, run
from nodenet_uv.testing import common

# The child runs this file with the worktree's nodenet_uv.
ENV = {**os.environ, "PYTHONPATH": str(Path(nodenet_uv.__file__).resolve().parents[1])}


def test_big_write_then_end() -> None:
    child = child_process.spawn(sys.executable, [__file__, "child"], {"env": ENV})
    sent = 0
    n: list[str] = []
    child.stdout.setEncoding("ascii")
    child.stdout.on("data", common.mustCallAtLeast(n.append))
    state = {"sent": 0}

    def on_end() -> None:
        assert int("".join(n)) == state["sent"]

    child.stdout.on("end", common.mustCall(on_end))
    bufsize = 0
    while True:
        bufsize += 1024
        buf = b"." * bufsize
        sent += bufsize
        if not child.stdin.write(buf):
            break
    for _ in range(100):
        buf = b"." * bufsize
        sent += bufsize
        child.stdin.write(buf)
    state["sent"] = sent
    child.stdin.end()
    run()


if __name__ == "__main__" and sys.argv[1:2] == ["child"]:
    received = 0
    while chunk := sys.stdin.buffer.read1(65536):
        received += len(chunk)
    print(received)
