"""Port of test/parallel/test-child-process-fork-detached.js
(fixtures/parent-process-nonpersistent-fork.js and child-process-persistent.js are this file
run by Python with ``nonpersistent`` and ``persistent``)."""

import os
import sys
import time
from pathlib import Path

import nodenet_uv
from nodenet_uv import child_process, process, run

# The children run this file with the worktree's nodenet_uv.
ENV = {**os.environ, "PYTHONPATH": str(Path(nodenet_uv.__file__).resolve().parents[1])}


def test_forked_detached_child_outlives_its_parent() -> None:
    nonPersistentNode = child_process.fork(
        __file__, ["nonpersistent"], {"silent": True, "env": ENV}
    )
    childId = -1

    out: list[bytes] = []

    def on_data(data: bytes) -> None:
        nonlocal childId
        # Node parses each chunk; the line is gathered here, should a read split it.
        out.append(data)
        text = b"".join(out).decode()
        if text.strip():
            childId = int(text.split()[0], 10)
            nonPersistentNode.kill()

    nonPersistentNode.stdout.on("data", on_data)
    run()
    # Node: process.on('exit')
    assert childId != -1
    # Killing the child process should not throw an error
    process.kill(childId)


def _nonpersistent() -> None:
    child = child_process.fork(__file__, ["persistent"], {"detached": True, "stdio": "ignore"})
    # console.log: one write (print() writes the newline apart when unbuffered).
    sys.stdout.write(f"{child.pid}\n")
    sys.stdout.flush()
    child.unref()
    run()


if __name__ == "__main__" and sys.argv[1:2] == ["nonpersistent"]:
    _nonpersistent()
elif __name__ == "__main__" and sys.argv[1:2] == ["persistent"]:
    while True:  # fixtures/child-process-persistent.js: an interval to stay alive
        time.sleep(1)
