"""Port of test/parallel/test-stream-readable-add-chunk-during-data.js."""

import pytest

from nodenet_uv import run
from nodenet_uv.stream import Readable
from nodenet_uv.testing import common


@pytest.mark.parametrize("method", ["push", "unshift"])
def test_push_and_unshift_from_data_listener(method: str) -> None:
    # Verify that .push() and .unshift() can be called from 'data' listeners.
    r = Readable(read=lambda n: None)

    def once_data(chunk):
        assert r.readableLength == 0
        getattr(r, method)(chunk)
        assert r.readableLength == len(chunk)

        def on_data(chunk):
            assert chunk.decode() == "Hello, world"

        r.on("data", common.mustCall(on_data))

    r.once("data", common.mustCall(once_data))

    r.push("Hello, world")
    run()
