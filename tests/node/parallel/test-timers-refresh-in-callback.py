"""Port of test/parallel/test-timers-refresh-in-callback.js.

This test checks whether a refresh called inside the callback will keep the event loop
alive to run the timer again.
"""

from nodenet_uv import run
from nodenet_uv.testing import common
from nodenet_uv.timers import setTimeout


def test_refresh_in_callback() -> None:
    didCall = False

    def cb():
        nonlocal didCall
        if not didCall:
            didCall = True
            timer.refresh()

    timer = setTimeout(common.mustCall(cb, 2), 1)
    run()
