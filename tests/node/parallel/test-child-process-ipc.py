"""Port of test/parallel/test-child-process-ipc.js (the fixture echo.js is the same program
in Python: a greeting, then its stdin echoed to its stdout)."""

import sys

from nodenet_uv import child_process, run
from nodenet_uv.testing import common

ECHO = """
import os, sys
os.write(1, b"hello world\\r\\n")
while data := os.read(0, 65536):
    os.write(1, data)
"""


def test_ipc_over_stdio() -> None:
    child = child_process.spawn(sys.executable, ["-c", ECHO])
    child.stderr.on("data", common.mustNotCall())
    child.stdout.setEncoding("utf8")
    messages = ["hello world\r\n", "echo me\r\n"]

    def on_data(data: str) -> None:
        test = messages.pop(0)
        assert data == test
        if messages:
            child.stdin.write(messages[0])
        else:
            assert len(messages) == 0
            child.stdin.end()

    child.stdout.on("data", common.mustCall(on_data, len(messages)))
    child.stdout.on("end", common.mustCall())
    run()
