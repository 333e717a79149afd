"""Port of test/parallel/test-stream-error-once.js."""

from nodenet_uv import run
from nodenet_uv.stream import Readable, Writable
from nodenet_uv.testing import common


def test_writable_write_after_end_errors_once() -> None:
    writable = Writable()

    writable.on("error", common.mustCall())
    writable.end()
    writable.write("h")
    writable.write("h")
    run()


def test_readable_push_after_eof_errors_once() -> None:
    readable = Readable()

    readable.on("error", common.mustCall())
    readable.push(None)
    readable.push("h")
    readable.push("h")
    run()
