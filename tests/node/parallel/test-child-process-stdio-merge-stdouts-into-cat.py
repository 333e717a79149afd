"""Port of test/parallel/test-child-process-stdio-merge-stdouts-into-cat.js."""

from nodenet_uv import child_process, run
from nodenet_uv.testing import common


def test_merge_stdouts_into_cat() -> None:
    p3 = child_process.spawn("cat", {"stdio": ["pipe", "pipe", "inherit"]})
    p1 = child_process.spawn("cat", {"stdio": ["pipe", p3.stdin, "inherit"]})
    p2 = child_process.spawn("cat", {"stdio": ["pipe", p3.stdin, "inherit"]})
    p3.stdout.setEncoding("utf8")
    p1.stdin.end("hello\n")

    def first(chunk: str) -> None:
        assert chunk == "hello\n"
        p2.stdin.end("world\n")

        def second(chunk: str) -> None:
            assert chunk == "world\n"
            p3.stdin.end("foobar\n")

            def third(chunk: str) -> None:
                assert chunk == "foobar\n"

            p3.stdout.once("data", common.mustCall(third))

        p3.stdout.once("data", common.mustCall(second))

    p3.stdout.once("data", common.mustCall(first))
    run()
