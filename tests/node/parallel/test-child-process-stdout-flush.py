"""Port of test/parallel/test-child-process-stdout-flush.js (fixtures/print-chars.js is
this file run by Python with ``child n``: it writes n characters to stdout)."""

import sys
from typing import Any

from nodenet_uv import child_process, run
from nodenet_uv.testing import common


def test_stdout_flush() -> None:
    n = 500000
    child = child_process.spawn(sys.executable, [__file__, "child", str(n)])
    count = 0
    child.stderr.setEncoding("utf8")
    child.stderr.on("data", common.mustNotCall())
    child.stdout.setEncoding("utf8")

    def on_data(data: str) -> None:
        nonlocal count
        count += len(data)

    child.stdout.on("data", on_data)

    def on_close(code: Any, signal: Any) -> None:
        assert code == 0
        assert signal is None
        assert n == count

    child.on("close", common.mustCall(on_close))
    run()


if __name__ == "__main__" and sys.argv[1:2] == ["child"]:
    # fixtures/print-chars.js: process.stdout.write('c'.repeat(n)).
    sys.stdout.write("c" * int(sys.argv[2]))
