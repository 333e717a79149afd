"""Port of test/parallel/test-child-process-fork-exec-argv.js (the children are this file
run by Python; node's ``--stack-size=256`` is Python's ``-X utf8``, an interpreter option
that changes nothing here)."""

import json
import os
import sys
from pathlib import Path
from typing import Any

import nodenet_uv
from nodenet_uv import child_process, run
from nodenet_uv.testing import common

# The children run this file with the worktree's nodenet_uv.
ENV = {**os.environ, "PYTHONPATH": str(Path(nodenet_uv.__file__).resolve().parents[1])}


def test_fork_inherits_exec_argv() -> None:
    execArgv = ["-X", "utf8"]
    args = [__file__, "child", "arg0"]
    child = child_process.spawn(sys.executable, execArgv + args, {"env": ENV})
    out: list[bytes] = []
    child.stdout.on("data", out.append)

    def on_exit(*a: Any) -> None:
        assert json.loads(b"".join(out)) == execArgv

    child.on("exit", common.mustCall(on_exit))
    run()


if __name__ == "__main__" and sys.argv[1:2] == ["fork"]:
    from nodenet_uv import process

    sys.stdout.write(json.dumps(process.execArgv))
    sys.stdout.flush()
    process.exit()
elif __name__ == "__main__" and sys.argv[1:2] == ["child"]:
    child_process.fork(__file__, ["fork"])
    run()
