"""Port of test/parallel/test-child-process-detached.js (fixtures/parent-process-nonpersistent.js
and child-process-persistent.js are this file run by Python with ``nonpersistent`` and
``persistent``)."""

import os
import sys
import time
from pathlib import Path

import pytest

import nodenet_uv
from nodenet_uv import child_process, process, run

# The children run this file with the worktree's nodenet_uv.
ENV = {**os.environ, "PYTHONPATH": str(Path(nodenet_uv.__file__).resolve().parents[1])}


def test_detached_child_outlives_its_parent() -> None:
    persistentPid = -1
    child = child_process.spawn(sys.executable, [__file__, "nonpersistent"], {"env": ENV})

    out: list[bytes] = []

    def on_data(data: bytes) -> None:
        nonlocal persistentPid
        # Node parses each chunk; the line is gathered here, should a read split it.
        out.append(data)
        text = b"".join(out).decode()
        if text.strip():
            persistentPid = int(text.split()[0], 10)

    child.stdout.on("data", on_data)
    run()
    # Node: process.on('exit')
    assert persistentPid != -1
    with pytest.raises(Exception, match=r"^kill ESRCH$") as info:
        process.kill(child.pid)
    assert info.value.code == "ESRCH"
    process.kill(persistentPid)


def _nonpersistent() -> None:
    child = child_process.spawn(
        sys.executable, [__file__, "persistent"], {"detached": True, "stdio": "ignore"}
    )
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
