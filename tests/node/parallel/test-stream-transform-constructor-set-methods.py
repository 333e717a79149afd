"""Port of test/parallel/test-stream-transform-constructor-set-methods.js."""

import pytest

from nodenet_uv import run
from nodenet_uv.stream import Transform
from nodenet_uv.testing import common


def test_constructor_set_methods() -> None:
    t = Transform()

    with pytest.raises(Exception) as info:
        t.end(b"blerg")
    common.check_error(
        info.value,
        {
            "name": "Error",
            "code": "ERR_METHOD_NOT_IMPLEMENTED",
            "message": "The _transform() method is not implemented",
        },
    )

    _transform = common.mustCall(lambda chunk, _, next: next())
    _final = common.mustCall(lambda next: next())
    _flush = common.mustCall(lambda next: next())

    t2 = Transform({"transform": _transform, "flush": _flush, "final": _final})

    assert t2._transform is _transform
    assert t2._flush is _flush
    assert t2._final is _final

    t2.end(b"blerg")
    t2.resume()
    run()
