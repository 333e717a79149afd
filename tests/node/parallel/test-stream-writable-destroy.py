"""Port of test/parallel/test-stream-writable-destroy.js.

The JS block with a constructor function called through ``Writable.call(this)`` (an ES5
subclass whose ``destroyed`` is set before the state exists) is ported as a Python
subclass that sets ``destroyed`` before calling ``Writable.__init__``.
"""

from nodenet_uv import run
from nodenet_uv.abort_controller import AbortController, AbortSignal
from nodenet_uv.process import process
from nodenet_uv.stream import Writable, addAbortSignal
from nodenet_uv.testing import common
from nodenet_uv.timers import setImmediate

DESTROYED = {
    "name": "Error",
    "code": "ERR_STREAM_DESTROYED",
    "message": "Cannot call write after a stream was destroyed",
}


def _write(chunk, enc, cb):
    cb()


def _writable(**kw):
    return Writable({"write": _write, **kw})


def test_destroy() -> None:
    write = _writable()

    write.on("finish", common.mustNotCall())
    write.on("close", common.mustCall())

    write.destroy()
    assert write.destroyed is True
    run()


def test_destroy_in_write() -> None:
    def write_fn(chunk, enc, cb):
        write.destroy(Exception("asd"))
        cb()

    write = Writable({"write": write_fn})

    write.on("error", common.mustCall())
    write.on("finish", common.mustNotCall())
    write.end("asd")
    assert write.destroyed is True
    run()


def test_destroy_with_error() -> None:
    write = _writable()

    expected = Exception("kaboom")

    def on_error(err):
        assert err is expected

    write.on("finish", common.mustNotCall())
    write.on("close", common.mustCall())
    write.on("error", common.mustCall(on_error))

    write.destroy(expected)
    assert write.destroyed is True
    run()


def test_custom_destroy_method() -> None:
    write = _writable()

    def _destroy(err, cb):
        assert err is expected
        cb(err)

    write._destroy = _destroy

    expected = Exception("kaboom")

    def on_error(err):
        assert err is expected

    write.on("finish", common.mustNotCall("no finish event"))
    write.on("close", common.mustCall())
    write.on("error", common.mustCall(on_error))

    write.destroy(expected)
    assert write.destroyed is True
    run()


def test_destroy_option_swallows_error() -> None:
    def destroy(err, cb):
        assert err is expected
        cb()

    write = _writable(destroy=common.mustCall(destroy))

    expected = Exception("kaboom")

    write.on("finish", common.mustNotCall("no finish event"))
    write.on("close", common.mustCall())

    # Error is swallowed by the custom _destroy
    write.on("error", common.mustNotCall("no error event"))

    write.destroy(expected)
    assert write.destroyed is True
    run()


def test_destroy_without_error_passes_null() -> None:
    write = _writable()

    def _destroy(err, cb):
        assert err is None
        cb()

    write._destroy = common.mustCall(_destroy)

    write.destroy()
    assert write.destroyed is True
    run()


def test_end_in_destroy() -> None:
    write = _writable()

    def _destroy(err, cb):
        assert err is None

        def later():
            write.end()
            cb()

        process.nextTick(later)

    write._destroy = common.mustCall(_destroy)

    fail = common.mustNotCall("no finish event")

    write.on("finish", fail)
    write.on("close", common.mustCall())

    write.destroy()

    assert write.destroyed is True
    run()


def test_destroy_callback_error() -> None:
    write = _writable()

    expected = Exception("kaboom")

    def _destroy(err, cb):
        assert err is None
        cb(expected)

    write._destroy = common.mustCall(_destroy)

    def on_error(err):
        assert err is expected

    write.on("close", common.mustCall())
    write.on("finish", common.mustNotCall("no finish event"))
    write.on("error", common.mustCall(on_error))

    write.destroy()
    assert write.destroyed is True
    run()


def test_double_error() -> None:
    # double error case
    write = _writable()

    ticked = False

    def on_close():
        assert ticked is True

    def on_error(err):
        assert ticked is True
        assert str(err) == "kaboom 1"
        assert write._writableState.errorEmitted is True

    write.on("close", common.mustCall(on_close))
    write.on("error", common.mustCall(on_error))

    expected = Exception("kaboom 1")
    write.destroy(expected)
    write.destroy(Exception("kaboom 2"))
    assert write._writableState.errored is expected
    assert write._writableState.errorEmitted is False
    assert write.destroyed is True
    ticked = True
    run()


