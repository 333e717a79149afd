"""Port of test/parallel/test-stream-writable-end-cb-error.js."""

from nodenet_uv import run
from nodenet_uv._internal.task_queues import next_tick
from nodenet_uv.stream import Writable
from nodenet_uv.testing import common
from nodenet_uv.timers import setImmediate


def test_end_callback_on_failure() -> None:
    # Invoke end callback on failure.
    writable = Writable()

    _err = Exception("kaboom")

    def _write(chunk, encoding, cb):
        next_tick(cb, _err)

    writable._write = _write

    def check(err):
        assert err is _err

    writable.on("error", common.mustCall(check))
    writable.write("asd")
    writable.end(common.mustCall(check))
    writable.end(common.mustCall(check))
    run()


def test_end_callback_not_twice() -> None:
    # Don't invoke end callback twice
    writable = Writable()

    def _write(chunk, encoding, cb):
        next_tick(cb)

    writable._write = _write

    called = False

    def end_cb(err):
        nonlocal called
        called = True
        assert err is None

    writable.end("asd", common.mustCall(end_cb))

    def on_error(err):
        assert str(err) == "kaboom"

    writable.on("error", common.mustCall(on_error))

    def on_finish():
        assert called is True
        writable.emit("error", Exception("kaboom"))

    writable.on("finish", common.mustCall(on_finish))
    run()


def test_write_after_end() -> None:
    w = Writable(
        {
            "write": lambda chunk, encoding, callback: setImmediate(callback),
            "finish": lambda callback: setImmediate(callback),
        }
    )

    def check(err):
        assert err.code == "ERR_STREAM_WRITE_AFTER_END"

    w.end("testing ended state", common.mustCall(check))
    assert w.destroyed is False
    assert w.writableEnded is True
    w.end(common.mustCall(check))
    assert w.destroyed is False
    assert w.writableEnded is True
    w.end("end", common.mustCall(check))
    assert w.destroyed is True
    w.on("error", common.mustCall(check))
    w.on("finish", common.mustNotCall())
    run()
