"""Port of test/parallel/test-timers-timeout-with-non-integer.js.

This test is for https://github.com/nodejs/node/issues/24203
"""

from nodenet_uv import run
from nodenet_uv.testing import common
from nodenet_uv.timers import setTimeout


def test_timeout_with_non_integer() -> None:
    count = 50
    time = 1.00000000000001

    def _exec():
        nonlocal count
        count -= 1
        if count == 0:
            return
        setTimeout(exec_, time)

    exec_ = common.mustCall(_exec, count)
    exec_()
    run()
