"""Port of test/parallel/test-stream-decoder-objectmode.js."""

from nodenet_uv import run
from nodenet_uv._internal.buffer import buffer_from_string
from nodenet_uv.stream import Readable


def test_decoder_in_object_mode_keeps_chunks() -> None:
    readable = Readable(read=lambda n: None, encoding="utf16le", objectMode=True)

    readable.push(buffer_from_string("abc", "utf16le"))
    readable.push(buffer_from_string("def", "utf16le"))
    readable.push(None)

    # Without object mode, these would be concatenated into a single chunk.
    assert readable.read() == "abc"
    assert readable.read() == "def"
    assert readable.read() is None
    run()