def test_destroy_callback_error_later() -> None:
    def destroy(err, cb):
        process.nextTick(cb, Exception("kaboom 1"))

    writable = Writable({"destroy": common.mustCall(destroy), "write": _write})

    ticked = False

    def on_close():
        writable.on("error", common.mustNotCall())
        writable.destroy(Exception("hello"))
        assert ticked is True
        assert writable._writableState.errorEmitted is True

    def on_error(err):
        assert ticked is True
        assert str(err) == "kaboom 1"
        assert writable._writableState.errorEmitted is True

    writable.on("close", common.mustCall(on_close))
    writable.on("error", common.mustCall(on_error))

    writable.destroy()
    assert writable.destroyed is True
    assert writable._writableState.errored is None
    assert writable._writableState.errorEmitted is False

    # Test case where `writable.destroy()` is called again with an error before
    # the `_destroy()` callback is called.
    writable.destroy(Exception("kaboom 2"))
    assert writable._writableState.errorEmitted is False
    assert writable._writableState.errored is None

    ticked = True
    run()


def test_destroyed_set_by_user() -> None:
    write = _writable()

    write.destroyed = True
    assert write.destroyed is True

    # The internal destroy() mechanism should not be triggered
    write.on("close", common.mustNotCall())
    write.destroy()
    run()


def test_destroyed_before_init() -> None:
    class MyWritable(Writable):
        def __init__(self):
            assert self.destroyed is False
            self.destroyed = False
            Writable.__init__(self)

    MyWritable()


def test_destroy_and_destroy_callback() -> None:
    # Destroy and destroy callback
    write = _writable()

    write.destroy()

    expected = Exception("kaboom")

    def cb(err=None):
        # JS: err is undefined.
        assert err is None

    write.destroy(expected, common.mustCall(cb))
    run()


def test_undestroy_calls_final_again() -> None:
    # Checks that `._undestroy()` restores the state so that `final` will be
    # called again.
    write = Writable(
        {
            "write": common.mustNotCall(),
            "final": common.mustCall(lambda cb: cb(), 2),
            "autoDestroy": True,
        }
    )

    write.end()

    def on_close():
        write._undestroy()
        write.end()

    write.once("close", common.mustCall(on_close))
    run()


def test_write_after_destroy() -> None:
    write = Writable()

    write.destroy()
    write.on("error", common.mustNotCall())
    write.write("asd", common.expectsError(DESTROYED))
    run()


def test_corked_write_after_destroy() -> None:
    write = _writable()

    write.on("error", common.mustNotCall())

    write.cork()
    write.write("asd", common.mustCall())
    write.uncork()

    write.cork()
    write.write("asd", common.expectsError(DESTROYED))
    write.destroy()
    write.write("asd", common.expectsError(DESTROYED))
    write.uncork()
    run()


def test_end_cb_after_error_and_destroy() -> None:
    # Call end(cb) after error & destroy

    def write_fn(chunk, enc, cb):
        cb(Exception("asd"))

    write = Writable({"write": write_fn})

    def on_error(*_):
        write.destroy()
        ticked = False

        def end_cb(err):
            assert ticked is True
            assert err.code == "ERR_STREAM_DESTROYED"

        write.end(common.mustCall(end_cb))
        ticked = True

    write.on("error", common.mustCall(on_error))
    write.write("asd")
    run()


def test_end_cb_after_finish_and_destroy() -> None:
    # Call end(cb) after finish & destroy

    write = _writable()

    def on_finish():
        write.destroy()
        ticked = False

        def end_cb(err):
            assert ticked is True
            assert err.code == "ERR_STREAM_ALREADY_FINISHED"

        write.end(common.mustCall(end_cb))
        ticked = True

    write.on("finish", common.mustCall(on_finish))
    write.end()
    run()


