"""Port of test/parallel/test-stream-readable-next-no-null.js."""

from nodenet_uv import run
from nodenet_uv.stream import Readable
from nodenet_uv.testing import common


def test_async_generator_yielding_null() -> None:
    async def generate():
        yield None

    stream = Readable.from_(generate())

    stream.on(
        "error",
        common.expectsError(
            {
                "code": "ERR_STREAM_NULL_VALUES",
                "name": "TypeError",
                "message": "May not write null values to stream",
            }
        ),
    )

    stream.on("data", common.mustNotCall())

    stream.on("end", common.mustNotCall())
    run()
