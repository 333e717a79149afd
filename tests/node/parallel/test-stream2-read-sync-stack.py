"""Port of test/parallel/test-stream2-read-sync-stack.js.

This tests synchronous read callbacks and verifies that even if they nest
heavily the process handles it without an error
"""

from nodenet_uv import run
from nodenet_uv.stream import Readable
from nodenet_uv.testing import common


def test_sync_read_stack() -> None:
    r = Readable()
    N = 256 * 1024

    reads = 0

    def _read(n):
        nonlocal reads
        chunk = None if reads == N else bytes(1)
        reads += 1
        r.push(chunk)

    r._read = _read

    r.on("readable", lambda: r.read(N * 2))

    r.on("end", common.mustCall())

    r.read(0)
    run()
