"""Port of test/parallel/test-timers-uncaught-exception.js."""

from nodenet_uv import process, run
from nodenet_uv.errors import JsError
from nodenet_uv.testing import common
from nodenet_uv.timers import setTimeout

errorMsg = "BAM!"


def test_uncaught_exception() -> None:
    # The first timer throws...
    def thrower():
        raise JsError(errorMsg)

    setTimeout(common.mustCall(thrower), 1)

    # ...but the second one should still run
    setTimeout(common.mustCall(), 1)

    def uncaughtException(err):
        assert err.message == errorMsg

    process.on("uncaughtException", common.mustCall(uncaughtException))
    run()
