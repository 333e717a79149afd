"""Port of test/parallel/test-timers-enroll-second-time.js."""

import types

from nodenet_uv import run, timers
from nodenet_uv.testing import common


def test_enroll_second_time() -> None:
    enrollObj = types.SimpleNamespace(_onTimeout=common.mustCall())

    timers.enroll(enrollObj, 1)
    assert enrollObj._idleTimeout == 1
    timers.enroll(enrollObj, 10)
    assert enrollObj._idleTimeout == 10
    timers.active(enrollObj)
    run()
