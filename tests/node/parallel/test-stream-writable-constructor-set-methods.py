"""Port of test/parallel/test-stream-writable-constructor-set-methods.js."""

import pytest

from nodenet_uv import run
from nodenet_uv.stream import Writable
from nodenet_uv.testing import common


def test_constructor_set_methods() -> None:
    buffer_blerg = b"blerg"
    w = Writable()

    with pytest.raises(Exception) as info:
        w.end(buffer_blerg)
    common.check_error(
        info.value,
        {
            "name": "Error",
            "code": "ERR_METHOD_NOT_IMPLEMENTED",
            "message": "The _write() method is not implemented",
        },
    )

    _write = common.mustCall(lambda chunk, _, next: next())

    def writev(chunks, next):
        assert len(chunks) == 2
        next()

    _writev = common.mustCall(writev)

    w2 = Writable({"write": _write, "writev": _writev})

    assert w2._write is _write
    assert w2._writev is _writev

    w2.write(buffer_blerg)

    w2.cork()
    w2.write(buffer_blerg)
    w2.write(buffer_blerg)

    w2.end()
    run()
