"""Port of test/parallel/test-child-process-kill.js (the Windows-only block is left out;
the ``-e`` child is a Python program reading its stdin)."""

import sys
from typing import Any

from nodenet_uv import child_process, run
from nodenet_uv.testing import common

CODE = """
import sys
sys.stdout.write('x'); sys.stdout.flush()
sys.stdin.read()
"""


def test_kill() -> None:
    cat = child_process.spawn("cat")
    cat.stdout.on("end", common.mustCall())
    cat.stderr.on("data", common.mustNotCall())
    cat.stderr.on("end", common.mustCall())

    def on_exit(code: Any, signal: Any) -> None:
        assert code is None
        assert signal == "SIGTERM"
        assert cat.signalCode == "SIGTERM"

    cat.on("exit", common.mustCall(on_exit))
    assert cat.signalCode is None
    assert cat.killed is False
    cat.kill()
    assert cat.killed is True

    checkProcess = child_process.spawn(sys.executable, ["-c", CODE])

    def on_check_exit(code: Any, signal: Any) -> None:
        assert code == 0
        assert signal is None

    checkProcess.on("exit", common.mustCall(on_check_exit))

    def on_data(chunk: bytes) -> None:
        assert chunk == b"x"
        checkProcess.kill(0)
        checkProcess.stdin.write("x")
        checkProcess.stdin.end()

    checkProcess.stdout.on("data", common.mustCall(on_data))
    run()
