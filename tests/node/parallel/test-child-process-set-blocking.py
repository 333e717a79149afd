"""Port of test/parallel/test-child-process-set-blocking.js."""

import os
import sys

from nodenet_uv import child_process as ch
from nodenet_uv import run
from nodenet_uv.testing import common

SIZE = 100000
python = os.environ.get("PYTHON") or sys.executable


def test_child_writes_a_big_line_to_inherited_stdout() -> None:
    cp = ch.spawn(python, ["-c", f'print({SIZE} * "C")'], {"stdio": "inherit"})

    def on_exit(code: object) -> None:
        assert code == 0

    cp.on("exit", common.mustCall(on_exit))
    run()
