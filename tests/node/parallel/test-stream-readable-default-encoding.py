"""Port of test/parallel/test-stream-readable-default-encoding.js."""

import pytest

from nodenet_uv import run
from nodenet_uv.stream import Readable
from nodenet_uv.testing import common


def test_invalid_default_encoding() -> None:
    with pytest.raises(Exception) as info:
        Readable(read=lambda n: None, defaultEncoding="my invalid encoding")
    common.check_error(info.value, {"code": "ERR_UNKNOWN_ENCODING"})


def test_default_encoding_hex() -> None:
    r = Readable(read=lambda n: None, defaultEncoding="hex")

    r.push("ab")

    r.on("data", common.mustCall(lambda chunk: _eq(chunk.hex(), "ab"), 1))
    run()


def test_explicit_encoding_wins() -> None:
    r = Readable(read=lambda n: None, defaultEncoding="hex")

    r.push("xy", "utf-8")

    r.on("data", common.mustCall(lambda chunk: _eq(chunk.decode("utf-8"), "xy"), 1))
    run()


def _eq(a, b):
    assert a == b
