"""Port of test/parallel/test-stream-uint8array.js.

A JS Uint8Array that is not a Buffer is a ``bytearray`` here (Buffer is ``bytes``).
DIVERGENCE: Writable turns a Uint8Array into a Buffer over the same memory
(``_uint8ArrayToBuffer``, no copy); here the ``bytearray`` itself is that no-copy
buffer value, so ``chunk instanceof Buffer`` is "bytes or bytearray" on the write side.
"""

from nodenet_uv import run
from nodenet_uv.stream import Readable, Writable
from nodenet_uv.testing import common

ABC = bytearray([0x41, 0x42, 0x43])
DEF = bytearray([0x44, 0x45, 0x46])
GHI = bytearray([0x47, 0x48, 0x49])


def test_simple_writable() -> None:
    n = 0

    def write(chunk, encoding, cb):
        nonlocal n
        assert isinstance(chunk, (bytes, bytearray))
        n += 1
        if n - 1 == 0:
            assert chunk.decode() == "ABC"
        else:
            assert chunk.decode() == "DEF"
        cb()

    writable = Writable({"write": common.mustCall(write, 2)})

    writable.write(ABC)
    writable.end(DEF)
    run()


def test_object_mode_keeps_uint8array() -> None:
    def write(chunk, encoding, cb):
        assert not isinstance(chunk, bytes)
        assert isinstance(chunk, bytearray)
        assert chunk is ABC
        assert encoding is None
        cb()

    writable = Writable({"objectMode": True, "write": common.mustCall(write)})

    writable.end(ABC)
    run()


def test_writev() -> None:
    callback = None

    def write(chunk, encoding, cb):
        nonlocal callback
        assert isinstance(chunk, (bytes, bytearray))
        assert encoding == "buffer"
        assert chunk.decode() == "ABC"
        callback = cb

    def writev(chunks, cb):
        assert len(chunks) == 2
        assert chunks[0]["encoding"] == "buffer"
        assert chunks[1]["encoding"] == "buffer"
        assert (chunks[0]["chunk"] + chunks[1]["chunk"]).decode() == "DEFGHI"

    writable = Writable({"write": common.mustCall(write), "writev": common.mustCall(writev)})

    writable.write(ABC)
    writable.write(DEF)
    writable.end(GHI)
    callback()
    run()


def test_simple_readable() -> None:
    readable = Readable({"read": lambda n: None})

    readable.push(DEF)
    readable.unshift(ABC)

    buf = readable.read()
    assert isinstance(buf, bytes)
    assert list(buf) == [*ABC, *DEF]
    run()


def test_readable_set_encoding() -> None:
    readable = Readable({"read": lambda n: None})

    readable.setEncoding("utf8")

    readable.push(DEF)
    readable.unshift(ABC)

    out = readable.read()
    assert out == "ABCDEF"
    run()
