"""Port of test/parallel/test-child-process-stdin.js."""

from typing import Any

from nodenet_uv import child_process, run
from nodenet_uv.testing import common


def test_stdin() -> None:
    cat = child_process.spawn("cat")
    cat.stdin.write("hello")
    cat.stdin.write(" ")
    cat.stdin.write("world")
    assert cat.stdin.writable is True
    assert cat.stdin.readable is False
    cat.stdin.end()
    response = []
    cat.stdout.setEncoding("utf8")
    cat.stdout.on("data", common.mustCallAtLeast(response.append))
    cat.stdout.on("end", common.mustCall())
    cat.stderr.on("data", common.mustNotCall())
    cat.stderr.on("end", common.mustCall())

    def on_exit(status: Any) -> None:
        assert status == 0

    cat.on("exit", common.mustCall(on_exit))
    cat.on("close", common.mustCall(lambda: _eq("".join(response), "hello world")))
    run()


def _eq(a: Any, b: Any) -> None:
    assert a == b
