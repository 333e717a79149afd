"""Port of test/parallel/test-timers-immediate-queue.js.

setImmediate should run clear its queued cbs once per event loop turn but immediates
queued while processing the current queue should happen on the next turn of the event
loop. In a 2ms window, hit should be about 10 (one per immediate); if this counter
climbs too high, setImmediate is being called recursively within a single turn.
"""

import time

from nodenet_uv import run
from nodenet_uv.timers import setImmediate, setTimeout


def test_immediate_queue() -> None:
    ticked = False
    hit = 0
    QUEUE = 10

    def run_():
        nonlocal ticked, hit
        if hit == 0:

            def tick():
                nonlocal ticked
                ticked = True

            setTimeout(tick, 1)
            now = time.monotonic()
            while time.monotonic() - now < 0.002:
                pass

        if ticked:
            return

        hit += 1
        setImmediate(run_)

    for _ in range(QUEUE):
        setImmediate(run_)
    run()

    # process.on('exit')
    print("hit", hit)
    assert hit == QUEUE
