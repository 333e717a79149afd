"""Port of test/parallel/test-stream-readable-destroy.js.

The JS block with a constructor function called through ``Readable.call(this)`` (an ES5
subclass whose ``destroyed`` is set before the state exists) is ported as a Python
subclass that sets ``destroyed`` before calling ``Readable.__init__``.
"""

import re

from nodenet_uv import run
from nodenet_uv._internal.promise import spawn
from nodenet_uv._internal.task_queues import next_tick
from nodenet_uv.abort_controller import AbortController
from nodenet_uv.stream import Readable, addAbortSignal
from nodenet_uv.testing import common
from nodenet_uv.timers import setTimeout


def _noop_readable(**kw):
    return Readable(read=lambda n: None, **kw)


def test_destroy() -> None:
    read = _noop_readable()
    read.resume()

    read.on("close", common.mustCall())

    read.destroy()
    assert read.errored is None
    assert read.destroyed is True
    run()


def test_destroy_with_error() -> None:
    read = _noop_readable()
    read.resume()

    expected = Exception("kaboom")

    read.on("end", common.mustNotCall("no end event"))
    read.on("close", common.mustCall())
    read.on("error", common.mustCall(lambda err: _is(err, expected)))

    read.destroy(expected)
    assert read.errored is expected
    assert read.destroyed is True
    run()


def test_custom_destroy_method() -> None:
    read = _noop_readable()

    def _destroy(err, cb):
        assert err is expected
        cb(err)

    read._destroy = common.mustCall(_destroy)

    expected = Exception("kaboom")

    read.on("end", common.mustNotCall("no end event"))
    read.on("close", common.mustCall())
    read.on("error", common.mustCall(lambda err: _is(err, expected)))

    read.destroy(expected)
    assert read.destroyed is True
    run()


def test_destroy_option_swallows_error() -> None:
    def destroy(err, cb):
        assert err is expected
        cb()

    read = Readable(read=lambda n: None, destroy=common.mustCall(destroy))

    expected = Exception("kaboom")

    read.on("end", common.mustNotCall("no end event"))

    # Error is swallowed by the custom _destroy
    read.on("error", common.mustNotCall("no error event"))
    read.on("close", common.mustCall())

    read.destroy(expected)
    assert read.destroyed is True
    run()


def test_destroy_without_error_passes_null() -> None:
    read = _noop_readable()

    def _destroy(err, cb):
        assert err is None
        cb()

    read._destroy = common.mustCall(_destroy)

    read.destroy()
    assert read.destroyed is True
    run()


def test_push_null_in_destroy_does_not_end() -> None:
    read = _noop_readable()
    read.resume()

    def _destroy(err, cb):
        assert err is None

        def later():
            read.push(None)
            cb()

        next_tick(later)

    read._destroy = common.mustCall(_destroy)

    fail = common.mustNotCall("no end event")

    read.on("end", fail)
    read.on("close", common.mustCall())

    read.destroy()

    read.removeListener("end", fail)
    read.on("end", common.mustNotCall())
    assert read.destroyed is True
    run()


def test_destroy_callback_error() -> None:
    read = _noop_readable()

    expected = Exception("kaboom")

    def _destroy(err, cb):
        assert err is None
        cb(expected)

    read._destroy = common.mustCall(_destroy)

    ticked = False
    read.on("end", common.mustNotCall("no end event"))

    def on_error(err):
        assert ticked is True
        assert read._readableState.errorEmitted is True
        assert read._readableState.errored is expected
        assert err is expected

    read.on("error", common.mustCall(on_error))

    read.destroy()
    assert read._readableState.errorEmitted is False
    assert read._readableState.errored is expected
    assert read.destroyed is True
    ticked = True
    run()


def test_destroyed_set_by_hand() -> None:
    read = _noop_readable()
    read.resume()

    read.destroyed = True
    assert read.destroyed is True

    # The internal destroy() mechanism should not be triggered
    read.on("end", common.mustNotCall())
    read.destroy()
    run()


def test_destroyed_before_init() -> None:
    class MyReadable(Readable):
        def __init__(self):
            assert self.destroyed is False
            self.destroyed = False
            Readable.__init__(self)

    MyReadable()


def test_destroy_callback_and_error_order() -> None:
    # Destroy and destroy callback
    read = _noop_readable()
    read.resume()

    expected = Exception("kaboom")

    ticked = False

    def on_close():
        assert read._readableState.errorEmitted is True
        assert ticked is True

    read.on("close", common.mustCall(on_close))

    read.on("error", common.mustCall(lambda err: _is(err, expected)))

    assert read._readableState.errored is None
    assert read._readableState.errorEmitted is False

    def cb(err):
        assert read._readableState.errored is expected
        assert err is expected

    read.destroy(expected, common.mustCall(cb))
    assert read._readableState.errorEmitted is False
    assert read._readableState.errored is expected
    ticked = True
    run()


