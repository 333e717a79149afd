"""Port of test/parallel/test-stream-writable-end-multiple.js."""

from nodenet_uv import run, timers
from nodenet_uv.stream import Writable
from nodenet_uv.testing import common


def test_end_multiple() -> None:
    writable = Writable()

    def _write(chunk, encoding, cb):
        timers.setTimeout(lambda: cb(), 10)

    writable._write = _write

    writable.end("testing ended state", common.mustCall())
    writable.end(common.mustCall())

    def on_finish():
        ticked = False

        def end_cb(err):
            assert ticked is True
            assert err.code == "ERR_STREAM_ALREADY_FINISHED"

        writable.end(common.mustCall(end_cb))
        ticked = True

    writable.on("finish", common.mustCall(on_finish))
    run()
