"""Port of test/parallel/test-timers-next-tick.js (Flags: --expose-internals).

This test verifies that the next tick queue runs after each individual Timeout, as well
as each individual Immediate.
"""

import time

from nodenet_uv import process, run
from nodenet_uv.testing import common
from nodenet_uv.timers import clearImmediate, clearTimeout, setImmediate, setTimeout


def test_timers_next_tick() -> None:
    def first_timeout():
        def tick():
            clearTimeout(t2)
            clearTimeout(t3)

        process.nextTick(tick)

    setTimeout(common.mustCall(first_timeout), 1)
    t2 = setTimeout(common.mustNotCall(), 1)
    t3 = setTimeout(common.mustNotCall(), 1)
    setTimeout(common.mustCall(), 1)

    time.sleep(0.005)  # sleep(5)

    def first_immediate():
        def tick():
            clearImmediate(i2)
            clearImmediate(i3)

        process.nextTick(tick)

    setImmediate(common.mustCall(first_immediate))
    i2 = setImmediate(common.mustNotCall())
    i3 = setImmediate(common.mustNotCall())
    setImmediate(common.mustCall())
    run()
