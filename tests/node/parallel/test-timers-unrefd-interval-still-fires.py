"""Port of test/parallel/test-timers-unrefd-interval-still-fires.js.

Regression test for https://github.com/nodejs/node-v0.x-archive/issues/8900.
"""

from nodenet_uv import run
from nodenet_uv.testing import common
from nodenet_uv.timers import clearInterval, clearTimeout, setInterval, setTimeout


def test_unrefd_interval_still_fires() -> None:
    TEST_DURATION = common.platformTimeout(1000)
    N = 3

    keepOpen = setTimeout(
        common.mustNotCall("Test timed out. keepOpen was not canceled."), TEST_DURATION
    )

    def cb():
        nonlocal N
        N -= 1
        if N == 0:
            clearInterval(timer)
            timer._onTimeout = common.mustNotCall("Unrefd interval fired after being cleared")
            clearTimeout(keepOpen)

    timer = setInterval(common.mustCall(cb, N), 1)

    timer.unref()
    run()
