"""Port of test/parallel/test-stream-readable-with-unimplemented-_read.js."""

from nodenet_uv import run
from nodenet_uv.stream import Readable
from nodenet_uv.testing import common


def test_unimplemented_read_errors() -> None:
    readable = Readable()

    readable.read()
    readable.on(
        "error",
        common.expectsError(
            {
                "code": "ERR_METHOD_NOT_IMPLEMENTED",
                "name": "Error",
                "message": "The _read() method is not implemented",
            }
        ),
    )
    readable.on("close", common.mustCall())
    run()
