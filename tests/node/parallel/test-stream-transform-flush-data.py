"""Port of test/parallel/test-stream-transform-flush-data.js."""

from nodenet_uv import run
from nodenet_uv.stream import Transform


def test_flush_data() -> None:
    expected = "asdf"

    def _transform(d, e, n):
        n()

    def _flush(n):
        n(None, expected)

    t = Transform({"transform": _transform, "flush": _flush})

    t.end(b"blerg")

    def on_data(data):
        assert data.decode() == expected

    t.on("data", on_data)
    run()
