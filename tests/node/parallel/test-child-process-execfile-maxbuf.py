"""Port of test/parallel/test-child-process-execfile-maxbuf.js (``node -e`` children are
``python -c`` programs writing the same bytes, one write per line as console.log)."""

import math
import sys
from typing import Any

from nodenet_uv import run
from nodenet_uv.child_process import execFile
from nodenet_uv.testing import common

python = sys.executable
unicode = "中文测试"  # length = 4, byte length = 12


def checkFactory(streamName: str) -> Any:
    def check(err: Any, *args: Any) -> None:
        assert isinstance(err, ValueError)  # a JS RangeError
        assert str(err) == f"{streamName} maxBuffer length exceeded"
        assert err.code == "ERR_CHILD_PROCESS_STDIO_MAXBUFFER"

    return common.mustCall(check)


def write(stream: str, expr: str) -> list[str]:
    # One write of the line, as console.log does; `expr` is Python for the text.
    return ["-c", f"import sys; sys.{stream}.buffer.write(({expr} + chr(10)).encode())"]


def test_exec_file_max_buffer() -> None:
    execFile(python, write("stdout", "'a' * (1024 * 1024)"), checkFactory("stdout"))

    def under(stdout: Any, stderr: Any) -> None:
        assert stdout.strip() == "a" * (1024 * 1024 - 1)
        assert stderr == ""

    execFile(python, write("stdout", "'a' * (1024 * 1024 - 1)"), common.mustSucceed(under))

    def hello(stdout: Any, stderr: Any) -> None:
        assert stdout.strip() == "hello world"
        assert stderr == ""

    execFile(
        python, write("stdout", "'hello world'"), {"maxBuffer": math.inf}, common.mustSucceed(hello)
    )
    execFile("echo", ["hello world"], {"maxBuffer": 5}, checkFactory("stdout"))
    execFile(python, write("stdout", repr(unicode)), {"maxBuffer": 10}, checkFactory("stdout"))
    execFile(python, write("stderr", repr(unicode)), {"maxBuffer": 10}, checkFactory("stderr"))
    child = execFile(
        python,
        write("stdout", repr(unicode)),
        {"encoding": None, "maxBuffer": 10},
        checkFactory("stdout"),
    )
    child.stdout.setEncoding("utf-8")
    child = execFile(
        python,
        write("stderr", repr(unicode)),
        {"encoding": None, "maxBuffer": 10},
        checkFactory("stderr"),
    )
    child.stderr.setEncoding("utf-8")
    run()
