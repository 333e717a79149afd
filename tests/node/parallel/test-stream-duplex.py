"""Port of test/parallel/test-stream-duplex.js.

The ``Duplex.fromWeb`` and ``Duplex.toWeb`` blocks are left out: they need web streams
(``ReadableStream``/``WritableStream`` from stream/web), which nodenet_uv does not have.
"""

from nodenet_uv import run
from nodenet_uv.stream import Duplex


def test_duplex() -> None:
    stream = Duplex({"objectMode": True})

    assert isinstance(Duplex(), Duplex)
    assert stream._readableState.objectMode
    assert stream._writableState.objectMode
    assert stream.allowHalfOpen
    assert stream.listenerCount("end") == 0

    written = None
    read = None

    def _write(obj, _, cb):
        nonlocal written
        written = obj
        cb()

    stream._write = _write

    stream._read = lambda n=None: None

    def on_data(obj):
        nonlocal read
        read = obj

    stream.on("data", on_data)

    stream.push({"val": 1})
    stream.end({"val": 2})

    run()
    # process.on('exit')
    assert read["val"] == 1
    assert written["val"] == 2


# Duplex.fromWeb (bytes, and utf8 + objectMode) and Duplex.toWeb are not ported: they need
# web streams (stream/web ReadableStream/WritableStream).
