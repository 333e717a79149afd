"""Port of test/parallel/test-stream-writable-ended-state.js."""

from nodenet_uv import run
from nodenet_uv.stream import Writable
from nodenet_uv.testing import common


def test_ended_state() -> None:
    writable = Writable()

    def _write(chunk, encoding, cb):
        assert writable._writableState.ended is False
        assert writable._writableState.writable is None
        assert writable.writableEnded is False
        cb()

    writable._write = _write

    assert writable._writableState.ended is False
    assert writable._writableState.writable is None
    assert writable.writable is True
    assert writable.writableEnded is False

    def end_cb():
        assert writable._writableState.ended is True
        assert writable._writableState.writable is None
        assert writable.writable is False
        assert writable.writableEnded is True

    writable.end("testing ended state", common.mustCall(end_cb))

    assert writable._writableState.ended is True
    assert writable._writableState.writable is None
    assert writable.writable is False
    assert writable.writableEnded is True
    run()
