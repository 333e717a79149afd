"""Port of test/parallel/test-stream2-decode-partial.js."""

from nodenet_uv import run
from nodenet_uv.stream import Readable


def test_decode_partial() -> None:
    buf = []

    euro = bytes([0xE2, 0x82, 0xAC])
    cent = bytes([0xC2, 0xA2])
    source = euro + cent

    readable = Readable({"encoding": "utf8"})
    readable.push(source[0:2])
    readable.push(source[2:4])
    readable.push(source[4:6])
    readable.push(None)

    readable.on("data", lambda data: buf.append(data))

    run()
    assert "".join(buf) == "€¢"
