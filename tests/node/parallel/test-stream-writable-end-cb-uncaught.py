"""Port of test/parallel/test-stream-writable-end-cb-uncaught.js."""

from nodenet_uv import run
from nodenet_uv.process import process
from nodenet_uv.stream import Writable
from nodenet_uv.testing import common


def test_end_cb_uncaught() -> None:
    def on_uncaught(err):
        assert str(err) == "kaboom"

    process.on("uncaughtException", common.mustCall(on_uncaught))

    writable = Writable()
    _err = Exception("kaboom")

    writable._write = lambda chunk, encoding, cb: cb()
    writable._final = lambda cb: cb(_err)

    writable.write("asd")

    def end_cb(err):
        assert err is _err

    writable.end(common.mustCall(end_cb))
    run()
