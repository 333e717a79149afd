"""Port of test/parallel/test-timers-clear-timeout-interval-equivalent.js.

This test makes sure that timers created with setTimeout can be disarmed by clearInterval
and that timers created with setInterval can be disarmed by clearTimeout.
"""

from nodenet_uv import run
from nodenet_uv.testing import common
from nodenet_uv.timers import clearInterval, clearTimeout, setInterval, setTimeout


def test_clear_timeout_interval_equivalent() -> None:
    # Disarm interval with clearTimeout.
    interval = setInterval(common.mustNotCall(), 1)
    clearTimeout(interval)

    # Disarm timeout with clearInterval.
    timeout = setTimeout(common.mustNotCall(), 1)
    clearInterval(timeout)
    run()
