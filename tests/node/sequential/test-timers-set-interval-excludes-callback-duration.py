"""Port of test/sequential/test-timers-set-interval-excludes-callback-duration.js
(Flags: --expose-internals). ``sleep(ms)`` is ``time.sleep``.
"""

import time

from nodenet_uv import run
from nodenet_uv.testing import common
from nodenet_uv.timers import clearInterval, setImmediate, setInterval


def test_set_interval_excludes_callback_duration() -> None:
    cntr = 0
    first = 0.0

    def tick():
        nonlocal cntr, first
        cntr += 1
        if cntr == 1:
            time.sleep(0.100)
            # Ensure that the event loop passes before the second interval
            setImmediate(common.mustCall(lambda: check_one()))
            first = time.time() * 1000
        elif cntr == 2:
            assert time.time() * 1000 - first < 100
            clearInterval(t)

    def check_one():
        assert cntr == 1

    t = setInterval(common.mustCallAtLeast(tick), 100)

    def tick2():
        if cntr == 2:
            clearInterval(t2)

    t2 = setInterval(tick2, 100)
    run()
