"""Port of test/parallel/test-stream-writable-finished-state.js."""

from nodenet_uv import run
from nodenet_uv.stream import Writable
from nodenet_uv.testing import common


def test_finished_state() -> None:
    writable = Writable()

    def _write(chunk, encoding, cb):
        # The state finished should start in false.
        assert writable._writableState.finished is False
        cb()

    writable._write = _write

    def on_finish():
        assert writable._writableState.finished is True

    writable.on("finish", common.mustCall(on_finish))

    def end_cb():
        assert writable._writableState.finished is True

    writable.end("testing finished state", common.mustCall(end_cb))
    run()
