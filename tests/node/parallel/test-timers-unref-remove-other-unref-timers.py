"""Port of test/parallel/test-timers-unref-remove-other-unref-timers.js.

Regression test for https://github.com/nodejs/node-v0.x-archive/issues/8897.

Test some private implementation details that should not be considered public interface.
"""

import types

from nodenet_uv import run, timers
from nodenet_uv.testing import common
from nodenet_uv.timers import setTimeout


def test_unref_remove_other_unref_timers() -> None:
    foo = types.SimpleNamespace(_onTimeout=common.mustNotCall("_onTimeout should not be called"))

    bar = types.SimpleNamespace(_onTimeout=common.mustCall(lambda: timers.unenroll(foo)))

    # We use timers with expiration times that are sufficiently apart to make sure that
    # they're not fired at the same time on platforms where the timer resolution is a bit
    # coarse (like Windows with a default resolution of ~15ms). See:
    # http://www.nodejs.org/api/timers.html#timers_settimeout_callback_delay_arg
    timers.enroll(bar, 1)
    timers._unrefActive(bar)

    timers.enroll(foo, 50)
    timers._unrefActive(foo)

    # Keep the process open.
    setTimeout(lambda: None, 100)
    run()
