"""Port of test/parallel/test-stream-readable-infinite-read.js."""

from nodenet_uv import run
from nodenet_uv.process import process
from nodenet_uv.stream import Readable
from nodenet_uv.testing import common


def test_infinite_read() -> None:
    buf = bytes(8192)

    readable = Readable(
        highWaterMark=16 * 1024, read=common.mustCall(lambda n: readable.push(buf), 31)
    )

    i = 0

    def on_readable():
        nonlocal i
        i += 1
        if i - 1 == 10:
            # We will just terminate now.
            process.removeAllListeners("readable")
            return

        data = readable.read()
        # TODO(mcollina): there is something odd in the highWaterMark logic
        # investigate.
        if i == 1:
            assert len(data) == 8192 * 2
        else:
            assert len(data) == 8192 * 3

    readable.on("readable", common.mustCall(on_readable, 11))
    run()
