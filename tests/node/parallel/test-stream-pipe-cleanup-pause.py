"""Port of test/parallel/test-stream-pipe-cleanup-pause.js."""

from nodenet_uv import run
from nodenet_uv.stream import Readable, Writable
from nodenet_uv.testing import common
from nodenet_uv.timers import setImmediate


def test_cleanup_pause() -> None:
    reader = Readable()
    writer1 = Writable()
    writer2 = Writable()

    # 560000 is chosen here because it is larger than the (default) highWaterMark
    # and will cause `.write()` to return false
    # See: https://github.com/nodejs/node/issues/2323
    buffer = bytes(560000)

    reader._read = lambda n: None

    def write1(chunk, encoding, cb):
        writer1.emit("chunk-received")
        cb()

    writer1._write = common.mustCall(write1, 1)

    def on_chunk_received():
        reader.unpipe(writer1)
        reader.pipe(writer2)
        reader.push(buffer)

        def again():
            reader.push(buffer)
            setImmediate(lambda: reader.push(buffer))

        setImmediate(again)

    writer1.once("chunk-received", on_chunk_received)

    writer2._write = common.mustCall(lambda chunk, encoding, cb: cb(), 3)

    reader.pipe(writer1)
    reader.push(buffer)
    run()
