"""Port of test/parallel/test-timers-interval-throw.js.

To match browser behaviour, interval should continue being rescheduled if it throws.
"""

from nodenet_uv import process, run
from nodenet_uv.errors import JsError
from nodenet_uv.testing import common
from nodenet_uv.timers import clearInterval, setInterval


def test_interval_throw() -> None:
    count = 2

    def thrower():
        raise JsError("IntervalError")

    interval = setInterval(thrower, 1)

    def on_uncaught(err):
        nonlocal count
        assert err.message == "IntervalError"
        count -= 1
        if count == 0:
            clearInterval(interval)

    process.on("uncaughtException", common.mustCall(on_uncaught, 2))
    run()
