"""Port of test/parallel/test-next-tick-intentional-starvation.js.

This is the inverse of test-next-tick-starvation: it verifies that process.nextTick will
*always* come before other events, up to the limit of the process.maxTickDepth value.
"""

import time

from nodenet_uv import process, run
from nodenet_uv.timers import setTimeout


def test_intentional_starvation() -> None:
    ran = False
    starved = False
    start = time.time() * 1000
    timerRan = False

    def spin():
        nonlocal ran, starved
        ran = True
        now = time.time() * 1000
        if now - start > 100:
            print("The timer is starving, just as we planned.")
            starved = True
            # now let it out.
            return
        process.nextTick(spin)

    def onTimeout():
        nonlocal timerRan
        if not starved:
            raise Exception("The timer escaped!")
        print("The timer ran once the ban was lifted")
        timerRan = True

    spin()
    setTimeout(onTimeout, 50)
    run()

    # process.on('exit')
    assert ran
    assert starved
    assert timerRan
