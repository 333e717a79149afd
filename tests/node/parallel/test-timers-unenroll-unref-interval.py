"""Port of test/parallel/test-timers-unenroll-unref-interval.js.

This test verifies that unrefed intervals that are unenrolled in their callback (via any
of the ways: clearTimeout, close, clearInterval, _idleTimeout = -1, _onTimeout = null) do not
keep the loop alive.
"""

from nodenet_uv import run
from nodenet_uv.testing import common
from nodenet_uv.timers import clearInterval, clearTimeout, setInterval, setTimeout


def test_unenroll_unref_interval() -> None:
    interval1 = setInterval(common.mustCall(lambda: clearTimeout(interval1)), 1).unref()

    interval2 = setInterval(common.mustCall(lambda: interval2.close()), 1).unref()

    interval3 = setInterval(common.mustCall(lambda: clearInterval(interval3)), 1).unref()

    def set_idle_timeout():
        interval4._idleTimeout = -1

    interval4 = setInterval(common.mustCall(set_idle_timeout), 1).unref()

    def set_on_timeout():
        interval5._onTimeout = None

    interval5 = setInterval(common.mustCall(set_on_timeout), 1).unref()

    # Use timers' intrinsic behavior to keep this open exactly long enough for the
    # problem to manifest.
    #
    # See https://github.com/nodejs/node/issues/9561
    #
    # Since this is added after it will always fire later than the above timeouts,
    # unless the system clock goes very backwards/forwards.
    setTimeout(common.mustCall(lambda: setTimeout(common.mustCall(), 1)), 1)
    run()
