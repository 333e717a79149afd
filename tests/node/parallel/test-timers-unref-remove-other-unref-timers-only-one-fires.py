"""Port of test/parallel/test-timers-unref-remove-other-unref-timers-only-one-fires.js.

The goal of this test is to make sure that, after the regression introduced by
934bfe23a16556d05bfb1844ef4d53e8c9887c3d, the fix preserves the following behavior of
unref timers: if two timers are scheduled to fire at the same time, if one unenrolls the
other one in its _onTimeout callback, the other one will *not* fire.

This behavior is a private implementation detail and should not be considered public
interface.
"""

import types

from nodenet_uv import run, timers
from nodenet_uv.timers import setTimeout


def test_only_one_fires() -> None:
    nbTimersFired = 0

    def foo_on_timeout():
        nonlocal nbTimersFired
        nbTimersFired += 1
        timers.unenroll(bar)

    def bar_on_timeout():
        nonlocal nbTimersFired
        nbTimersFired += 1
        timers.unenroll(foo)

    foo = types.SimpleNamespace(_onTimeout=foo_on_timeout)
    bar = types.SimpleNamespace(_onTimeout=bar_on_timeout)

    timers.enroll(bar, 1)
    timers._unrefActive(bar)

    timers.enroll(foo, 1)
    timers._unrefActive(foo)

    def check():
        assert nbTimersFired != 2

    setTimeout(check, 20)
    run()
