"""Port of test/parallel/test-stream2-compatibility.js."""

from nodenet_uv import run
from nodenet_uv.stream import Readable as R
from nodenet_uv.stream import Writable as W
from nodenet_uv.timers import setImmediate

ondata_called = 0


class _TestReader(R):
    def __init__(self):
        super().__init__()
        self._buffer = b"x" * 100

        def on_data(*_):
            global ondata_called
            ondata_called += 1

        self.on("data", on_data)

    def _read(self, n):
        self.push(self._buffer)
        self._buffer = b""


class _TestWriter(W):
    def __init__(self):
        super().__init__()
        self.write("foo")
        self.end()

    def _write(self, chunk, enc, cb):
        cb()


def test_compatibility() -> None:
    reader = _TestReader()

    def later():
        assert ondata_called == 1
        reader.push(None)

    setImmediate(later)

    writer = _TestWriter()

    run()
    assert reader.readable is False
    assert writer.writable is False
