"""Port of test/parallel/test-stream-writable-change-default-encoding.js."""

import pytest

from nodenet_uv import run
from nodenet_uv.stream import Writable
from nodenet_uv.testing import common


class MyWritable(Writable):
    def __init__(self, fn, options=None):
        super().__init__(options)
        self.fn = fn

    def _write(self, chunk, encoding, callback):
        self.fn(isinstance(chunk, bytes), type(chunk).__name__, encoding)
        callback()


def test_default_encoding_is_utf8() -> None:
    def fn(is_buffer, type_, enc):
        assert enc == "utf8"

    m = MyWritable(fn, {"decodeStrings": False})
    m.write("foo")
    m.end()
    run()


def test_change_default_encoding_to_ascii() -> None:
    def fn(is_buffer, type_, enc):
        assert enc == "ascii"

    m = MyWritable(fn, {"decodeStrings": False})
    m.setDefaultEncoding("ascii")
    m.write("bar")
    m.end()
    run()


def test_change_default_encoding_to_invalid_value() -> None:
    with pytest.raises(Exception) as info:
        m = MyWritable(lambda is_buffer, type_, enc: None, {"decodeStrings": False})
        m.setDefaultEncoding({})
        m.write("bar")
        m.end()
    common.check_error(
        info.value,
        {"name": "TypeError", "code": "ERR_UNKNOWN_ENCODING", "message": "Unknown encoding: {}"},
    )


def test_check_variable_case_encoding() -> None:
    def fn(is_buffer, type_, enc):
        assert enc == "ascii"

    m = MyWritable(fn, {"decodeStrings": False})
    m.setDefaultEncoding("AsCii")
    m.write("bar")
    m.end()
    run()
