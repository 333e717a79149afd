"""Port of test/parallel/test-stream-writable-finish-destroyed.js."""

from nodenet_uv import run
from nodenet_uv.stream import Writable
from nodenet_uv.testing import common


def test_end_then_destroy_with_pending_write() -> None:
    def write(chunk, encoding, cb):
        w.on("close", common.mustCall(lambda: cb()))

    w = Writable({"write": common.mustCall(write)})

    w.on("finish", common.mustNotCall())
    w.end("asd")
    w.destroy()
    run()


def test_write_destroy_then_end_on_close() -> None:
    def write(chunk, encoding, cb):
        def on_close():
            cb()
            w.end()

        w.on("close", common.mustCall(on_close))

    w = Writable({"write": common.mustCall(write)})

    w.on("finish", common.mustNotCall())
    w.write("asd")
    w.destroy()
    run()


def test_end_then_destroy() -> None:
    w = Writable({"write": lambda *a: None})
    w.on("finish", common.mustNotCall())
    w.end()
    w.destroy()
    run()
