"""Port of test/parallel/test-child-process-double-pipe.js."""

from typing import Any

from nodenet_uv import child_process, run
from nodenet_uv.testing import common

spawn = child_process.spawn


def test_double_pipe() -> None:
    # We're trying to reproduce:
    # $ echo "hello\nnode\nand\nworld" | grep o | sed s/o/a/
    grep = spawn("grep", ["o"])
    sed = spawn("sed", ["s/o/O/"])
    echo = spawn("echo", ["hello\nnode\nand\nworld\n"])

    # If the spawn function leaks file descriptors to subprocesses, grep and sed hang.
    # pipe echo | grep
    def on_echo_data(data: bytes) -> None:
        if not grep.stdin.write(data):
            echo.stdout.pause()

    echo.stdout.on("data", common.mustCallAtLeast(on_echo_data))
    grep.stdin.on("drain", lambda *a: echo.stdout.resume())
    # Propagate end from echo to grep
    echo.stdout.on("end", common.mustCall(lambda *a: grep.stdin.end()))
    echo.on("exit", common.mustCall())
    grep.on("exit", common.mustCall())
    sed.on("exit", common.mustCall())

    # pipe grep | sed
    def on_grep_data(data: bytes) -> None:
        if not sed.stdin.write(data):
            grep.stdout.pause()

    grep.stdout.on("data", common.mustCallAtLeast(on_grep_data))
    sed.stdin.on("drain", lambda *a: grep.stdout.resume())
    # Propagate end from grep to sed
    grep.stdout.on("end", common.mustCall(lambda *a: sed.stdin.end()))

    result: list[str] = []
    # print sed's output
    sed.stdout.on("data", common.mustCallAtLeast(lambda data: result.append(data.decode())))

    def on_sed_end(*a: Any) -> None:
        assert "".join(result) == "hellO\nnOde\nwOrld\n"

    sed.stdout.on("end", common.mustCall(on_sed_end))
    run()
