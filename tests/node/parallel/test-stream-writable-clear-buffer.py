"""Port of test/parallel/test-stream-writable-clear-buffer.js."""

# This test ensures that the _writeableState.bufferedRequestCount and
# the actual buffered request count are the same.

from nodenet_uv import run
from nodenet_uv.stream import Writable
from nodenet_uv.testing import common
from nodenet_uv.timers import setImmediate


class StreamWritable(Writable):
    def __init__(self) -> None:
        super().__init__({"objectMode": True})

    # Refs: https://github.com/nodejs/node/issues/6758
    # We need a timer like on the original issue thread.
    # Otherwise the code will never reach our test case.
    def _write(self, chunk, encoding, cb):
        setImmediate(cb)


def test_clear_buffer() -> None:
    test_stream = StreamWritable()
    test_stream.cork()

    def check():
        assert test_stream._writableState.bufferedRequestCount == len(
            test_stream._writableState.getBuffer()
        )

    for i in range(1, 6):
        test_stream.write(i, common.mustCall(check))

    test_stream.end()
    run()
