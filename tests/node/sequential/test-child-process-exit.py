"""Port of test/sequential/test-child-process-exit.js (the chain's processes are this file
run by Python; ``child.stdout.pipe(process.stdout)`` copies to sys.stdout, there being no
process.stdout stream here)."""

import os
import sys
from pathlib import Path
from typing import Any

import nodenet_uv
from nodenet_uv import child_process as ch
from nodenet_uv import process, run
from nodenet_uv.testing import common

# The children run this file with the worktree's nodenet_uv.
ENV = {**os.environ, "PYTHONPATH": str(Path(nodenet_uv.__file__).resolve().parents[1])}
maxGen = 5


def _generation(gen: int) -> None:
    # Open a chain of five processes each a child of the next. The final process exits
    # immediately. Each process in the chain is instructed to exit when its child exits.
    if gen == maxGen:
        print("hit maxGen, exiting", maxGen, file=sys.stderr)
        return
    child = ch.spawn(
        sys.executable,
        [__file__, str(gen + 1)],
        {"stdio": ["ignore", "pipe", "ignore"], "env": ENV},
    )
    assert not child.stdin
    assert child.stdout
    assert not child.stderr
    print(f"gen={gen}, pid={process.pid}", file=sys.stderr)

    def on_exit(code: Any, *a: Any) -> None:
        print(f"exit {code} from gen {gen + 1}", file=sys.stderr)
        # Not in the Node file: each generation ends well (a hang times the test out).
        assert code == 0

    child.on("exit", common.mustCall(on_exit))

    def on_data(data: bytes) -> None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()

    child.stdout.on("data", on_data)
    child.stdout.on("close", lambda *a: print(f"child.stdout close  gen={gen}", file=sys.stderr))
    run()


def test_chain_of_processes_exits() -> None:
    _generation(0)


if __name__ == "__main__":
    _generation(int(sys.argv[1]))
    common.check_must_call()
