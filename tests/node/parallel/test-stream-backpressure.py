"""Port of test/parallel/test-stream-backpressure.js."""

from nodenet_uv import run
from nodenet_uv.stream import Readable, Writable
from nodenet_uv.testing import common
from nodenet_uv.timers import setImmediate


def test_backpressure() -> None:
    pushes = 0
    total = 65500 + 40 * 1024

    def read(n):
        nonlocal pushes
        pushes += 1
        if pushes - 1 == 10:
            rs.push(None)
            return

        length = rs._readableState.length

        # We are at most doing two full runs of _reads
        # before stopping, because Readable is greedy
        # to keep its buffer full
        assert length <= total

        rs.push(bytes(65500))
        for _ in range(40):
            rs.push(bytes(1024))

        # We will be over highWaterMark at this point
        # but a new call to _read is scheduled anyway.

    rs = Readable({"read": common.mustCall(read, 11)})

    ws = Writable({"write": common.mustCall(lambda data, enc, cb: setImmediate(cb), 41 * 10)})

    rs.pipe(ws)
    run()
