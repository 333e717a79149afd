"""Port of test/parallel/test-stream-writable-write-cb-error.js."""

# Ensure callback is always invoked before
# error is emitted. Regardless if error was
# sync or async.

from nodenet_uv import run
from nodenet_uv._internal.task_queues import next_tick
from nodenet_uv.stream import Writable
from nodenet_uv.testing import common


def test_sync_error() -> None:
    callback_called = False
    writable = Writable({"write": common.mustCall(lambda buf, enc, cb: cb(Exception()))})

    def on_error():
        assert callback_called is True

    writable.on("error", common.mustCall(on_error))

    def cb():
        nonlocal callback_called
        callback_called = True

    writable.write("hi", common.mustCall(cb))
    run()


def test_async_error() -> None:
    callback_called = False
    writable = Writable({"write": common.mustCall(lambda buf, enc, cb: next_tick(cb, Exception()))})

    def on_error():
        assert callback_called is True

    writable.on("error", common.mustCall(on_error))

    def cb():
        nonlocal callback_called
        callback_called = True

    writable.write("hi", common.mustCall(cb))
    run()


def test_no_live_lock() -> None:
    # Sync Error
    writable = Writable({"write": common.mustCall(lambda buf, enc, cb: cb(Exception()))})

    writable.on("error", common.mustCall())

    cnt = 0
    # Ensure we don't live lock on sync error
    while writable.write("a"):
        cnt += 1

    assert cnt == 0
    run()
