"""Port of test/parallel/test-timers-max-duration-warning.js."""

from nodenet_uv import process, run
from nodenet_uv.testing import common
from nodenet_uv.timers import clearInterval, clearTimeout, setInterval, setTimeout

OVERFLOW = 2**31  # TIMEOUT_MAX is 2^31-1


def timerNotCanceled():
    raise AssertionError("Timer should be canceled")


def test_max_duration_warning() -> None:
    def on_warning(warning):
        if warning.name == "DeprecationWarning":
            return

        lines = warning.message.split("\n")

        assert warning.name == "TimeoutOverflowWarning"
        assert lines[0] == f"{OVERFLOW} does not fit into a 32-bit signed integer."
        assert len(lines) == 2

    process.on("warning", common.mustCall(on_warning, 2))

    timeout = setTimeout(timerNotCanceled, OVERFLOW)
    clearTimeout(timeout)

    interval = setInterval(timerNotCanceled, OVERFLOW)
    clearInterval(interval)
    run()
