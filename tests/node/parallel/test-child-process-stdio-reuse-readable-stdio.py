"""Port of test/parallel/test-child-process-stdio-reuse-readable-stdio.js."""

from typing import Any

from nodenet_uv import child_process, run
from nodenet_uv.testing import common


def test_reuse_readable_stdio() -> None:
    p1 = child_process.spawn("cat", {"stdio": ["pipe", "pipe", "inherit"]})
    p2 = child_process.spawn("head", ["-n1"], {"stdio": [p1.stdout, "pipe", "inherit"]})
    p1.stdin.write("hello\n")
    p2.stdout.setEncoding("utf8")
    p2.stdout.on("data", common.mustCall(lambda chunk: _eq(chunk, "hello\n")))

    def on_exit(*args: Any) -> None:
        p1.stdin.end("world\n")
        p1.stdout.setEncoding("utf8")
        p1.stdout.on("data", common.mustCall(lambda chunk: _eq(chunk, "world\n")))
        p1.stdout.resume()

    p2.on("exit", common.mustCall(on_exit))
    run()


def _eq(a: Any, b: Any) -> None:
    assert a == b
