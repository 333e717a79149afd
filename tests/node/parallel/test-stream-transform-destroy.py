"""Port of test/parallel/test-stream-transform-destroy.js."""

from nodenet_uv import run
from nodenet_uv.process import process
from nodenet_uv.stream import Transform
from nodenet_uv.testing import common


def _transform(chunk, enc, cb):
    return None


def test_destroy() -> None:
    transform = Transform({"transform": _transform})

    transform.resume()

    transform.on("end", common.mustNotCall())
    transform.on("close", common.mustCall())
    transform.on("finish", common.mustNotCall())

    transform.destroy()
    run()


def test_destroy_with_error() -> None:
    transform = Transform({"transform": _transform})
    transform.resume()

    expected = Exception("kaboom")

    def on_error(err):
        assert err is expected

    transform.on("end", common.mustNotCall())
    transform.on("finish", common.mustNotCall())
    transform.on("close", common.mustCall())
    transform.on("error", common.mustCall(on_error))

    transform.destroy(expected)
    run()


def test_custom_destroy_method() -> None:
    transform = Transform({"transform": _transform})

    def _destroy(err, cb):
        assert err is expected
        cb(err)

    transform._destroy = common.mustCall(_destroy, 1)

    expected = Exception("kaboom")

    def on_error(err):
        assert err is expected

    transform.on("finish", common.mustNotCall("no finish event"))
    transform.on("close", common.mustCall())
    transform.on("error", common.mustCall(on_error))

    transform.destroy(expected)
    run()


def test_destroy_option_swallows_error() -> None:
    expected = Exception("kaboom")

    def destroy(err, cb):
        assert err is expected
        cb()

    transform = Transform({"transform": _transform, "destroy": common.mustCall(destroy, 1)})
    transform.resume()

    transform.on("end", common.mustNotCall("no end event"))
    transform.on("close", common.mustCall())
    transform.on("finish", common.mustNotCall("no finish event"))

    # Error is swallowed by the custom _destroy
    transform.on("error", common.mustNotCall("no error event"))

    transform.destroy(expected)
    run()


def test_destroy_without_error_passes_null() -> None:
    transform = Transform({"transform": _transform})

    def _destroy(err, cb):
        assert err is None
        cb()

    transform._destroy = common.mustCall(_destroy, 1)

    transform.destroy()
    run()


def test_push_null_and_end_in_destroy() -> None:
    transform = Transform({"transform": _transform})
    transform.resume()

    def _destroy(err, cb):
        assert err is None

        def later():
            transform.push(None)
            transform.end()
            cb()

        process.nextTick(later)

    transform._destroy = common.mustCall(_destroy, 1)

    fail = common.mustNotCall("no event")

    transform.on("finish", fail)
    transform.on("end", fail)
    transform.on("close", common.mustCall())

    transform.destroy()

    transform.removeListener("end", fail)
    transform.removeListener("finish", fail)
    transform.on("end", common.mustCall())
    transform.on("finish", common.mustNotCall())
    run()


def test_destroy_callback_error() -> None:
    transform = Transform({"transform": _transform})

    expected = Exception("kaboom")

    def _destroy(err, cb):
        assert err is None
        cb(expected)

    transform._destroy = common.mustCall(_destroy, 1)

    def on_error(err):
        assert err is expected

    transform.on("close", common.mustCall())
    transform.on("finish", common.mustNotCall("no finish event"))
    transform.on("end", common.mustNotCall("no end event"))
    transform.on("error", common.mustCall(on_error))

    transform.destroy()
    run()


def test_async_dispose() -> None:
    # ``transform[Symbol.asyncDispose]()`` is ``asyncDispose()``
    transform = Transform(transform=lambda chunk, enc, cb: None)

    def on_error(err):
        assert err.name == "AbortError"

    transform.on("error", common.mustCall(on_error))
    transform.on("close", common.mustCall())
    transform.asyncDispose().then(common.mustCall())
    run()


def test_await_using() -> None:
    # ``await using transform = ...`` is try/finally around the scope, awaiting
    # ``asyncDispose()`` at its end.
    async def main():
        transform = Transform(transform=lambda chunk, enc, cb: None)
        try:

            def on_error(err):
                assert err.name == "AbortError"
                assert transform.destroyed is True
                assert transform.errored.name == "AbortError"

            transform.on("error", common.mustCall(on_error))
            transform.on("close", common.mustCall())
        finally:
            await transform.asyncDispose()

    common.mustResolve(main())
    run()
