"""Port of test/pummel/test-child-process-spawn-loop.js (the children are Python, as in
Node's test: $PYTHON, else this interpreter rather than whatever python3 is on PATH)."""

import os
import sys
from typing import Any

from nodenet_uv import run
from nodenet_uv.child_process import spawn
from nodenet_uv.testing import common

python = os.environ.get("PYTHON") or sys.executable
SIZE = 1000 * 1024
N = 40


def test_spawn_loop() -> None:
    finished = False

    def doSpawn(i: int) -> None:
        child = spawn(python, ["-c", f'print({SIZE} * "C")'])
        count = 0
        child.stdout.setEncoding("ascii")

        def on_data(chunk: str) -> None:
            nonlocal count
            count += len(chunk)

        child.stdout.on("data", on_data)
        child.stderr.on("data", lambda chunk: print(f"stderr: {chunk}"))

        def on_close(*a: Any) -> None:
            nonlocal finished
            # + 1 for \n
            assert count == SIZE + 1
            if i < N:
                doSpawn_checked(i + 1)
            else:
                finished = True

        child.on("close", common.mustCall(on_close))

    doSpawn_checked = common.mustCall(doSpawn, N + 1)
    doSpawn_checked(0)
    run()
    # Node: process.on('exit')
    assert finished
