"""Port of test/parallel/test-stream-readable-ended.js."""

from nodenet_uv import run
from nodenet_uv.stream import Readable
from nodenet_uv.testing import common


def test_readable_ended_on_prototype() -> None:
    # Find it on Readable.prototype
    assert "readableEnded" in Readable.__dict__


def test_readable_ended_state() -> None:
    readable = Readable()

    def _read(n):
        # The state ended should start in false.
        assert readable.readableEnded is False
        readable.push("asd")
        assert readable.readableEnded is False
        readable.push(None)
        assert readable.readableEnded is False

    readable._read = _read

    readable.on("end", common.mustCall(lambda: _is(readable.readableEnded, True)))
    readable.on("data", common.mustCall(lambda *a: _is(readable.readableEnded, False)))
    run()


def test_push_null_twice() -> None:
    # Verifies no `error` triggered on multiple .push(null) invocations
    readable = Readable()

    readable.on("readable", lambda: readable.read())
    readable.on("error", common.mustNotCall())
    readable.on("end", common.mustCall())

    readable.push("a")
    readable.push(None)
    readable.push(None)
    run()


def _is(a, b):
    assert a is b
