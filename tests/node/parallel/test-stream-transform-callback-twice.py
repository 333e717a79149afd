"""Port of test/parallel/test-stream-transform-callback-twice.js."""

from nodenet_uv import run
from nodenet_uv.stream import Transform
from nodenet_uv.testing import common


def test_transform_callback_twice() -> None:
    def transform(chunk, enc, cb):
        cb()
        cb()

    stream = Transform({"transform": transform})

    stream.on(
        "error",
        common.expectsError(
            {
                "name": "Error",
                "message": "Callback called multiple times",
                "code": "ERR_MULTIPLE_CALLBACK",
            }
        ),
    )

    stream.write("foo")
    run()
