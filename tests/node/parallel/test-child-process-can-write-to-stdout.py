"""Port of test/parallel/test-child-process-can-write-to-stdout.js (the fixture
GH-1899-output.js is the same program in Python)."""

import sys
from typing import Any

from nodenet_uv import child_process, run
from nodenet_uv.testing import common

FIXTURE = "import sys; sys.stdout.write('hello, world!\\n')"


def test_child_can_write_to_stdout() -> None:
    child = child_process.spawn(sys.executable, ["-c", FIXTURE])
    output: list[bytes] = []
    child.stdout.on("data", output.append)

    def on_exit(code: Any) -> None:
        assert code == 0
        assert b"".join(output) == b"hello, world!\n"

    child.on("exit", common.mustCall(on_exit))
    run()
