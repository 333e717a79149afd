"""Port of test/parallel/test-timers-unref-active.js.

This test is aimed at making sure that unref timers queued with timers._unrefActive work
correctly. Basically, it queues one timer in the unref queue, and then queues it again
each time its timeout callback is fired until the callback has been called ten times. At
that point, it unenrolls the unref timer so that its timeout callback is not fired ever
again. Finally, a ref timeout is used with a delay large enough to make sure that all 10
timeouts had the time to expire.
"""

import types

from nodenet_uv import run, timers
from nodenet_uv.timers import setTimeout


def test_unref_active() -> None:
    someObject = types.SimpleNamespace()
    nbTimeouts = 0

    # These tests are somewhat probabilistic so they may not actually catch a bug but
    # they shouldn't report false positives.
    N = 5
    TEST_DURATION = 1000

    timers.unenroll(someObject)
    timers.enroll(someObject, 1)

    def _onTimeout():
        nonlocal nbTimeouts
        nbTimeouts += 1

        if nbTimeouts == N:
            timers.unenroll(someObject)

        timers._unrefActive(someObject)

    someObject._onTimeout = _onTimeout

    timers._unrefActive(someObject)

    def check():
        assert nbTimeouts == N

    setTimeout(check, TEST_DURATION)
    run()
