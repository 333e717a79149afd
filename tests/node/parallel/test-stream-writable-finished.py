"""Port of test/parallel/test-stream-writable-finished.js."""

from nodenet_uv import run
from nodenet_uv.stream import Writable
from nodenet_uv.testing import common


def test_basic() -> None:
    # Find it on Writable.prototype
    assert "writableFinished" in Writable.__dict__


def test_event() -> None:
    writable = Writable()

    def _write(chunk, encoding, cb):
        # The state finished should start in false.
        assert writable.writableFinished is False
        cb()

    writable._write = _write

    def check():
        assert writable.writableFinished is True

    writable.on("finish", common.mustCall(check))
    writable.end("testing finished state", common.mustCall(check))
    run()


def test_emit_finish_asynchronously() -> None:
    w = Writable({"write": lambda chunk, encoding, cb: cb()})
    w.end()
    w.on("finish", common.mustCall())
    run()


def test_emit_prefinish_synchronously() -> None:
    w = Writable({"write": lambda chunk, encoding, cb: cb()})

    sync = True

    def on_prefinish():
        assert sync is True

    w.on("prefinish", common.mustCall(on_prefinish))
    w.end()
    sync = False
    run()


def test_emit_prefinish_synchronously_with_final() -> None:
    w = Writable({"write": lambda chunk, encoding, cb: cb(), "final": lambda cb: cb()})

    sync = True

    def on_prefinish():
        assert sync is True

    w.on("prefinish", common.mustCall(on_prefinish))
    w.end()
    sync = False
    run()


def test_call_final_synchronously() -> None:
    sync = True

    def final(cb):
        assert sync is True
        cb()

    w = Writable({"write": lambda chunk, encoding, cb: cb(), "final": common.mustCall(final)})

    w.end()
    sync = False
    run()
