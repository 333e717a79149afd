"""Port of test/parallel/test-stream-pipe-await-drain-push-while-write.js."""

from nodenet_uv import run
from nodenet_uv._internal.task_queues import next_tick
from nodenet_uv.stream import Readable, Writable
from nodenet_uv.testing import common


def test_await_drain_push_while_write() -> None:
    readable = None

    def write(chunk, encoding, cb):
        assert readable._readableState.awaitDrainWriters is None

        if len(chunk) == 32 * 1024:  # first chunk
            readable.push(bytes(34 * 1024))  # above hwm

            # We should check if awaitDrain counter is increased in the next
            # tick, because awaitDrain is incremented after this method finished
            def check():
                assert readable._readableState.awaitDrainWriters is writable

            next_tick(check)

        next_tick(cb)

    writable = Writable({"highWaterMark": 16 * 1024, "write": common.mustCall(write, 3)})

    # A readable stream which produces two buffers.
    bufs = [bytes(32 * 1024), bytes(33 * 1024)]  # above hwm

    def read(n):
        while len(bufs) > 0:
            readable.push(bufs.pop(0))

    readable = Readable({"highWaterMark": 16 * 1024, "read": read})

    readable.pipe(writable)
    run()
