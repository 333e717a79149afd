"""Port of test/parallel/test-stream-duplex-destroy.js.

The JS block with a constructor function called through ``Duplex.call(this)`` (an ES5
subclass whose ``destroyed`` is set before the states exist) is ported as a Python
subclass that sets ``destroyed`` before calling ``Duplex.__init__``.
"""

from nodenet_uv import run
from nodenet_uv.abort_controller import AbortController
from nodenet_uv.process import process
from nodenet_uv.stream import Duplex
from nodenet_uv.testing import common


def _write(chunk, enc, cb):
    cb()


def _read(n=None):
    return None


def _duplex(**kw):
    return Duplex({"write": _write, "read": _read, **kw})


def test_destroy() -> None:
    duplex = _duplex()

    duplex.resume()

    duplex.on("end", common.mustNotCall())
    duplex.on("finish", common.mustNotCall())
    duplex.on("close", common.mustCall())

    duplex.destroy()
    assert duplex.destroyed is True
    run()


def test_destroy_with_error() -> None:
    duplex = _duplex()
    duplex.resume()

    expected = Exception("kaboom")

    def on_error(err):
        assert err is expected

    duplex.on("end", common.mustNotCall())
    duplex.on("finish", common.mustNotCall())
    duplex.on("error", common.mustCall(on_error))

    duplex.destroy(expected)
    assert duplex.destroyed is True
    run()


def test_custom_destroy_method() -> None:
    duplex = _duplex()

    def _destroy(err, cb):
        assert err is expected
        cb(err)

    duplex._destroy = common.mustCall(_destroy)

    expected = Exception("kaboom")

    def on_error(err):
        assert err is expected

    duplex.on("finish", common.mustNotCall("no finish event"))
    duplex.on("error", common.mustCall(on_error))

    duplex.destroy(expected)
    assert duplex.destroyed is True
    run()


def test_destroy_option_swallows_error() -> None:
    expected = Exception("kaboom")

    def destroy(err, cb):
        assert err is expected
        cb()

    duplex = _duplex(destroy=common.mustCall(destroy))
    duplex.resume()

    duplex.on("end", common.mustNotCall("no end event"))
    duplex.on("finish", common.mustNotCall("no finish event"))

    # Error is swallowed by the custom _destroy
    duplex.on("error", common.mustNotCall("no error event"))
    duplex.on("close", common.mustCall())

    duplex.destroy(expected)
    assert duplex.destroyed is True
    run()


def test_destroy_without_error_passes_null() -> None:
    duplex = _duplex()

    def _destroy(err, cb):
        assert err is None
        cb()

    duplex._destroy = common.mustCall(_destroy)

    duplex.destroy()
    assert duplex.destroyed is True
    run()


def test_push_null_and_end_in_destroy() -> None:
    duplex = _duplex()
    duplex.resume()

    def _destroy(err, cb):
        assert err is None

        def later():
            duplex.push(None)
            duplex.end()
            cb()

        process.nextTick(later)

    duplex._destroy = common.mustCall(_destroy)

    fail = common.mustNotCall("no finish or end event")

    duplex.on("finish", fail)
    duplex.on("end", fail)

    duplex.destroy()

    duplex.removeListener("end", fail)
    duplex.removeListener("finish", fail)
    duplex.on("end", common.mustNotCall())
    duplex.on("finish", common.mustNotCall())
    assert duplex.destroyed is True
    run()


def test_destroy_callback_error() -> None:
    duplex = _duplex()

    expected = Exception("kaboom")

    def _destroy(err, cb):
        assert err is None
        cb(expected)

    duplex._destroy = common.mustCall(_destroy)

    def on_error(err):
        assert err is expected

    duplex.on("finish", common.mustNotCall("no finish event"))
    duplex.on("end", common.mustNotCall("no end event"))
    duplex.on("error", common.mustCall(on_error))

    duplex.destroy()
    assert duplex.destroyed is True
    run()


def test_allow_half_open() -> None:
    duplex = _duplex(allowHalfOpen=True)
    duplex.resume()

    duplex.on("finish", common.mustNotCall())
    duplex.on("end", common.mustNotCall())

    duplex.destroy()
    assert duplex.destroyed is True
    run()


def test_destroyed_set_by_user() -> None:
    duplex = _duplex()

    duplex.destroyed = True
    assert duplex.destroyed is True

    # The internal destroy() mechanism should not be triggered
    duplex.on("finish", common.mustNotCall())
    duplex.on("end", common.mustNotCall())
    duplex.destroy()
    run()


def test_destroyed_before_init() -> None:
    class MyDuplex(Duplex):
        def __init__(self):
            assert self.destroyed is False
            self.destroyed = False
            Duplex.__init__(self)

    MyDuplex()


def test_writable_false_auto_destroy() -> None:
    duplex = _duplex(writable=False, autoDestroy=True)
    duplex.push(None)
    duplex.resume()
    duplex.on("close", common.mustCall())
    run()


def test_readable_false_auto_destroy() -> None:
    duplex = _duplex(readable=False, autoDestroy=True)
    duplex.end()
    duplex.on("close", common.mustCall())
    run()


def test_no_half_open_end_on_next_tick() -> None:
    duplex = _duplex(allowHalfOpen=False, autoDestroy=True)
    duplex.push(None)
    duplex.resume()
    org_end = duplex.end
    duplex.end = common.mustNotCall()

    def on_end():
        # Ensure end() is called in next tick to allow
        # any pending writes to be invoked first.
        def later():
            duplex.end = common.mustCall(org_end)

        process.nextTick(later)

    duplex.on("end", on_end)
    duplex.on("close", common.mustCall())
    run()


def test_abort_signal() -> None:
    # Check abort signal
    controller = AbortController()
    signal = controller.signal
    duplex = _duplex(signal=signal)
    count = 0

    def on_error(e):
        nonlocal count
        assert count == 0  # Ensure not called twice
        count += 1
        assert e.name == "AbortError"

    duplex.on("error", common.mustCall(on_error))
    duplex.on("close", common.mustCall())
    controller.abort()
    run()


def test_cork_write_then_destroy() -> None:
    duplex = Duplex(read=lambda n: None, write=lambda chunk, enc, cb: cb())

    duplex.cork()

    def on_write(err):
        assert err.code == "ERR_STREAM_DESTROYED"

    duplex.write("foo", common.mustCall(on_write))
    duplex.destroy()
    run()


def test_async_dispose() -> None:
    # Check Symbol.asyncDispose (``duplex[Symbol.asyncDispose]()`` is ``asyncDispose()``)
    duplex = Duplex(write=lambda chunk, enc, cb: cb(), read=lambda n: None)
    count = 0

    def on_error(e):
        nonlocal count
        assert count == 0  # Ensure not called twice
        count += 1
        assert e.name == "AbortError"

    duplex.on("error", common.mustCall(on_error))
    duplex.on("close", common.mustCall())
    duplex.asyncDispose().then(common.mustCall())
    run()


def test_await_using() -> None:
    # Check Symbol.asyncDispose implicitly: ``await using duplex = ...`` is try/finally
    # around the scope, awaiting ``asyncDispose()`` at its end.
    async def main():
        duplex = Duplex(write=lambda chunk, enc, cb: cb(), read=lambda n: None)
        try:

            def on_error(e):
                assert e.name == "AbortError"
                assert duplex.destroyed is True
                assert duplex.errored.name == "AbortError"

            duplex.on("error", common.mustCall(on_error))
            duplex.on("close", common.mustCall())
        finally:
            await duplex.asyncDispose()

    common.mustResolve(main())
    run()