def test_second_destroy_ignored() -> None:
    def destroy(err, cb):
        next_tick(cb, Exception("kaboom 1"))

    readable = Readable(destroy=common.mustCall(destroy), read=lambda n: None)

    ticked = False

    def on_close():
        assert ticked is True
        assert readable._readableState.errorEmitted is True

    readable.on("close", common.mustCall(on_close))

    def on_error(err):
        assert ticked is True
        assert str(err) == "kaboom 1"
        assert readable._readableState.errorEmitted is True

    readable.on("error", common.mustCall(on_error))

    readable.destroy()
    assert readable.destroyed is True
    assert readable._readableState.errored is None
    assert readable._readableState.errorEmitted is False

    # Test case where `readable.destroy()` is called again with an error before
    # the `_destroy()` callback is called.
    readable.destroy(Exception("kaboom 2"))
    assert readable._readableState.errorEmitted is False
    assert readable._readableState.errored is None

    ticked = True
    run()


def test_push_after_destroy() -> None:
    read = _noop_readable()

    read.destroy()
    read.push("hi")
    read.on("data", common.mustNotCall())
    run()


def test_read_after_destroy() -> None:
    read = Readable(read=common.mustNotCall())
    read.destroy()
    assert read.destroyed is True
    read.read()
    run()


def test_push_after_eof_without_auto_destroy() -> None:
    def read_(n):
        read.push(None)
        read.push("asd")

    read = Readable(autoDestroy=False, read=read_)

    read.on("error", common.mustCall(lambda *a: _ok(read._readableState.errored)))
    read.resume()
    run()


def test_add_abort_signal() -> None:
    controller = AbortController()
    read = addAbortSignal(controller.signal, Readable(read=lambda n: read.push("asd")))

    read.on("error", common.mustCall(lambda e: _eq(e.name, "AbortError")))
    controller.abort()
    read.on("data", common.mustNotCall())
    run()


def test_signal_option() -> None:
    controller = AbortController()
    read = Readable(signal=controller.signal, read=lambda n: read.push("asd"))

    read.on("error", common.mustCall(lambda e: _eq(e.name, "AbortError")))
    controller.abort()
    read.on("data", common.mustNotCall())
    run()


def test_abort_during_async_iteration() -> None:
    controller = AbortController()
    read = addAbortSignal(controller.signal, Readable(objectMode=True, read=lambda n: False))
    read.push("asd")

    read.on("error", common.mustCall(lambda e: _eq(e.name, "AbortError")))

    async def consume():
        async for _chunk in read:
            pass

    def rejected(err):
        assert re.search("AbortError", f"{getattr(err, 'name', '')}: {err}")

    spawn(consume()).then(common.mustNotCall(), rejected).then(common.mustCall())
    setTimeout(lambda: controller.abort(), 0)
    run()


def test_push_and_read_in_error_and_close() -> None:
    read = _noop_readable()

    read.on("data", common.mustNotCall())

    def on_error(e):
        read.push("asd")
        read.read()

    read.on("error", common.mustCall(on_error))

    def on_close(*_):
        read.push("asd")
        read.read()

    read.on("close", common.mustCall(on_close))
    read.destroy(Exception("asd"))
    run()


def test_push_and_read_in_close() -> None:
    read = _noop_readable()

    read.on("data", common.mustNotCall())

    def on_close(*_):
        read.push("asd")
        read.read()

    read.on("close", common.mustCall(on_close))
    read.destroy()
    run()


def test_push_and_unshift_in_close() -> None:
    read = _noop_readable()

    read.on("data", common.mustNotCall())

    def on_close(*_):
        read.push("asd")
        read.unshift("asd")

    read.on("close", common.mustCall(on_close))
    read.destroy()
    run()


def test_unshift_after_destroy() -> None:
    read = _noop_readable()

    read.on("data", common.mustNotCall())
    read.destroy()
    read.unshift("asd")
    run()


def test_push_in_close_while_flowing() -> None:
    read = _noop_readable()

    read.resume()
    read.on("data", common.mustNotCall())
    read.on("close", common.mustCall(lambda *a: read.push("asd")))
    read.destroy()
    run()


def test_push_after_destroy_with_data_listener() -> None:
    read = _noop_readable()

    read.on("data", common.mustNotCall())
    read.destroy()
    read.push("asd")
    run()


def _is(a, b):
    assert a is b


def _eq(a, b):
    assert a == b


def _ok(v):
    assert v
