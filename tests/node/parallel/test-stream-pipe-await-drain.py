"""Port of test/parallel/test-stream-pipe-await-drain.js."""

from nodenet_uv import run
from nodenet_uv._internal.task_queues import next_tick
from nodenet_uv.stream import Readable, Writable
from nodenet_uv.testing import common
from nodenet_uv.timers import setImmediate


def test_await_drain() -> None:
    # This is very similar to test-stream-pipe-cleanup-pause.js.

    reader = Readable()
    writer1 = Writable()
    writer2 = Writable()
    writer3 = Writable()

    # 560000 is chosen here because it is larger than the (default) highWaterMark
    # and will cause `.write()` to return false
    # See: https://github.com/nodejs/node/issues/5820
    buffer = bytes(560000)

    reader._read = lambda n: None

    def write1(chunk, encoding, cb):
        writer1.emit("chunk-received")
        next_tick(cb)

    writer1._write = common.mustCall(write1, 1)

    def on_chunk_received():
        assert len(reader._readableState.awaitDrainWriters) == 0, (
            "awaitDrain initial value should be 0, actual is "
            f"{len(reader._readableState.awaitDrainWriters)}"
        )
        # This one should *not* get through to writer1 because writer2 is not
        # "done" processing.
        setImmediate(lambda: reader.push(buffer))

    writer1.once("chunk-received", on_chunk_received)

    # A "slow" consumer:
    def write2(chunk, encoding, cb):
        assert len(reader._readableState.awaitDrainWriters) == 1, (
            "awaitDrain should be 1 after first push, actual is "
            f"{len(reader._readableState.awaitDrainWriters)}"
        )
        # Not calling cb here to "simulate" slow stream.
        # This should be called exactly once, since the first .write() call
        # will return false.

    writer2._write = common.mustCall(write2, 1)

    def write3(chunk, encoding, cb):
        assert len(reader._readableState.awaitDrainWriters) == 2, (
            "awaitDrain should be 2 after second push, actual is "
            f"{len(reader._readableState.awaitDrainWriters)}"
        )
        # Not calling cb here to "simulate" slow stream.
        # This should be called exactly once, since the first .write() call
        # will return false.

    writer3._write = common.mustCall(write3, 1)

    reader.pipe(writer1)
    reader.pipe(writer2)
    reader.pipe(writer3)
    reader.push(buffer)
    run()
