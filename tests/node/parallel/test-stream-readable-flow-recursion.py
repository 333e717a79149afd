"""Port of test/parallel/test-stream-readable-flow-recursion.js.

This test verifies that passing a huge number to read(size)
will push up the highWaterMark, and cause the stream to read
more data continuously, but without triggering a nextTick
warning or RangeError.
"""

import functools

from nodenet_uv import run
from nodenet_uv.stream import Readable


def test_flow_recursion() -> None:
    stream = Readable({"highWaterMark": 2})
    reads = 0
    total = 5000

    def _read(size):
        nonlocal reads, total
        reads += 1
        size = min(size, total)
        total -= size
        if size == 0:
            stream.push(None)
        else:
            stream.push(bytes(size))

    stream._read = _read

    depth = 0

    def flow(stream, size, callback, *_):
        nonlocal depth
        depth += 1
        chunk = stream.read(size)

        if not chunk:
            stream.once("readable", functools.partial(flow, stream, size, callback))
        else:
            callback(chunk)

        depth -= 1

    flow(stream, 5000, lambda chunk: None)

    run()
    assert reads == 2
    # We pushed up the high water mark
    assert stream.readableHighWaterMark == 8192
    # Length is 0 right now, because we pulled it all out.
    assert stream.readableLength == 0
    assert depth == 0
