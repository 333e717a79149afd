"""Port of test/parallel/test-stream-readable-error-end.js."""

from nodenet_uv import run
from nodenet_uv.stream import Readable
from nodenet_uv.testing import common


def test_no_end_after_error() -> None:
    r = Readable(read=lambda n: None)
    r.on("end", common.mustNotCall())
    r.on("data", common.mustCall())
    r.on("error", common.mustCall())
    r.push("asd")
    r.push(None)
    r.destroy(Exception("kaboom"))
    run()
