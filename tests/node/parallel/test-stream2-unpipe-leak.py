"""Port of test/parallel/test-stream2-unpipe-leak.js."""

from nodenet_uv import run
from nodenet_uv.stream import Readable, Writable

chunk = b"hallo"


class MyWriter(Writable):
    def _write(self, buffer, encoding, callback):
        callback(None)


class MyReader(Readable):
    def __init__(self):
        super().__init__({"highWaterMark": 0x10000})

    def _read(self, size):
        self.push(chunk)


def test_unpipe_leak() -> None:
    dest = MyWriter()
    src = MyReader()

    for _ in range(10):
        src.pipe(dest)
        src.unpipe(dest)

    assert len(src.listeners("end")) == 0
    assert len(src.listeners("readable")) == 0

    assert len(dest.listeners("unpipe")) == 0
    assert len(dest.listeners("drain")) == 0
    assert len(dest.listeners("error")) == 0
    assert len(dest.listeners("close")) == 0
    assert len(dest.listeners("finish")) == 0

    run()
    # (Node checks this at process exit, after `src.readableBuffer.length = 0`, which
    # only sets a property on the BufferList and leaves the state's length alone.)
    assert src.readableLength >= src.readableHighWaterMark
