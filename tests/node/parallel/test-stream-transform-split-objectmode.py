"""Port of test/parallel/test-stream-transform-split-objectmode.js."""

import sys

from nodenet_uv import run
from nodenet_uv.stream import Transform


def test_split_objectmode() -> None:
    parser = Transform({"readableObjectMode": True})

    assert parser._readableState.objectMode
    assert not parser._writableState.objectMode
    assert parser.readableHighWaterMark == 16
    assert parser.writableHighWaterMark == (16 * 1024 if sys.platform == "win32" else 64 * 1024)
    assert parser.readableHighWaterMark == parser._readableState.highWaterMark
    assert parser.writableHighWaterMark == parser._writableState.highWaterMark

    parser._transform = lambda chunk, enc, callback: callback(None, {"val": chunk[0]})

    parsed = None

    def on_parsed(obj):
        nonlocal parsed
        parsed = obj

    parser.on("data", on_parsed)

    parser.end(bytes([42]))

    serializer = Transform({"writableObjectMode": True})

    assert not serializer._readableState.objectMode
    assert serializer._writableState.objectMode
    assert serializer.readableHighWaterMark == (16 * 1024 if sys.platform == "win32" else 64 * 1024)
    assert serializer.writableHighWaterMark == 16
    assert parser.readableHighWaterMark == parser._readableState.highWaterMark
    assert parser.writableHighWaterMark == parser._writableState.highWaterMark

    serializer._transform = lambda obj, _, callback: callback(None, bytes([obj["val"]]))

    serialized = None

    def on_serialized(chunk):
        nonlocal serialized
        serialized = chunk

    serializer.on("data", on_serialized)

    serializer.write({"val": 42})

    run()
    assert parsed["val"] == 42
    assert serialized[0] == 42
