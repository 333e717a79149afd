"""Port of test/sequential/test-timers-block-eventloop.js (Flags: --expose-internals).

``internal/util``'s ``sleep(ms)`` is ``time.sleep``.
"""

import time

from nodenet_uv import run
from nodenet_uv.testing import common
from nodenet_uv.timers import clearInterval, setImmediate, setInterval


def test_block_eventloop() -> None:
    called = False

    def first():
        nonlocal called
        assert not called
        called = True

        def clear():
            clearInterval(t1)
            clearInterval(t2)

        setImmediate(common.mustCall(clear))

    t1 = setInterval(common.mustCallAtLeast(first), 10)

    t2 = setInterval(lambda: time.sleep(0.020), 10)
    run()
