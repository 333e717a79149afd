"""Port of test/parallel/test-timers-nested.js (Flags: --expose-internals).

``internal/util``'s ``sleep(ms)`` blocks the thread: ``time.sleep``.
"""

import time

import pytest

from nodenet_uv import process, run
from nodenet_uv.timers import setTimeout


@pytest.mark.parametrize("delay", [0, 100])
def test_nested(delay: int) -> None:
    # Schedule the first timeout for @delay ms
    nestedCalled = False
    exit_checks = []

    def A():
        # As the first timeout expires, schedule a second timeout for @delay ms.
        def B():
            nonlocal nestedCalled
            nestedCalled = True

        setTimeout(B, delay)

        # Busy loop for the same timeout used for the nested timeout to ensure that
        # we are in fact expiring the nested timeout when the time is right.
        time.sleep(delay / 1000)

        # The nested timeout should not have fired yet; nextTick runs before it could.
        def check():
            assert not nestedCalled

        process.nextTick(check)

        def onExit():
            assert nestedCalled

        exit_checks.append(onExit)

    setTimeout(A, delay)
    run()

    # process.on('exit')
    assert exit_checks
    for check in exit_checks:
        check()
