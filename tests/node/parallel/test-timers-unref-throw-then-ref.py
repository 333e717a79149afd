"""Port of test/parallel/test-timers-unref-throw-then-ref.js."""

from nodenet_uv import process, run
from nodenet_uv.errors import JsError
from nodenet_uv.testing import common
from nodenet_uv.timers import setTimeout


def test_unref_throw_then_ref() -> None:
    def on_uncaught(err):
        common.expectsError({"message": "Timeout Error"})(err)

    process.once("uncaughtException", common.mustCall(on_uncaught))

    called = False

    def cb():
        nonlocal called
        assert not called
        called = True
        t.ref()
        raise JsError("Timeout Error")

    t = setTimeout(cb, 1).unref()

    setTimeout(common.mustCall(), 1)
    run()
