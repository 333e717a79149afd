"""Port of test/parallel/test-stream-readable-setEncoding-null.js."""

from nodenet_uv.stream import Readable


def test_set_encoding_null_is_utf8() -> None:
    readable = Readable({"encoding": "hex"})
    assert readable._readableState.encoding == "hex"

    readable.setEncoding(None)

    assert readable._readableState.encoding == "utf8"