def test_end_cb_after_error_and_destroy_no_unhandled() -> None:
    # Call end(cb) after error & destroy and don't trigger
    # unhandled exception.

    write = Writable({"write": lambda chunk, enc, cb: process.nextTick(cb)})
    _err = Exception("asd")

    def on_error(err):
        assert str(err) == "asd"

    def end_cb(err):
        assert err is _err

    write.once("error", common.mustCall(on_error))
    write.end("asd", common.mustCall(end_cb))
    write.destroy(_err)
    run()


def test_buffered_write_callback_with_error() -> None:
    # Call buffered write callback with error

    _err = Exception("asd")

    def write_fn(chunk, enc, cb):
        process.nextTick(cb, _err)

    write = Writable({"write": write_fn, "autoDestroy": False})

    def check(err):
        assert err is _err

    write.cork()
    write.write("asd", common.mustCall(check))
    write.write("asd", common.mustCall(check))
    write.on("error", common.mustCall(check))
    write.uncork()
    run()


def test_callback_order() -> None:
    # Ensure callback order.

    state = 0

    def write_fn(chunk, enc, cb):
        # `setImmediate()` is used on purpose to ensure the callback is called
        # after `process.nextTick()` callbacks.
        setImmediate(cb)

    write = Writable({"write": write_fn})

    def first(*_):
        nonlocal state
        assert state == 0
        state += 1

    def second(err):
        nonlocal state
        assert err.code == "ERR_STREAM_DESTROYED"
        assert state == 1
        state += 1

    write.write("asd", common.mustCall(first))
    write.write("asd", common.mustCall(second))
    write.destroy()
    run()


def test_callback_called_twice() -> None:
    def write_fn(chunk, enc, cb):
        cb()
        cb()

    write = Writable({"autoDestroy": False, "write": write_fn})

    def on_error(*_):
        assert write._writableState.errored

    write.on("error", common.mustCall(on_error))
    write.write("asd")
    run()


def test_add_abort_signal() -> None:
    ac = AbortController()
    write = addAbortSignal(ac.signal, _writable())

    def on_error(e):
        assert e.name == "AbortError"
        assert write.destroyed is True

    write.on("error", common.mustCall(on_error))
    write.write("asd")
    ac.abort()
    run()


def test_signal_option() -> None:
    ac = AbortController()
    write = _writable(signal=ac.signal)

    def on_error(e):
        assert e.name == "AbortError"
        assert write.destroyed is True

    write.on("error", common.mustCall(on_error))
    write.write("asd")
    ac.abort()
    run()


def test_already_aborted_signal() -> None:
    signal = AbortSignal.abort()

    write = _writable(signal=signal)

    def on_error(e):
        assert e.name == "AbortError"
        assert write.destroyed is True

    write.on("error", common.mustCall(on_error))
    run()


def test_destroy_twice() -> None:
    # Destroy twice
    write = _writable()

    write.end(common.mustCall())
    write.destroy()
    write.destroy()
    run()


def test_end_cb_destroy_with_pending_final() -> None:
    # https://github.com/nodejs/node/issues/39356
    s = Writable({"final": lambda: None})
    _err = Exception("oh no")

    def check(err):
        assert err is _err

    # Remove `callback` and it works
    s.end(common.mustCall(check))
    s.on("error", common.mustCall(check))
    s.destroy(_err)
    run()


def test_async_dispose() -> None:
    # ``write[Symbol.asyncDispose]()`` is ``asyncDispose()``
    write = Writable(write=lambda chunk, enc, cb: cb())

    def on_error(e):
        assert e.name == "AbortError"
        assert write.destroyed is True

    write.on("error", common.mustCall(on_error))
    write.asyncDispose().then(common.mustCall())
    run()


def test_await_using() -> None:
    # ``await using write = ...`` is try/finally around the scope, awaiting
    # ``asyncDispose()`` at its end.
    async def main():
        write = Writable(write=lambda chunk, enc, cb: cb())
        try:

            def on_error(e):
                assert e.name == "AbortError"
                assert write.destroyed is True
                assert write.errored.name == "AbortError"

            write.on("error", common.mustCall(on_error))
            write.on("close", common.mustCall())
            write.on("finish", common.mustNotCall("no finish event"))
        finally:
            await write.asyncDispose()

    common.mustResolve(main())
    run()
