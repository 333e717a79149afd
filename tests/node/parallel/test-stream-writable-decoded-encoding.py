"""Port of test/parallel/test-stream-writable-decoded-encoding.js."""

import pytest

from nodenet_uv import run
from nodenet_uv.stream import Writable
from nodenet_uv.testing import common


def _js_typeof(v):
    return "string" if isinstance(v, str) else "object"


class MyWritable(Writable):
    def __init__(self, fn, options=None):
        super().__init__(options)
        self.fn = fn

    def _write(self, chunk, encoding, callback):
        self.fn(isinstance(chunk, bytes), _js_typeof(chunk), encoding)
        callback()


def test_decode_strings_true() -> None:
    def fn(is_buffer, type_, enc):
        assert is_buffer
        assert type_ == "object"
        assert enc == "buffer"

    m = MyWritable(fn, {"decodeStrings": True})
    m.write("some-text", "utf8")
    m.end()
    run()


def test_decode_strings_false() -> None:
    def fn(is_buffer, type_, enc):
        assert not is_buffer
        assert type_ == "string"
        assert enc == "utf8"

    m = MyWritable(fn, {"decodeStrings": False})
    m.write("some-text", "utf8")
    m.end()
    run()


def test_invalid_default_encoding() -> None:
    with pytest.raises(Exception) as info:
        m = MyWritable(None, {"defaultEncoding": "my invalid encoding"})
        m.end()
    common.check_error(info.value, {"code": "ERR_UNKNOWN_ENCODING"})


def test_default_encoding_hex() -> None:
    def fn(is_buffer, type_, enc):
        assert not is_buffer
        assert type_ == "string"
        assert enc == "hex"

    w = MyWritable(fn, {"defaultEncoding": "hex", "decodeStrings": False})
    w.write("asd")
    w.end()
    run()


def test_default_encoding_null() -> None:
    def fn(is_buffer, type_, enc):
        assert not is_buffer
        assert type_ == "string"
        assert enc == "utf8"

    w = MyWritable(fn, {"defaultEncoding": None, "decodeStrings": False})
    w.write("asd")
    w.end()
    run()


def test_object_mode() -> None:
    def fn(is_buffer, type_, enc):
        assert type_ == "object"
        assert enc == "utf8"

    m = MyWritable(fn, {"defaultEncoding": "hex", "objectMode": True})
    m.write({"foo": "bar"}, "utf8")
    m.end()
    run()
