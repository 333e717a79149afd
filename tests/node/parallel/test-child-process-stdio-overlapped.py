"""Port of test/parallel/test-child-process-stdio-overlapped.js (the overlapped-checker
helper program, test/overlapped-checker/main_unix.c, is this file run by Python with
``checker``: node's test skips when that binary was not built, this port always runs it).
On Linux "overlapped" is a plain pipe: what is checked is that it works as one."""

import os
import sys
from typing import Any

from nodenet_uv import child_process, run
from nodenet_uv.testing import common


def test_overlapped_stdio_is_a_pipe() -> None:
    child = child_process.spawn(
        sys.executable, [__file__, "checker"], {"stdio": ["overlapped", "pipe", "pipe"]}
    )
    child.stdin.setEncoding("utf8")
    child.stdout.setEncoding("utf8")
    child.stderr.setEncoding("utf8")

    def writeNext(n: int) -> None:
        child.stdin.write(str(n + 50))

    def on_data(s: str) -> None:
        n = int(s)
        if n >= 200:
            child.stdin.write("exit")
            return
        writeNext(n)

    child.stdout.on("data", on_data)
    stderr: list[str] = []
    child.stderr.on("data", stderr.append)

    def on_end(*a: Any) -> None:
        # This is the sequence of numbers sent to us:
        # - 0 (1 byte written)
        # - 50 (2 bytes written)
        # - 100 (3 bytes written)
        # - 150 (3 bytes written)
        # - 200 (3 bytes written)
        assert "".join(stderr) == "12333"

    child.stderr.on("end", common.mustCall(on_end))

    def on_exit(status: Any, *a: Any) -> None:
        # The test program will return the number of writes as status code.
        assert status == 0

    child.on("exit", common.mustCall(on_exit))
    run()


def _checker() -> None:
    # main_unix.c: write "0", then echo what is read until "exit".
    def w(buf: bytes) -> None:
        view = memoryview(buf)
        while view:
            view = view[os.write(1, view) :]
        os.write(2, str(len(buf)).encode())

    w(b"0")
    while True:
        buf = os.read(0, 256)
        if not buf:
            os.abort()
        # The JS part only writes "exit" when the buffer is empty, so the read is atomic.
        if b"exit".startswith(buf):
            break
        w(buf)
    sys.exit(0)


if __name__ == "__main__" and sys.argv[1:2] == ["checker"]:
    _checker()
