"""Port of test/parallel/test-stream-consumers.js.

Left out: the ``blob()`` blocks (no Blob here), every block on a web
``TransformStream`` (no web streams here), and the checks that object-mode chunks are
stringified as '[object Object]' (JS object-to-string coercion, which has no Python twin).
``arrayBuffer()`` gives the bytes here (an ArrayBuffer's Python twin).

``stream/consumers`` is ``nodenet_uv.stream.consumers``; it is imported inside each test
so that its absence fails the tests instead of their collection.
"""

from nodenet_uv import run
from nodenet_uv.stream import PassThrough, Readable
from nodenet_uv.testing import common
from nodenet_uv.testing.common import must_resolve, rejects
from nodenet_uv.timers import setTimeout


def consumers():
    from nodenet_uv.stream import consumers as mod

    return mod


buf = b"hellothere"
kArrayBuffer = buf


def test_array_buffer() -> None:
    passthrough = PassThrough()

    def then(ab):
        assert len(ab) == 10
        assert ab == kArrayBuffer

    consumers().arrayBuffer(passthrough).then(common.mustCall(then))

    passthrough.write("hello")
    setTimeout(lambda: passthrough.end("there"), 10)
    run()


def test_buffer() -> None:
    passthrough = PassThrough()

    def then(b):
        assert len(b) == 10
        assert b == kArrayBuffer

    consumers().buffer(passthrough).then(common.mustCall(then))

    passthrough.write("hello")
    setTimeout(lambda: passthrough.end("there"), 10)
    run()


def test_text() -> None:
    passthrough = PassThrough()

    def then(s):
        assert len(s) == 10
        assert s == "hellothere"

    consumers().text(passthrough).then(common.mustCall(then))

    passthrough.write("hello")
    setTimeout(lambda: passthrough.end("there"), 10)
    run()


def test_text_invalid_utf8() -> None:
    readable = Readable({"read": lambda n: None})

    def then(data):
        assert data == "foo\ufffd\ufffd\ufffd"

    consumers().text(readable).then(then)

    readable.push(bytearray([0x66, 0x6F, 0x6F, 0xED, 0xA0, 0x80]))
    readable.push(None)
    run()


def test_json() -> None:
    passthrough = PassThrough()

    def then(s):
        assert len(s) == 10
        assert s == "hellothere"

    consumers().json(passthrough).then(common.mustCall(then))

    passthrough.write('"hello')
    setTimeout(lambda: passthrough.end('there"'), 10)
    run()


def _object_stream():
    return PassThrough({"readableObjectMode": True, "writableObjectMode": True})


def test_text_object_mode_rejects() -> None:
    stream = _object_stream()
    must_resolve(rejects(consumers().text(stream), {"code": "ERR_INVALID_ARG_TYPE"}))
    stream.write({})
    stream.end({})
    run()


def test_json_object_mode_rejects() -> None:
    stream = _object_stream()
    must_resolve(rejects(consumers().json(stream), {"code": "ERR_INVALID_ARG_TYPE"}))
    stream.write({})
    stream.end({})
    run()
