"""Port of test/parallel/test-child-process-exec-maxbuf.js (``node -e`` children are
``python -c`` programs writing the same bytes, each line in one write as console.log does)."""

import math
import os
import sys
from typing import Any

from nodenet_uv import child_process as cp
from nodenet_uv import run
from nodenet_uv.testing import common

ENV = {**os.environ, "PYTHONIOENCODING": "utf-8"}


def runChecks(err: Any, stdio: dict[str, Any], streamName: str, expected: Any) -> None:
    assert str(err) == f"{streamName} maxBuffer length exceeded"
    assert isinstance(err, ValueError)  # a JS RangeError
    assert err.code == "ERR_CHILD_PROCESS_STDIO_MAXBUFFER"
    assert stdio[streamName] == expected


def execPython(code: str, optionsOrCallback: Any, callback: Any = None) -> Any:
    options = optionsOrCallback
    if callable(optionsOrCallback):
        options = None
        callback = optionsOrCallback
    cmd = f'"{sys.executable}" -c "{code}"'
    return cp.exec(cmd, {"env": ENV, **(options or {})}, callback)


unicode = "中文测试"  # length = 4, byte length = 12


def test_exec_maxbuf() -> None:
    def over(err: Any) -> None:
        assert isinstance(err, ValueError)
        assert str(err) == "stdout maxBuffer length exceeded"
        assert err.code == "ERR_CHILD_PROCESS_STDIO_MAXBUFFER"

    execPython("print('a' * (1024 * 1024))", common.mustCall(over))

    def under(stdout: Any, stderr: Any) -> None:
        assert stdout.strip() == "a" * (1024 * 1024 - 1)
        assert stderr == ""

    execPython("print('a' * (1024 * 1024 - 1))", common.mustSucceed(under))

    def hello(stdout: Any, stderr: Any) -> None:
        assert stdout.strip() == "hello world"
        assert stderr == ""

    execPython("print('hello world')", {"maxBuffer": math.inf}, common.mustSucceed(hello))

    cp.exec(
        "echo hello world",
        {"maxBuffer": 5},
        common.mustCall(
            lambda err, stdout, stderr: runChecks(
                err, {"stdout": stdout, "stderr": stderr}, "stdout", "hello"
            )
        ),
    )
    execPython(
        "print('a' * (1024 * 1024))",
        common.mustCall(
            lambda err, stdout, stderr: runChecks(
                err, {"stdout": stdout, "stderr": stderr}, "stdout", "a" * (1024 * 1024)
            )
        ),
    )
    execPython(
        f"import sys; sys.stdout.write('{unicode}\\n')",
        {"maxBuffer": 10},
        common.mustCall(
            lambda err, stdout, stderr: runChecks(
                err, {"stdout": stdout, "stderr": stderr}, "stdout", "中文测试\n"
            )
        ),
    )
    execPython(
        f"import sys; sys.stderr.write('{unicode}\\n')",
        {"maxBuffer": 3},
        common.mustCall(
            lambda err, stdout, stderr: runChecks(
                err, {"stdout": stdout, "stderr": stderr}, "stderr", "中文测"
            )
        ),
    )
    child = execPython(
        f"import sys; sys.stdout.write('{unicode}\\n')",
        {"encoding": None, "maxBuffer": 10},
        common.mustCall(
            lambda err, stdout, stderr: runChecks(
                err, {"stdout": stdout, "stderr": stderr}, "stdout", "中文测试\n"
            )
        ),
    )
    child.stdout.setEncoding("utf-8")
    child = execPython(
        f"import sys; sys.stderr.write('{unicode}\\n')",
        {"encoding": None, "maxBuffer": 3},
        common.mustCall(
            lambda err, stdout, stderr: runChecks(
                err, {"stdout": stdout, "stderr": stderr}, "stderr", "中文测"
            )
        ),
    )
    child.stderr.setEncoding("utf-8")
    execPython(
        f"import sys; sys.stderr.write('{unicode}\\n')",
        {"encoding": None, "maxBuffer": 5},
        common.mustCall(
            lambda err, stdout, stderr: runChecks(
                err, {"stdout": stdout, "stderr": stderr}, "stderr", unicode.encode()[:5]
            )
        ),
    )
    run()
