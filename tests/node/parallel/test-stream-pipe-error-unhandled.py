"""Port of test/parallel/test-stream-pipe-error-unhandled.js."""

from nodenet_uv import run
from nodenet_uv.process import process
from nodenet_uv.stream import Readable, Writable
from nodenet_uv.testing import common


def test_pipe_error_unhandled() -> None:
    def on_uncaught(err):
        assert str(err) == "asd"

    process.on("uncaughtException", common.mustCall(on_uncaught))

    r = Readable({"read": lambda n: r.push("asd")})
    w = Writable({"autoDestroy": True, "write": lambda *args: None})

    r.pipe(w)
    w.destroy(Exception("asd"))
    run()
