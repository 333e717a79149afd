"""Port of test/parallel/test-child-process-stdout-flush-exit.js (the child is this file
run by Python: print() for console.log, process.exit for process.exit)."""

import sys
from typing import Any

from nodenet_uv import child_process, run
from nodenet_uv.testing import common


def test_stdout_flushed_before_exit() -> None:
    # spawn self as child
    child = child_process.spawn(sys.executable, [__file__, "child"])
    stdout: list[str] = []
    child.stderr.on("data", common.mustNotCall())
    # Check if we receive both 'hello' at start and 'goodbye' at end
    child.stdout.setEncoding("utf8")
    child.stdout.on("data", common.mustCallAtLeast(stdout.append))

    def on_close(*a: Any) -> None:
        out = "".join(stdout)
        assert out[:6] == "hello\n"
        assert out[-8:] == "goodbye\n"

    child.on("close", common.mustCall(on_close))
    run()


if __name__ == "__main__" and sys.argv[1:2] == ["child"]:
    from nodenet_uv import process

    print("hello")
    for _ in range(100):
        print("filler")
    print("goodbye")
    process.exit(0)
