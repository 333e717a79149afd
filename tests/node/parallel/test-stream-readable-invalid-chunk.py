"""Port of test/parallel/test-stream-readable-invalid-chunk.js."""

import pytest

from nodenet_uv import run
from nodenet_uv.stream import Readable
from nodenet_uv.testing import common


@pytest.mark.parametrize("method", ["push", "unshift"])
@pytest.mark.parametrize("val", [[], {}, 0])
def test_invalid_chunk(method, val) -> None:
    readable = Readable(read=lambda n: None)
    readable.on("error", common.expectsError({"code": "ERR_INVALID_ARG_TYPE", "name": "TypeError"}))
    getattr(readable, method)(val)
    run()
