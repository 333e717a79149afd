"""Port of test/parallel/test-timers-non-integer-delay.js.

This test makes sure that non-integer timer delays do not make the process hang. See
https://github.com/joyent/node/issues/8065 and
https://github.com/joyent/node/issues/8068 which have been fixed by
https://github.com/joyent/node/pull/8073.
"""

from nodenet_uv import run
from nodenet_uv.testing import common
from nodenet_uv.timers import clearInterval, setInterval, setTimeout


def test_non_integer_interval() -> None:
    TIMEOUT_DELAY = 1.1
    N = 50

    def tick():
        nonlocal N
        N -= 1
        if N == 0:
            clearInterval(interval)

    interval = setInterval(common.mustCall(tick, N), TIMEOUT_DELAY)
    run()


def test_non_integer_ordering() -> None:
    # Test non-integer delay ordering
    ordering = []

    setTimeout(common.mustCall(lambda: ordering.append(1)), 1)
    setTimeout(common.mustCall(lambda: ordering.append(2)), 1.8)
    setTimeout(common.mustCall(lambda: ordering.append(3)), 1.1)
    setTimeout(common.mustCall(lambda: ordering.append(4)), 1)

    def check():
        expected = [1, 2, 3, 4]
        assert ordering == expected, (
            f"Non-integer delay ordering should be {expected}, but got {ordering}"
        )

    setTimeout(common.mustCall(check), 2)
    run()
