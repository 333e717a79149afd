"""Port of test/parallel/test-timers-timeout-to-interval.js.

This isn't officially supported but nonetheless is something that is currently possible
and as such it shouldn't cause the process to crash.
"""

from nodenet_uv import run
from nodenet_uv.testing import common
from nodenet_uv.timers import clearInterval, setTimeout


def test_timeout_to_interval() -> None:
    def cb():
        if t._repeat:
            clearInterval(t)
        t._repeat = 1

    t = setTimeout(common.mustCall(cb, 2), 1)
    run()
